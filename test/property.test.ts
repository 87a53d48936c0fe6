// Property-based tests: random doc sets (test/helpers/randomDocs.ts), full of
// hostile names and hostile free text, go through parse → model → emit, and
// the generated code must
//   1. exist (1a: no crash, no EmitError) and compile under `tsc --strict`
//      (1b: every sample in one tsc run, half in an ESM package, half in none;
//      1b' the same, minus samples that hit a known bug),
//   2. export exactly the names the model and generator/emit/naming.ts call for
//      (read from index.ts with the type checker), and those names are valid,
//      distinct, no reserved word and no shadowed global,
//   3. hold doc text only inside comments and string literals: unique marker
//      words in every piece of free text, located with the TypeScript scanner;
//      and that text is inert (no raw line separators or bidi controls, no JSDoc tag).
// Known bugs are pinned as fixed examples (fast-check `examples`, or an extra
// batch sample), so their tests fail whatever the seed.
//
// Runs are bounded and reproducible: a fixed seed and 20 samples unless told otherwise.
//   DOCGEN_PROPERTY_RUNS=200            more samples (property 1b still uses one tsc run)
//   DOCGEN_PROPERTY_SEED=12345          another seed; DOCGEN_PROPERTY_SEED=random picks one (printed)
// e.g. `DOCGEN_PROPERTY_RUNS=300 DOCGEN_PROPERTY_SEED=random npx vitest run test/property.test.ts`.
// On a failure fast-check prints the seed, the path and the shrunk doc set; for
// property 1b the first failing sample is shrunk with the in-process compiler
// (same options as the tsc command line), and the temp folder with every
// sample's output (and DOCS.md beside each failing one) is kept and named.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitProject } from '../generator/emit/emitProject.js';
import { assignNames, bodyInterfaceName, operationExports, typeExports } from '../generator/emit/naming.js';
import { buildModel } from '../generator/model/buildModel.js';
import type { Model } from '../generator/model/types.js';
import { parsePage } from '../generator/parse/parsePage.js';
import { normalizeText } from '../generator/read/docFile.js';
import { type DocSetSpec, docSetArb, MARKER, type RenderedDocSet, renderDocSet } from './helpers/randomDocs.js';
import { RUNTIME_EXPORTS } from './helpers/runtimeExports.js';
import { STRICT_OPTIONS } from './helpers/strictOptions.js';
import { codePointName, RAW_FORBIDDEN } from './helpers/invisible.js';

const RUNS = Number(process.env['DOCGEN_PROPERTY_RUNS'] ?? 20);
const SEED_ENV = process.env['DOCGEN_PROPERTY_SEED'];
const SEED = SEED_ENV === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(SEED_ENV ?? 20_260_517);
if (SEED_ENV === 'random') console.log(`property tests: DOCGEN_PROPERTY_SEED=${SEED}`);
const PARAMS = { seed: SEED, numRuns: RUNS } as const;

// ---------------------------------------------------------------------------
// Generating (once per doc set: the three properties see the same samples)

interface Generated {
  rendered: RenderedDocSet;
  model?: Model;
  files?: Map<string, string>;
  error?: unknown;
  /** Diagnostics saying docgen crashed on a page (parsePage catches it and skips the page). */
  crashes: string[];
}

const cache = new Map<DocSetSpec, Generated>();
const byText = new Map<string, Generated>();

function generate(spec: DocSetSpec): Generated {
  const cached = cache.get(spec);
  if (cached) return cached;
  const rendered = renderDocSet(spec);
  const key = rendered.pages.map((page) => `${page.path}\u0000${page.text}`).join('\u0001');
  let result = byText.get(key);
  if (!result) {
    result = { rendered, crashes: [] };
    try {
      const parsed = rendered.pages.map((page) => parsePage(page.path, normalizeText(page.text)));
      result.crashes = parsed.flatMap((page) => page.diagnostics.filter((d) => d.code === 'page-unreadable').map((d) => `${d.source.file}: ${d.found}`));
      result.model = buildModel(parsed.map((page) => page.page)).model;
      result.files = emitProject(result.model).files;
    } catch (error) {
      result.error = error;
    }
    byText.set(key, result);
  }
  cache.set(spec, result);
  return result;
}

function docsOf(generated: Generated): string {
  return generated.rendered.pages.map((page) => `===== ${page.path}\n${page.text}`).join('\n');
}

