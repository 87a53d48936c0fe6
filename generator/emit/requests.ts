// View data for requests/: one builder function per operation, its request
// type (paths, parameters, query options, headers, body), and the
// operation's documented facts as data beside it.
import type { Operation, OperationPath, PathParameter, PathPart, PermissionKind, Permissions, Property, TypeRef } from '../model/types.js';
import { deprecatedLine, propertyDoc, sourceLines, withGap } from './docLines.js';
import { jsonLiteral, propertyKey, stringLiteral } from './escape.js';
import { ImportSet } from './imports.js';
import { bodyInterfaceName, requestTypeName } from './naming.js';
import { type EmitContext, propertyType, responseItemType, tsType } from './typeExpressions.js';

const MODELS = '../models/';
const ENCODING_CODE = { segment: 's', string: 'q', value: 'v', path: 'p' } as const;

export function requestView(operation: Operation, name: string, ctx: EmitContext) {
  const imports = new ImportSet();
  const paths = uniquePaths(operation.paths);
  const primary = paths[0]!;
  const multiple = paths.length > 1;
  const fields: string[] = [];

  if (!multiple && primary.parameters.length) fields.push(`params: ${parameterObject(primary.parameters, ctx, imports)}`);
  const casts = castTargets(operation, ctx);
  if (casts.length) fields.push(`cast?: ${casts.map(stringLiteral).join(' | ')}`);
  const query = queryType(operation, ctx, imports);
  if (query) fields.push(`query?: ${query}`);
  const headerNames = documentedHeaders(operation);
  // Any request may carry headers (`client-request-id`); the documented ones are named.
  fields.push(`headers?: rt.RequestHeaders<${headerNames.length ? headerNames.map(stringLiteral).join(' | ') : 'never'}>`);
  const body = bodyShape(operation, name, ctx, imports);
  if (body.type !== 'undefined') fields.push(`body: ${body.type}`);

  const variants = multiple
    ? paths.map((path, index) => {
        const params = path.parameters.length ? `; params: ${parameterObject(path.parameters, ctx, imports)}` : '';
        return `{ path${index === 0 ? '?' : ''}: ${stringLiteral(path.template)}${params} }`;
      })
    : [];
  const requiredFields = fields.some((field) => !/^\w+\?:/.test(field)) || (multiple && primary.parameters.length > 0);
  // With a cast, the response holds the type cast to: the builder takes the cast as a type parameter.
  const castItem = casts.length ? castedItem(casts, operation, ctx, imports) : undefined;
  const response = responseShape(operation, ctx, imports, castItem);
  const summary = [
    { text: operation.title },
    ...(operation.description ? [{ text: '' }, { text: operation.description }] : []),
    { text: '' },
    ...paths.map((path, index) => ({ text: `\`${operation.method} ${path.template}\`${index === 0 && multiple ? ' (the default)' : ''}` })),
    ...permissionLines(operation.permissions),
  ];
  const takes = [
    ...(multiple ? ['the path (the first by default) and its parameters'] : primary.parameters.length ? ['the path parameters'] : []),
    ...(casts.length ? ['a type to cast to'] : []),
    ...(query ? ['query options'] : []),
    'headers',
    ...(body.type !== 'undefined' ? ['the body'] : []),
  ];
  return {
    sources: [...new Set((operation.sources ?? [operation.source]).map((source) => source.file))],
    requestDoc: takes.join(', '),
    imports: imports.lines(),
    name,
    // Permissions from an include file are seen there (the page's include line is the operation's page).
    doc: withGap(summary, [...deprecatedLine(operation.deprecated), ...sourceLines([...(operation.sources ?? [operation.source]), ...operation.permissions.flatMap((table) => (table.includedFrom ? [table.source] : []))])]),
    requestType: requestTypeName(name),
    variants,
    fields,
    requestOptional: !requiredFields,
    multiple,
    paths: paths.map((path) => ({ template: path.template, pieces: urlPieces(path) })),
    pieces: urlPieces(primary),
    primary: primary.template,
    bodyInterface: body.interface,
    bodyType: body.type,
    responseType: response.type,
    castParam: casts.length ? casts.map(stringLiteral).join(' | ') : undefined,
    responseInfo: jsonLiteral(response.info),
    method: operation.method,
    headers: requestHeaders(operation, body),
    templates: paths.map((path) => path.template),
    permissions: operation.permissions.map(({ source: _source, includedFrom: _includedFrom, ...table }) => table),
    docPage: operation.source.file,
  };
}

