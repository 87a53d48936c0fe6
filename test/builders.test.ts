// The request builders, generated from test/fixtures/requests/ (a widget API
// that exercises every builder feature): the exact URL for each way a
// parameter is written (path segment, OData string literal, bare function
// argument, drive path, documented query string), alias paths, type casts and
// `/$count`; the headers sent; the response each request expects; the types,
// under tsc --strict, accept correct calls and reject each misuse; and every
// example request of the fixture replays exactly through its builder and the
// client, against a real HTTP server.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignNames } from '../generator/emit/naming.js';
import type { NamingOptions } from '../generator/emit/options.js';
import { loadGenerated } from '../generator/lint/loadGenerated.js';
import type { Diagnostic, Model } from '../generator/model/types.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { replayExamples } from './helpers/replay.js';
import { STRICT_OPTIONS } from './helpers/strictOptions.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/requests/', import.meta.url));
const NAMING: NamingOptions = { typePrefix: '', typeSuffix: '' };

/** What a built request looks like at run time (the generated `rt.HttpRequest`). */
interface Built {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  response: { kind: string; type?: string };
}
type Builder = (input?: unknown) => Built;

interface Client {
  send(request: Built): Promise<unknown>;
}

let work: string;
let out: string;
let generate: CliRun;
let sdk: Record<string, unknown>;
let model: Model;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-builders-'));
  out = path.join(work, 'out');
  generate = await runCli('generate', '--input', FIXTURE, '--out', out);
  sdk = (await import(path.join(out, 'index.ts'))) as Record<string, unknown>;
  ({ model, diagnostics } = await buildFromDocs([FIXTURE]));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function exported<T>(name: string): T {
  const value = sdk[name];
  if (typeof value !== 'function') throw new Error(`the generated SDK exports no function ${name}`);
  return value as T;
}

const listWidgets = (input?: unknown) => exported<Builder>('listMyWidgets')(input);
const getWidget = (input: unknown) => exported<Builder>('getWidget')(input);
const updateWidget = (input: unknown) => exported<Builder>('updateWidget')(input);
const deleteWidget = (input: unknown) => exported<Builder>('deleteWidget')(input);
const getWidgetReport = (input: unknown) => exported<Builder>('getReportsWidgetReport')(input);
const uploadWidgetFile = (input: unknown) => exported<Builder>('setRootContent')(input);
const widgetWindow = (input: unknown) => exported<Builder>('getMyWidgetWindow')(input);
const widgetResize = (input: unknown) => exported<Builder>('resizeWidget')(input);
const countOf = (request: Built) => exported<(request: Built) => Built>('countOf')(request);