/** Samples whose generation threw are property 1a's failures; properties 2 and 3 have no output to look at. */
let unemitted = 0;
function emitted(spec: DocSetSpec): (Generated & { model: Model; files: Map<string, string> }) | undefined {
  const generated = generate(spec);
  if (generated.files && generated.model) return generated as Generated & { model: Model; files: Map<string, string> };
  unemitted++;
  return undefined;
}

/** The minimal doc set of the `constructor` bug (property 1a): one resource, one property typed `constructor`. */
const CONSTRUCTOR_TYPE: DocSetSpec = {
  resources: [
    {
      name: 'thing',
      namespace: 'default',
      annotated: false,
      titleProse: null,
      description: [{ t: 'marker' }],
      note: null,
      base: null,
      key: false,
      open: false,
      abstract: false,
      methods: false,
      properties: [
        { name: 'owner', type: { kind: 'primitive', name: 'constructor', collection: false }, description: [{ t: 'marker' }], note: 'none', deprecatedRow: false, values: [null], from: 0 },
      ],
      relationships: [],
      valuesSection: null,
      json: 'none',
    },
  ],
  enums: [],
  apis: [],
};

/** A case property 1b once failed on (fixed in d9fd4c4, now pinned): `widget` inherits from `thing` and lists `@odata.type` as String. */
const ODATA_TYPE_OVERRIDE: DocSetSpec = {
  resources: [
    { ...CONSTRUCTOR_TYPE.resources[0]!, properties: [] },
    {
      ...CONSTRUCTOR_TYPE.resources[0]!,
      name: 'widget',
      base: { index: 0, via: 'sentence' },
      properties: [{ ...CONSTRUCTOR_TYPE.resources[0]!.properties[0]!, name: '@odata.type', type: { kind: 'primitive', name: 'String', collection: false } }],
    },
  ],
  enums: [],
  apis: [],
};

/** The minimal doc set of the `@odata.type` bug that remains (property 1b): the same, with `@odata.type` a String collection. */
const ODATA_TYPE_COLLECTION: DocSetSpec = {
  ...ODATA_TYPE_OVERRIDE,
  resources: [
    ODATA_TYPE_OVERRIDE.resources[0]!,
    {
      ...ODATA_TYPE_OVERRIDE.resources[1]!,
      properties: [{ ...ODATA_TYPE_OVERRIDE.resources[1]!.properties[0]!, type: { kind: 'primitive', name: 'String', collection: true } }],
    },
  ],
};

/** The samples after the random ones in property 1b's batch (indexes RUNS, RUNS + 1). */
const PINNED = [ODATA_TYPE_OVERRIDE, ODATA_TYPE_COLLECTION];

// ---------------------------------------------------------------------------
// Property 1: tsc --strict

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STRICT = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022'];

