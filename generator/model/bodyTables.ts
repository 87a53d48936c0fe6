// A request body table beside the resource the body writes. Where the two give
// a property different types, the resource's own table wins (issue 19): the
// body page repeats the resource's rows and drifts more often than the resource.
import type { ParsedPage } from '../parse/types.js';
import { endpointKey } from './paths.js';
import { toProperty, typeKey } from './properties.js';
import { ancestorsOf, DEFAULT_NAMESPACE } from './structuredTypes.js';
import type { DiagnosticSink, SymbolTable } from './symbols.js';
import type { Operation, Property, StructuredType } from './types.js';

/**
 * A body that is a documented type (`Partial<Omit<X, 'id'>>`) already follows
 * the resource, so its table is only checked. A PATCH body typed by its table
 * alone follows the resource it updates: where every row is one of the
 * resource's properties, the body is the resource (partial, without read-only
 * properties); else each row that is one takes the resource's type.
 */
export function followResourceTables(
  pages: readonly ParsedPage[],
  operations: readonly Operation[],
  types: Map<string, StructuredType>,
  symbols: SymbolTable,
  report: DiagnosticSink,
): void {
  const byFile = new Map(operations.map((operation) => [operation.source.file, operation]));
  const readBack = readEndpoints(operations);
  for (const page of pages) {
    const operation = byFile.get(page.file);
    if (!operation || page.kind !== 'api' || page.body.kind !== 'described' || page.body.properties.length === 0) continue;
    const { body } = operation;
    if (body.kind === 'type' && body.type.kind === 'named') {
      const resource = types.get(body.type.fullName);
      // Resolved again, quietly: buildBody reported what does not resolve.
      const rows = page.body.properties.map((raw) => toProperty(raw, symbols, page.namespace ?? DEFAULT_NAMESPACE, () => {}));
      if (!resource) continue;
      // A type named without a link is the body only where the table lists its properties; else the table is.
      const named = page.body.type && !page.body.type.link;
      if (named && !rows.every((row) => documentedProperties(resource, types).has(row.name))) operation.body = { kind: 'properties', properties: rows, source: page.body.source };
      else compareRows(rows, resource, types, report);
    } else if (body.kind === 'properties' && operation.method === 'PATCH') {
      const updated = updatedResource(operation, page.title, symbols, readBack);
      const resource = updated && types.get(updated);
      if (!resource) continue;
      compareRows(body.properties, resource, types, report).forEach(([row, own]) => Object.assign(row, { type: own.type, collection: own.collection }));
      // A table of the resource's own properties samples what may change: the body is the resource's writable properties, partial.
      const documented = documentedProperties(resource, types);
      if (body.properties.every((row) => documented.has(row.name))) operation.body = { kind: 'type', type: { kind: 'named', fullName: resource.fullName }, source: body.source };
    }
  }
}

/** Each endpoint a GET reads one named object from, to that type's full name. */
function readEndpoints(operations: readonly Operation[]): Map<string, string> {
  const read = new Map<string, string>();
  for (const operation of operations) {
    const returned = operation.response.body;
    if (operation.method !== 'GET' || returned?.collection !== false || returned.type.kind !== 'named') continue;
    for (const path of operation.paths) if (!read.has(endpointKey('GET', path))) read.set(endpointKey('GET', path), returned.type.fullName);
  }
  return read;
}

/**
 * What a PATCH updates: the resource it returns, else the one its title names
 * (`Update ipNamedLocation`, one subtype over `/namedLocations/{id}`), else the
 * one a GET of its path reads (`user-update.md` answers 204 No Content).
 */
function updatedResource(operation: Operation, title: string, symbols: SymbolTable, readBack: ReadonlyMap<string, string>): string | undefined {
  const returned = operation.response.body?.type;
  if (returned?.kind === 'named') return returned.fullName;
  const named = /^update\s+(?:an?\s+|the\s+)?([A-Za-z]\w*)\s*$/i.exec(title.trim())?.[1];
  const titled = named ? symbols.byName.get(named.toLowerCase()) : undefined;
  if (titled?.length === 1) return titled[0];
  return operation.paths.map((path) => readBack.get(endpointKey('GET', path))).find((fullName) => fullName !== undefined);
}

/** A resource's properties by name, its own and inherited. */
function documentedProperties(resource: StructuredType, types: Map<string, StructuredType>): Map<string, Property> {
  const documented = new Map<string, Property>();
  for (const type of [resource, ...ancestorsOf(resource, types)]) {
    for (const property of type.properties) if (!documented.has(property.name)) documented.set(property.name, property);
  }
  return documented;
}

/** The rows whose type differs from the resource's property of that name (its own or inherited), each reported. */
function compareRows(rows: Property[], resource: StructuredType, types: Map<string, StructuredType>, report: DiagnosticSink): Array<[Property, Property]> {
  const documented = documentedProperties(resource, types);
  const differing: Array<[Property, Property]> = [];
  for (const row of rows) {
    const own = documented.get(row.name);
    if (!own || typeKey(own) === typeKey(row)) continue;
    const where = `${own.source.file}:${own.source.line}`;
    report({
      code: 'body-property-type',
      severity: 'warning',
      message: `The request body table types \`${row.name}\` as ${typeKey(row)}, but the \`${resource.name}\` resource types it as ${typeKey(own)} (${where}); the body follows the resource.`,
      expected: `${typeKey(own)}, as the resource's table at ${where}`,
      found: typeKey(row),
      source: row.source,
    });
    differing.push([row, own]);
  }
  return differing;
}
