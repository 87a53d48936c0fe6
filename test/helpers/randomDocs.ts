// Random doc sets in the Microsoft Graph format, for the property-based tests
// (test/property.test.ts). A doc set is generated as plain data (a `DocSetSpec`,
// which fast-check can shrink) and rendered to Markdown pages by `renderDocSet`.
//
// Two kinds of doc text are kept apart:
//   - NAMES (types, properties, members, headers, path placeholders, the words
//     of an API title) become identifiers in the output; they come from
//     `nameArb`, plausible and hostile ones alike, and never hold a marker;
//   - FREE TEXT (descriptions, title prose in parentheses, enum member
//     descriptions, header values, permission scopes, path literals, example
//     bodies) may only reach the output inside comments and string literals;
//     every piece of it holds at least one unique marker word `zqmark<N>`,
//     numbered at render time, plus hostile payloads.
// Enum member names are also drawn from markers now and then: they are
// emitted only as string literals and in comments.
import fc from 'fast-check';
import { INVISIBLE_CHARACTERS } from './invisible.js';

export const MARKER = /zqmark\d+/g;

// ---------------------------------------------------------------------------
// Free text

export type Fragment =
  | { t: 'word'; v: string }
  | { t: 'marker' }
  | { t: 'hostile'; v: string; glue: boolean }
  | { t: 'newline' };

/** Free text: always starts with a marker, so every text can be traced. */
export type Text = Fragment[];

const WORDS = ['the', 'device', 'value', 'is', 'set', 'when', 'read', 'only', 'of', 'a', 'user', 'Nullable.', 'Read-only.', 'Supports', 'and'];

/** Payloads meant to escape a comment or string literal, hide code, or confuse Markdown. */
export const HOSTILE = [
  '*/',
  '/*',
  '/**',
  '**/',
  '*/ export const pwned = 1; /*',
  '${',
  '${globalThis.pwned}',
  '`',
  '``',
  "'",
  '"',
  "'); pwned(); ('",
  '" + pwned + "',
  '\\',
  '\\\\',
  "\\'",
  '\\u0041',
  '\\n',
  '\\*/',
  '*\\/',
  '</script>',
  '<script>alert(1)</script>',
  '<br>',
  '<!-- hidden -->',
  '\u2028',
  '\u2029',
  '\u001b[31m',
  '\t',
  '\v',
  '\f',
  '&#x2028;',
  '&#x202E;',
  '&#0;',
  '&#96;',
  '@deprecated',
  '@see',
  '@internal',
  '{@link pwned}',
  '// line',
  '#!',
  '|',
  '\\|',
  '[deprecated]',
  'w'.repeat(2500),
  'lorem '.repeat(400).trim(),
] as const;

/**
 * Payloads that carry a marker of their own (`@M@`) into code if they break out
 * of a comment or string literal, so that a break-out with valid syntax is seen.
 */
export const INJECTIONS = [
  '*/ export const @M@ = 1; /*',
  '*/ @M@ /*',
  '*/@M@',
  "'; export const @M@ = 1; '",
  "' + @M@ + '",
  '" + @M@ + "',
  '` + @M@ + `',
  '${@M@}',
  '\\\' + @M@ + \'',
  '\u2028@M@',
  '\u2029 @M@ = 1;',
  '\u0085@M@',
  '\\u2028@M@',
  '&#x2028;@M@',
  '&#39; + @M@ + &#39;',
] as const;

/** A raw NUL makes the whole page a `binary-file` (skipped): rare, so that most pages are read. */
const NUL = '\u0000';
/** Bidi controls, format characters and controls, drawn from Unicode's whole set (NUL apart, above). */
const INVISIBLE = INVISIBLE_CHARACTERS.filter((char) => char !== NUL);

const fragmentArb: fc.Arbitrary<Fragment> = fc.oneof(
  { weight: 80, arbitrary: fc.constantFrom(...WORDS).map((v): Fragment => ({ t: 'word', v })) },
  { weight: 40, arbitrary: fc.constant<Fragment>({ t: 'marker' }) },
  { weight: 80, arbitrary: fc.record({ v: fc.constantFrom(...HOSTILE), glue: fc.boolean() }).map((h): Fragment => ({ t: 'hostile', ...h })) },
  { weight: 30, arbitrary: fc.record({ v: fc.constantFrom(...INJECTIONS), glue: fc.boolean() }).map((h): Fragment => ({ t: 'hostile', ...h })) },
  { weight: 30, arbitrary: fc.record({ v: fc.constantFrom(...INVISIBLE), glue: fc.boolean() }).map((h): Fragment => ({ t: 'hostile', ...h })) },
  { weight: 1, arbitrary: fc.constant<Fragment>({ t: 'hostile', v: NUL, glue: true }) },
  { weight: 20, arbitrary: fc.constant<Fragment>({ t: 'newline' }) },
);

