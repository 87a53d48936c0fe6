// Path templates → segments and typed parameters. `{id | userPrincipalName}`,
// `{user-id}` and `{remoteActionAuditId}` all become identifiers.
import type { OperationPath, PathParameter, PathPart, Source } from './types.js';

export function parsePathTemplate(template: string, source: Source): OperationPath {
  const parameters: PathParameter[] = [];
  // A documented query string (`?$filter=…`) is not part of the path.
  const segments = splitSegments(template.split('?')[0]!).map((segment) => {
    const parts: PathPart[] = [];
    for (const piece of segment.split(/(\{[^}]*\})/)) {
      if (piece === '') continue;
      if (!piece.startsWith('{')) {
        parts.push({ kind: 'literal', text: piece });
        continue;
      }
      const name = uniqueName(parameterName(piece), parameters);
      parameters.push({ name, placeholder: piece, type: { kind: 'primitive', name: 'String' } });
      parts.push({ kind: 'parameter', name });
    }
    return parts;
  });
  return { template, segments, parameters, source };
}

/** Split on `/` outside `{}` and `()`; the leading slash yields no segment. */
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
  return segments.filter((segment, index) => !(index === 0 && segment === ''));
}

/** `{id | userPrincipalName}` → `idOrUserPrincipalName`; `{user-id}` → `userId`. */
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
