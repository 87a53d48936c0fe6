// openapi.json's mapping rules, one at a time, on small hand-made models:
// schemas (enums, inheritance, nullability, formats, read-only, deprecated,
// unresolved types), paths (aliases, conflicts, parameters, query templates),
// bodies, responses, security, provenance, hostile doc text; and the settings
// (`--openapi`, the Graph version from the input folder).
import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { graphVersionOf, openApiSettings } from '../../generator/cli/openapiSettings.js';
import { createEmitMemo } from '../../generator/emit/emitMemo.js';
import { emitProject } from '../../generator/emit/emitProject.js';
import { OPENAPI_FILE, type OpenApiOptions } from '../../generator/emit/openapi/document.js';
import { DEFAULT_EMIT_OPTIONS } from '../../generator/emit/options.js';
import type { Diagnostic, Model, Operation, OperationPath, Permissions, Property, Source, StructuredType, TypeDefinition, TypeRef } from '../../generator/model/types.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const at = (file: string, line = 1): Source => ({ file, line, column: 1 });
const STRING: TypeRef = { kind: 'primitive', name: 'String' };
const named = (fullName: string): TypeRef => ({ kind: 'named', fullName });

function property(name: string, type: TypeRef, extra: Partial<Property> = {}): Property {
  return { name, type, collection: false, description: '', readOnly: false, nullable: null, queryOptions: [], navigation: false, source: at('resources/x.md', 20), ...extra };
}

function entity(name: string, properties: Property[], extra: Partial<StructuredType> = {}): StructuredType {
  return { kind: 'entity', name, fullName: `microsoft.graph.${name}`, namespace: 'microsoft.graph', description: '', sources: [at(`resources/${name}.md`, 3)], abstract: false, openType: false, properties, ...extra };
}

const NO_SCOPES = { leastPrivileged: [], higherPrivileged: [] };
function permissions(delegated: string[], application: string[]): Permissions {
  return { delegatedWork: { leastPrivileged: delegated.slice(0, 1), higherPrivileged: delegated.slice(1) }, delegatedPersonal: NO_SCOPES, application: { leastPrivileged: application.slice(0, 1), higherPrivileged: application.slice(1) }, source: at('api/p.md', 9) };
}

function path(template: string, parts: OperationPath['segments'], query?: OperationPath['query'], line = 30): OperationPath {
  const parameters = [...parts.flat(), ...(query ?? []).flatMap((pair) => pair.value)].flatMap((part) => (part.kind === 'parameter' ? [{ name: part.name, placeholder: `{${part.name}}`, type: STRING }] : []));
  return { template, segments: parts, ...(query && { query }), parameters, source: at('api/op.md', line) };
}
const lit = (text: string) => ({ kind: 'literal' as const, text });
const param = (name: string, encoding: 'segment' | 'string' | 'value' | 'path' = 'segment') => ({ kind: 'parameter' as const, name, encoding });

function operation(name: string, method: Operation['method'], paths: OperationPath[], extra: Partial<Operation> = {}): Operation {
  return {
    name,
    title: name,
    description: '',
    method,
    paths,
    permissions: [],
    headers: [],
    supportsQueryOptions: method === 'GET',
    parameters: [],
    body: { kind: 'none' },
    response: { status: 200, source: at('api/op.md', 50) },
    examples: [],
    source: at(`api/${name}.md`, 1),
    ...extra,
  };
}

const WIDGET = entity('widget', [
  property('id', STRING, { readOnly: true, nullable: false }),
  property('label', STRING, { description: 'The label.', nullable: true }),
  property('size', { kind: 'primitive', name: 'Int32' }, { nullable: false }),
  property('owner', { kind: 'primitive', name: 'Guid' }),
  property('old', STRING, { deprecated: { message: '[deprecated] Use label.', source: at('resources/x.md', 22) } }),
  property('mystery', { kind: 'unresolved', text: 'gizmo' }),
  property('parts', named('microsoft.graph.part'), { collection: true, navigation: true }),
], { keyProperty: 'id' });
const SPECIAL = entity('specialWidget', [property('@odata.type', STRING), property('power', STRING)], { baseType: 'microsoft.graph.widget' });
const PART = entity('part', [property('n', STRING)], { kind: 'complex' });
const COLOR: TypeDefinition = { kind: 'enum', name: 'color', fullName: 'microsoft.graph.color', namespace: 'microsoft.graph', description: '', sources: [at('resources/color.md', 2)], flags: false, members: [{ name: 'red', description: '', source: at('resources/color.md', 8) }, { name: 'blue', description: '', source: at('resources/color.md', 9) }] };
const FLAGS: TypeDefinition = { ...COLOR, name: 'mode', fullName: 'microsoft.graph.mode', flags: true } as TypeDefinition;