export const textArb: fc.Arbitrary<Text> = fc
  .array(fragmentArb, { maxLength: 7 })
  .map((rest): Text => [{ t: 'marker' }, ...rest]);

// ---------------------------------------------------------------------------
// Names

const VOCABULARY = ['thing', 'widget', 'node', 'item', 'device', 'state', 'audit', 'value', 'entry'];
const PREFIXES = ['', '', '', 'is', 'validate', 'check', 'checkPropertiesOf', 'get'];
const SUFFIXES = ['', '', '', 'Values', 'Operation', 'Body', '2', 's'];

/** Names that are keywords, globals, runtime exports, prototype members, or not identifiers at all. */
export const HOSTILE_NAMES = [
  'class', 'default', 'delete', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype',
  'Object', 'Promise', 'Date', 'Error', 'Array', 'Map', 'JSON', 'Record', 'Partial', 'unknown', 'never',
  'undefined', 'NaN', 'globalThis', 'rt', 'HttpRequest', 'pathSegment', 'withQuery', 'ValidationIssue', 'ValidationOptions',
  'ValidationResult', 'ODataQuery', 'then', 'await', 'yield', 'let', 'static', 'enum', 'interface', 'type',
  'function', 'async', 'arguments', 'eval', 'package', 'params', 'body', 'query', 'value', 'path', 'errors',
  'a.b', 'x-y', 'x_y', '1abc', 'ñandú', 'Ωmega', '日本', '$ref', '@odata.type', '@odata.id', '_', '__', '$',
  'name.with.dots', 'a..b', 'Thing', 'THING', 'thing_', 'checkPropertiesOf', 'Values', 'odata.etag',
] as const;

export const nameArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 2 }), fc.constantFrom(...SUFFIXES))
      .map(([prefix, words, suffix]) => camel([prefix, ...words].filter(Boolean)) + suffix),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
);

