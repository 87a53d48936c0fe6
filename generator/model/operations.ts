// API pages → operations: method, paths, permissions, body and response.
import type { ApiPage, RawResponse } from '../parse/types.js';
import { operationName } from './operationNames.js';
import { parsePathTemplate, splitQuery } from './paths.js';
import { type IncludedFile, resolvePermissions } from './permissions.js';
import { toProperty, uniqueProperties } from './properties.js';
import { resolveTypeRef } from './resolveType.js';
import { DEFAULT_NAMESPACE } from './structuredTypes.js';
import type { DiagnosticSink, SymbolTable } from './symbols.js';
import type { HttpMethod, Operation, OperationPath, Property, RequestBody, ResponseSpec } from './types.js';

const DEFAULT_STATUS: Record<HttpMethod, number> = { GET: 200, POST: 201, PATCH: 200, PUT: 200, DELETE: 204 };

/** `undefined` when the page documents no request line (already reported by the parser). */
export function buildOperation(page: ApiPage, symbols: SymbolTable, report: DiagnosticSink, includes: ReadonlyMap<string, IncludedFile>): Operation | undefined {
  const first = page.requests[0];
  if (!first) return undefined;
  const namespace = page.namespace ?? DEFAULT_NAMESPACE;
  const parameters = uniqueProperties(
    page.parameters.map((raw) => toProperty(raw, symbols, namespace, report)),
    `the parameters of ${JSON.stringify(page.title)}`,
    report,
  );
  const body = buildBody(page, symbols, namespace, report);
  // Intune documents a function's parameters as the body of its GET.
  const documented = first.method === 'GET' && body.kind === 'properties' ? [...parameters, ...body.properties] : parameters;
  const operation: Operation = {
    name: '', // below: made from the paths and the response
    title: page.title,
    description: page.description,
    method: first.method,
    paths: page.requests
      .filter((request) => request.method === first.method)
      .map((request) => typedParameters(parsePathTemplate(withFunctionArguments(request.path, page, documented), request.source), documented)),
    permissions: resolvePermissions(page, includes, report),
    headers: page.headers,
    supportsQueryOptions: page.supportsQueryOptions,
    parameters,
    body,
    response: buildResponse(page, page.response, symbols, namespace, report),
    examples: page.examples,
    source: page.source,
  };
  if (page.deprecated) operation.deprecated = page.deprecated;
  operation.name = operationName(operation, (name) => symbols.byName.has(name.toLowerCase()));
  return operation;
}

// The path's last segment: a name (`getX`, `microsoft.graph.getX`) called without arguments, or with none (`getX()`).
const BARE_CALL = /\/((?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*))(\(\s*\))?$/;

/**
 * A function the request line calls without its arguments (`GET
 * /reports/getX`, `…/microsoft.graph.f()`) takes those the page's tables
 * document, as Graph is called and as docgen models arguments written in the
 * path: `getX(period='{period}',days={days})`, an OData string literal for a
 * String, an enum or a type docgen does not know (the docs quote enum members),
 * any other primitive bare. Only for a GET (an action takes its parameters in
 * the body) whose last segment the page calls a function: written `f()`, named
 * by the title (`reportRoot: getX`, `getX function`), or under a `## Function
 * parameters` heading on a path that calls nothing else; and not when the
 * page also writes the call with arguments (`f`, `f(a=1)`: overloads). Left
 * out: rows the path already holds, `$` options, collections, and the
 * arguments the docs call optional, which a path cannot leave out (Graph
 * overloads those: `delta()`, `delta(token='…')`).
 */