/** What `build` throws: a DotSegmentError (a TypeError) naming the parameter and the value it refused. */
function dotSegmentError(build: () => unknown, parameter: string, value: string): Error {
  expect(build).toThrow(exported<new () => Error>('DotSegmentError'));
  let error: unknown;
  try {
    build();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(TypeError);
  expect(error).toMatchObject({ name: 'DotSegmentError', parameter, value });
  return error as Error;
}

const USERS_PATH = '/users/{id | userPrincipalName}/widgets';
const DATE_PATH = '/reports/getWidgetReport(date={date_value})';

describe('the fixture', () => {
  it('generates, and reads as the builders below expect', () => {
    expect(generate.code, generate.stderr).toBe(0);
    const operations = new Map(model.operations.map((operation) => [operation.name, operation]));
    expect([...operations.keys()].sort()).toEqual(
      ['deleteWidget', 'getWidget', 'listMyWidgets', 'getReportsWidgetReport', 'updateWidget', 'setRootContent', 'getMyWidgetWindow', 'resizeWidget'].sort(),
    );
    const encodings = (name: string) =>
      operations.get(name)!.paths.map((p) => [...p.segments.flat(), ...(p.query ?? []).flatMap((pair) => pair.value)].flatMap((part) => (part.kind === 'parameter' ? [`${part.name}:${part.encoding}`] : [])));
    expect(encodings('listMyWidgets')).toEqual([[], ['idOrUserPrincipalName:segment']]);
    expect(encodings('getReportsWidgetReport')).toEqual([['period:string'], ['date:value']]);
    // Both `## HTTP request (to …)` sections are read: the second adds its path.
    expect(encodings('setRootContent')).toEqual([['itemPath:path'], ['parentId:segment', 'filename:path']]);
    expect(encodings('getMyWidgetWindow')).toEqual([['startDateTime:segment', 'endDateTime:segment']]);
    expect(operations.get('setRootContent')!.body).toMatchObject({ kind: 'type', type: { kind: 'primitive', name: 'Stream' } });
    expect(operations.get('listMyWidgets')!.supportsQueryOptions).toBe(true);
  });

  it('reads without a diagnostic, the text/plain upload example body included, but for the Intune page merged into getWidget', () => {
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.source.file])).toEqual([['operation-merged', 'info', 'api/intune-widgets-widget-get.md']]);
  });

  it('merges the Intune page of `GET /widgets/{id}` into the one builder: its permissions united per kind, both pages its sources', () => {
    const getWidget = model.operations.find((operation) => operation.name === 'getWidget')!;
    expect(getWidget.sources!.map((source) => source.file)).toEqual(['api/widget-get.md', 'api/intune-widgets-widget-get.md']);
    expect(getWidget.paths.map((path) => path.template)).toEqual(['/widgets/{widget-id}']);
    expect(getWidget.permissions.map(({ delegatedWork, application }) => ({ delegatedWork, application }))).toEqual([
      {
        delegatedWork: { leastPrivileged: ['Widget.Read', 'DeviceManagementConfiguration.Read.All'], higherPrivileged: ['Widget.ReadWrite'] },
        application: { leastPrivileged: ['Widget.Read.All', 'DeviceManagementConfiguration.Read.All'], higherPrivileged: [] },
      },
    ]);
  });

  it("shows in each builder's JSDoc its least privileged permissions per kind and a @see line per page", async () => {
    const text = await readFile(path.join(out, 'requests', 'getWidget.ts'), 'utf8');
    const doc = text.slice(text.lastIndexOf('/**', text.indexOf('export function getWidget')), text.indexOf('export function getWidget'));
    expect(doc).toContain(
      [
        ' * Permissions, least privileged:',
        ' * - delegated (work or school account): `Widget.Read`, `DeviceManagementConfiguration.Read.All`',
        ' * - delegated (personal Microsoft account): `Widget.Read`',
        ' * - application: `Widget.Read.All`, `DeviceManagementConfiguration.Read.All`',
        ' *',
        ' * @see api/widget-get.md:11',
        ' * @see api/intune-widgets-widget-get.md:11',
      ].join('\n'),
    );
    expect(text).toContain('// Generated from:\n//   api/widget-get.md\n//   api/intune-widgets-widget-get.md\n');
    const upload = await readFile(path.join(out, 'requests', 'setRootContent.ts'), 'utf8');
    expect(upload).toContain(' * - application: not supported');
  });
});

describe('the path index', () => {
  it('maps each documented request line, every path of every operation, to its builder', async () => {
    const { operationsByPath } = (await import(path.join(out, 'requests', 'byPath.ts'))) as { operationsByPath: Record<string, unknown> };
    const lines = model.operations.flatMap((operation) => operation.paths.map((p) => `${operation.method} ${p.template}`));
    expect(Object.keys(operationsByPath).sort()).toEqual([...new Set(lines)].sort());
    expect(operationsByPath['GET /widgets/{widget-id}']).toBe(sdk.getWidget);
    expect(operationsByPath['PUT /me/drive/items/{parent-id}:/{filename}:/content']).toBe(sdk.setRootContent);
    expect(operationsByPath["GET /reports/getWidgetReport(date={date_value})"]).toBe(sdk.getReportsWidgetReport);
  });

  it('is loaded by no builder, barrel or root index: a builder imported alone costs none of it', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.ts') && !/^requests[\\/](?:byPath|paths)\.ts$/.test(file));
    for (const file of files) expect(await readFile(path.join(out, file), 'utf8'), file).not.toMatch(/from '\.\/(?:requests\/)?(?:byPath|paths)\.js'/);
    const types = await readFile(path.join(out, 'requests', 'paths.ts'), 'utf8');
    // Types alone: `import type` of each builder, nothing that runs.
    expect(types.split('\n').filter((line) => line.startsWith('import '))).toSatisfy((imports: string[]) => imports.length > 0 && imports.every((line) => line.startsWith('import type ')));
  });
});