function camel(words: string[]): string {
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

// ---------------------------------------------------------------------------
// The doc set as data

export type TypeRefSpec =
  | { kind: 'primitive'; name: string; collection: boolean }
  /** A type of this doc set: an index into resources ++ enums (modulo their count). */
  | { kind: 'ref'; index: number; collection: boolean }
  /** A type no page defines. */
  | { kind: 'ghost'; name: string; collection: boolean };

export interface PropertySpec {
  name: string;
  type: TypeRefSpec;
  description: Text;
  note: 'none' | 'readOnly' | 'notNullable' | 'nullable' | 'deprecated' | 'possibleValues' | 'inherited';
  /** `name (deprecated)` in the name cell. */
  deprecatedRow: boolean;
  /** For `possibleValues`: the listed members (a name, or a marker word). */
  values: Array<string | null>;
  /** For `inherited`: the resource it says the row is inherited from. */
  from: number;
}

export interface MemberSpec {
  /** `null`: a marker word as the member name. */
  name: string | null;
  value: { kind: 'int'; value: number } | { kind: 'none' } | { kind: 'text'; text: Text };
  description: Text;
}

export type NamespaceSpec = 'default' | 'none' | 'sub' | 'deep';

export interface ResourceSpec {
  name: string;
  namespace: NamespaceSpec;
  /** Where the type name comes from: the annotation's `@odata.type`, or the title (no annotation). */
  annotated: boolean;
  titleProse: Text | null;
  description: Text;
  note: Text | null;
  base: { index: number; via: 'annotation' | 'sentence' } | null;
  key: boolean;
  open: boolean;
  abstract: boolean;
  methods: boolean;
  properties: PropertySpec[];
  relationships: PropertySpec[];
  valuesSection: { name: string; members: MemberSpec[] } | null;
  json: 'valid' | 'invalid' | 'none';
}

export interface EnumSpec {
  name: string;
  namespace: NamespaceSpec;
  titleProse: Text | null;
  description: Text;
  members: MemberSpec[];
}

export type PathPiece =
  | { kind: 'word'; v: string }
  | { kind: 'marker' }
  | { kind: 'hostile'; v: string }
  | { kind: 'placeholder'; v: string };

export interface ApiSpec {
  /** A title that is one word: a keyword, a global, a runtime export (then `verb` and `target` are unused). */
  bareTitle: string | null;
  /** Appended to the page's file name (`api/a0<suffix>.md`): file names reach comments and strings too. */
  fileSuffix: string;
  verb: string;
  /** What the title names: a type of the set (by index), or any name. */
  target: { kind: 'type'; index: number } | { kind: 'name'; name: string };
  titleProse: Text | null;
  deprecatedTitle: boolean;
  description: Text;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  paths: PathPiece[][];
  permissions: { work: Text; personal: Text | null; application: Text } | null;
  headers: Array<{ name: string; value: Text }>;
  queryOptions: boolean;
  body:
    | { kind: 'absent' }
    | { kind: 'none' }
    | { kind: 'type'; ref: TypeRefSpec; prose: Text }
    | { kind: 'table'; properties: PropertySpec[]; ref: TypeRefSpec | null };
  response:
    | { kind: 'absent' }
    | { kind: 'noContent'; prose: Text }
    | { kind: 'type'; status: string; ref: TypeRefSpec; collection: boolean; prose: Text }
    | { kind: 'bold'; name: string }
    | { kind: 'annotated'; ref: TypeRefSpec; collection: boolean };
  examples: Array<{ role: 'request' | 'response'; body: Text; validJson: boolean; annotationName: Text | null }>;
}

export interface DocSetSpec {
  resources: ResourceSpec[];
  enums: EnumSpec[];
  apis: ApiSpec[];
}

// ---------------------------------------------------------------------------
// Arbitraries

const PRIMITIVES = ['String', 'Int32', 'Boolean', 'DateTimeOffset', 'Double', 'Guid', 'Edm.String', 'int', 'Binary', 'Duration'];

export const typeRefArb: fc.Arbitrary<TypeRefSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('primitive' as const), name: fc.constantFrom(...PRIMITIVES), collection: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ref' as const), index: fc.nat({ max: 20 }), collection: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ghost' as const), name: nameArb, collection: fc.boolean() }) },
);

const propertyArb: fc.Arbitrary<PropertySpec> = fc.record({
  name: nameArb,
  type: typeRefArb,
  description: textArb,
  note: fc.constantFrom('none', 'none', 'readOnly', 'notNullable', 'nullable', 'deprecated', 'possibleValues', 'inherited'),
  deprecatedRow: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  values: fc.array(fc.option(nameArb, { nil: null }), { minLength: 1, maxLength: 3 }),
  from: fc.nat({ max: 20 }),
});

const memberArb: fc.Arbitrary<MemberSpec> = fc.record({
  name: fc.option(nameArb, { nil: null, freq: 3 }),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('int' as const), value: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constantFrom(1, 2, 4, 8, 16)) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), text: textArb }) },
  ),
  description: textArb,
});

const namespaceArb: fc.Arbitrary<NamespaceSpec> = fc.constantFrom('default', 'default', 'default', 'none', 'sub', 'deep');

const resourceArb: fc.Arbitrary<ResourceSpec> = fc.record({
  name: nameArb,
  namespace: namespaceArb,
  annotated: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  titleProse: fc.option(textArb),
  description: textArb,
  note: fc.option(textArb, { freq: 3 }),
  base: fc.option(fc.record({ index: fc.nat({ max: 20 }), via: fc.constantFrom('annotation' as const, 'sentence' as const) }), { freq: 2 }),
  key: fc.boolean(),
  open: fc.boolean(),
  abstract: fc.boolean(),
  methods: fc.boolean(),
  properties: fc.array(propertyArb, { maxLength: 5 }),
  relationships: fc.array(propertyArb, { maxLength: 2 }),
  valuesSection: fc.option(fc.record({ name: nameArb, members: fc.array(memberArb, { minLength: 1, maxLength: 3 }) }), { freq: 4 }),
  json: fc.constantFrom('valid' as const, 'invalid' as const, 'none' as const),
});

const enumArb: fc.Arbitrary<EnumSpec> = fc.record({
  name: nameArb,
  namespace: namespaceArb,
  titleProse: fc.option(textArb),
  description: textArb,
  members: fc.array(memberArb, { maxLength: 4 }),
});

