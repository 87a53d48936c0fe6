// Parsed pages → the model. Pages are taken in file order whatever order they
// arrive in, so the same docs always give the same model.
import type { ApiPage, EnumPage, ParsedPage, ResourcePage } from '../parse/types.js';
import { buildEnumType, enumFullName } from './enumTypes.js';
import { buildOperation } from './operations.js';
import {
  buildStructuredType,
  compare,
  resourceFullName,
  settleInheritance,
} from './structuredTypes.js';
import { buildSymbolTable, type DeclaredType } from './symbols.js';
import type { Diagnostic, Model, Namespace, Operation, StructuredType, TypeDefinition } from './types.js';

export interface ModelResult {
  model: Model;
  diagnostics: Diagnostic[];
}

export function buildModel(pages: readonly ParsedPage[]): ModelResult {
  const diagnostics: Diagnostic[] = [];
  const report = (diagnostic: Diagnostic) => diagnostics.push(diagnostic);
  const sorted = [...pages].sort((a, b) => compare(a.file, b.file));

  const resources = groupBy(sorted.filter((page): page is ResourcePage => page.kind === 'resource'), resourceFullName);
  const enums = groupBy(sorted.filter((page): page is EnumPage => page.kind === 'enum'), enumFullName);
  for (const [key, group] of enums) {
    if (!resources.has(key)) continue;
    report({
      code: 'duplicate-type',
      severity: 'warning',
      message: `\`${group[0]!.name}\` is documented both as a resource and as an enum; the resource is kept.`,
      expected: 'one kind of page per type',
      found: `${resources.get(key)![0]!.file} and ${group[0]!.file}`,
      source: group[0]!.source,
    });
    enums.delete(key);
  }

  const declared: DeclaredType[] = [...resources.values(), ...enums.values()].map((group) => {
    const fullName = canonicalName(group);
    return { name: fullName.slice(fullName.lastIndexOf('.') + 1), fullName, files: group.map((page) => page.file) };
  });
  const symbols = buildSymbolTable(declared);
  const canonical = (group: ParsedPage[]) => symbols.byFullName.get(canonicalName(group).toLowerCase())!;

  const structured = new Map<string, StructuredType>();
  for (const group of resources.values()) {
    const fullName = canonical(group);
    structured.set(fullName, buildStructuredType(fullName, group as ResourcePage[], symbols, report));
  }
  settleInheritance(structured, report);
  const types: TypeDefinition[] = [
    ...structured.values(),
    ...[...enums.values()].map((group) => buildEnumType(canonical(group), group as EnumPage[], report)),
  ];

  const operations = uniqueNames(
    sorted
      .filter((page): page is ApiPage => page.kind === 'api')
      .map((page) => buildOperation(page, symbols, report))
      .filter((operation): operation is Operation => operation !== undefined),
    report,
  );

  return { model: { namespaces: toNamespaces(types), operations: operations.sort((a, b) => compare(a.name, b.name)) }, diagnostics };
}

/** The spelling of a type's name: from a page whose annotation states `@odata.type` (the canonical name), else the first page. */
function canonicalName(group: ParsedPage[]): string {
  const primary = group.find((page) => page.kind === 'resource' && page.annotation?.odataType) ?? group[0]!;
  return primary.kind === 'enum' ? enumFullName(primary) : resourceFullName(primary as ResourcePage);
}

/** Groups pages by lower-case full name, keeping file order within each group. */
function groupBy<T extends ParsedPage>(pages: T[], fullName: (page: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const page of pages) {
    const groupKey = fullName(page).toLowerCase();
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), page]);
  }
  return groups;
}

function toNamespaces(types: TypeDefinition[]): Namespace[] {
  const byName = new Map<string, TypeDefinition[]>();
  for (const type of types) byName.set(type.namespace, [...(byName.get(type.namespace) ?? []), type]);
  return [...byName.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([name, members]) => ({ name, types: members.sort((a, b) => compare(a.name, b.name)) }));
}

/** Operation names must be unique; a clash keeps the first (by file) and numbers the rest. */
function uniqueNames(operations: Operation[], report: (diagnostic: Diagnostic) => void): Operation[] {
  const taken = new Set<string>();
  for (const operation of operations) {
    let name = operation.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${operation.name}${n}`;
    if (name !== operation.name) {
      report({
        code: 'operation-name',
        severity: 'warning',
        message: `Another page already yields the operation name \`${operation.name}\`; this one is named \`${name}\`.`,
        expected: 'a unique page title',
        found: JSON.stringify(operation.title),
        source: operation.source,
      });
      operation.name = name;
    }
    taken.add(name.toLowerCase());
  }
  return operations;
}
