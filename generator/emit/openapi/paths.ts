// openapi.json's paths: every documented path of every operation, with the facts
// its request builder has (requests.ts): the builder's name as operationId, path
// parameters and how each is written into the URL, documented query parameters,
// the OData options of a read, headers, the body and the response.
import type { Diagnostic, HttpMethod, Operation, OperationPath, PathPart, TypeRef } from '../../model/types.js';
import { documentedHeaders, inheritedNames, mediaTypeOf, queryParameters, uniquePaths } from '../requests.js';
import type { Schema } from '../schemas.js';
import type { EmitContext } from '../typeExpressions.js';
import { componentRef, propertyComponent, refSchema, SOURCE_KEY, sourceText } from './components.js';
import type { Fragment } from './document.js';
import { operationSecurity, permissionTables } from './security.js';

export const ERROR_RESPONSE = 'odata.error';
const ERROR_REF = { $ref: `#/components/responses/${ERROR_RESPONSE}` };
const JSON_TYPE = 'application/json';
const BINARY = 'application/octet-stream';
const METHOD_ORDER: HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];

/** How each encoding writes a value, for the parameter's description (`x-docgen-encoding` names it). */
const ENCODINGS = {
  segment: 'percent-encoded within its path segment',
  string: "an OData string literal between the quotes of the path, a ' in it doubled",
  value: 'a bare OData literal inside the function call, as is',
  path: 'a drive item path: each folder percent-encoded, `/` between them kept',
} as const;

/** The OData system query options a read accepts, as components.parameters; the typed ones per response type. */
const SHARED_OPTIONS: Record<string, Schema> = {
  'odata.filter': { name: '$filter', in: 'query', description: 'Filter the items (OData $filter expression).', schema: { type: 'string' } },
  'odata.search': { name: '$search', in: 'query', description: 'Search the items ($search expression).', schema: { type: 'string' } },
  'odata.top': { name: '$top', in: 'query', description: 'How many items to return at most.', schema: { type: 'integer', minimum: 0 } },
  'odata.skip': { name: '$skip', in: 'query', description: 'How many items to skip.', schema: { type: 'integer', minimum: 0 } },
  'odata.count': { name: '$count', in: 'query', description: 'Include the count of items (`@odata.count`).', schema: { type: 'boolean' } },
};

export interface PathsResult {
  paths: Record<string, Record<string, Schema>>;
  /** components.parameters: the shared OData options and each read type's $select, $orderby and $expand. */
  parameters: Record<string, Schema>;
  diagnostics: Diagnostic[];
}

interface PathItem {
  /** The path's key with its parameter names, as the first operation on it wrote them. */
  key: string;
  names: string[];
  operations: Map<HttpMethod, Schema>;
  /** Which builder took each method, for the conflict diagnostic. */
  builders: Map<HttpMethod, string>;
}

/**
 * Every operation's paths; the primary paths of all operations first, then the
 * aliases, so that where two operations document one request line (OpenAPI holds
 * one operation per method and path) a primary path wins over an alias.
 */
export function openApiPaths(operations: readonly Operation[], names: ReadonlyMap<string, string>, ctx: EmitContext, fragment: Fragment): PathsResult {
  const items = new Map<string, PathItem>();
  const parameters: Record<string, Schema> = {};
  const diagnostics: Diagnostic[] = [];
  const passes = operations.map((operation) => ({ operation, paths: uniquePaths(operation.paths) }));
  const depth = Math.max(0, ...passes.map(({ paths }) => paths.length));
  for (let index = 0; index < depth; index++) {
    for (const { operation, paths } of passes) {
      const path = paths[index];
      if (!path) continue;
      const builder = names.get(operation.name)!;
      const template = pathTemplate(path);
      const duplicate = template.names.find((name, at) => template.names.indexOf(name) !== at);
      if (duplicate !== undefined) {
        diagnostics.push(diagnostic('openapi-path-parameter', path, `The path names the parameter \`${duplicate}\` twice; OpenAPI cannot tell the two apart. It is left out of openapi.json.`, 'each placeholder once', path.template));
        continue;
      }
      const shape = template.key.replace(/\{[^}]*\}/g, '{}');
      const item = items.get(shape) ?? { key: template.key, names: template.names, operations: new Map(), builders: new Map() };
      items.set(shape, item);
      const taken = item.builders.get(operation.method);
      if (taken !== undefined) {
        diagnostics.push(
          diagnostic(
            'openapi-path-conflict',
            path,
            `\`${operation.method} ${path.template}\` is also \`${taken}\`'s; OpenAPI holds one operation per method and path, so \`${builder}\` is left out of openapi.json on this path.`,
            'one operation per request line',
            `${taken} and ${builder}`,
          ),
        );
        continue;
      }
      // The path item's parameter names are the first operation's; the others' are renamed by position.
      const rename = new Map(template.names.map((name, at) => [name, item.names[at]!]));
      const operationId = index === 0 ? builder : `${builder}_${index + 1}`;
      if (operation.method === 'GET') readParameters(operation, ctx, parameters);
      // The operation object depends on the operation, the context, and these, which come from the operations before it.
      const renamed = [...rename].flatMap(([from, to]) => (from === to ? [] : [`${from}>${to}`])).join(',');
      const built = fragment(`op:${operation.name}#${index}:${operationId}:${renamed}`, [`op:${operation.name}`], (ctx) => operationObject(operation, path, operationId, rename, ctx));
      item.operations.set(operation.method, built.schema);
      diagnostics.push(...built.diagnostics);
      item.builders.set(operation.method, builder);
    }
  }
  const sorted = [...items.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const paths = Object.fromEntries(
    sorted.map((item) => [item.key, Object.fromEntries(METHOD_ORDER.filter((method) => item.operations.has(method)).map((method) => [method.toLowerCase(), item.operations.get(method)!]))]),
  );
  return { paths, parameters: sortedKeys({ ...SHARED_OPTIONS, ...parameters }), diagnostics };
}