/** Path literals that are no placeholder, no space and no `*` (or the line is not a path). */
const HOSTILE_PATH = ["a'b", 'a"b', '\\', "\\'", '${x}', '</script>', '%2F', '..', '.', 'café', '`', '\u2028', '\u202e', '\u0000', '$', 'a?$filter=x'];
const PLACEHOLDERS = ['{id}', '{thing-id}', '{id | userPrincipalName}', '{1x}', '{class}', '{constructor}', '{__proto__}', '{}', '{ñ}', '{id}'];

const pathPieceArb: fc.Arbitrary<PathPiece> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY).map((v): PathPiece => ({ kind: 'word', v })) },
  { weight: 2, arbitrary: fc.constant<PathPiece>({ kind: 'marker' }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATH).map((v): PathPiece => ({ kind: 'hostile', v })) },
  { weight: 3, arbitrary: fc.constantFrom(...PLACEHOLDERS).map((v): PathPiece => ({ kind: 'placeholder', v })) },
);

/** Operation names are camelCase title words: these are the ones that collide with the language or the output. */
const BARE_TITLES = [
  'delete', 'class', 'default', 'new', 'function', 'let', 'static', 'yield', 'await', 'eval', 'arguments', 'enum',
  'import', 'export', 'typeof', 'void', 'null', 'true', 'in', 'instanceof', 'package', 'implements', 'interface',
  'private', 'constructor', 'toString', 'type', 'of', 'Promise', 'Object', 'JSON', 'Array', 'rt', 'pathSegment',
  'withQuery', 'is', 'validate', 'check', 'params', 'body', 'query', 'undefined', 'NaN', 'globalThis',
];

const VERBS = ['Get', 'List', 'Create', 'Update', 'Delete', 'Is', 'Validate', 'Check', 'Check properties of', ''];

/**
 * File names come from contributors too, and reach `// Generated from:` lines, `@see` tags and
 * `docPage` strings unsquashed. Only API pages get them: a resource page's file name may name its type.
 */
const FILE_SUFFIXES = ['', '', '', ' @M@', " '*/ @M@", '*/@M@', "'@M@", '\\@M@', '\u2028@M@', '\u2029@M@', '\n@M@', '\r@M@', '\u202e@M@', '${@M@}', '`@M@'];

const apiArb: fc.Arbitrary<ApiSpec> = fc.record({
  bareTitle: fc.option(fc.constantFrom(...BARE_TITLES), { freq: 3 }),
  fileSuffix: fc.constantFrom(...FILE_SUFFIXES),
  verb: fc.constantFrom(...VERBS),
  target: fc.oneof(
    fc.record({ kind: fc.constant('type' as const), index: fc.nat({ max: 20 }) }),
    fc.record({ kind: fc.constant('name' as const), name: nameArb }),
  ),
  titleProse: fc.option(textArb),
  deprecatedTitle: fc.boolean(),
  description: textArb,
  method: fc.constantFrom('GET' as const, 'POST' as const, 'PATCH' as const, 'PUT' as const, 'DELETE' as const),
  paths: fc.array(fc.array(pathPieceArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
  permissions: fc.option(fc.record({ work: textArb, personal: fc.option(textArb), application: textArb }), { freq: 4 }),
  headers: fc.array(fc.record({ name: fc.oneof(nameArb, fc.constantFrom('Accept', 'Content-Type', 'Prefer', 'If-Match', 'ConsistencyLevel')), value: textArb }), {
    maxLength: 3,
  }),
  queryOptions: fc.boolean(),
  body: fc.oneof(
    fc.constant({ kind: 'absent' as const }),
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('type' as const), ref: typeRefArb, prose: textArb }),
    fc.record({ kind: fc.constant('table' as const), properties: fc.array(propertyArb, { minLength: 1, maxLength: 3 }), ref: fc.option(typeRefArb) }),
  ),
  response: fc.oneof(
    fc.constant({ kind: 'absent' as const }),
    fc.record({ kind: fc.constant('noContent' as const), prose: textArb }),
    fc.record({
      kind: fc.constant('type' as const),
      status: fc.constantFrom('200 OK', '201 Created', '200'),
      ref: typeRefArb,
      collection: fc.boolean(),
      prose: textArb,
    }),
    fc.record({ kind: fc.constant('bold' as const), name: nameArb }),
    fc.record({ kind: fc.constant('annotated' as const), ref: typeRefArb, collection: fc.boolean() }),
  ),
  examples: fc.array(
    fc.record({
      role: fc.constantFrom('request' as const, 'response' as const),
      body: textArb,
      validJson: fc.boolean(),
      annotationName: fc.option(textArb),
    }),
    { maxLength: 2 },
  ),
});

