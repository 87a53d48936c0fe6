// openapi.json for docs-input, checked by tools docgen did not write: it
// validates with @readme/openapi-parser (the OpenAPI 3.1 schema and its rules:
// unique operationIds, path parameters declared and required, unique
// parameters); openapi-typescript turns it into types that compile under
// tsc --strict; and the seed's update operation, called through openapi-fetch
// with those types, puts the same request on the wire as docgen's own builder.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, updateRemoteActionAudit } from '../generated/index.js';
import { emitProject } from '../generator/emit/emitProject.js';
import { DEFAULT_EMIT_OPTIONS } from '../generator/emit/options.js';
import { OPENAPI_FILE } from '../generator/emit/openapi/document.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { type Seen, startServer, type TestServer } from './helpers/httpServer.js';
import { DOCS_INPUT, GENERATED, PROJECT } from './helpers/paths.js';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STRICT = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', '--skipLibCheck', 'false'];

/** openapi.json's text for docs-input, with every output (as `generate` writes it). */
async function docsInputDocument(): Promise<string> {
  const { model } = await buildFromDocs([DOCS_INPUT]);
  return emitProject(model, DEFAULT_EMIT_OPTIONS, { raw: true }).files.get(OPENAPI_FILE)!;
}

/** Compiles `files` under tsc --strict; the folder is inside the repository, so that `openapi-fetch` resolves from node_modules. */
async function compileStrict(dir: string, entry: string): Promise<{ code: number | string; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsc, ...STRICT, path.join(dir, entry)], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number | string; stdout?: string; message: string };
    return { code: failure.code, output: failure.stdout || failure.message };
  }
}

/** The client's code, compiled under --strict and then run: openapi-fetch with the types openapi-typescript made. */
const CONSUMER = `import createClient from 'openapi-fetch';
import type { paths } from './api.js';

export async function updateAudit(baseUrl: string, id: string, fetch: typeof globalThis.fetch) {
  const client = createClient<paths>({ baseUrl, fetch });
  const path = '/deviceManagement/remoteActionAudits/{remoteActionAuditId}' as const;
  // A discriminator's property is present in the payload (OpenAPI 3.1), so openapi-typescript requires it; Graph takes it.
  const type = '#microsoft.graph.remoteActionAudit' as const;
  const body = { '@odata.type': type, deviceDisplayName: 'Laptop-02', actionState: 'pending' as const, deviceActionDetails: [{ '@odata.type': '#microsoft.graph.keyValuePair_2OfString_String' as const }] };
  if (id === '') {
    // @ts-expect-error the key is read-only: OpenAPI leaves it out of a request's body
    await client.PATCH(path, { params: { path: { remoteActionAuditId: id } }, body: { '@odata.type': type, id: 'x' } });
    // @ts-expect-error a string property
    await client.PATCH(path, { params: { path: { remoteActionAuditId: id } }, body: { '@odata.type': type, deviceDisplayName: 42 } });
    // @ts-expect-error not one of the enum's members
    await client.PATCH(path, { params: { path: { remoteActionAuditId: id } }, body: { '@odata.type': type, actionState: 'paused' } });
  }
  const { data } = await client.PATCH(path, { params: { path: { remoteActionAuditId: id } }, body });
  const name: string | null | undefined = data?.deviceDisplayName;
  return name;
}
`;

describe('openapi.json for docs-input', () => {
  let text = '';
  let dir = '';
  let server: TestServer;
  let seen: Seen[] = [];

  beforeAll(async () => {
    text = await docsInputDocument();
    // Inside the repository (node_modules/.cache), so that the consumer resolves openapi-fetch.
    const cache = path.join(PROJECT, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    dir = await mkdtemp(path.join(cache, 'docgen-openapi-'));
    server = await startServer((request) => {
      seen.push(request);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'a1', deviceDisplayName: 'Laptop-02' }) };
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('validates with @readme/openapi-parser: no errors, no warnings', async () => {
    const result = await validate(JSON.parse(text), { validate: { errors: { colorize: false } } });
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(JSON.parse(text).openapi).toBe('3.1.0');
  });

  it('is the committed generated/openapi.json', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path.join(GENERATED, OPENAPI_FILE), 'utf8')).toBe(text);
  });

  it('becomes types with openapi-typescript that compile under tsc --strict, and openapi-fetch sends what the builder sends', async () => {
    const types = astToString(await openapiTS(JSON.parse(text), { readWriteMarkers: true }));
    await writeFile(path.join(dir, 'api.d.ts'), types);
    await writeFile(path.join(dir, 'consumer.ts'), CONSUMER);
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const compiled = await compileStrict(dir, 'consumer.ts');
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const consumer = (await import(pathToFileURL(path.join(dir, 'consumer.ts')).href)) as { updateAudit: (baseUrl: string, id: string, fetch: typeof globalThis.fetch) => Promise<string | null | undefined> };
    // A key that needs encoding: a space, a slash, a quote, a percent sign, non-ASCII.
    const id = "a 1/b'%é";
    seen = [];
    expect(await consumer.updateAudit(`${server.origin}/v1.0`, id, globalThis.fetch)).toBe('Laptop-02');
    const body = { '@odata.type': '#microsoft.graph.remoteActionAudit' as const, deviceDisplayName: 'Laptop-02', actionState: 'pending' as const, deviceActionDetails: [{ '@odata.type': '#microsoft.graph.keyValuePair_2OfString_String' as const }] };
    await createClient({ baseUrl: `${server.origin}/v1.0` }).send(updateRemoteActionAudit({ params: { remoteActionAuditId: id }, body }));
    expect(seen).toHaveLength(2);
    const [viaOpenApi, viaBuilder] = seen.map((request) => ({ method: request.method, url: request.url, body: JSON.parse(request.body) as unknown, type: request.headers['content-type'] }));
    expect(viaOpenApi).toEqual(viaBuilder);
    expect(viaBuilder!.method).toBe('PATCH');
  }, 120_000);
});

describe('docgen openapi', () => {
  it('prints openapi.json as generate writes it', async () => {
    const { runCli } = await import('./helpers/cli.js');
    const { readFile } = await import('node:fs/promises');
    const run = await runCli('openapi', '--input', DOCS_INPUT);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await readFile(path.join(GENERATED, OPENAPI_FILE), 'utf8'));
  }, 60_000);
});