const KINDS: Array<[PermissionKind, string]> = [
  ['delegatedWork', 'delegated (work or school account)'],
  ['delegatedPersonal', 'delegated (personal Microsoft account)'],
  ['application', 'application'],
];

/** Per table, the least privileged scopes of each kind, a Markdown list editors show (`XOperation` holds the higher privileged ones too). */
function permissionLines(tables: Permissions[]): Array<{ text: string }> {
  return tables.flatMap((table) => [
    { text: '' },
    { text: `${table.label ?? 'Permissions'}, least privileged:` },
    ...KINDS.map(([kind, label]) => {
      const { leastPrivileged, higherPrivileged } = table[kind];
      const scopes = leastPrivileged.length ? leastPrivileged : higherPrivileged;
      return { text: `- ${label}: ${scopes.length ? scopes.map((scope) => `\`${scope}\``).join(', ') : 'not supported'}` };
    }),
  ]);
}

/** A page that lists one path twice documents it once. */
export function uniquePaths(paths: OperationPath[]): OperationPath[] {
  return paths.filter((path, index) => paths.findIndex((other) => other.template === path.template) === index);
}

function parameterObject(parameters: PathParameter[], ctx: EmitContext, imports: ImportSet): string {
  return `{ ${parameters.map((parameter) => `${propertyKey(parameter.name)}: ${parameterType(parameter.type, ctx, imports)}`).join('; ')} }`;
}

/** Primitives and enums as documented; anything else is written into the URL as text. */
function parameterType(type: TypeRef, ctx: EmitContext, imports: ImportSet): string {
  if (type.kind === 'primitive') return type.name === 'Untyped' || type.name === 'Stream' ? 'string' : tsType(type, ctx, imports, MODELS).replace(/ \| 'NaN'.*$/, '');
  if (type.kind === 'named' && ctx.types.get(type.fullName)?.kind === 'enum') return tsType(type, ctx, imports, MODELS);
  return 'string';
}

/** `['/users/', ['id', 's'], '/events']`: literal text and parameters, each with how it is encoded. */
function urlPieces(path: OperationPath): string {
  const pieces: string[] = [];
  let literal = '';
  const add = (parts: PathPart[]) => {
    for (const part of parts) {
      if (part.kind === 'literal') literal += part.text;
      else {
        if (literal) pieces.push(stringLiteral(literal));
        literal = '';
        pieces.push(`[${stringLiteral(part.name)}, '${ENCODING_CODE[part.encoding]}']`);
      }
    }
  };
  for (const segment of path.segments) {
    literal += '/';
    add(segment);
  }
  if (path.segments.length === 0) literal = '/';
  path.query?.forEach((pair, index) => {
    literal += `${index === 0 ? '?' : '&'}${pair.name}${pair.value.length ? '=' : ''}`;
    add(pair.value);
  });
  if (literal) pieces.push(stringLiteral(literal));
  return `[${pieces.join(', ')}]`;
}

/** OData options for reads, typed by the response's item type and its navigation properties; then the page's own query parameters. */
function queryType(operation: Operation, ctx: EmitContext, imports: ImportSet): string | undefined {
  const parts: string[] = [];
  if (operation.method === 'GET') {
    const item = operation.response.body?.type;
    const target = item?.kind === 'named' && ctx.types.get(item.fullName)?.kind !== 'enum' ? item : undefined;
    const type = target ? tsType(target, ctx, imports, MODELS) : 'Record<string, unknown>';
    const navigation = target ? inheritedNames(target.fullName, ctx, (property) => property.navigation) : [];
    parts.push(`rt.ODataQuery<${type}${navigation.length ? `, ${navigation.map(stringLiteral).join(' | ')}` : ''}>`);
  }
  const own = queryParameters(operation);
  if (own.length) parts.push(`{ ${own.map((property) => `${propertyKey(property.name)}?: ${parameterType(property.type, ctx, imports)}${property.collection ? '[]' : ''}`).join('; ')} }`);
  return parts.length ? parts.join(' & ') : undefined;
}

/** A read may ask for only the items of a derived type (`/members/microsoft.graph.user`): the response type's subtypes. */
function castTargets(operation: Operation, ctx: EmitContext): string[] {
  const item = operation.response.body?.type;
  return operation.method === 'GET' && item?.kind === 'named' ? (ctx.subtypes.get(item.fullName) ?? []) : [];
}

/** Parameters the tables document that are neither OData options nor placeholders of a path. */
export function queryParameters(operation: Operation): Property[] {
  const inPaths = new Set(operation.paths.flatMap((path) => path.parameters.map((parameter) => parameter.name.toLowerCase())));
  return operation.parameters.filter((property) => !property.name.startsWith('$') && !inPaths.has(property.name.toLowerCase()) && /^[A-Za-z][\w.-]*$/.test(property.name));
}

/** The names of a type's properties, and of the types it derives from, that `keep` selects, sorted. */
export function inheritedNames(fullName: string, ctx: EmitContext, keep: (property: Property) => boolean): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (let type = ctx.types.get(fullName); type && type.kind !== 'enum' && !seen.has(type.fullName); type = type.baseType ? ctx.types.get(type.baseType) : undefined) {
    seen.add(type.fullName);
    for (const property of type.properties) if (keep(property)) names.add(property.name);
  }
  return [...names].sort();
}

interface BodyShape {
  type: string;
  interface?: { name: string; properties: Array<{ name: string; type: string; doc: ReturnType<typeof propertyDoc> }> };
  binary?: boolean;
}

function bodyShape(operation: Operation, name: string, ctx: EmitContext, imports: ImportSet): BodyShape {
  const body = operation.body;
  // fetch cannot send a GET with a body; the few pages that show one document function arguments that way.
  if (body.kind === 'none' || operation.method === 'GET') return { type: 'undefined' };
  if (body.kind === 'properties') {
    const interfaceName = bodyInterfaceName(name);
    return {
      type: interfaceName,
      interface: {
        name: interfaceName,
        properties: body.properties.map((property) => ({
          name: property.name,
          required: property.required === true,
          // A parameter the caller must send is not null either, unless the docs say it may be.
          type: propertyType(property.required && property.nullable === null ? { ...property, nullable: false } : property, ctx, imports, MODELS, false),
          doc: propertyDoc(property),
        })),
      },
    };
  }
  if (body.type.kind === 'primitive' && body.type.name === 'Stream') return { type: 'rt.Binary', binary: true };
  if (body.type.kind !== 'named') return { type: body.type.kind === 'unresolved' ? 'Record<string, unknown>' : tsType(body.type, ctx, imports, MODELS) };
  // Pages of one endpoint that send different types (file and item attachments): the body is one of them, told apart by `@odata.type`.
  const sent = (body.variants ?? [body.type]).filter((type) => type.kind === 'named');
  return { type: sent.map((type) => writeShape(type.fullName, operation.method, ctx, imports)).join(' | ') };
}

/**
 * What a request writes of a type: the type, or where it has subtypes any of
 * them (a message's attachment is a file, item or reference attachment, told
 * apart by `@odata.type`); without read-only properties, and partial for PATCH.
 */
function writeShape(fullName: string, method: Operation['method'], ctx: EmitContext, imports: ImportSet): string {
  const type = responseItemType({ kind: 'named', fullName }, ctx, imports, MODELS);
  const family = ctx.unions.has(fullName) ? [fullName, ...(ctx.subtypes.get(fullName) ?? [])] : [fullName];
  const writes = method === 'POST' || method === 'PUT' || method === 'PATCH';
  const readOnly = writes ? [...new Set(family.flatMap((name) => inheritedNames(name, ctx, (property) => property.readOnly)))].sort() : [];
  // Omit of a union keeps only the keys its members share; rt.Without omits from each member.
  const writable = readOnly.length ? `${family.length > 1 ? 'rt.Without' : 'Omit'}<${type}, ${readOnly.map(stringLiteral).join(' | ')}>` : type;
  return method === 'PATCH' ? `Partial<${writable}>` : writable;
}

/** The item a cast builder responds with: the type its cast `C` names, else the response's own. */
function castedItem(casts: string[], operation: Operation, ctx: EmitContext, imports: ImportSet): string {
  const byCast = casts.map((cast) => `${stringLiteral(cast)}: ${tsType({ kind: 'named', fullName: cast }, ctx, imports, MODELS)}`);
  return `C extends string ? { ${byCast.join('; ')} }[C] : ${responseItemType(operation.response.body!.type, ctx, imports, MODELS)}`;
}

function responseShape(operation: Operation, ctx: EmitContext, imports: ImportSet, castItem?: string): { type: string; info: { kind: string; type?: string } } {
  const body = operation.response.body;
  if (!body) return { type: 'void', info: { kind: 'none' } };
  const ref = body.type;
  const typeName = ref.kind === 'named' ? { type: ref.fullName } : {};
  if (ref.kind === 'primitive' && ref.name === 'Stream' && !body.collection) return { type: 'ArrayBuffer', info: { kind: 'stream' } };
  const item = castItem ?? responseItemType(ref, ctx, imports, MODELS);
  if (body.collection) return { type: `rt.CollectionResponse<${item.includes(' ') ? `(${item})` : item}>`, info: { kind: 'collection', ...typeName } };
  // Graph wraps a single primitive or enum value in `{ "value": … }`.
  if ((ref.kind === 'primitive' && ref.name !== 'Untyped') || (ref.kind === 'named' && ctx.types.get(ref.fullName)?.kind === 'enum')) {
    return { type: `rt.ValueResponse<${item}>`, info: { kind: 'value', ...typeName } };
  }
  return { type: item, info: { kind: 'object', ...typeName } };
}

/** Headers the page documents, which the caller may set; Authorization is the client's. */
export function documentedHeaders(operation: Operation): string[] {
  const names = new Map<string, string>();
  for (const header of operation.headers) {
    const key = header.name.toLowerCase();
    if (key === 'authorization' || !/^[A-Za-z][\w-]*$/.test(header.name) || names.has(key)) continue;
    names.set(key, header.name);
  }
  return [...names.values()];
}

/** Accept, and the body's Content-Type (a file upload takes the documented one); the documented optional headers are the caller's to set. */
function requestHeaders(operation: Operation, body: BodyShape): Array<{ name: string; value: string }> {
  const headers: Array<{ name: string; value: string }> = [];
  const stream = operation.response.body?.type.kind === 'primitive' && operation.response.body.type.name === 'Stream';
  if (!stream) headers.push({ name: 'Accept', value: 'application/json' });
  if (body.type === 'undefined') return headers;
  const documented = operation.headers.flatMap((header) => (header.name.toLowerCase() === 'content-type' ? [mediaTypeOf(header.value)] : [])).find(Boolean);
  headers.push({ name: 'Content-Type', value: body.binary ? (documented ?? 'application/octet-stream') : 'application/json' });
  return headers;
}

/** The media type a header cell opens with (`text/plain`, `text/plain. Required.`, `image/jpeg; charset=…`); undefined for prose. */
export function mediaTypeOf(cell: string): string | undefined {
  // A dot inside a name (`vnd.ms-excel`) belongs to it; one after it ends the sentence.
  return /^\s*`?([\w+-]+(?:\.[\w+-]+)*\/[\w+-]+(?:\.[\w+-]+)*)`?(?=[\s.;,]|$)/.exec(cell)?.[1];
}

/**
 * The path index: each documented request line (`GET /users/{id |
 * userPrincipalName}`, every path of every operation) to its builder. Where
 * pages that stay apart document one line (Intune's subtypes over one
 * collection), the line maps to all their builders, in name order.
 */
function pathEntries(operations: readonly Operation[], names: ReadonlyMap<string, string>): Array<{ key: string; builders: string[] }> {
  const byLine = new Map<string, string[]>();
  for (const operation of operations) {
    const name = names.get(operation.name)!;
    for (const path of uniquePaths(operation.paths)) {
      const key = `${operation.method} ${path.template}`;
      const builders = byLine.get(key) ?? [];
      if (!builders.includes(name)) builders.push(name);
      byLine.set(key, builders);
    }
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, builders]) => ({ key, builders: builders.sort() }));
}

/** `requests/paths.ts`: the index as a type alone, so that naming a path costs no builder's code (`typeof` imports only types). */
export function pathTypesView(operations: readonly Operation[], names: ReadonlyMap<string, string>) {
  const imports = new ImportSet();
  const entries = pathEntries(operations, names).map(({ key, builders }) => {
    for (const builder of builders) imports.add(`./${builder}.js`, builder, true);
    const types = builders.map((builder) => `typeof ${builder}`);
    return { key, type: types.length === 1 ? types[0]! : `readonly [${types.join(', ')}]` };
  });
  return { imports: imports.lines(), entries };
}

/** `requests/byPath.ts`: the index as a value, which imports every builder; nothing else imports it. */
export function pathIndexView(operations: readonly Operation[], names: ReadonlyMap<string, string>) {
  const imports = new ImportSet();
  imports.add('./paths.js', 'OperationsByPath', true);
  const entries = pathEntries(operations, names).map(({ key, builders }) => {
    for (const builder of builders) imports.add(`./${builder}.js`, builder);
    return { key, value: builders.length === 1 ? builders[0]! : `[${builders.join(', ')}]` };
  });
  return { imports: imports.lines(), entries };
}