export const docSetArb: fc.Arbitrary<DocSetSpec> = fc.record({
  resources: fc.array(resourceArb, { minLength: 1, maxLength: 3 }),
  enums: fc.array(enumArb, { maxLength: 2 }),
  apis: fc.array(apiArb, { maxLength: 3 }),
});

// ---------------------------------------------------------------------------
// Rendering

export interface DocPage {
  path: string;
  text: string;
}

export interface RenderedDocSet {
  pages: DocPage[];
  /** Every marker word placed in the docs → where (page and field). */
  markers: Map<string, string>;
}

const FENCE = '```';

/** Markdown-escapes a name so that the parsed text is the name itself. */
export function escapeName(name: string): string {
  return name.replace(/[\\`*_[\]<>|#&]/g, (char) => `\\${char}`);
}

class Renderer {
  readonly markers = new Map<string, string>();
  private next = 0;
  constructor(private page = '') {}

  setPage(page: string): void {
    this.page = page;
  }

  marker(where: string): string {
    const word = `zqmark${this.next++}`;
    this.markers.set(word, `${this.page}: ${where}`);
    return word;
  }

  /**
   * Free text for one context:
   * - `paragraph`: starts with a plain word (no block syntax can start it); a newline is followed by a plain word;
   * - `cell`: a table cell, pipes escaped, newlines as `<br>`;
   * - `paren`: inside `( … )` at the end of a title: one line, no `)`;
   * - `raw`: inside a code block: anything but a fence.
   */
  text(fragments: Text, where: string, mode: 'paragraph' | 'cell' | 'paren' | 'raw'): string {
    let out = mode === 'raw' ? '' : 'The';
    for (const fragment of fragments) {
      let piece: string;
      let glue = false;
      switch (fragment.t) {
        case 'word':
          piece = fragment.v;
          break;
        case 'marker':
          piece = this.marker(where);
          break;
        case 'hostile':
          piece = fragment.v.replace(/@M@/g, () => this.marker(`${where} (injected)`));
          glue = fragment.glue;
          break;
        case 'newline':
          piece = mode === 'cell' ? '<br>' : mode === 'paren' ? ' ' : '\nand';
          glue = true;
          break;
      }
      if (mode === 'cell') piece = piece.replace(/\\?\|/g, '\\|');
      if (mode === 'paren') piece = piece.replace(/[()]/g, ' ');
      if (mode === 'raw') piece = piece.replace(/`{3,}/g, '``');
      out += glue || out === '' ? piece : ` ${piece}`;
    }
    // A cell must not end with an escaping backslash (it would swallow the column's closing pipe).
    if (mode === 'cell' && /\\$/.test(out)) out += ' end';
    return out;
  }
}

function namespaceLine(namespace: NamespaceSpec): string | undefined {
  return { default: 'microsoft.graph', none: undefined, sub: 'microsoft.graph.callRecords', deep: 'microsoft.graph.sub.deep' }[namespace];
}

function resourceFile(index: number): string {
  return `r${index}.md`;
}

function enumFile(index: number): string {
  return `e${index}.md`;
}

/** The name a page documents its type under (the link text other pages use). */
function typeDocName(spec: DocSetSpec, index: number): { name: string; file: string } | undefined {
  const total = spec.resources.length + spec.enums.length;
  if (total === 0) return undefined;
  const i = index % total;
  return i < spec.resources.length ? { name: spec.resources[i]!.name, file: resourceFile(i) } : { name: spec.enums[i - spec.resources.length]!.name, file: enumFile(i - spec.resources.length) };
}

function typeCell(spec: DocSetSpec, ref: TypeRefSpec, folder: string): string {
  const suffix = ref.collection ? ' collection' : '';
  if (ref.kind === 'primitive') return `${ref.name}${suffix}`;
  if (ref.kind === 'ghost') return `[${escapeName(ref.name)}](${folder}ghost-${encodeURIComponent(ref.name)}.md)${suffix}`;
  const target = typeDocName(spec, ref.index)!;
  return `[${escapeName(target.name)}](${folder}${target.file})${suffix}`;
}