/** `/users/{id}/events`: the path's segments with each parameter as `{name}` (the builder's names); the documented query string is not part of it. */
export function pathTemplate(path: OperationPath): { key: string; names: string[] } {
  const names: string[] = [];
  const text = (parts: PathPart[]) =>
    parts
      .map((part) => {
        if (part.kind === 'literal') return part.text;
        names.push(part.name);
        return `{${part.name}}`;
      })
      .join('');
  return { key: `/${path.segments.map(text).join('/')}`, names };
}

/** One operation on one of its paths, and what OpenAPI cannot hold of it. */
function operationObject(operation: Operation, path: OperationPath, operationId: string, rename: Map<string, string>, ctx: EmitContext): { schema: Schema; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parameters = [
    ...pathParameters(path, rename, ctx),
    ...(operation.method === 'GET' ? readOptions(operation, path, ctx) : []),
    ...templateQuery(path, ctx, diagnostics),
    ...documentedQuery(operation, path, ctx),
    ...headerParameters(operation),
  ];
  const body = requestBody(operation, ctx);
  const security = operationSecurity(operation.permissions);
  const schema = {
    operationId,
    summary: operation.title,
    ...(operation.description && { description: operation.description }),
    ...(operation.deprecated && { deprecated: true }),
    ...(parameters.length > 0 && { parameters }),
    ...(body && { requestBody: body }),
    responses: responses(operation, ctx),
    ...(security.length > 0 && { security }),
    ...(operation.permissions.length > 0 && { 'x-docgen-permissions': permissionTables(operation.permissions) }),
    [SOURCE_KEY]: sourceText(path.source),
  };
  return { schema, diagnostics };
}

function pathParameters(path: OperationPath, rename: Map<string, string>, ctx: EmitContext): Schema[] {
  const encodings = new Map(path.segments.flat().flatMap((part) => (part.kind === 'parameter' ? [[part.name, part.encoding] as const] : [])));
  return path.parameters.flatMap((parameter) => {
    const encoding = encodings.get(parameter.name);
    if (!encoding) return [];
    return [
      {
        name: rename.get(parameter.name) ?? parameter.name,
        in: 'path',
        required: true,
        description: `${parameter.placeholder}: ${ENCODINGS[encoding]}.`,
        schema: parameterSchema(parameter.type, ctx),
        'x-docgen-encoding': encoding,
      },
    ];
  });
}

/** Primitives and enums as documented; anything else is written into the URL as text (as the builders type them). */
export function parameterSchema(type: TypeRef, ctx: EmitContext): Schema {
  if (type.kind === 'primitive') return type.name === 'Untyped' || type.name === 'Stream' ? { type: 'string' } : refSchema(type, ctx);
  if (type.kind === 'named' && ctx.types.get(type.fullName)?.kind === 'enum') return refSchema(type, ctx);
  return { type: 'string' };
}

/** The type a read's OData options are typed by (its response's item type, unless an enum or a primitive), and that type's name, or `odata` for none. */
function readTarget(operation: Operation, ctx: EmitContext): { target: string | undefined; typeName: string } {
  const item = operation.response.body?.type;
  const target = item?.kind === 'named' && ctx.types.get(item.fullName)?.kind !== 'enum' ? item.fullName : undefined;
  return { target, typeName: target ? ctx.typeNames.get(target)! : 'odata' };
}

