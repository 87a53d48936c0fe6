// Parsed pages → the model. Pages are taken in file order whatever order they
// arrive in, so the same docs always give the same model.
import type { ApiPage, EnumPage, ParsedPage, ResourcePage } from '../parse/types.js';
import { buildEnumType, type EnumDefinition, enumFullName } from './enumTypes.js';
import { followResourceTables } from './bodyTables.js';
import { crossCheckJson } from './crossCheck.js';
import { possibleValuesDefinitions } from './possibleValues.js';
import { uniqueOperationNames } from './operationNames.js';
import { mergeOperations } from './mergeOperations.js';
import { buildOperation } from './operations.js';
import type { IncludedFile } from './permissions.js';
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

/** `includes`: the permission include files the pages name, by resolved path (see permissions.ts). */
export function buildModel(pages: readonly ParsedPage[], includes: ReadonlyMap<string, IncludedFile> = new Map()): ModelResult {
  const diagnostics: Diagnostic[] = [];
  const report = (diagnostic: Diagnostic) => diagnostics.push(diagnostic);
  const sorted = [...pages].sort((a, b) => compare(a.file, b.file));

  const resources = groupBy(sorted.filter((page): page is ResourcePage => page.kind === 'resource'), resourceFullName);
  // Enum pages first, then `### x values` sections, then possible-values lists: the first definition names the enum.
  const enumDefinitions: EnumDefinition[] = [
    ...sorted.filter((page): page is EnumPage => page.kind === 'enum').map((page) => ({ ...page, role: 'page' as const })),
    ...sorted.flatMap((page) => page.enumSections.map((section) => ({ ...section, role: 'section' as const }))),
  ];
  const enums = groupBy(enumDefinitions, enumFullName);
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
  for (const definition of possibleValuesDefinitions(sorted, (fullName) => resources.has(fullName))) {
    const groupKey = enumFullName(definition).toLowerCase();
    enums.set(groupKey, [...(enums.get(groupKey) ?? []), definition]);
  }

  const declared: DeclaredType[] = [
    ...[...resources.values()].map((group) => declare(canonicalName(group), group.map((page) => page.file))),
    ...[...enums.values()].map((group) =>
      declare(
        enumFullName(group[0]!),
        group.filter((definition) => definition.role === 'page').map((definition) => definition.file),
        group.flatMap((definition) => ('anchor' in definition ? [`${definition.file}#${definition.anchor}`] : [])),
      ),
    ),
  ];
  const symbols = buildSymbolTable(declared);
  const canonical = (group: ResourcePage[]) => symbols.byFullName.get(canonicalName(group).toLowerCase())!;

  const structured = new Map<string, StructuredType>();
  for (const group of resources.values()) {
    const fullName = canonical(group);
    structured.set(fullName, buildStructuredType(fullName, group, symbols, report));
  }
  settleInheritance(structured, report);
  for (const group of resources.values()) crossCheckJson(structured.get(canonical(group))!, group, structured, report);
  const types: TypeDefinition[] = [
    ...structured.values(),
    ...[...enums.values()].map((group) => buildEnumType(symbols.byFullName.get(enumFullName(group[0]!).toLowerCase())!, group, report)),
  ];

  const perPage = sorted
    .filter((page): page is ApiPage => page.kind === 'api')
    .map((page) => buildOperation(page, symbols, report, includes))
    .filter((operation): operation is Operation => operation !== undefined);
  followResourceTables(sorted, perPage, structured, symbols, report);
  // One operation per endpoint, then names unique among them.
  const operations = uniqueOperationNames(mergeOperations(perPage, structured, report), (name) => symbols.byName.has(name.toLowerCase()), report);

  return { model: { namespaces: toNamespaces(types), operations: operations.sort((a, b) => compare(a.name, b.name)) }, diagnostics };
}

/** The spelling of a type's name: from a page whose annotation states `@odata.type` (the canonical name), else the first page. */
function canonicalName(group: ResourcePage[]): string {
  return resourceFullName(group.find((page) => page.annotation?.odataType) ?? group[0]!);
}

function declare(fullName: string, files: string[], anchors: string[] = []): DeclaredType {
  return { name: fullName.slice(fullName.lastIndexOf('.') + 1), fullName, files, anchors };
}

/** Groups definitions by lower-case full name, keeping their order within each group. */
function groupBy<T>(pages: T[], fullName: (page: T) => string): Map<string, T[]> {
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

