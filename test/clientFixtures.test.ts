// The client's controls on another SDK than generated/: the output of
// test/fixtures/requests (widgets, a type with a subtype), run against a real
// HTTP server: a signal, middleware, delta links resumed with withUrl, and
// response validation by one validator.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Generated from '../generated/index.js';
import { runCli } from './helpers/cli.js';
import { collect, json, rejection, type Reply, type Seen, startServer, type TestServer } from './helpers/httpServer.js';
import { PROJECT } from './helpers/paths.js';

/** The runtime the fixture's output shares with generated/ (the same templates), typed as generated/'s. */
type Runtime = Pick<typeof Generated, 'createClient' | 'withUrl' | 'responseValidation' | 'GraphError' | 'ResponseValidationError'>;
type Built = Generated.HttpRequest<undefined, Generated.CollectionResponse<{ id?: string; '@odata.type'?: string; size?: unknown }>>;

let work: string;
let sdk: Runtime & { listMyWidgets(input?: unknown): Built; validateWidget: Generated.ResponseValidator };
let server: TestServer;
let seen: Seen[];
let handler: (request: Seen) => Reply;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-client-fixtures-'));
  const cli = await runCli('generate', '--input', path.join(PROJECT, 'test', 'fixtures', 'requests'), '--out', path.join(work, 'out'));
  expect(cli.code).toBe(0);
  sdk = (await import(path.join(work, 'out', 'index.ts'))) as typeof sdk;
  server = await startServer((request) => {
    seen.push(request);
    return handler(request);
  });
});
afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  seen = [];
});

const WIDGETS = '/v1.0/me/widgets';

describe('the output of test/fixtures/requests', () => {
  it('pages widgets to the deltaLink, and resumes from it with withUrl, validated by validateWidget alone', async () => {
    handler = (request) =>
      request.url === WIDGETS
        ? json(200, { value: [{ id: 'w1', size: 1 }], '@odata.nextLink': `${server.origin}${WIDGETS}?$skiptoken=2` })
        : request.url === `${WIDGETS}?$skiptoken=2`
          ? json(200, { value: [{ id: 'g1', '@odata.type': '#microsoft.graph.gadget' }], '@odata.deltaLink': `${server.origin}${WIDGETS}/delta?token=1` })
          : json(200, { value: [{ id: 'g1', '@odata.type': '#microsoft.graph.gadget', size: 'big' }] });
    const graph = sdk.createClient({ baseUrl: `${server.origin}/v1.0`, validate: sdk.responseValidation({ 'microsoft.graph.widget': sdk.validateWidget }) });
    const request = sdk.listMyWidgets();
    const items = graph.items(request);
    expect((await collect(items)).map((item) => item.id)).toEqual(['w1', 'g1']);
    expect(items.deltaLink).toBe(`${server.origin}${WIDGETS}/delta?token=1`);
    // The next round: the gadget's size is no number, and the widget's validator checks its subtypes too.
    const error = await rejection(collect(graph.items(sdk.withUrl(request, items.deltaLink!))));
    expect(error).toBeInstanceOf(sdk.ResponseValidationError);
    expect((error as Generated.ResponseValidationError).errors.map((issue) => [issue.path, issue.source.split(':')[0]])).toEqual([['/value/0/size', 'resources/widget.md']]);
    expect(seen.map((request) => request.url)).toEqual([WIDGETS, `${WIDGETS}?$skiptoken=2`, `${WIDGETS}/delta?token=1`]);
  });

  it('gives middleware every attempt, and a signal cancels the wait before a retry', async () => {
    handler = () => ({ status: 503, headers: { 'Retry-After': '30' } });
    const attempts: string[] = [];
    const controller = new AbortController();
    const graph = sdk.createClient({
      baseUrl: `${server.origin}/v1.0`,
      middleware: [
        async (request, next) => {
          const response = await next({ ...request, headers: { ...request.headers, 'client-request-id': `c${request.attempt}` } });
          attempts.push(`${request.attempt} ${response.status}`);
          if (request.attempt === 0) setTimeout(() => controller.abort(new Error('cancelled')), 50);
          return response;
        },
      ],
    });
    const started = performance.now();
    const error = await rejection(collect(graph.pages(sdk.listMyWidgets(), { signal: controller.signal })));
    expect(error).toMatchObject({ message: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(2500);
    expect(attempts).toEqual(['0 503']);
    expect(seen.map((request) => request.headers['client-request-id'])).toEqual(['c0']);
  });

  it('types the innerError of a widget error', async () => {
    handler = () => json(404, { error: { code: 'NotFound', message: 'no widget', innerError: { date: 'd', 'request-id': 'r', 'client-request-id': 'c' } } });
    const error = await rejection(sdk.createClient({ baseUrl: `${server.origin}/v1.0` }).send(sdk.listMyWidgets()));
    expect(error).toBeInstanceOf(sdk.GraphError);
    expect((error as Generated.GraphError).innerError).toEqual({ date: 'd', 'request-id': 'r', 'client-request-id': 'c' });
    expect((error as Generated.GraphError).requestId).toBe('r');
  });
});