const WIDGETS = path('/widgets', [[lit('widgets')]]);
const ONE_WIDGET = path('/widgets/{widget-id}', [[lit('widgets')], [param('widgetId')]]);

function model(operations: Operation[], types: TypeDefinition[] = [WIDGET, SPECIAL, PART, COLOR, FLAGS]): Model {
  return { namespaces: [{ name: 'microsoft.graph', types: [...types].sort((a, b) => (a.name < b.name ? -1 : 1)) }], operations: [...operations].sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

function emit(m: Model, openapi?: OpenApiOptions): { doc: Json; text: string; diagnostics: Diagnostic[] } {
  const { files, diagnostics } = emitProject(m, { ...DEFAULT_EMIT_OPTIONS, outputs: ['openapi'], ...(openapi && { openapi }) }, { raw: true });
  const text = files.get(OPENAPI_FILE)!;
  return { doc: JSON.parse(text) as Json, text, diagnostics };
}

async function errors(doc: Json): Promise<string[]> {
  const result = await validate(structuredClone(doc) as never, { validate: { errors: { colorize: false } } });
  return result.valid ? [] : result.errors.map((error) => error.message);
}

describe('components.schemas', () => {
  const { doc } = emit(model([]));
  const schemas = doc['components']['schemas'];

  it('holds every type and enum by its TypeScript name, sorted, each with its page and line', () => {
    expect(Object.keys(schemas)).toEqual(['Color', 'Mode', 'Part', 'SpecialWidget', 'Widget', 'odata.error']);
    expect(schemas['Widget']['x-docgen-source']).toBe('resources/widget.md:3');
    expect(schemas['Widget']['properties']['label']['x-docgen-source']).toBe('resources/x.md:20');
  });

  it('writes an enum as its members, a flags enum as the pattern the validators use', () => {
    expect(schemas['Color']).toMatchObject({ title: 'microsoft.graph.color', type: 'string', enum: ['red', 'blue'] });
    expect(schemas['Mode']['enum']).toBeUndefined();
    expect(new RegExp(schemas['Mode']['pattern'] as string).test('red, blue')).toBe(true);
    expect(new RegExp(schemas['Mode']['pattern'] as string).test('green')).toBe(false);
  });

  it('writes inheritance as allOf plus a discriminator on @odata.type mapping each documented name; the root declares @odata.type once', () => {
    expect(schemas['SpecialWidget']['allOf']).toEqual([{ $ref: '#/components/schemas/Widget' }]);
    expect(schemas['SpecialWidget']['properties']).not.toHaveProperty('@odata.type');
    expect(schemas['Widget']['properties']['@odata.type']).toMatchObject({ type: 'string' });
    expect(schemas['Widget']['discriminator']).toEqual({
      propertyName: '@odata.type',
      mapping: { '#microsoft.graph.widget': '#/components/schemas/Widget', '#microsoft.graph.specialWidget': '#/components/schemas/SpecialWidget' },
    });
    expect(schemas['Part']['discriminator']).toBeUndefined();
  });

  it('says null where the docs allow it, never for a key or a "Not nullable" property', () => {
    const props = schemas['Widget']['properties'];
    expect(props['label']['type']).toEqual(['string', 'null']);
    expect(props['id']['type']).toBe('string');
    expect(props['size']).toMatchObject({ type: 'integer', minimum: -2147483648, maximum: 2147483647 });
    expect(props['parts']).toMatchObject({ type: ['array', 'null'], items: { $ref: '#/components/schemas/Part' } });
  });

  it('carries formats and patterns, readOnly, deprecated (with the notice as description)', () => {
    const props = schemas['Widget']['properties'];
    expect(props['owner']).toMatchObject({ format: 'uuid' });
    expect(props['owner']['pattern']).toMatch(/^\^\[0-9a-fA-F\]\{8\}/);
    expect(props['id']['readOnly']).toBe(true);
    expect(props['old']).toMatchObject({ deprecated: true, description: 'Use label.' });
  });

  it('describes a type no page defines as any value, saying so', () => {
    expect(schemas['Widget']['properties']['mystery']).toMatchObject({ $comment: 'The docs name the type `gizmo`, which no page defines.' });
  });
});

describe('paths', () => {
  const get = operation('getWidget', 'GET', [ONE_WIDGET, path('/me/widget', [[lit('me')], [lit('widget')]], undefined, 31)], { response: { status: 200, body: { type: named('microsoft.graph.widget'), collection: false }, source: at('api/op.md', 50) }, permissions: [permissions(['Widget.Read', 'Widget.ReadWrite'], ['Widget.Read.All'])] });
  const list = operation('listWidgets', 'GET', [WIDGETS], { response: { status: 200, body: { type: named('microsoft.graph.widget'), collection: true }, source: at('api/op.md', 50) } });
  const update = operation('updateWidget', 'PATCH', [path('/widgets/{id}', [[lit('widgets')], [param('id')]])], { body: { kind: 'type', type: named('microsoft.graph.widget'), source: at('api/op.md', 40) } });
  const remove = operation('deleteWidget', 'DELETE', [ONE_WIDGET], { response: { status: 204, source: at('api/op.md', 50) } });
  const { doc, diagnostics } = emit(model([get, list, update, remove]));

  it('validates with zero errors', async () => {
    expect(await errors(doc)).toEqual([]);
  });

  it('names each operation as its builder; an alias path gets the name and its number', () => {
    expect(doc['paths']['/widgets/{widgetId}']['get']['operationId']).toBe('getWidget');
    expect(doc['paths']['/me/widget']['get']['operationId']).toBe('getWidget_2');
    expect(doc['paths']['/me/widget']['get']['x-docgen-source']).toBe('api/op.md:31');
  });

  it('shares a path item where two operations name its parameter differently, with the first one\'s names', () => {
    const item = doc['paths']['/widgets/{widgetId}'];
    expect(Object.keys(item)).toEqual(['get', 'delete', 'patch']);
    expect(item['patch']['parameters'][0]).toMatchObject({ name: 'widgetId', in: 'path', required: true, 'x-docgen-encoding': 'segment' });
    expect(doc['paths']).not.toHaveProperty('/widgets/{id}');
    expect(diagnostics).toEqual([]);
  });

  it('gives a read the OData options, $select and $orderby as the type\'s property names, $expand as its relationships', () => {
    const refs = doc['paths']['/widgets']['get']['parameters'].map((p: Json) => p['$ref']);
    expect(refs).toEqual(['Widget.select', 'Widget.expand', 'odata.filter', 'Widget.orderby', 'odata.search', 'odata.top', 'odata.skip', 'odata.count'].map((key) => `#/components/parameters/${key}`));
    const parameters = doc['components']['parameters'];
    expect(parameters['Widget.select']).toMatchObject({ name: '$select', in: 'query', style: 'form', explode: false });
    expect(parameters['Widget.select']['schema']['items']['enum']).toEqual(['id', 'label', 'mystery', 'old', 'owner', 'parts', 'size']);
    expect(parameters['Widget.expand']['schema']['items']['enum']).toEqual(['parts']);
    expect(parameters['Widget.orderby']['schema']['items']['enum']).toContain('label desc');
  });

  it('wraps a collection in value with the paging links; 204 has no content; every operation may answer the OData error', () => {
    const page = doc['paths']['/widgets']['get']['responses']['200']['content']['application/json']['schema'];
    expect(page['properties']['value']).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Widget' } });
    expect(Object.keys(page['properties'])).toEqual(['value', '@odata.nextLink', '@odata.count']);
    expect(doc['paths']['/widgets/{widgetId}']['delete']['responses']['204']).toEqual({ description: 'No content.', 'x-docgen-source': 'api/op.md:50' });
    expect(doc['paths']['/widgets/{widgetId}']['delete']['responses']['default']).toEqual({ $ref: '#/components/responses/odata.error' });
  });

  it('lists each documented scope as a requirement of its own, least privileged first, delegated then application', () => {
    expect(doc['paths']['/widgets/{widgetId}']['get']['security']).toEqual([{ delegated: ['Widget.Read'] }, { delegated: ['Widget.ReadWrite'] }, { application: ['Widget.Read.All'] }]);
    expect(Object.keys(doc['components']['securitySchemes']['delegated']['flows']['authorizationCode']['scopes'])).toEqual(['Widget.Read', 'Widget.ReadWrite']);
    expect(doc['paths']['/widgets']['get']).not.toHaveProperty('security');
  });

  it('sends a type as its schema, whose read-only properties OpenAPI leaves out of requests', () => {
    expect(doc['paths']['/widgets/{widgetId}']['patch']['requestBody']).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget', 'x-docgen-source': 'api/op.md:40' } } },
    });
  });
});