/** components.parameters for a read's typed OData options: $select, $orderby and $expand of its item type, made once per type. */
function readParameters(operation: Operation, ctx: EmitContext, shared: Record<string, Schema>): void {
  const { target, typeName } = readTarget(operation, ctx);
  if (`${typeName}.select` in shared) return;
  const names = target ? inheritedNames(target, ctx, () => true) : [];
  const navigation = target ? inheritedNames(target, ctx, (property) => property.navigation) : [];
  const list = (name: string, description: string, values: string[]): Schema => ({
    name,
    in: 'query',
    description,
    style: 'form',
    explode: false,
    schema: { type: 'array', uniqueItems: true, items: values.length ? { type: 'string', enum: values } : { type: 'string' } },
  });
  shared[`${typeName}.select`] = list('$select', 'The properties to return.', names);
  shared[`${typeName}.orderby`] = list('$orderby', 'The properties to sort by, each ascending or followed by ` desc`.', names.flatMap((name) => [name, `${name} asc`, `${name} desc`]));
  shared[`${typeName}.expand`] = list('$expand', 'The relationships to return inline.', navigation);
}

/** A read's OData options, as references to components.parameters (readParameters makes the typed ones), less those its path fixes. */
function readOptions(operation: Operation, path: OperationPath, ctx: EmitContext): Schema[] {
  const { typeName } = readTarget(operation, ctx);
  const fixed = new Set((path.query ?? []).map((pair) => pair.name));
  // The typed options' names are their keys' last word (`user.select` is `$select`).
  const optionName = (key: string) => (SHARED_OPTIONS[key]?.['name'] as string | undefined) ?? `$${key.slice(key.lastIndexOf('.') + 1)}`;
  const options = [`${typeName}.select`, `${typeName}.expand`, 'odata.filter', `${typeName}.orderby`, 'odata.search', 'odata.top', 'odata.skip', 'odata.count'];
  return options.filter((key) => !fixed.has(optionName(key))).map((key) => ({ $ref: `#/components/parameters/${key}` }));
}

/** The query string the path documents (`?startDateTime={start}`): required; a fixed value as the one it allows. */
function templateQuery(path: OperationPath, ctx: EmitContext, diagnostics: Diagnostic[]): Schema[] {
  const seen = new Set<string>();
  return (path.query ?? []).flatMap((pair) => {
    if (seen.has(pair.name)) return [];
    seen.add(pair.name);
    const parameters = pair.value.filter((part) => part.kind === 'parameter');
    const literal = pair.value.map((part) => (part.kind === 'literal' ? part.text : `{${part.name}}`)).join('');
    let schema: Schema;
    if (parameters.length === 0) schema = { type: 'string', enum: [literal] };
    else if (pair.value.length === 1) schema = parameterSchema(path.parameters.find((parameter) => parameter.name === parameters[0]!.name)?.type ?? { kind: 'primitive', name: 'String' }, ctx);
    else {
      diagnostics.push(diagnostic('openapi-query-template', path, `The query value \`${literal}\` mixes text and parameters; OpenAPI describes it as a plain string.`, 'a fixed value or one parameter', literal));
      schema = { type: 'string' };
    }
    return [{ name: pair.name, in: 'query', required: true, description: `Documented as \`${pair.name}=${literal}\`.`, schema }];
  });
}

/** The parameters the page's tables document that are neither OData options nor placeholders (`period`, `top`). */
function documentedQuery(operation: Operation, path: OperationPath, ctx: EmitContext): Schema[] {
  const fixed = new Set((path.query ?? []).map((pair) => pair.name));
  return queryParameters(operation)
    .filter((property) => !fixed.has(property.name))
    .map((property) => {
      const schema = parameterSchema(property.type, ctx);
      return {
        name: property.name,
        in: 'query',
        ...(property.description && { description: property.description }),
        ...(property.required && { required: true }),
        ...(property.deprecated && { deprecated: true }),
        ...(property.collection ? { style: 'form', explode: false, schema: { type: 'array', items: schema } } : { schema }),
        [SOURCE_KEY]: sourceText(property.source),
      };
    });
}

/** The documented headers a caller may set; OpenAPI ignores header parameters named Accept, Content-Type or Authorization (the body's and the response's media types, and security, say those). */
function headerParameters(operation: Operation): Schema[] {
  return documentedHeaders(operation)
    .filter((name) => !/^(accept|content-type)$/i.test(name))
    .map((name) => {
      const header = operation.headers.find((candidate) => candidate.name === name)!;
      return { name, in: 'header', ...(header.value && { description: header.value }), schema: { type: 'string' }, [SOURCE_KEY]: sourceText(header.source) };
    });
}

