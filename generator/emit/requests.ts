// View data for requests/: one builder function per operation, and the
// operation's documented facts as data beside it.
import type { Operation, OperationPath, TypeRef } from '../model/types.js';
import { deprecatedLine, propertyDoc, sourceLines, withGap } from './docLines.js';
import { propertyKey, stringLiteral } from './escape.js';
import { ImportSet } from './imports.js';
import { bodyInterfaceName } from './naming.js';
import { type EmitContext, propertyType, tsType } from './typeExpressions.js';

const MODELS = '../models/';

export function requestView(operation: Operation, name: string, ctx: EmitContext) {
  const imports = new ImportSet();
  const primary = operation.paths[0]!;
  const parameters: Array<{ code: string }> = [];

  if (primary.parameters.length) {
    const fields = primary.parameters.map((parameter) => `${propertyKey(parameter.name)}: ${tsType(parameter.type, ctx, imports, MODELS)}`);
    parameters.push({ code: `params: { ${fields.join('; ')} }` });
  }

  const body = bodyShape(operation, name, ctx, imports);
  if (body.type !== 'undefined') parameters.push({ code: `body: ${body.type}` });

  let url = urlExpression(primary);
  if (operation.supportsQueryOptions && operation.method === 'GET') {
    const item = operation.response.body?.type;
    const target = item?.kind === 'named' ? tsType(item, ctx, imports, MODELS) : 'Record<string, unknown>';
    parameters.push({ code: `query?: rt.ODataQuery<${target}>` });
    url = `rt.withQuery(${url}, query)`;
  }

  const response = responseType(operation, ctx, imports);
  const summary = [
    { text: operation.title },
    ...(operation.description ? [{ text: '' }, { text: operation.description }] : []),
    { text: '' },
    { text: `\`${operation.method} ${primary.template}\`` },
  ];
  return {
    sources: [operation.source.file],
    imports: imports.lines(),
    name,
    doc: withGap(summary, [...deprecatedLine(operation.deprecated), ...sourceLines([operation.source])]),
    parameters,
    bodyInterface: body.interface,
    bodyType: body.type,
    hasBody: body.type !== 'undefined',
    responseType: response,
    method: operation.method,
    url,
    headers: requestHeaders(operation, body.type !== 'undefined'),
    paths: operation.paths.map((path) => path.template),
    permissions: operation.permissions,
    docPage: operation.source.file,
  };
}

function bodyShape(operation: Operation, name: string, ctx: EmitContext, imports: ImportSet) {
  const body = operation.body;
  if (body.kind === 'none') return { type: 'undefined' };
  if (body.kind === 'properties') {
    const interfaceName = bodyInterfaceName(name);
    return {
      type: interfaceName,
      interface: {
        name: interfaceName,
        properties: body.properties.map((property) => ({
          name: property.name,
          type: propertyType(property, ctx, imports, MODELS, false),
          doc: propertyDoc(property),
        })),
      },
    };
  }
  const type = body.type.kind === 'unresolved' ? 'Record<string, unknown>' : tsType(body.type, ctx, imports, MODELS);
  return { type: operation.method === 'PATCH' && body.type.kind === 'named' ? `Partial<${type}>` : type };
}

function responseType(operation: Operation, ctx: EmitContext, imports: ImportSet): string {
  const body = operation.response.body;
  if (!body) return 'void';
  const item = tsType(body.type as TypeRef, ctx, imports, MODELS);
  if (!body.collection) return item;
  return `rt.CollectionResponse<${item}>`;
}

/** `'/a/' + rt.pathSegment(params.id, 'id') + '/b'`: literals escaped, parameters encoded. */
function urlExpression(path: OperationPath): string {
  const pieces: string[] = [];
  let literal = '';
  for (const segment of path.segments) {
    literal += '/';
    for (const part of segment) {
      if (part.kind === 'literal') {
        literal += part.text;
        continue;
      }
      if (literal) pieces.push(stringLiteral(literal));
      literal = '';
      pieces.push(`rt.pathSegment(params${accessor(part.name)}, ${stringLiteral(part.name)})`);
    }
  }
  if (literal) pieces.push(stringLiteral(literal));
  return pieces.join(' + ') || "'/'";
}

function accessor(name: string): string {
  const key = propertyKey(name);
  return key === name ? `.${name}` : `[${key}]`;
}

/** Headers with a fixed documented value; Authorization and placeholders are the client's business. */
function requestHeaders(operation: Operation, hasBody: boolean): Array<{ name: string; value: string }> {
  const headers = new Map<string, { name: string; value: string }>();
  for (const header of operation.headers) {
    const key = header.name.toLowerCase();
    if (key === 'authorization' || /[{<]|bearer|required|optional/i.test(header.value) || header.value === '') continue;
    if (!headers.has(key)) headers.set(key, { name: header.name, value: header.value });
  }
  if (hasBody && !headers.has('content-type')) headers.set('content-type', { name: 'Content-Type', value: 'application/json' });
  return [...headers.values()];
}
