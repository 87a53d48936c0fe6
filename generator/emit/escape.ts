// Doc text is untrusted: these are the only ways it reaches emitted code, one
// per context. Nothing from the docs is ever emitted outside a comment or a
// string literal.

// Line terminators in JavaScript source (a raw U+2028 ends a `//` comment).
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/g;
// The two of them JSON allows raw in a string.
const SEPARATORS = /[\u2028\u2029]/g;
// Characters that can hide or reorder code in an editor, or that tools mishandle:
// every control but tab and the line breaks (handled above, or by JSON), and every
// format character (general category Cf, which holds all of Unicode's Bidi_Control
// set: U+061C, U+200E/F, U+202A-E, U+2066-9, and U+2060, U+180E, U+FEFF, the tags...).
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Bidi_Control}]/gu;

/** `\uXXXX` for each UTF-16 unit of an invisible character (two for one outside the BMP), valid in comments, strings and JSON. */
function unicodeEscapes(char: string): string {
  let escaped = '';
  for (let index = 0; index < char.length; index++) escaped += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}

/** Text for one line inside a `/** … *\/` block: cannot close the comment or start a new line. */
export function commentText(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, unicodeEscapes)
    .replace(/\*\//g, '*\\/')
    .replace(/(^|\s)@(?=\w)/g, '$1\\@') // a doc's "@deprecated" must not become a JSDoc tag (TSDoc escape)
    .trimEnd();
}

/** A single-quoted string literal with every character that could end it or the line escaped. */
export function stringLiteral(text: string): string {
  const escaped = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/'/g, "\\'")
    .replace(SEPARATORS, unicodeEscapes)
    .replace(INVISIBLE, unicodeEscapes);
  return `'${escaped}'`;
}

/**
 * A JSON document (2-space indented, one final newline). JSON.stringify makes
 * any text a valid string value; line separators and bidi and other invisible
 * controls are escaped as well, so that a reviewer sees them.
 */
export function jsonDocument(value: unknown): string {
  return `${jsonText(value, 0)}\n`;
}

/** `value` as jsonDocument prints it, nested `depth` levels deep (each line after the first indented to match), no final newline. */
export function jsonText(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  const nested = depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
  return nested.replace(SEPARATORS, unicodeEscapes).replace(INVISIBLE, unicodeEscapes);
}

/**
 * Appends to `out` an object as jsonText prints it, each member's value appended by
 * `member` (at `depth` + 1): a document assembled from parts printed apart, with the
 * text of printing it whole, joined once at the end.
 */
export function appendJsonObject<T>(out: string[], record: Readonly<Record<string, T>>, depth: number, member: (value: T, key: string) => void): void {
  const keys = Object.keys(record).filter((key) => record[key] !== undefined);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  const indent = '  '.repeat(depth + 1);
  keys.forEach((key, index) => {
    out.push(index === 0 ? '{\n' : ',\n', indent, jsonText(key, 0), ': ');
    member(record[key]!, key);
  });
  out.push('\n', '  '.repeat(depth), '}');
}

/** A JSON value as a TypeScript expression (string literals escaped as above). */
export function jsonLiteral(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${objectKey(key)}: ${jsonLiteral(item)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A property name in an interface: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** A key in an object literal. `__proto__: x` (quoted or not) sets the prototype there; a computed key does not. */
export function objectKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}
