// Coverage figures for one run: how much of the docs reached the model. Pure:
// parsed pages, the model and the diagnostics in, plain JSON-ready data out.
// `docgen stats` prints it; the corpus tests compare it with a baseline.
import type { Diagnostic, Model, Operation, Property, TypeRef } from '../model/types.js';
import type { ParsedPage } from '../parse/types.js';

/** The namespace of a page that states none (as the model assumes). */
const DEFAULT_NAMESPACE = 'microsoft.graph';

/** How many of the unresolved type names `Coverage.rows.topUnresolved` lists. */
export const TOP_UNRESOLVED = 20;

/** `numerator` of `denominator`, and that as a percentage with 2 decimals (100 when there is nothing to count). */
export interface Ratio {
  numerator: number;
  denominator: number;
  percent: number;
}

export interface Coverage {
  pages: {
    total: number;
    byKind: { resource: number; enum: number; api: number; other: number };
  };
  /** Resource and enum pages whose type (`namespace.name`, case-insensitive) is in the model; it should be all of them. */
  typesFromPages: Ratio & {
    /** Files of the resource and enum pages whose type is not in the model. */
    missing: string[];
  };
  /**
   * Property and relationship rows of every structured type, plus the rows of
   * `properties` request bodies: how many have a type that resolved
   * (a primitive or a type in the model) rather than `unresolved`.
   */
  rows: Ratio & {
    primitive: number;
    named: number;
    unresolved: number;
    /** The commonest unresolved type names, most frequent first (ties by name). */
    topUnresolved: Array<{ name: string; count: number }>;
  };
  /**
   * API pages that yield a complete operation: a method, at least one path,
   * and a response with no content or a resolved body type other than the
   * `Untyped` fallback.
   */
  apiPages: Ratio & {
    operations: number;
    /** Files of the API pages that yield no operation at all. */
    withoutOperation: string[];
  };
  diagnostics: { total: number; errors: number; warnings: number; notes: number };
}

export function ratio(numerator: number, denominator: number): Ratio {
  const percent = denominator === 0 ? 100 : Math.round((numerator / denominator) * 10_000) / 100;
  return { numerator, denominator, percent };
}

export function computeCoverage(pages: readonly ParsedPage[], model: Model, diagnostics: readonly Diagnostic[]): Coverage {
  return {
    pages: pageCounts(pages),
    typesFromPages: typesFromPages(pages, model),
    rows: rowResolution(model),
    apiPages: apiPageCoverage(pages, model),
    diagnostics: {
      total: diagnostics.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      notes: diagnostics.filter((d) => d.severity === 'info').length,
    },
  };
}

function pageCounts(pages: readonly ParsedPage[]): Coverage['pages'] {
  const byKind = { resource: 0, enum: 0, api: 0, other: 0 };
  for (const page of pages) byKind[page.kind]++;
  return { total: pages.length, byKind };
}

function typesFromPages(pages: readonly ParsedPage[], model: Model): Coverage['typesFromPages'] {
  const inModel = new Set(model.namespaces.flatMap((ns) => ns.types.map((type) => type.fullName.toLowerCase())));
  const typePages = pages.filter((page) => page.kind === 'resource' || page.kind === 'enum');
  const missing = typePages
    .filter((page) => !inModel.has(`${page.namespace ?? DEFAULT_NAMESPACE}.${page.name}`.toLowerCase()))
    .map((page) => page.file)
    .sort();
  return { ...ratio(typePages.length - missing.length, typePages.length), missing };
}

function rowResolution(model: Model): Coverage['rows'] {
  const rows: Property[] = [
    ...model.namespaces.flatMap((ns) => ns.types.flatMap((type) => (type.kind === 'enum' ? [] : type.properties))),
    ...model.operations.flatMap((operation) => (operation.body.kind === 'properties' ? operation.body.properties : [])),
  ];
  const counts = { primitive: 0, named: 0, unresolved: 0 };
  const unresolved = new Map<string, number>();
  for (const row of rows) {
    counts[row.type.kind]++;
    if (row.type.kind === 'unresolved') unresolved.set(row.type.text, (unresolved.get(row.type.text) ?? 0) + 1);
  }
  const topUnresolved = [...unresolved.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TOP_UNRESOLVED);
  return { ...ratio(counts.primitive + counts.named, rows.length), ...counts, topUnresolved };
}

function apiPageCoverage(pages: readonly ParsedPage[], model: Model): Coverage['apiPages'] {
  const apiFiles = pages.filter((page) => page.kind === 'api').map((page) => page.file);
  // A page merged into another's operation (one endpoint, several pages) counts as that operation does.
  const pagesOf = (operation: Operation) => operation.sources ?? [operation.source];
  const complete = model.operations
    .filter(
      (operation) =>
        Boolean(operation.method) &&
        operation.paths.length > 0 &&
        (operation.response.body === undefined || isUsefulType(operation.response.body.type)),
    )
    .reduce((count, operation) => count + pagesOf(operation).length, 0);
  const withOperation = new Set(model.operations.flatMap((operation) => pagesOf(operation).map((source) => source.file)));
  const withoutOperation = apiFiles.filter((file) => !withOperation.has(file)).sort();
  return { ...ratio(complete, apiFiles.length), operations: model.operations.length, withoutOperation };
}

/** Resolved, and not the `Untyped` stand-in for a body whose type the page does not name. */
function isUsefulType(type: TypeRef): boolean {
  return type.kind === 'named' || (type.kind === 'primitive' && type.name !== 'Untyped');
}
