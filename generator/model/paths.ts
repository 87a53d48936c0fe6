// Path templates → segments and typed parameters. `{id | userPrincipalName}`,
// `{user-id}`, `<address>` and `{remoteActionAuditId}` all become identifiers;
// each parameter also records how its value must be written into the URL.
import type { HttpMethod, OperationPath, ParameterEncoding, PathParameter, PathPart, QueryPart, Source } from './types.js';

// `{…}` placeholders, and the `<address>` kind some workbook pages use.
const PLACEHOLDER = /(\{[^}]*\}|<[A-Za-z][\w-]*>)/;

export function parsePathTemplate(template: string, source: Source): OperationPath {
  const parameters: PathParameter[] = [];
  const [pathText, queryText] = splitQuery(template);
  const segments = splitSegments(pathText);
  const parsed = segments.map((segment, index) => {
    // A drive path (`root:/{item-path}:`) may span folders: its `/` stay as they are.
    const driveItemPath = index > 0 && segments[index - 1]!.endsWith(':') && /^[{<][^/]*[}>]:?$/.test(segment);
    return parseParts(segment, parameters, driveItemPath ? 'path' : undefined);
  });
  const path: OperationPath = { template, segments: parsed, parameters, source };
  if (queryText) {
    path.query = queryText
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair): QueryPart => {
        const [name, value = ''] = splitOnce(pair, '=');
        // `startDateTime={start_datetime}` names its parameter `startDateTime`.
        const single = PLACEHOLDER.test(value) && value.replace(PLACEHOLDER, '') === '' && /^[A-Za-z]\w*$/.test(name);
        return { name, value: parseParts(value, parameters, undefined, single ? name : undefined) };
      });
  }
  return path;
}

// Function arguments some pages leave unbraced: `(printerId=printerId-value)`, `(on='parameterValue')`, `(count=n)`.
const BARE_ARGUMENT = /(\w\s*=\s*'?)([A-Za-z]\w*-value|parameterValue|n)(?='?\s*[,)])/g;

function parseParts(text: string, parameters: PathParameter[], forced?: ParameterEncoding, wantedName?: string): PathPart[] {
  const parts: PathPart[] = [];
  const pieces = text.replace(BARE_ARGUMENT, '$1{$2}').split(PLACEHOLDER);
  pieces.forEach((piece, index) => {
    if (piece === '') return;
    if (index % 2 === 0) {
      parts.push({ kind: 'literal', text: piece });
      return;
    }
    const before = pieces[index - 1] ?? '';
    const argument = /(\w+)\s*=\s*'?$/.exec(before)?.[1];
    const name = uniqueName(wantedName ?? (argument ? camelWords(argument) : parameterName(piece)), parameters);
    parameters.push({ name, placeholder: piece, type: { kind: 'primitive', name: 'String' } });
    parts.push({ kind: 'parameter', name, encoding: forced ?? encodingAfter(pieces.slice(0, index).join('')) });
  });
  return parts;
}

/**
 * Inside `'…'` a value is an OData string literal (quotes doubled); inside
 * `(…)` it is a bare argument (`(date={v})`, `(key={id})`), where `,`, `)`
 * and `'` must be encoded too; elsewhere it is (part of) one path segment.
 */
function encodingAfter(before: string): ParameterEncoding {
  if (/'$/.test(before)) return 'string';
  const open = before.lastIndexOf('(');
  return open !== -1 && open > before.lastIndexOf(')') ? 'value' : 'segment';
}

/** The path, and the documented query string (`?$filter=…`) without its `?`, if any. */
export function splitQuery(template: string): [string, string | undefined] {
  const index = template.indexOf('?');
  return index === -1 ? [template, undefined] : [template.slice(0, index), template.slice(index + 1)];
}

function splitOnce(text: string, separator: string): [string, string?] {
  const index = text.indexOf(separator);
  return index === -1 ? [text] : [text.slice(0, index), text.slice(index + 1)];
}

/** Split on `/` outside `{}` and `()`; the leading slash yields no segment, nor does a trailing one. */
function splitSegments(template: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of template) {
    if (char === '{' || char === '(') depth++;
    if (char === '}' || char === ')') depth = Math.max(0, depth - 1);
    if (char === '/' && depth === 0) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments.filter((segment, index) => !(segment === '' && (index === 0 || index === segments.length - 1)));
}

/** `{id | userPrincipalName}` → `idOrUserPrincipalName`; `{user-id}` → `userId`; `<address>` → `address`. */
export function parameterName(placeholder: string): string {
  const words = placeholder
    .slice(1, -1)
    .split('|')
    .map((alternative) => camelWords(alternative))
    .filter((alternative) => alternative !== '');
  const name = words.map((word, index) => (index === 0 ? word : capitalize(word))).join('Or');
  return /^[A-Za-z_$]/.test(name) ? name : `p${capitalize(name)}`;
}

function camelWords(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : capitalize(word))).join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function uniqueName(name: string, taken: PathParameter[]): string {
  let candidate = name || 'param';
  for (let n = 2; taken.some((parameter) => parameter.name === candidate); n++) candidate = `${name || 'param'}${n}`;
  return candidate;
}

/**
 * `GET /users/{}`: the method and a path's route, its parameters unnamed, in
 * lower case (Graph ignores case), without a trailing `/`; and the names a
 * fixed query string gives (`GET /users/{}/events/{}?$expand=extensions(…)`
 * reads an extension, not the event).
 */
export function endpointKey(method: HttpMethod, path: OperationPath): string {
  const route = path.segments
    .map((parts) => parts.map((part) => (part.kind === 'literal' ? part.text.toLowerCase() : '{}')).join(''))
    .filter((segment) => segment !== '')
    .join('/');
  const query = path.query ? `?${path.query.map((pair) => `${pair.name}=${pair.value.map((part) => (part.kind === 'literal' ? part.text : '{}')).join('')}`.toLowerCase()).sort().join('&')}` : '';
  return `${method} /${route}${query}`;
}