async function tsc(cwd: string, entries: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [TSC, ...STRICT, ...entries], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

/** The same check as the tsc command line, in process (for shrinking a failure: a tsc run per step would take minutes). */
const libFiles = new Map<string, ts.SourceFile | undefined>();
function compileInProcess(files: Map<string, string>, esm = true): string[] {
  const root = '/__docgen_sample__/';
  const virtual = new Map([...files].map(([file, text]) => [`${root}${file}`, text]));
  if (esm) virtual.set(`${root}package.json`, '{ "type": "module" }');
  const host = ts.createCompilerHost(STRICT_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language);
    if (!libFiles.has(fileName)) libFiles.set(fileName, getSourceFile(fileName, language, onError));
    return libFiles.get(fileName);
  };
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || (!fileName.startsWith(root) && fileExists(fileName));
  host.readFile = (fileName) => virtual.get(fileName) ?? (fileName.startsWith(root) ? undefined : readFile(fileName));
  host.directoryExists = (dir) => dir === root.slice(0, -1) || [...virtual.keys()].some((file) => file.startsWith(`${dir}/`)) || (!dir.startsWith(root) && ts.sys.directoryExists(dir));
  host.getCurrentDirectory = () => root;
  const program = ts.createProgram([`${root}index.ts`], STRICT_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const file = diagnostic.file ? diagnostic.file.fileName.replace(root, '') : '';
    return `${file}${where ? `(${where.line + 1},${where.character + 1})` : ''}: TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

function compileFailure(spec: DocSetSpec, esm: boolean): void {
  const generated = generate(spec);
  if (!generated.files) return; // not emitted: property 1a's business
  const errors = compileInProcess(generated.files!, esm);
  if (errors.length) throw new Error(`the output does not compile:\n${errors.slice(0, 10).join('\n')}\n\ndocs:\n${docsOf(generated)}`);
}

// ---------------------------------------------------------------------------
// Property 2: the exports

/** Every name the output must export, from the model and naming.ts (which exports apply to which kind: templates/*.hbs). */
function expectedExports(model: Model): string[] {
  const { names } = assignNames(model);
  const expected = [...RUNTIME_EXPORTS];
  for (const namespace of model.namespaces) {
    for (const type of namespace.types) {
      const name = names.types.get(type.fullName)!;
      // enum.ts.hbs + enumValidator.ts.hbs: the union, its Values, validate/is/test/collect.
      // model.ts.hbs + validator.ts.hbs: the interface, validate/is/test/collect.
      expected.push(...typeExports(name).filter((exported) => type.kind === 'enum' || exported !== `${name}Values`));
    }
  }
  // union.ts.hbs: a type with documented subtypes, and them.
  expected.push(...names.unions.values());
  for (const operation of model.operations) {
    const name = names.operations.get(operation.name)!;
    // request.ts.hbs: the builder, its request type, its Operation facts, and a body interface only for a table-described body (never on a GET).
    const skip = operation.body.kind === 'properties' && operation.method !== 'GET' ? undefined : bodyInterfaceName(name);
    expected.push(...operationExports(name).filter((exported) => exported !== skip));
  }
  return expected;
}

/** The names the emitted index.ts exports, as the type checker resolves them (no code is run). */
function actualExports(files: Map<string, string>): string[] {
  const root = '/out/';
    // Every file is a module, as under `--module nodenext` (an empty barrel holds no import or export).
  const options: ts.CompilerOptions = {
    noLib: true,
    noEmit: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
  };
  const get = (fileName: string) => (fileName.startsWith(root) ? files.get(fileName.slice(root.length)) : undefined);
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, language) => {
      const text = get(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, language);
    },
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => root,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => get(fileName) !== undefined,
    readFile: get,
    directoryExists: (dir) => [...files.keys()].some((file) => `${root}${file}`.startsWith(`${dir.replace(/\/$/, '')}/`)),
  };
  const program = ts.createProgram([`${root}index.ts`], options, host);
  const checker = program.getTypeChecker();
  // Every module an export or import names exists (else its names would silently be missing).
  const unresolved = program
    .getSourceFiles()
    .flatMap((file) => file.statements.map((statement) => ({ file, statement })))
    .filter(({ statement }) => (ts.isExportDeclaration(statement) || ts.isImportDeclaration(statement)) && statement.moduleSpecifier)
    .filter(({ statement }) => !checker.getSymbolAtLocation((statement as ts.ExportDeclaration).moduleSpecifier!));
  if (unresolved.length) throw new Error(`unresolved modules: ${unresolved.map(({ file, statement }) => `${file.fileName}: ${statement.getText(file)}`).join('; ')}`);
  const index = program.getSourceFile(`${root}index.ts`)!;
  return checker.getExportsOfModule(checker.getSymbolAtLocation(index)!).map((symbol) => symbol.name);
}

/** Names an export must not take: they would shadow what the emitted code relies on. */
const GLOBALS = new Set(['object', 'array', 'string', 'number', 'boolean', 'symbol', 'function', 'date', 'error', 'promise', 'map', 'set', 'record', 'partial', 'json', 'undefined', 'nan', 'infinity', 'globalthis', 'unknown', 'never', 'rt']);

/** A name a module may declare: one identifier token, not a reserved word (strict mode and modules included). */
function isDeclarableName(name: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, name);
  const kind = scanner.scan();
  if (scanner.getTokenEnd() !== name.length || scanner.scan() !== ts.SyntaxKind.EndOfFileToken) return false;
  if (['arguments', 'eval', 'await', 'yield'].includes(name)) return false;
  if (kind === ts.SyntaxKind.Identifier) return true;
  // Keywords scan as their own kinds: only contextual ones (type, of, async, …) may name a declaration.
  return kind > ts.SyntaxKind.LastFutureReservedWord && kind <= ts.SyntaxKind.LastKeyword;
}

// ---------------------------------------------------------------------------
// Property 3: where doc text lands, by the TypeScript scanner

interface Token {
  kind: ts.SyntaxKind;
  start: number;
  end: number;
}

const TEXT_TOKENS = new Set([
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

const TRIVIA = new Set([
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
  ts.SyntaxKind.NewLineTrivia,
  ts.SyntaxKind.WhitespaceTrivia,
  ts.SyntaxKind.ShebangTrivia,
  ts.SyntaxKind.ConflictMarkerTrivia,
]);

/** After these a `/` divides; elsewhere it starts a regular expression. */
const ENDS_EXPRESSION = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PrivateIdentifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);

/** Every token of `text`, trivia included (comments are tokens), and every scanner error. */
export function scanTokens(text: string): { tokens: Token[]; errors: string[] } {
  const errors: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, (message, length) => {
    errors.push(`${ts.flattenDiagnosticMessageText(message.message, ' ')} (at offset ${scanner.getTokenEnd()}, length ${length})`);
  });
  const tokens: Token[] = [];
  const braces: Array<'brace' | 'template'> = [];
  let previous: ts.SyntaxKind | undefined;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && (previous === undefined || !ENDS_EXPRESSION.has(previous))) {
      kind = scanner.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.OpenBraceToken) braces.push('brace');
    else if (kind === ts.SyntaxKind.TemplateHead) braces.push('template');
    else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') {
      kind = scanner.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    }
    if (scanner.isUnterminated()) errors.push(`unterminated ${kindName(kind)} at offset ${scanner.getTokenStart()}`);
    tokens.push({ kind, start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
    if (!TRIVIA.has(kind)) previous = kind;
  }
  if (braces.length) errors.push(`unbalanced braces at the end: ${braces.join(', ')}`);
  return { tokens, errors };
}

/** A kind's own name (`ts.SyntaxKind[kind]` may give a `First…` alias). */
export function kindName(kind: ts.SyntaxKind): string {
  const names = Object.entries(ts.SyntaxKind).filter(([name, value]) => value === kind && !/^(First|Last)/.test(name));
  return names[0]?.[0] ?? String(kind);
}

function tokenAt(tokens: Token[], offset: number): Token | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const token = tokens[mid]!;
    if (offset < token.start) high = mid - 1;
    else if (offset >= token.end) low = mid + 1;
    else return token;
  }
  return undefined;
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end === -1 ? undefined : end);
  return line.length > 300 ? `${line.slice(Math.max(0, offset - start - 100), offset - start + 100)}…` : line;
}

/** Characters that must never appear raw (test/helpers/invisible.ts): every one of them, in every file. */
const RAW_FORBIDDEN_ALL = new RegExp(RAW_FORBIDDEN, 'gu');
/** The only JSDoc tags docgen writes (docLines.ts); any other is doc text read as a tag. */
const ALLOWED_TAGS = new Set(['see', 'deprecated']);

// ---------------------------------------------------------------------------

// Property 1's samples are generated, written and handed to tsc before the
// tests run; tsc works in the background (another process) while properties
// 2 and 3 check the same samples (cached), and property 1, last, awaits it.
interface Batch {
  samples: Array<{ index: number; generated: Generated }>;
  dir: string;
  /** Kept for a look after a failure. */
  keep?: boolean;
  folder: (index: number) => string;
  tsc?: Promise<{ code: number; output: string }>;
  error?: unknown;
}
let batch: Batch;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-property-'));
  // Odd samples sit in an ESM package ("type": "module"), even ones in none (CommonJS scope, as in compile.test.ts).
  const folder = (index: number) => (index % 2 ? `esm/s${index}` : `cjs/s${index}`);
  batch = { samples: [], dir, folder };
  try {
    // The random samples, then (index RUNS on) the pinned ones.
    batch.samples = [...fc.sample(docSetArb, PARAMS), ...PINNED].map((spec, index) => ({ index, generated: generate(spec) }));
    await mkdir(path.join(dir, 'esm'));
    await writeFile(path.join(dir, 'esm', 'package.json'), '{ "type": "module" }\n');
    const written = batch.samples.filter((sample) => sample.generated.files);
    for (const sample of written) {
      for (const [file, text] of sample.generated.files!) {
        const target = path.join(dir, folder(sample.index), file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, text);
      }
    }
    batch.tsc = tsc(
      dir,
      written.map((sample) => `${folder(sample.index)}/index.ts`),
    );
  } catch (error) {
    batch.error = error;
  }
});

afterAll(async () => {
  await batch.tsc;
  if (!batch.keep) await rm(batch.dir, { recursive: true, force: true });
});

describe('generated code, for random doc sets', () => {
  it('property 2: exports exactly the names the model and naming.ts call for', () => {
    fc.assert(
      fc.property(docSetArb, (spec) => {
        const generated = generate(spec);
        if (!generated.model) return;
        const context = `\n\ndocs:\n${docsOf(generated)}`;
        const expected = expectedExports(generated.model);
        // naming.ts's own promises: no two exports alike, no keyword, no shadowed global, valid identifiers.
        const twice = expected.filter((name, index) => expected.indexOf(name) !== index);
        expect(twice, `names exported twice${context}`).toEqual([]);
        const invalid = expected.filter((name) => !isDeclarableName(name));
        expect(invalid, `exports that are no identifier, or a reserved word${context}`).toEqual([]);
        const { names } = assignNames(generated.model);
        const shadowing = [...names.types.values(), ...names.operations.values()].filter((name) => GLOBALS.has(name.toLowerCase()));
        expect(shadowing, `exports that shadow a global${context}`).toEqual([]);
        // What the emitted files export (samples docgen could not emit are property 1a's failures).
        const files = emitted(spec)?.files;
        if (!files) return;
        expect([...actualExports(files)].sort(), `exports of index.ts${context}`).toEqual([...new Set(expected)].sort());
        const paths = [...files.keys()].map((file) => file.toLowerCase());
        expect(paths.filter((file, index) => paths.indexOf(file) !== index), `file names that collide on a case-insensitive file system${context}`).toEqual([]);
      }),
      PARAMS,
    );
    expect(unemitted, 'samples the generator could not emit (property 1a reports them)').toBeLessThan(RUNS / 2);
  });

  it('property 3: doc text appears only inside comments and string literals', () => {
    fc.assert(
      fc.property(docSetArb, (spec) => {
        const generated = emitted(spec);
        if (!generated) return;
        const problems: string[] = [];
        for (const [file, text] of generated.files) {
          const { tokens, errors } = scanTokens(text);
          for (const error of errors) problems.push(`${file}: scanner: ${error}`);
          for (const match of text.matchAll(MARKER)) {
            const first = tokenAt(tokens, match.index);
            const last = tokenAt(tokens, match.index + match[0].length - 1);
            if (first && first === last && TEXT_TOKENS.has(first.kind)) continue;
            const where = generated.rendered.markers.get(match[0]) ?? 'unknown';
            problems.push(`${file}: ${match[0]} (from ${where}) is in a ${first ? kindName(first.kind) : 'no'} token: ${lineOf(text, match.index)}`);
          }
        }
        if (problems.length) throw new Error(`${problems.join('\n')}\n\ndocs:\n${docsOf(generated)}`);
      }),
      PARAMS,
    );
  });

  it('property 3, continued: doc text in comments and literals is inert (no raw controls or line separators, no JSDoc tags)', () => {
    fc.assert(
      fc.property(docSetArb, (spec) => {
        const generated = emitted(spec);
        if (!generated) return;
        const problems: string[] = [];
        for (const [file, text] of generated.files) {
          for (const match of text.matchAll(RAW_FORBIDDEN_ALL)) {
            problems.push(`${file}: raw ${codePointName(match[0])}: ${JSON.stringify(lineOf(text, match.index))}`);
          }
          for (const token of scanTokens(text).tokens) {
            if (token.kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
            const comment = text.slice(token.start, token.end);
            for (const tag of comment.matchAll(/(?<!\S)@([A-Za-z]\w*)/g)) {
              if (!ALLOWED_TAGS.has(tag[1]!)) problems.push(`${file}: JSDoc tag @${tag[1]} from doc text: ${lineOf(text, token.start + tag.index)}`);
            }
          }
        }
        if (problems.length) throw new Error(`${problems.join('\n')}\n\ndocs:\n${docsOf(generated)}`);
      }),
      PARAMS,
    );
  });

  // A type cell naming a member of Object.prototype (`constructor`, `__proto__`) once crashed the emitter.
  it('property 1a: docgen emits parsable output for every doc set (no crash, no EmitError)', () => {
    fc.assert(
      fc.property(docSetArb, (spec) => {
        const generated = generate(spec);
        if (generated.error) throw generated.error;
      }),
      { ...PARAMS, examples: [[CONSTRUCTOR_TYPE]] },
    );
  });

  /** tsc's verdict on the batch: the samples it reports errors for, and a failure message. */
  async function batchVerdict(): Promise<{ failing: number[]; report: () => string }> {
    if (batch.error) throw batch.error;
    expect(batch.samples).toHaveLength(RUNS + PINNED.length);
    // Samples docgen could not emit are property 1a's failures; the rest must compile (and most must exist).
    expect(batch.samples.filter((sample) => !sample.generated.files).length, 'samples docgen could not emit').toBeLessThan(RUNS / 2);
    const result = await batch.tsc!;
    const failing = [...new Set([...result.output.matchAll(/^(?:esm|cjs)\/s(\d+)\//gm)].map((match) => Number(match[1])))].sort((a, b) => a - b);
    if (result.code !== 0 && failing.length === 0) throw new Error(`tsc failed without naming a sample:\n${result.output}`);
    const report = () => {
      // The first failing random sample, shrunk (replayed at its path with the in-process compiler);
      // the output of every sample is kept when a random one fails (the pinned example is easy to redo).
      const first = failing.find((index) => index < RUNS);
      if (first !== undefined) batch.keep = true;
      let shrunk = '(no random sample fails: only pinned examples)';
      if (first !== undefined) {
        const details = fc.check(
          fc.property(docSetArb, (spec) => compileFailure(spec, first % 2 === 1)),
          { ...PARAMS, path: String(first) },
        );
        shrunk = details.failed ? (fc.defaultReportMessage(details) ?? '') : '(not shrunk: the in-process compiler accepts the sample; see the tsc output)';
      }
      if (batch.keep) for (const index of failing) writeFileSync(path.join(batch.dir, batch.folder(index), 'DOCS.md'), docsOf(batch.samples[index]!.generated));
      return (
        `tsc --strict fails for samples ${failing.join(', ')} of seed ${SEED} (samples from ${RUNS} on are pinned examples; ` +
        `replay a random one with fast-check: { seed: ${SEED}, path: "<sample>" }).\n` +
        `${batch.keep ? `Every sample's output (and the failing samples' docs, DOCS.md) is kept in ${batch.dir}` : ''}\n\n` +
        `${result.output.split('\n').slice(0, 40).join('\n')}\n\nFirst failing random sample, shrunk:\n${shrunk}`
      );
    };
    return { failing, report };
  }

  // The batch's last sample pins a case this property once found: a derived type listing `@odata.type` (as a String collection).
  it('property 1b: the output compiles under tsc --strict (every sample in one tsc run)', async () => {
    const { failing, report } = await batchVerdict();
    if (failing.length) expect.fail(report());
  });

  it('no page makes the parser crash (parsePage would skip it and hide the crash)', () => {
    fc.assert(
      fc.property(docSetArb, (spec) => {
        const generated = generate(spec);
        expect(generated.crashes, `\n\ndocs:\n${docsOf(generated)}`).toEqual([]);
      }),
      PARAMS,
    );
  });

  it('the checks can fail: the scanner check flags a marker in code, tsc a type error', async () => {
    const { tokens, errors } = scanTokens("/** zqmark1 */\nexport const zqmark2 = 'zqmark3';\n// zqmark4\nconst r = /zqmark5/;\nconst t = `a${zqmark6}b`;\n");
    const kinds = (text: string) => [...text.matchAll(MARKER)].map((match) => kindName(tokenAt(tokens, match.index)!.kind));
    expect(errors).toEqual([]);
    expect(kinds("/** zqmark1 */\nexport const zqmark2 = 'zqmark3';\n// zqmark4\nconst r = /zqmark5/;\nconst t = `a${zqmark6}b`;\n")).toEqual([
      'MultiLineCommentTrivia',
      'Identifier',
      'StringLiteral',
      'SingleLineCommentTrivia',
      'RegularExpressionLiteral',
      'Identifier',
    ]);
    expect(scanTokens("const a = 'open\n").errors).not.toEqual([]);
    expect(scanTokens('/** open\n').errors).not.toEqual([]);
    expect(compileInProcess(new Map([['index.ts', 'export const x: string = 1;\n']]))).toEqual([expect.stringMatching(/TS2322/)]);
    expect(['Thing', 'validateThing', '$ref', '__proto__', 'type', 'of'].filter(isDeclarableName)).toEqual(['Thing', 'validateThing', '$ref', '__proto__', 'type', 'of']);
    expect(['class', 'delete', 'let', 'static', 'await', 'eval', '1abc', 'a.b', 'a-b', ''].filter(isDeclarableName)).toEqual([]);
  });
});