describe('URLs', () => {
  it('encodes a path parameter as one segment, which cannot walk up the path', () => {
    expect(getWidget({ params: { widgetId: 'a/b' } }).url).toBe('/widgets/a%2Fb');
    expect(getWidget({ params: { widgetId: 'a?b#c%d' } }).url).toBe('/widgets/a%3Fb%23c%25d');
    expect(widgetResize({ params: { widgetId: 'x/../y' }, body: {} }).url).toBe('/widgets/x%2F..%2Fy/resize');
    // The URL parser resolves `.` and `..` however they are spelled (`/widgets/%2E%2E` is `/`), so they are refused.
    expect(dotSegmentError(() => deleteWidget({ params: { widgetId: '..' } }), 'widgetId', '..').message).toBe("Path parameter widgetId cannot hold a dot segment: '..'");
    dotSegmentError(() => getWidget({ params: { widgetId: '.' } }), 'widgetId', '.');
    dotSegmentError(() => widgetResize({ params: { widgetId: '..' }, body: {} }), 'widgetId', '..');
    // `%` is encoded, so no other value spells a dot segment: these stay text.
    expect(getWidget({ params: { widgetId: '%2E%2e' } }).url).toBe('/widgets/%252E%252e');
    expect(getWidget({ params: { widgetId: '.%2E' } }).url).toBe('/widgets/.%252E');
    expect(getWidget({ params: { widgetId: '...' } }).url).toBe('/widgets/...');
    expect(() => getWidget({ params: { widgetId: '' } })).toThrow(/widgetId must be a non-empty string/);
  });

  it("writes an OData string literal with its quotes doubled, inside one segment", () => {
    expect(getWidgetReport({ params: { period: "it's" } }).url).toBe("/reports/getWidgetReport(period='it''s')");
    // Inside the quotes only the quote needs escaping (doubled); `/` is still encoded so the literal stays in its segment.
    expect(getWidgetReport({ params: { period: "a/b')/x" } }).url).toBe("/reports/getWidgetReport(period='a%2Fb'')%2Fx')");
    expect(getWidgetReport({ params: { period: "'" } }).url).toBe("/reports/getWidgetReport(period='''')");
  });

  it('writes a bare function argument with `,`, `)` and quotes encoded', () => {
    expect(getWidgetReport({ path: DATE_PATH, params: { date: '2024-05-01' } }).url).toBe('/reports/getWidgetReport(date=2024-05-01)');
    expect(getWidgetReport({ path: DATE_PATH, params: { date: "1,2)/x'(" } }).url).toBe('/reports/getWidgetReport(date=1%2C2%29%2Fx%27%28)');
  });

  it('keeps the folders of a drive path, encodes each, and lets no `..` folder walk up', () => {
    const url = (itemPath: string) => uploadWidgetFile({ params: { itemPath }, body: 'x' }).url;
    expect(url('folder/sub file.txt')).toBe('/me/drive/root:/folder/sub%20file.txt:/content');
    expect(url('notes:1?#.txt')).toBe('/me/drive/root:/notes%3A1%3F%23.txt:/content');
    // A `.` or `..` folder anywhere, the last one too, is refused with the whole path as the value.
    expect(dotSegmentError(() => url('a/../../b.txt'), 'itemPath', 'a/../../b.txt').message).toBe("Path parameter itemPath cannot hold a dot segment: 'a/../../b.txt'");
    dotSegmentError(() => url('./notes.txt'), 'itemPath', './notes.txt');
    dotSegmentError(() => url('a/..'), 'itemPath', 'a/..');
    expect(url('a/%2E%2E/.%2e/.../b.txt')).toBe('/me/drive/root:/a/%252E%252E/.%252e/.../b.txt:/content');
    // Empty folders mean nothing; a path of none is an error.
    expect(url('/a//b.txt/')).toBe('/me/drive/root:/a/b.txt:/content');
    expect(() => url('//')).toThrow(/itemPath must name a file or folder/);
  });

  it('builds the path of a second `## HTTP request (to …)` section: a new file in a folder', () => {
    const request = uploadWidgetFile({ path: '/me/drive/items/{parent-id}:/{filename}:/content', params: { parentId: 'f/1', filename: 'notes/a b.txt' }, body: 'x' });
    expect(request.url).toBe('/me/drive/items/f%2F1:/notes/a%20b.txt:/content');
    expect(request.method).toBe('PUT');
  });

  it('fills the documented query string, each value encoded, then appends query options', () => {
    const request = widgetWindow({ params: { startDateTime: '2024-01-01T00:00:00Z', endDateTime: '2024-01-31T23:59:59+01:00' }, query: { $select: ['id'], $top: 5 } });
    expect(request.url).toBe('/me/widgetWindow?startDateTime=2024-01-01T00%3A00%3A00Z&endDateTime=2024-01-31T23%3A59%3A59%2B01%3A00&$select=id&$top=5');
    expect(widgetWindow({ params: { startDateTime: 'a&$top=1', endDateTime: 'b' } }).url).toBe('/me/widgetWindow?startDateTime=a%26%24top%3D1&endDateTime=b');
    expect(() => widgetWindow({ params: { startDateTime: 'a' } })).toThrow(/endDateTime must be a non-empty string/);
    // A query value is no path segment: dots are sent as they are.
    expect(widgetWindow({ params: { startDateTime: '.', endDateTime: '..' } }).url).toBe('/me/widgetWindow?startDateTime=.&endDateTime=..');
  });

  it('takes the primary path by default, and an alias path with its own params', () => {
    expect(listWidgets().url).toBe('/me/widgets');
    expect(listWidgets({}).url).toBe('/me/widgets');
    expect(listWidgets({ path: '/me/widgets' }).url).toBe('/me/widgets');
    expect(listWidgets({ path: USERS_PATH, params: { idOrUserPrincipalName: 'ada@contoso.com' } }).url).toBe('/users/ada%40contoso.com/widgets');
    expect(getWidgetReport({ params: { period: 'D7' } }).url).toBe("/reports/getWidgetReport(period='D7')");
  });

  it('appends OData query options in a fixed order, each item encoded', () => {
    const request = listWidgets({ query: { $count: true, $top: 2, $filter: "kind eq 'deluxe'", $expand: ['parts($select=label)'], $select: ['id', 'name'], $orderby: ['name desc'] } });
    expect(request.url).toBe("/me/widgets?$select=id,name&$expand=parts(%24select%3Dlabel)&$filter=kind%20eq%20'deluxe'&$orderby=name%20desc&$top=2&$count=true");
    expect(getWidget({ params: { widgetId: '1' }, query: { $expand: ['parts'] } }).url).toBe('/widgets/1?$expand=parts');
  });

  it('casts to a derived type before the query string', () => {
    expect(listWidgets({ cast: 'microsoft.graph.gadget' }).url).toBe('/me/widgets/microsoft.graph.gadget');
    expect(listWidgets({ path: USERS_PATH, params: { idOrUserPrincipalName: 'u1' }, cast: 'microsoft.graph.gadget', query: { $select: ['name'] } }).url).toBe(
      '/users/u1/widgets/microsoft.graph.gadget?$select=name',
    );
    dotSegmentError(() => listWidgets({ cast: '..' }), 'cast', '..');
    dotSegmentError(() => listWidgets({ cast: '.', query: { $top: 1 } }), 'cast', '.');
  });

  it('counts a collection with a /$count segment, before the query string', () => {
    const count = countOf(listWidgets({ query: { $filter: "kind eq 'deluxe'" }, headers: { ConsistencyLevel: 'eventual' } }));
    expect(count).toEqual({
      method: 'GET',
      url: "/me/widgets/$count?$filter=kind%20eq%20'deluxe'",
      headers: { Accept: 'text/plain', ConsistencyLevel: 'eventual' },
      response: { kind: 'count' },
    });
    expect(countOf(listWidgets({ path: USERS_PATH, params: { idOrUserPrincipalName: 'u1' }, cast: 'microsoft.graph.gadget' })).url).toBe('/users/u1/widgets/microsoft.graph.gadget/$count');
  });
});

