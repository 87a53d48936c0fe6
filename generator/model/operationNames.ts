// Operation names unique in a model. Pages with the same title ("List
// members") each take the resource their path addresses into the name
// (`listGroupMembers`, `listDirectoryRoleMembers`), so a name depends on the
// page's own path, not on which other pages exist; only a clash that survives
// that is numbered, in file order.
import { singular } from '../parse/words.js';
import type { Diagnostic, Operation, OperationPath } from './types.js';

export function uniqueOperationNames(operations: Operation[], report: (diagnostic: Diagnostic) => void): Operation[] {
  const byName = new Map<string, Operation[]>();
  for (const operation of operations) {
    const key = operation.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), operation]);
  }
  const wanted = new Map<Operation, string>();
  for (const group of byName.values()) {
    for (const operation of group) wanted.set(operation, group.length > 1 ? qualifiedName(operation.name, operation.paths[0]) : operation.name);
  }
  const taken = new Set<string>();
  for (const operation of operations) {
    const base = wanted.get(operation)!;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    taken.add(name.toLowerCase());
    if (name === operation.name) continue;
    const count = byName.get(operation.name.toLowerCase())!.length;
    report({
      code: 'operation-name',
      severity: 'warning',
      message:
        name === base
          ? `${count} pages yield the operation name \`${operation.name}\`; this one is named \`${name}\` after the resource its path addresses.`
          : `${count} pages yield the operation name \`${operation.name}\`, and their paths do not tell this one apart; it is named \`${name}\`.`,
      expected: 'a unique page title',
      found: JSON.stringify(operation.title),
      source: operation.source,
    });
    operation.name = name;
  }
  return operations;
}

/**
 * `listMembers` on `/groups/{id}/members` → `listGroupMembers`: the resource
 * the path addresses (the literal segment before the one the operation is
 * about, singular) goes after the verb. `/me/…` reads as `My`. The name stays
 * as it is when the path has no such segment (`/groups/{id}`).
 */
export function qualifiedName(name: string, path: OperationPath | undefined): string {
  const qualifier = path && parentResource(path);
  if (!qualifier) return name;
  const verb = /^[a-z0-9]+/.exec(name)?.[0] ?? '';
  return `${verb}${overlapped(qualifier, name.slice(verb.length))}`;
}

/** `UserFlow` + `UserFlowLanguages` → `UserFlowLanguages`; `B2cUserFlow` + `UserFlowLanguages` → `B2cUserFlowLanguages`: words said twice are said once. */
function overlapped(qualifier: string, rest: string): string {
  const head = qualifier.match(/[A-Z0-9][a-z0-9]*/g) ?? [qualifier];
  const tail = rest.match(/[A-Z0-9][a-z0-9]*/g) ?? [];
  for (let k = Math.min(head.length, tail.length); k > 0; k--) {
    if (head.slice(-k).join('') === tail.slice(0, k).join('')) return qualifier + rest.slice(tail.slice(0, k).join('').length);
  }
  return qualifier + rest;
}

function parentResource(path: OperationPath): string | undefined {
  const literals = path.segments.map((parts) => {
    const [only] = parts;
    return parts.length === 1 && only?.kind === 'literal' ? only.text : undefined;
  });
  // The segment the operation is about: the last literal one that is a name (not `$ref`, `$value`, `$count`).
  let target = literals.length - 1;
  while (target >= 0 && !(literals[target] && /^[A-Za-z]/.test(literals[target]!))) target--;
  for (let index = target - 1; index >= 0; index--) {
    const text = literals[index];
    if (!text || !/^[A-Za-z][\w.]*$/.test(text)) continue;
    if (text === 'me') return 'My';
    return pascal(singular(text.slice(text.lastIndexOf('.') + 1)));
  }
  return undefined;
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