describe('malformed and awkward operations', () => {
  const first = operation('createWidget', 'POST', [WIDGETS]);
  const second = operation('createWidget2', 'POST', [WIDGETS]);
  const twice = operation('getPair', 'GET', [path('/a/{x}/b/{x}', [[lit('a')], [param('x')], [lit('b')], [param('x')]])]);
  const mixed = operation('listLogs', 'GET', [path("/logs?$filter=id eq '{id}'", [[lit('logs')]], [{ name: '$filter', value: [lit("id eq '"), param('id'), lit("'")] }])]);
  const fixed = operation('listRecent', 'GET', [path('/recent?top=5', [[lit('recent')]], [{ name: 'top', value: [lit('5')] }])]);
  const fn = operation('getReport', 'GET', [path("/reports/getReport(period='{period}')", [[lit("reports")], [lit("getReport(period='"), param('period', 'string'), lit("')")]])]);
  const upload = operation('putContent', 'PUT', [path('/widgets/{id}/content', [[lit('widgets')], [param('id')], [lit('content')]])], {
    body: { kind: 'type', type: { kind: 'primitive', name: 'Stream' }, source: at('api/op.md', 40) },
    headers: [{ name: 'Content-Type', value: 'text/plain. Required.', source: at('api/op.md', 35) }, { name: 'If-Match', value: 'An ETag.', source: at('api/op.md', 36) }],
    response: { status: 200, body: { type: { kind: 'primitive', name: 'Stream' }, collection: false }, source: at('api/op.md', 50) },
  });
  const action = operation('resetWidget', 'POST', [path('/widgets/reset', [[lit('widgets')], [lit('reset')]])], {
    body: { kind: 'properties', properties: [property('force', { kind: 'primitive', name: 'Boolean' }, { required: true }), property('note', STRING)], source: at('api/op.md', 41) },
    response: { status: 200, body: { type: { kind: 'primitive', name: 'Int32' }, collection: false }, source: at('api/op.md', 50) },
  });
  const vague = operation('createThing', 'POST', [path('/things', [[lit('things')]])], { body: { kind: 'type', type: { kind: 'unresolved', text: 'thing' }, source: at('api/op.md', 40) } });
  const { doc, diagnostics } = emit(model([first, second, twice, mixed, fixed, fn, upload, action, vague]));

  it('still validates with zero errors', async () => {
    expect(await errors(doc)).toEqual([]);
  });

  it('keeps one operation per method and path, and says which it left out', () => {
    expect(doc['paths']['/widgets']['post']['operationId']).toBe('createWidget');
    expect(diagnostics.filter((d) => d.code === 'openapi-path-conflict').map((d) => d.message)).toEqual([
      "`POST /widgets` is also `createWidget`'s; OpenAPI holds one operation per method and path, so `createWidget2` is left out of openapi.json on this path.",
    ]);
  });

  it('leaves out a path that names one parameter twice, with a diagnostic at its line', () => {
    expect(doc['paths']).not.toHaveProperty('/a/{x}/b/{x}');
    expect(diagnostics.find((d) => d.code === 'openapi-path-parameter')).toMatchObject({ severity: 'warning', source: at('api/op.md', 30) });
  });

  it('makes a documented query string required parameters: a fixed value as its one value, a mixed one a plain string (with a diagnostic)', () => {
    expect(doc['paths']['/recent']['get']['parameters'].at(-1)).toMatchObject({ name: 'top', in: 'query', required: true, schema: { type: 'string', enum: ['5'] } });
    const logs = doc['paths']['/logs']['get']['parameters'];
    expect(logs.filter((p: Json) => p['name'] === '$filter' || p['$ref'] === '#/components/parameters/odata.filter')).toEqual([expect.objectContaining({ name: '$filter', required: true, schema: { type: 'string' } })]);
    expect(diagnostics.filter((d) => d.code === 'openapi-query-template')).toHaveLength(1);
  });

  it('keeps a function call\'s quotes in the path and says how the value is written', () => {
    const parameter = doc['paths']["/reports/getReport(period='{period}')"]['get']['parameters'][0];
    expect(parameter).toMatchObject({ name: 'period', in: 'path', 'x-docgen-encoding': 'string' });
  });

  it('sends a file as its documented media type, answers a stream as bytes, and lists the other documented headers', () => {
    const op = doc['paths']['/widgets/{id}/content']['put'];
    expect(op['requestBody']['content']).toEqual({ 'text/plain': { schema: { type: 'string', contentMediaType: 'text/plain' } } });
    expect(Object.keys(op['responses']['200']['content'])).toEqual(['application/octet-stream']);
    expect(op['parameters'].filter((p: Json) => p['in'] === 'header')).toEqual([{ name: 'If-Match', in: 'header', description: 'An ETag.', schema: { type: 'string' }, 'x-docgen-source': 'api/op.md:36' }]);
  });

  it("writes an action's parameters as an object, the required ones required and not null; one value answered in { value }", () => {
    const op = doc['paths']['/widgets/reset']['post'];
    const schema = op['requestBody']['content']['application/json']['schema'];
    expect(schema).toMatchObject({ type: 'object', required: ['force'], properties: { force: { type: 'boolean' }, note: { type: ['string', 'null'] } } });
    expect(op['responses']['200']['content']['application/json']['schema']['properties']['value']['type']).toBe('integer');
  });

  it('sends an object where the body type is one no page defines, saying so', () => {
    expect(doc['paths']['/things']['post']['requestBody']['content']['application/json']['schema']).toMatchObject({ type: 'object', $comment: 'The docs name the type `thing`, which no page defines.' });
  });
});