function propertyRows(r: Renderer, spec: DocSetSpec, properties: PropertySpec[], folder: string, what: string): string[] {
  const rows = ['|Property|Type|Description|', '|:---|:---|:---|'];
  for (const property of properties) {
    const where = `${what} \`${property.name}\``;
    let description = r.text(property.description, `description of ${where}`, 'cell');
    switch (property.note) {
      case 'readOnly':
        description += ' Read-only.';
        break;
      case 'notNullable':
        description += ' Not nullable.';
        break;
      case 'nullable':
        description += ' Nullable.';
        break;
      case 'deprecated':
        description = `\\[deprecated\\] ${description}`;
        break;
      case 'possibleValues': {
        const values = property.values.map((value) => `\`${value ?? r.marker(`possible value of ${where}`)}\``);
        description += ` Possible values are: ${values.join(', ')}.`;
        break;
      }
      case 'inherited': {
        const from = spec.resources[property.from % spec.resources.length]!;
        description += ` Inherited from [${escapeName(from.name)}](${folder}${resourceFile(property.from % spec.resources.length)}).`;
        break;
      }
      case 'none':
        break;
    }
    const name = `${escapeName(property.name)}${property.deprecatedRow ? ' (deprecated)' : ''}`;
    rows.push(`|${name}|${typeCell(spec, property.type, folder)}|${description}|`);
  }
  return rows;
}

function memberRows(r: Renderer, members: MemberSpec[], what: string): string[] {
  const rows = ['|Member|Value|Description|', '|:---|:---|:---|'];
  for (const member of members) {
    const name = member.name === null ? r.marker(`member name in ${what}`) : escapeName(member.name);
    const value =
      member.value.kind === 'int' ? String(member.value.value) : member.value.kind === 'none' ? '' : r.text(member.value.text, `value of member ${name} in ${what}`, 'cell');
    rows.push(`|${name}|${value}|${r.text(member.description, `description of member ${name} in ${what}`, 'cell')}|`);
  }
  return rows;
}

function frontMatter(r: Renderer, title: string, docType: string): string[] {
  return ['---', `title: ${JSON.stringify(title)}`, `description: "${r.marker('front matter description')} ignored"`, `doc_type: ${docType}`, '---', ''];
}

function titleProse(r: Renderer, prose: Text | null): string {
  return prose ? ` (${r.text(prose, 'title prose', 'paren')})` : '';
}

