// Which operation of the old docs is which of the new: by method and primary
// path, never by generated name (names are numbered on clashes, titles change).
// Many operations share a method and path (every "Create x" posts to the same
// collection), so within one the page, name, title and body break the tie.
import type { Operation, OperationPath } from '../model/types.js';
import { typeRefText } from './rules.js';

export interface OperationMatch {
  pairs: Array<[before: Operation, after: Operation]>;
  removed: Operation[];
  added: Operation[];
}

/** `/deviceManagement/users/{userId}` → `devicemanagement/users/{}`: parameter names and letter case do not tell paths apart. */
export function pathKey(path: OperationPath): string {
  return path.segments.map((segment) => segment.map((part) => (part.kind === 'literal' ? part.text.toLowerCase() : '{}')).join('')).join('/');
}

const primaryKey = (operation: Operation) => pathKey(operation.paths[0]!);

// From the surest to the loosest; each stage pairs only what the earlier ones left.
const STAGES: Array<(operation: Operation) => string[]> = [
  (operation) => [`${operation.method} ${primaryKey(operation)}`],
  // The primary path changed, but the old one is still an alias, or the reverse.
  (operation) => operation.paths.map((path) => `${operation.method} ${pathKey(path)}`),
  // The method changed; the path and the page did not.
  (operation) => [`${primaryKey(operation)} ${operation.source.file}`],
];

const title = (operation: Operation) => operation.title.toLowerCase().replace(/\s+/g, ' ').trim();

// Within a group: a value that occurs once among the unpaired on each side makes a pair.
const TIES: Array<(operation: Operation) => string> = [
  (operation) => operation.source.file,
  (operation) => operation.name,
  title,
  (operation) => signature(operation),
  () => 'the only one left',
];

export function matchOperations(before: readonly Operation[], after: readonly Operation[]): OperationMatch {
  const unpaired = { before: new Set(before), after: new Set(after) };
  const pairs: OperationMatch['pairs'] = [];
  for (const keys of STAGES) {
    const groups = new Map<string, { before: Operation[]; after: Operation[] }>();
    for (const side of ['before', 'after'] as const) {
      for (const operation of unpaired[side]) {
        for (const key of new Set(keys(operation))) {
          const group = groups.get(key) ?? { before: [], after: [] };
          group[side].push(operation);
          groups.set(key, group);
        }
      }
    }
    for (const key of [...groups.keys()].sort()) {
      const group = groups.get(key)!;
      const left = group.before.filter((operation) => unpaired.before.has(operation));
      const right = group.after.filter((operation) => unpaired.after.has(operation));
      for (const [a, b] of pairWithin(left, right)) {
        unpaired.before.delete(a);
        unpaired.after.delete(b);
        pairs.push([a, b]);
      }
    }
  }
  return { pairs, removed: [...unpaired.before], added: [...unpaired.after] };
}

function pairWithin(before: Operation[], after: Operation[]): Array<[Operation, Operation]> {
  const pairs: Array<[Operation, Operation]> = [];
  let left = before;
  let right = after;
  for (const tie of TIES) {
    if (left.length === 0 || right.length === 0) break;
    const a = uniqueBy(left, tie);
    const b = uniqueBy(right, tie);
    const paired = [...a.keys()].sort().filter((value) => b.has(value)).map((value): [Operation, Operation] => [a.get(value)!, b.get(value)!]);
    pairs.push(...paired);
    left = left.filter((operation) => !paired.some(([x]) => x === operation));
    right = right.filter((operation) => !paired.some(([, y]) => y === operation));
  }
  return pairs;
}

/** Operations by `key`, leaving out the values more than one has. */
function uniqueBy(operations: Operation[], key: (operation: Operation) => string): Map<string, Operation> {
  const counts = new Map<string, number>();
  for (const operation of operations) counts.set(key(operation), (counts.get(key(operation)) ?? 0) + 1);
  return new Map(operations.filter((operation) => counts.get(key(operation)) === 1).map((operation) => [key(operation), operation]));
}

/** An operation of `after` that documents the same request as `removed` (method, a path, title, body and response): another page of the same operation. */
export function twinOf(removed: Operation, after: readonly Operation[]): Operation | undefined {
  // A builder that merged the removed one's page says so: it keeps every page as a source.
  const merged = after.find((operation) => operation.method === removed.method && operation.sources?.some((source) => source.file === removed.source.file));
  if (merged) return merged;
  const key = primaryKey(removed);
  const same = (operation: Operation) => title(operation) === title(removed) && signature(operation) === signature(removed);
  return after.find((operation) => operation.method === removed.method && operation.paths.some((path) => pathKey(path) === key) && same(operation));
}

/** What the operation takes and returns. */
function signature(operation: Operation): string {
  const { body, response } = operation;
  const taken = body.kind === 'type' ? typeRefText(body.type) : body.kind === 'properties' ? body.properties.map((property) => property.name) : null;
  return JSON.stringify([taken, response.body ? [typeRefText(response.body.type), response.body.collection] : null]);
}