describe('headers and bodies', () => {
  it('sends the documented Content-Type of a file upload, and its body as given', () => {
    const request = uploadWidgetFile({ params: { itemPath: 'a.txt' }, body: 'Kettle timer' });
    expect(request).toMatchObject({ method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'text/plain' }, body: 'Kettle timer' });
    expect(Object.keys(request.headers).sort()).toEqual(['Accept', 'Content-Type']);
    expect(uploadWidgetFile({ params: { itemPath: 'a.md' }, body: 'x', headers: { 'content-type': 'text/markdown' } }).headers).toEqual({
      Accept: 'application/json',
      'content-type': 'text/markdown',
    });
  });

  it('sends Accept: application/json for JSON responses, none for a stream, and JSON Content-Type for JSON bodies', () => {
    expect(listWidgets().headers).toEqual({ Accept: 'application/json' });
    expect(getWidgetReport({ params: { period: 'D7' } }).headers).toEqual({});
    expect(updateWidget({ params: { widgetId: '1' }, body: { name: 'x' } }).headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(widgetResize({ params: { widgetId: '1' }, body: { size: 3 } })).toMatchObject({
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: { size: 3 },
    });
  });

  it('adds the caller headers, replacing a documented one whatever its letter case', () => {
    expect(listWidgets({ headers: { ConsistencyLevel: 'eventual' } }).headers).toEqual({ Accept: 'application/json', ConsistencyLevel: 'eventual' });
    expect(listWidgets({ headers: { accept: 'application/json;odata.metadata=none' } }).headers).toEqual({ accept: 'application/json;odata.metadata=none' });
  });

  it('sets no body on reads', () => {
    expect('body' in listWidgets()).toBe(false);
    expect('body' in getWidget({ params: { widgetId: '1' } })).toBe(false);
  });

  describe('through the client', () => {
    let server: Server;
    let origin: string;
    const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          const body = req.method === 'PUT' ? '{"id":"1","name":"Kettle timer"}' : '{"value":[]}';
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        });
      });
      server.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/beta`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const client = () => exported<(options: object) => Client>('createClient')({ baseUrl: origin, getAccessToken: () => 'token', maxRetries: 0 });

    it('delivers the caller headers (ConsistencyLevel) and Accept to the server', async () => {
      seen.length = 0;
      await client().send(listWidgets({ path: USERS_PATH, params: { idOrUserPrincipalName: 'u/1' }, query: { $count: true }, headers: { ConsistencyLevel: 'eventual' } }));
      expect(seen).toHaveLength(1);
      expect(seen[0]!.url).toBe('/beta/users/u%2F1/widgets?$count=true');
      expect(seen[0]!.headers).toMatchObject({ consistencylevel: 'eventual', accept: 'application/json', authorization: 'Bearer token' });
    });

    it('uploads the file content as it is, under the documented Content-Type', async () => {
      seen.length = 0;
      const widget = await client().send(uploadWidgetFile({ params: { itemPath: 'Widgets/Q2 notes/summary.txt' }, body: 'Kettle timer, size 17.' }));
      expect(widget).toEqual({ id: '1', name: 'Kettle timer' });
      expect(seen[0]).toMatchObject({ method: 'PUT', url: '/beta/me/drive/root:/Widgets/Q2%20notes/summary.txt:/content', body: 'Kettle timer, size 17.' });
      expect(seen[0]!.headers).toMatchObject({ 'content-type': 'text/plain', accept: 'application/json' });
    });

    it('sends no dot segment: `..` is refused before sending, and `%2E%2E` arrives as the text it is', async () => {
      seen.length = 0;
      const refused = await (async () => client().send(uploadWidgetFile({ params: { itemPath: 'a/../../b.txt' }, body: 'x' })))().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(exported<new () => Error>('DotSegmentError'));
      await client().send(uploadWidgetFile({ params: { itemPath: 'a/%2E%2E/%2e./b.txt' }, body: 'x' }));
      await client().send(getWidget({ params: { widgetId: '%2e%2E' } }));
      await client().send(listWidgets({ cast: '.%2E' }));
      expect(seen.map((request) => request.url)).toEqual([
        '/beta/me/drive/root:/a/%252E%252E/%252e./b.txt:/content',
        '/beta/widgets/%252e%252E',
        '/beta/me/widgets/.%252E',
      ]);
    });
  });
});

describe('response info', () => {
  it('says what each operation answers with', () => {
    const widget = 'microsoft.graph.widget';
    expect(listWidgets().response).toEqual({ kind: 'collection', type: widget });
    expect(widgetWindow({ params: { startDateTime: 'a', endDateTime: 'b' } }).response).toEqual({ kind: 'collection', type: widget });
    expect(getWidget({ params: { widgetId: '1' } }).response).toEqual({ kind: 'object', type: widget });
    expect(updateWidget({ params: { widgetId: '1' }, body: {} }).response).toEqual({ kind: 'object', type: widget });
    expect(uploadWidgetFile({ params: { itemPath: 'a' }, body: 'x' }).response).toEqual({ kind: 'object', type: widget });
    expect(widgetResize({ params: { widgetId: '1' }, body: {} }).response).toEqual({ kind: 'value' });
    expect(deleteWidget({ params: { widgetId: '1' } }).response).toEqual({ kind: 'none' });
    expect(getWidgetReport({ params: { period: 'D7' } }).response).toEqual({ kind: 'stream' });
    expect(getWidgetReport({ path: DATE_PATH, params: { date: '2024-05-01' } }).response).toEqual({ kind: 'stream' });
    expect(countOf(listWidgets()).response).toEqual({ kind: 'count' });
  });

  it('uses the documented method', () => {
    expect([listWidgets(), getWidget({ params: { widgetId: '1' } }), getWidgetReport({ params: { period: 'D7' } }), widgetWindow({ params: { startDateTime: 'a', endDateTime: 'b' } })].map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    expect(updateWidget({ params: { widgetId: '1' }, body: {} }).method).toBe('PATCH');
    expect(deleteWidget({ params: { widgetId: '1' } }).method).toBe('DELETE');
    expect(uploadWidgetFile({ params: { itemPath: 'a' }, body: 'x' }).method).toBe('PUT');
    expect(widgetResize({ params: { widgetId: '1' }, body: {} }).method).toBe('POST');
  });
});

// ---------------------------------------------------------------------------
// The types: a usage file that calls the builders correctly, and misuses each
// marked `// @ts-expect-error`. tsc fails on an unused directive, so a clean
// compile proves every misuse is rejected; a compile without the directives
// shows each misuse fails for the reason given, and nothing else fails.

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STRICT = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022'];