/**
 * The body, as the builder sends it: a type (its read-only properties marked
 * `readOnly`, which OpenAPI leaves out of requests), one of the types merged
 * pages send, the object a table describes (an action's parameters), or a file.
 * A GET sends none (fetch cannot).
 */
function requestBody(operation: Operation, ctx: EmitContext): Schema | undefined {
  const body = operation.body;
  if (body.kind === 'none' || operation.method === 'GET') return undefined;
  if (body.kind === 'properties') {
    const required = body.properties.filter((property) => property.required).map((property) => property.name);
    const schema: Schema = {
      type: 'object',
      properties: Object.fromEntries(
        // A parameter the caller must send is not null either, unless the docs say it may be (as the builders type it).
        body.properties.map((property) => [property.name, propertyComponent(property.required && property.nullable === null ? { ...property, nullable: false } : property, false, ctx)]),
      ),
      ...(required.length > 0 && { required: [...new Set(required)] }),
      [SOURCE_KEY]: sourceText(body.source),
    };
    return { required: true, content: { [JSON_TYPE]: { schema } } };
  }
  if (body.type.kind === 'primitive' && body.type.name === 'Stream') {
    const documented = operation.headers.flatMap((header) => (header.name.toLowerCase() === 'content-type' ? [mediaTypeOf(header.value)] : [])).find(Boolean);
    return { required: true, content: { [documented ?? BINARY]: { schema: { type: 'string', contentMediaType: documented ?? BINARY } } } };
  }
  const sent = (body.variants ?? [body.type]).filter((type) => type.kind === 'named');
  let schema: Schema;
  if (body.type.kind === 'unresolved') schema = { type: 'object', $comment: `The docs name the type \`${body.type.text}\`, which no page defines.` };
  else if (sent.length > 1) schema = { anyOf: sent.map((type) => refSchema(type, ctx)) };
  else schema = refSchema(body.type, ctx);
  return { required: true, content: { [JSON_TYPE]: { schema: { ...schema, [SOURCE_KEY]: sourceText(body.source) } } } };
}

/** The documented status and what it holds (a collection in its `value` wrapper with paging links; one primitive or enum in `{ "value": … }`; a stream), and the OData error for any other status. */
function responses(operation: Operation, ctx: EmitContext): Schema {
  const response = operation.response;
  const body = response.body;
  const described = (description: string, content?: Schema) => ({ description, ...(content && { content }), [SOURCE_KEY]: sourceText(response.source) });
  let documented: Schema;
  if (!body) documented = described('No content.');
  else if (body.type.kind === 'primitive' && body.type.name === 'Stream' && !body.collection) {
    documented = described('The content, as a stream.', { [BINARY]: { schema: { type: 'string', contentMediaType: BINARY } } });
  } else {
    const item = body.type.kind === 'unresolved' ? {} : refSchema(body.type, ctx);
    let schema: Schema;
    if (body.collection) {
      schema = {
        type: 'object',
        properties: {
          value: { type: 'array', items: item },
          '@odata.nextLink': { description: 'The next page, when there is one.', type: 'string' },
          '@odata.count': { description: 'How many items there are in all, with `$count=true`.', type: 'integer' },
        },
      };
    } else if ((body.type.kind === 'primitive' && body.type.name !== 'Untyped') || (body.type.kind === 'named' && ctx.types.get(body.type.fullName)?.kind === 'enum')) {
      // Graph wraps a single primitive or enum value in `{ "value": … }`.
      schema = { type: 'object', properties: { value: item } };
    } else schema = item;
    documented = described(body.collection ? 'A page of items.' : 'The result.', { [JSON_TYPE]: { schema } });
  }
  return { [String(response.status)]: documented, default: ERROR_REF };
}

/** components: the OData error every operation may answer with. */
export function errorComponents(): { schema: Schema; response: Schema } {
  const detail = { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, target: { type: 'string' } } };
  const schema: Schema = {
    description: "Graph's OData error: `{ \"error\": { \"code\", \"message\", … } }`.",
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { ...detail.properties, details: { type: 'array', items: detail }, innerError: { type: 'object' } },
      },
    },
  };
  return { schema, response: { description: 'An OData error.', content: { [JSON_TYPE]: { schema: { $ref: componentRef(ERROR_RESPONSE) } } } } };
}

function diagnostic(code: string, path: OperationPath, message: string, expected: string, found: string): Diagnostic {
  return { code, severity: 'warning', message, expected, found, source: path.source };
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