function renderResource(r: Renderer, spec: DocSetSpec, resource: ResourceSpec, index: number): string {
  const lines: string[] = [];
  const namespace = namespaceLine(resource.namespace);
  lines.push(...frontMatter(r, `${resource.name} resource type`, 'resourcePageType'));
  lines.push(`# ${escapeName(resource.name)} resource type${titleProse(r, resource.titleProse)}`, '');
  if (namespace) lines.push(`Namespace: ${namespace}`, '');
  if (resource.note) lines.push(`> **Note:** ${r.text(resource.note, 'note (blockquote)', 'paragraph')}`, '');
  lines.push(r.text(resource.description, 'type description', 'paragraph'), '');
  const base = resource.base && resource.base.index % spec.resources.length;
  if (resource.base && base !== null && resource.base.via === 'sentence') {
    lines.push(`Inherits from [${escapeName(spec.resources[base]!.name)}](${resourceFile(base)}).`, '');
  }
  if (resource.methods) {
    lines.push('## Methods', '', '|Method|Return type|Description|', '|:---|:---|:---|');
    lines.push(`|[Get thing](../api/a0.md)|[${escapeName(resource.name)}](${resourceFile(index)})|${r.text([{ t: 'marker' }], 'methods table', 'cell')}|`, '');
  }
  lines.push('## Properties', '');
  lines.push(...propertyRows(r, spec, resource.properties, '', 'property'), '');
  if (resource.relationships.length) {
    lines.push('## Relationships', '');
    const rows = propertyRows(r, spec, resource.relationships, '', 'relationship');
    rows[0] = '|Relationship|Type|Description|';
    lines.push(...rows, '');
  }
  if (resource.valuesSection) {
    lines.push(`### ${escapeName(resource.valuesSection.name)} values`, '');
    lines.push(...memberRows(r, resource.valuesSection.members, `values section ${resource.valuesSection.name}`), '');
  }
  if (resource.annotated || resource.json !== 'none') {
    lines.push('## JSON representation', '');
    if (resource.annotated) {
      const annotation: Record<string, unknown> = {
        blockType: 'resource',
        '@odata.type': `${namespace ?? 'microsoft.graph'}.${resource.name}`,
      };
      if (resource.key) annotation['keyProperty'] = 'id';
      if (resource.open) annotation['openType'] = true;
      if (resource.abstract) annotation['abstract'] = 'true';
      if (resource.base && base !== null && resource.base.via === 'annotation') {
        annotation['baseType'] = `microsoft.graph.${spec.resources[base]!.name}`;
      }
      lines.push(`<!-- ${JSON.stringify(annotation, null, 2).replace(/--/g, '-\\u002d')} -->`);
    }
    if (resource.json !== 'none') {
      const body = Object.fromEntries(resource.properties.map((property) => [property.name, `String ${r.marker('JSON representation')}`]));
      const json = JSON.stringify(body, null, 2);
      lines.push(`${FENCE}json`, resource.json === 'valid' ? json : json.slice(0, Math.max(1, json.length - 3)), FENCE);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function renderEnum(r: Renderer, spec: EnumSpec): string {
  const lines: string[] = [];
  const namespace = namespaceLine(spec.namespace);
  lines.push(...frontMatter(r, `${spec.name} enum type`, 'enumPageType'));
  lines.push(`# ${escapeName(spec.name)} enum type${titleProse(r, spec.titleProse)}`, '');
  if (namespace) lines.push(`Namespace: ${namespace}`, '');
  lines.push(r.text(spec.description, 'enum description', 'paragraph'), '');
  lines.push('## Members', '', ...memberRows(r, spec.members, 'members table'), '');
  return lines.join('\n');
}

function renderPath(r: Renderer, pieces: PathPiece[]): string {
  let path = '';
  for (const piece of pieces) {
    const text = piece.kind === 'marker' ? r.marker('path literal') : piece.v;
    // Placeholders glue to the previous literal sometimes (`/items{id}` is a valid template).
    path += piece.kind === 'placeholder' && path.endsWith('x') ? text : `/${text}`;
  }
  return path;
}

function renderApi(r: Renderer, spec: DocSetSpec, api: ApiSpec): string {
  const lines: string[] = [];
  const targetName = api.target.kind === 'type' ? (typeDocName(spec, api.target.index)?.name ?? 'thing') : api.target.name;
  const title = api.bareTitle ?? `${api.verb ? `${api.verb} ` : ''}${targetName}`;
  lines.push(...frontMatter(r, title, 'apiPageType'));
  lines.push(`# ${escapeName(title)}${api.deprecatedTitle ? ' (deprecated)' : titleProse(r, api.titleProse)}`, '');
  lines.push('Namespace: microsoft.graph', '');
  lines.push(r.text(api.description, 'operation description', 'paragraph'), '');
  if (api.permissions) {
    lines.push('## Permissions', '', '|Permission type|Permissions (from least to most privileged)|', '|:---|:---|');
    lines.push(`|Delegated (work or school account)|Scope.Read.All, ${r.text(api.permissions.work, 'delegated work scopes', 'cell')}|`);
    lines.push(`|Delegated (personal Microsoft account)|${api.permissions.personal ? r.text(api.permissions.personal, 'delegated personal scopes', 'cell') : 'Not supported.'}|`);
    lines.push(`|Application|${r.text(api.permissions.application, 'application scopes', 'cell')}|`, '');
  }
  lines.push('## HTTP request', '', `${FENCE}http`);
  for (const path of api.paths) lines.push(`${api.method} ${renderPath(r, path)}`);
  lines.push(FENCE, '');
  if (api.queryOptions) lines.push('## Optional query parameters', '', 'This method supports the OData query parameters to help customize the response.', '');
  lines.push('## Request headers', '', '|Header|Value|', '|:---|:---|', '|Authorization|Bearer {token}. Required.|');
  for (const header of api.headers) lines.push(`|${escapeName(header.name)}|${r.text(header.value, `value of header ${header.name}`, 'cell')}|`);
  lines.push('');
  switch (api.body.kind) {
    case 'absent':
      break;
    case 'none':
      lines.push('## Request body', '', 'Do not supply a request body for this method.', '');
      break;
    case 'type':
      lines.push('## Request body', '', `In the request body, supply a JSON representation of the ${typeCell(spec, api.body.ref, '../resources/')} object.`);
      lines.push('', r.text(api.body.prose, 'request body prose', 'paragraph'), '');
      break;
    case 'table':
      lines.push('## Request body', '');
      if (api.body.ref) lines.push(`Supply a JSON representation of ${typeCell(spec, api.body.ref, '../resources/')}.`, '');
      lines.push(...propertyRows(r, spec, api.body.properties, '../resources/', 'body parameter'), '');
      break;
  }
  switch (api.response.kind) {
    case 'absent':
      break;
    case 'noContent':
      lines.push('## Response', '', `If successful, this method returns a \`204 No Content\` response code. ${r.text(api.response.prose, 'response prose', 'paragraph')}`, '');
      break;
    case 'type': {
      const many = api.response.collection ? 'a collection of' : 'a';
      lines.push('## Response', '');
      lines.push(`If successful, this method returns a \`${api.response.status}\` response code and ${many} ${typeCell(spec, api.response.ref, '../resources/')} object in the response body.`);
      lines.push('', r.text(api.response.prose, 'response prose', 'paragraph'), '');
      break;
    }
    case 'bold':
      lines.push('## Response', '', `If successful, this method returns a \`200 OK\` response code and a **${escapeName(api.response.name)}** object in the response body.`, '');
      break;
    case 'annotated':
      lines.push('## Response', '', 'If successful, this method returns a `200 OK` response code and the object in the response body.', '');
      break;
  }
  const examples = [...api.examples];
  if (api.response.kind === 'annotated') examples.push({ role: 'response', body: [{ t: 'marker' }], validJson: true, annotationName: null });
  if (examples.length) lines.push('## Example', '');
  for (const [index, example] of examples.entries()) {
    lines.push(`### ${example.role === 'request' ? 'Request' : 'Response'}`, '');
    const annotation: Record<string, unknown> = { blockType: example.role };
    if (example.annotationName) annotation['name'] = r.text(example.annotationName, 'example annotation name', 'raw');
    if (api.response.kind === 'annotated' && index === examples.length - 1) {
      const ref = api.response.ref;
      const name = ref.kind === 'primitive' ? ref.name : ref.kind === 'ghost' ? ref.name : (typeDocName(spec, ref.index)?.name ?? 'thing');
      annotation['@odata.type'] = api.response.collection ? `Collection(microsoft.graph.${name})` : `microsoft.graph.${name}`;
    }
    lines.push(`<!-- ${JSON.stringify(annotation).replace(/--/g, '-\\u002d')} -->`);
    const start = example.role === 'request' ? `${api.method} https://graph.microsoft.com/beta/things/${r.marker('example request line')}` : 'HTTP/1.1 200 OK';
    const body = JSON.stringify({ '@odata.type': '#microsoft.graph.thing', note: r.text(example.body, `example ${example.role} body`, 'raw') }, null, 2);
    lines.push(`${FENCE}http`, start, `Content-type: application/json`, `X-Note: ${r.marker('example header')}`, '');
    lines.push(example.validJson ? body : `${body.slice(0, -2)}, ${r.marker('invalid example JSON')}`, FENCE, '');
  }
  return lines.join('\n');
}

/** The pages of a doc set, with every marker word and where it was put. */
export function renderDocSet(spec: DocSetSpec): RenderedDocSet {
  const r = new Renderer();
  const pages: DocPage[] = [];
  spec.resources.forEach((resource, index) => {
    r.setPage(`resources/${resourceFile(index)}`);
    pages.push({ path: `resources/${resourceFile(index)}`, text: renderResource(r, spec, resource, index) });
  });
  spec.enums.forEach((e, index) => {
    r.setPage(`resources/${enumFile(index)}`);
    pages.push({ path: `resources/${enumFile(index)}`, text: renderEnum(r, e) });
  });
  spec.apis.forEach((api, index) => {
    const file = `api/a${index}${api.fileSuffix.replace(/@M@/g, () => r.marker(`file name of api/a${index}`))}.md`;
    r.setPage(file);
    pages.push({ path: file, text: renderApi(r, spec, api) });
  });
  return { pages, markers: r.markers };
}