const CORRECT = `import * as sdk from './out/index.js';
import type { AnyWidget, CollectionResponse, Gadget, HttpRequest, ResponseOf, ValueResponse } from './out/index.js';
import { operationsByPath } from './out/requests/byPath.js';
import type { DocumentedPath, OperationsByPath } from './out/requests/paths.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const mine = sdk.listMyWidgets();
export const theirs = sdk.listMyWidgets({
  path: '/users/{id | userPrincipalName}/widgets',
  params: { idOrUserPrincipalName: 'ada@contoso.com' },
  query: { $select: ['id', 'name', 'kind'], $expand: ['parts', 'parts($select=label)'], $filter: "kind eq 'deluxe'", $orderby: ['name desc'], $top: 2, $count: true },
  headers: { ConsistencyLevel: 'eventual' },
});
export const gadgets = sdk.listMyWidgets({ path: '/me/widgets', cast: 'microsoft.graph.gadget' });
export const count: HttpRequest<undefined, number> = sdk.countOf(sdk.listMyWidgets({ headers: { ConsistencyLevel: 'eventual' } }));
export const one = sdk.getWidget({ params: { widgetId: '1' }, query: { $expand: ['parts'] } });
export const updated = sdk.updateWidget({ params: { widgetId: '1' }, body: { name: 'Kettle timer', size: 17, kind: 'deluxe', parts: null } });
export const deleted = sdk.deleteWidget({ params: { widgetId: '1' } });
export const byPeriod = sdk.getReportsWidgetReport({ params: { period: 'D7' } });
export const byPeriodNamed = sdk.getReportsWidgetReport({ path: "/reports/getWidgetReport(period='{period_value}')", params: { period: 'D30' } });
export const byDate = sdk.getReportsWidgetReport({ path: '/reports/getWidgetReport(date={date_value})', params: { date: '2024-05-01' } });
export const uploaded = sdk.setRootContent({ params: { itemPath: 'Widgets/summary.txt' }, body: new Uint8Array([75, 116]), headers: { 'Content-Type': 'text/plain' } });
export const uploadedText = sdk.setRootContent({ params: { itemPath: 'a.txt' }, body: 'Kettle timer' });
export const changed = sdk.getMyWidgetWindow({ params: { startDateTime: '2024-01-01T00:00:00Z', endDateTime: '2024-01-31T23:59:59Z' }, query: { $select: ['name'], $top: 5 } });
export const resized = sdk.resizeWidget({ params: { widgetId: '1' }, body: { size: 48, reason: 'bigger' } });

export const responses: [
  // A widget may come back as one of its subtypes: the union of them, which @odata.type narrows; a cast asks for one.
  Equal<ResponseOf<typeof mine>, CollectionResponse<AnyWidget>>,
  Equal<ResponseOf<typeof gadgets>, CollectionResponse<Gadget>>,
  Equal<ResponseOf<typeof changed>, CollectionResponse<AnyWidget>>,
  Equal<ResponseOf<typeof one>, AnyWidget>,
  Equal<ResponseOf<typeof updated>, AnyWidget>,
  Equal<ResponseOf<typeof uploaded>, AnyWidget>,
  Equal<ResponseOf<typeof deleted>, void>,
  Equal<ResponseOf<typeof byDate>, ArrayBuffer>,
  Equal<ResponseOf<typeof resized>, ValueResponse<boolean>>,
] = [true, true, true, true, true, true, true, true, true];
export const gadget: Gadget = { id: '1', name: 'torch', batteryLevel: 73 };

// The path index: a request line as the docs write it, to its builder.
export const line: DocumentedPath = 'PUT /me/drive/items/{parent-id}:/{filename}:/content';
export const byLine = operationsByPath['GET /widgets/{widget-id}']({ params: { widgetId: '1' } });
export const indexed: [Equal<OperationsByPath['GET /widgets/{widget-id}'], typeof sdk.getWidget>, Equal<ResponseOf<typeof byLine>, AnyWidget>] = [true, true];
`;