describe('info, servers and doc text', () => {
  it('defaults to v1.0 and takes the config\'s title, version and server', () => {
    expect(emit(model([])).doc['servers']).toEqual([{ url: 'https://graph.microsoft.com/v1.0', description: 'Microsoft Graph v1.0' }]);
    const { doc } = emit(model([]), { graphVersion: 'beta', title: 'Contoso', version: '2.0.0' });
    expect(doc['info']).toMatchObject({ title: 'Contoso', version: '2.0.0' });
    expect(doc['servers'][0]['url']).toBe('https://graph.microsoft.com/beta');
    expect(emit(model([]), { server: 'https://example.test/api' }).doc['servers'][0]['url']).toBe('https://example.test/api');
  });

  it('keeps hostile doc text inside JSON strings, as written', () => {
    const text = '"}, "paths": {}, "x": "\u2028</script>\\';
    const m = model([operation('getWidget', 'GET', [ONE_WIDGET], { description: text })], [entity('widget', [property('label', STRING, { description: text })], { description: text })]);
    const { doc, text: json } = emit(m);
    expect(doc['components']['schemas']['Widget']['description']).toBe(text);
    expect(doc['components']['schemas']['Widget']['properties']['label']['description']).toBe(text);
    expect(doc['paths']['/widgets/{widgetId}']['get']['description']).toBe(text);
    expect(json).not.toContain('\u2028');
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('prints the same text from fragments kept between emits (generate --watch) as printed whole, hostile names and text included', () => {
    const text = '"}, "paths": {}, "x": "\u2028\u202e</script>\\';
    const name = 'label\u2029\u200bx';
    const m = model(
      [operation('getWidget', 'GET', [ONE_WIDGET, WIDGETS], { description: text }), operation('deleteWidget', 'DELETE', [ONE_WIDGET])],
      [entity('widget', [property(name, STRING, { description: text })], { description: text }), COLOR, FLAGS],
    );
    const options = { ...DEFAULT_EMIT_OPTIONS, outputs: ['openapi' as const] };
    const whole = emitProject(m, options, { raw: true }).files.get(OPENAPI_FILE)!;
    expect(whole).toContain('label\\u2029\\u200bx');
    const memo = createEmitMemo();
    expect(emitProject(m, options, { raw: true, memo }).files.get(OPENAPI_FILE)).toBe(whole);
    const entries = new Map(memo.files);
    expect(entries.size).toBeGreaterThan(0);
    // Again: every schema and operation reused (the very same entries), the text unchanged.
    expect(emitProject(m, options, { raw: true, memo }).files.get(OPENAPI_FILE)).toBe(whole);
    expect([...memo.files].filter(([key, entry]) => key.startsWith(`${OPENAPI_FILE}#`) && entries.get(key) === entry).length).toBe(entries.size);
  });
});

describe('settings', () => {
  it('takes the Graph version from an input folder named beta or v1.0, or a parent of it', () => {
    expect(graphVersionOf(['../shared/corpus/msgraph-docs-2021-07/beta'])).toBe('beta');
    expect(graphVersionOf(['docs/v1.0/api'])).toBe('v1.0');
    expect(graphVersionOf(['docs-input'])).toBeUndefined();
  });

  it('adds openapi for --openapi, and the config\'s graphVersion wins over the folder', () => {
    const emitOptions = { ...DEFAULT_EMIT_OPTIONS, outputs: ['models'] as const };
    expect(openApiSettings(emitOptions, {}, ['x/beta'])).toBe(emitOptions);
    expect(openApiSettings(emitOptions, { openapi: true }, ['x/beta'])).toMatchObject({ outputs: ['models', 'openapi'], openapi: { graphVersion: 'beta' } });
    expect(openApiSettings({ ...emitOptions, openapi: { graphVersion: 'v1.0' } }, { openapi: true }, ['x/beta']).openapi).toEqual({ graphVersion: 'v1.0' });
  });
});
