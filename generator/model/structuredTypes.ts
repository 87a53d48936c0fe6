// Resource pages → entity and complex types: pages of one type merged, base
// types resolved, inherited rows left to the base.
import type { RawProperty, ResourcePage } from '../parse/types.js';
import { toProperty, uniqueProperties } from './properties.js';
import { lookupName, resolveTypeRef } from './resolveType.js';
import type { DiagnosticSink, SymbolTable } from './symbols.js';
import type { Source, StructuredType } from './types.js';

export const DEFAULT_NAMESPACE = 'microsoft.graph';

export function resourceFullName(page: ResourcePage): string {
  return `${page.namespace ?? DEFAULT_NAMESPACE}.${page.name}`;
}

/** `pages` all define the type `fullName`, sorted by file. */
export function buildStructuredType(
  fullName: string,
  pages: ResourcePage[],
  symbols: SymbolTable,
  report: DiagnosticSink,
): StructuredType {
  const primary = pages.find((page) => page.annotation) ?? pages[0]!;
  const namespace = fullName.slice(0, fullName.lastIndexOf('.'));
  const properties = uniqueProperties(
    pages.flatMap((page) => page.properties.map((raw) => toProperty(raw, symbols, namespace, report))),
    fullName,
    report,
  );
  const keyProperty = pages.map((page) => page.annotation?.keyProperty).find(Boolean);
  const type: StructuredType = {
    kind: keyProperty || (properties.some((p) => p.name === 'id') && pages.some((p) => p.hasEntitySections)) ? 'entity' : 'complex',
    name: fullName.slice(namespace.length + 1),
    fullName,
    namespace,
    description: primary.description,
    abstract: pages.some((page) => page.annotation?.abstract),
    openType: pages.some((page) => page.annotation?.openType),
    properties,
    sources: [primary, ...pages.filter((page) => page !== primary)].map((page) => page.source),
  };
  // Entities without a stated key are keyed by `id` when they list it (FORMAT-GUIDE §5.3).
  if (keyProperty) type.keyProperty = keyProperty;
  else if (type.kind === 'entity') type.keyProperty = 'id';
  if (primary.deprecated) type.deprecated = primary.deprecated;
  const jsonExamples = [primary, ...pages.filter((page) => page !== primary)].flatMap((page) => (page.json ? [page.json] : []));
  if (jsonExamples.length > 0) type.jsonExamples = jsonExamples;
  // The first page that states a base gives it: a type merged from several pages (an Intune page and the main one) may state it on one only.
  const stating = [primary, ...pages.filter((page) => page !== primary)].find(statesBase) ?? primary;
  const baseType = resolveBaseType(stating, namespace, symbols, report);
  if (baseType && baseType !== fullName) type.baseType = baseType;
  return type;
}

function statesBase(page: ResourcePage): boolean {
  return Boolean(page.annotation?.baseType ?? page.inheritsFrom ?? mostTagged(page));
}

function resolveBaseType(page: ResourcePage, namespace: string, symbols: SymbolTable, report: DiagnosticSink): string | undefined {
  if (page.annotation?.baseType) {
    const found = lookupName(page.annotation.baseType, symbols, namespace);
    if (found) return found;
    report(unresolvedBase(page.annotation.baseType, page.annotation.source));
    return undefined;
  }
  const stated = page.inheritsFrom ?? mostTagged(page);
  if (!stated) return undefined;
  const ref = resolveTypeRef(stated, symbols, namespace, report);
  return ref.kind === 'named' ? ref.fullName : undefined;
}

/** Where a page states no base, the type its rows most often say they are "Inherited from". */
function mostTagged(page: ResourcePage) {
  const counts = new Map<string, { ref: NonNullable<RawProperty['inheritedFrom']>; count: number }>();
  for (const property of page.properties) {
    const ref = property.inheritedFrom;
    if (!ref) continue;
    const entry = counts.get(ref.name.toLowerCase()) ?? { ref, count: 0 };
    entry.count++;
    counts.set(ref.name.toLowerCase(), entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.ref;
}

function unresolvedBase(name: string, source: Source) {
  return {
    code: 'unresolved-type',
    severity: 'warning' as const,
    message: `No page defines the base type \`${name}\`; the type is emitted without it.`,
    expected: 'a type defined by a resource page',
    found: `\`${name}\``,
    source,
  };
}

/**
 * Checks the inheritance graph once every type exists: bases must be entity or
 * complex types, cycles are broken, entity-ness is inherited, and rows a
 * derived page repeats from its base are left to the base.
 */
export function settleInheritance(types: Map<string, StructuredType>, report: DiagnosticSink): void {
  for (const type of types.values()) {
    if (type.baseType && !types.has(type.baseType)) {
      report({
        code: 'base-type-kind',
        severity: 'warning',
        message: `The base type \`${type.baseType}\` of \`${type.fullName}\` is not an entity or complex type; it is ignored.`,
        expected: 'an entity or complex type',
        found: `\`${type.baseType}\``,
        source: type.sources[0]!,
      });
      delete type.baseType;
    }
  }
  for (const type of [...types.values()].sort((a, b) => compare(a.fullName, b.fullName))) {
    const seen = new Set<string>([type.fullName]);
    for (let base = type.baseType && types.get(type.baseType); base; base = base.baseType ? types.get(base.baseType) : undefined) {
      if (seen.has(base.fullName)) {
        report({
          code: 'inheritance-cycle',
          severity: 'error',
          message: `\`${type.fullName}\` inherits from itself through ${[...seen].join(' → ')}; its base type is dropped.`,
          expected: 'an inheritance chain that ends',
          found: 'a cycle',
          source: type.sources[0]!,
        });
        delete type.baseType;
        break;
      }
      seen.add(base.fullName);
    }
  }
  for (const type of types.values()) {
    const ancestors = ancestorsOf(type, types);
    if (ancestors.some((ancestor) => ancestor.kind === 'entity')) type.kind = 'entity';
    const inherited = new Set(ancestors.flatMap((ancestor) => ancestor.properties.map((property) => property.name)));
    type.properties = type.properties.filter((property) => !inherited.has(property.name));
  }
}

export function ancestorsOf(type: StructuredType, types: Map<string, StructuredType>): StructuredType[] {
  const chain: StructuredType[] = [];
  for (let base = type.baseType && types.get(type.baseType); base; base = base.baseType ? types.get(base.baseType) : undefined) {
    chain.push(base);
  }
  return chain;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