/** Each misuse: why it is wrong, the call, and a piece of the message tsc gives for it. */
const MISUSES: Array<{ why: string; code: string; mentions: string }> = [
  { why: 'a missing required path parameter', code: `sdk.getWidget({ params: {} });`, mentions: "Property 'widgetId' is missing" },
  { why: 'no params at all', code: `sdk.deleteWidget({});`, mentions: "Property 'params' is missing" },
  { why: 'a path the page does not document', code: `sdk.listMyWidgets({ path: '/users/{id}/widgets', params: { idOrUserPrincipalName: 'x' } });`, mentions: '"/users/{id}/widgets"' },
  { why: 'the params of the other alias', code: `sdk.getReportsWidgetReport({ path: '/reports/getWidgetReport(date={date_value})', params: { period: 'D7' } });`, mentions: "'period' does not exist" },
  { why: "an alias's params without its path", code: `sdk.getReportsWidgetReport({ params: { date: '2024-05-01' } });`, mentions: "Property 'path' is missing" },
  { why: "an alias's params on the primary path", code: `sdk.listMyWidgets({ params: { idOrUserPrincipalName: 'x' } });`, mentions: "Property 'path' is missing" },
  { why: 'an alias path without its params', code: `sdk.listMyWidgets({ path: '/users/{id | userPrincipalName}/widgets' });`, mentions: "Property 'params' is missing" },
  { why: '$select of a property only the derived type has', code: `sdk.listMyWidgets({ query: { $select: ['batteryLevel'] } });`, mentions: '"batteryLevel"' },
  { why: '$select of no property', code: `sdk.getWidget({ params: { widgetId: '1' }, query: { $select: ['nope'] } });`, mentions: '"nope"' },
  { why: '$expand of a structural property', code: `sdk.listMyWidgets({ query: { $expand: ['name'] } });`, mentions: '"name"' },
  { why: '$top as a string', code: `sdk.listMyWidgets({ query: { $top: '5' } });`, mentions: "'string' is not assignable to type 'number'" },
  { why: 'the read-only id in a PATCH body', code: `sdk.updateWidget({ params: { widgetId: '1' }, body: { id: 'x' } });`, mentions: "'id' does not exist" },
  { why: 'a member no enum has', code: `sdk.updateWidget({ params: { widgetId: '1' }, body: { kind: 'huge' } });`, mentions: '"huge"' },
  { why: 'a body on a GET', code: `sdk.getWidget({ params: { widgetId: '1' }, body: {} });`, mentions: "'body' does not exist" },
  { why: 'a request line no page documents', code: `const nope: DocumentedPath = 'GET /widgets';`, mentions: '"GET /widgets"' },
  { why: 'a PATCH without a body', code: `sdk.updateWidget({ params: { widgetId: '1' } });`, mentions: "Property 'body' is missing" },
  { why: 'a JSON object as file content', code: `sdk.setRootContent({ params: { itemPath: 'a' }, body: { name: 'x' } });`, mentions: "'name' does not exist" },
  { why: 'an action parameter of the wrong type', code: `sdk.resizeWidget({ params: { widgetId: '1' }, body: { size: '48' } });`, mentions: "'string' is not assignable to type 'number'" },
  { why: 'a cast to a type that is not a subtype', code: `sdk.listMyWidgets({ cast: 'microsoft.graph.part' });`, mentions: '"microsoft.graph.part"' },
  { why: 'a cast on an operation that returns no entity', code: `sdk.resizeWidget({ params: { widgetId: '1' }, body: {}, cast: 'microsoft.graph.gadget' });`, mentions: "'cast' does not exist" },
  { why: 'a missing required query-string parameter', code: `sdk.getMyWidgetWindow({ params: { startDateTime: '2024-01-01T00:00:00Z' } });`, mentions: "Property 'endDateTime' is missing" },
  { why: 'counting what is not a collection', code: `sdk.countOf(sdk.getWidget({ params: { widgetId: '1' } }));`, mentions: "Property 'value' is missing" },
];