function withFunctionArguments(template: string, page: Pick<ApiPage, 'title' | 'functionParameters' | 'requests'>, documented: Property[]): string {
  const [path, query] = splitQuery(template);
  const call = BARE_CALL.exec(path);
  if (!call || page.requests[0]?.method !== 'GET') return template;
  const before = path.slice(0, call.index);
  const calls = call[3] !== undefined || titleNames(page.title, call[2]!) || (page.functionParameters && !before.includes('('));
  const overloaded = page.requests.some((request) => new RegExp(`/${call[1]!.replace(/\./g, '\\.')}\\(\\s*[^\\s)]`, 'i').test(request.path));
  if (!calls || overloaded) return template;
  const held = new Set(parsePathTemplate(template, page.requests[0].source).parameters.map((parameter) => parameter.name.toLowerCase()));
  const args = documented.filter((row) => {
    const fits = /^[A-Za-z_]\w*$/.test(row.name) && !held.has(row.name.toLowerCase()) && !row.collection && !/(?:^|\.)\W*optional\b/i.test(row.description);
    held.add(row.name.toLowerCase()); // a row the body table repeats is one argument
    return fits;
  });
  if (args.length === 0) return template;
  const written = args.map((row) => (row.type.kind === 'primitive' && row.type.name !== 'String' && row.type.name !== 'Untyped' ? `${row.name}={${row.name}}` : `${row.name}='{${row.name}}'`));
  return `${before}/${call[1]}(${written.join(',')})${query === undefined ? '' : `?${query}`}`;
}

/** `reportRoot: getX`, `getX function`. */
function titleNames(title: string, name: string): boolean {
  const text = title.trim().toLowerCase();
  return /:\s*(\S+)$/.exec(text)?.[1] === name.toLowerCase() || text === `${name.toLowerCase()} function`;
}

/** A placeholder the parameter tables document (`period` of `getX(period='{period_value}')`) takes its type, when it is a single primitive or enum. */
function typedParameters(path: OperationPath, documented: Property[]): OperationPath {
  for (const parameter of path.parameters) {
    const row = documented.find((property) => property.name.toLowerCase() === parameter.name.toLowerCase());
    if (row && !row.collection && row.type.kind !== 'unresolved') parameter.type = row.type;
  }
  return path;
}

function buildBody(page: ApiPage, symbols: SymbolTable, namespace: string, report: DiagnosticSink): RequestBody {
  const body = page.body;
  if (body.kind === 'none') return body;
  const properties = uniqueProperties(
    body.properties.map((raw) => toProperty(raw, symbols, namespace, report)),
    `the request body of ${JSON.stringify(page.title)}`,
    report,
  );
  if (body.type) {
    // A table beside an unresolvable type still describes the body better than `unknown`. A name without a link (Intune's "a JSON representation for the x object") is taken only where it resolves.
    const linked = body.type.link !== undefined;
    const type = resolveTypeRef(body.type, symbols, namespace, properties.length > 0 || !linked ? () => {} : report);
    if (type.kind !== 'unresolved' || (linked && properties.length === 0)) return { kind: 'type', type, source: body.type.source };
    if (properties.length === 0) {
      report({
        code: 'request-body',
        severity: 'warning',
        message: `The request body is said to be a \`${body.type.name}\` object, which is no documented type; it is typed as unknown.`,
        expected: 'a documented type, or a property table',
        found: JSON.stringify(body.type.name),
        source: body.type.source,
      });
    }
  }
  if (properties.length > 0) return { kind: 'properties', properties, source: body.source };
  return { kind: 'type', type: { kind: 'primitive', name: 'Untyped' }, source: body.source };
}

function buildResponse(
  page: ApiPage,
  response: RawResponse | undefined,
  symbols: SymbolTable,
  namespace: string,
  report: DiagnosticSink,
): ResponseSpec {
  const method = page.requests[0]!.method;
  if (!response) return { status: DEFAULT_STATUS[method], body: { type: { kind: 'primitive', name: 'Untyped' }, collection: false }, source: page.source };
  // "This method returns a [driveItem](…) resource": a type but no status; the method's usual one applies.
  const spec: ResponseSpec = { status: response.status ?? DEFAULT_STATUS[method], source: response.source };
  if (response.empty) return spec;
  if (!response.type) {
    report({
      code: 'response-type',
      severity: 'warning',
      message: 'The Response section names no type for the body; it is typed as unknown.',
      expected: 'a link to the returned resource, e.g. "a [user](../resources/user.md) object"',
      found: 'no link',
      source: response.source,
    });
    return { ...spec, body: { type: { kind: 'primitive', name: 'Untyped' }, collection: response.collection } };
  }
  return { ...spec, body: { type: resolveTypeRef(response.type, symbols, namespace, report), collection: response.collection } };
}