function usageFile(withDirectives: boolean): { text: string; lines: number[] } {
  const lines = CORRECT.split('\n');
  const misuseLines: number[] = [];
  lines.push('export function misuses(): void {');
  for (const misuse of MISUSES) {
    lines.push(`  // ${misuse.why}`);
    if (withDirectives) lines.push('  // @ts-expect-error');
    misuseLines.push(lines.length + 1);
    lines.push(`  ${misuse.code}`);
  }
  lines.push('}', '');
  return { text: lines.join('\n'), lines: misuseLines };
}

describe('tsc --strict', () => {
  it('compiles the generated code with a usage file whose every misuse is rejected', async () => {
    await writeFile(path.join(work, 'usage.ts'), usageFile(true).text);
    // The control proves the flags make an unused @ts-expect-error an error (so the check can fail).
    const control = `import * as sdk from './out/index.js';\n// @ts-expect-error\nexport const fine = sdk.listMyWidgets();\n`;
    await writeFile(path.join(work, 'control.ts'), control);
    let output: string;
    try {
      output = (await run(process.execPath, [tsc, ...STRICT, path.join(work, 'usage.ts'), path.join(work, 'control.ts')], { cwd: work })).stdout;
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(output.trim().split('\n')).toEqual(["control.ts(2,1): error TS2578: Unused '@ts-expect-error' directive."]);
  });

  it('rejects each misuse for its own reason, and nothing else (without the directives)', async () => {
    const { text, lines } = usageFile(false);
    const file = path.join(work, 'bare.ts');
    await writeFile(file, text);
    const program = ts.createProgram([file], STRICT_OPTIONS);
    const errors = new Map<number, string[]>();
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      expect(diagnostic.file?.fileName, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')).toBe(program.getSourceFile(file)!.fileName);
      const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!).line + 1;
      errors.set(line, [...(errors.get(line) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')]);
    }
    expect([...errors.keys()].sort((a, b) => a - b)).toEqual(lines);
    MISUSES.forEach((misuse, index) => {
      expect(errors.get(lines[index]!)!.join('\n'), misuse.why).toContain(misuse.mentions);
    });
  });
});

describe('the example requests of the fixture', () => {
  it('each replays exactly through its builder and the client, and its response validates', async () => {
    const loaded = await loadGenerated(model, { outputs: ['models', 'validators', 'requests'], naming: NAMING });
    const { names } = assignNames(model, NAMING);
    const outcomes = await replayExamples(model.operations, loaded, (operation) => names.operations.get(operation.name)!);
    const examples = model.operations.flatMap((operation) => operation.examples.filter((example) => example.role === 'request'));
    expect(examples).toHaveLength(12);
    expect(outcomes).toHaveLength(examples.length);
    expect(new Set(outcomes.map((outcome) => outcome.operation))).toEqual(new Set(model.operations.map((operation) => operation.name)));
    for (const outcome of outcomes) {
      expect(outcome, `${outcome.source}: ${outcome.detail ?? ''}`).toMatchObject({ request: 'exact', response: 'valid', untypedQuery: [] });
    }
  });
});
