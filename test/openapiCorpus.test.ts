// openapi.json over the real docs (../shared/corpus, July 2021), beta and v1.0,
// each built once: it validates with @readme/openapi-parser with zero errors;
// the docs' example requests that the replay suite plans through the builders
// (test/helpers/replay.ts: method, a documented path, the body) are matched by
// the document too: the method, a path template that matches the example's
// path, and the body valid against the operation's request schema (ajv); the
// rate is printed per version and must reach 90%; and for beta,
// openapi-typescript's types compile under tsc --strict.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitProject } from '../generator/emit/emitProject.js';
import { type GraphVersion, OPENAPI_FILE } from '../generator/emit/openapi/document.js';
import { DEFAULT_EMIT_OPTIONS } from '../generator/emit/options.js';
import type { Model } from '../generator/model/types.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { CORPUS_VERSIONS } from '../generator/stats/baseline.js';
import { SHARED } from './helpers/paths.js';
import { planReplay } from './helpers/replay.js';

const CORPUS = `${SHARED}corpus/msgraph-docs-2021-07/`;
const HAS_CORPUS = existsSync(CORPUS);
const TIMEOUT = 900_000;
if (!HAS_CORPUS) console.warn(`SKIPPED: the OpenAPI corpus tests (test/openapiCorpus.test.ts), because ${CORPUS} is absent.`);

// ajv-formats is CommonJS; its default export is the module itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DOCUMENT_ID = 'https://docgen.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** A path template as a pattern: each `{parameter}` one segment or part of one, a drive item path (`x-docgen-encoding: path`) any number of them; Graph's paths ignore case. */
function templatePattern(template: string, operation: Json): RegExp {
  const encodings = new Map<string, string>((operation['parameters'] ?? []).filter((p: Json) => p['in'] === 'path').map((p: Json) => [p['name'], p['x-docgen-encoding']]));
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      const name = /^\{([^}]+)\}$/.exec(piece)?.[1];
      if (name === undefined) return piece.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
      return encodings.get(name) === 'path' ? '(.+)' : '([^/]+)';
    })
    .join('');
  return new RegExp(`^${pattern}$`, 'i');
}

/** `#/components/…` refs of a schema taken out of the document, made to point into it. */
function anchored(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(anchored);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${DOCUMENT_ID}${value}` : anchored(value)]));
}

interface MatchReport {
  planned: number;
  matched: number;
  byReason: Record<string, number>;
  misses: string[];
}

/** Every example request the replay suite plans, checked against the document. */
function matchExamples(model: Model, document: Json): MatchReport {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document['components'] });
  const routes = Object.entries(document['paths'] as Record<string, Json>).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method: method.toUpperCase(), template, operation: item[method] as Json, pattern: templatePattern(template, item[method]) })),
  );
  const validators = new Map<Json, (body: unknown) => boolean>();
  const bodyValid = (operation: Json, body: unknown): boolean => {
    const content = operation['requestBody']?.['content'] as Json | undefined;
    if (body === undefined) return true;
    if (!content) return false;
    const json = content['application/json'];
    if (!json) return true; // a file: any bytes
    if (!validators.has(operation)) {
      const check = ajv.compile(anchored(json['schema']) as object);
      validators.set(operation, (value) => check(value) as boolean);
    }
    return validators.get(operation)!(body);
  };
  const report: MatchReport = { planned: 0, matched: 0, byReason: {}, misses: [] };
  const miss = (reason: string, detail: string) => {
    report.byReason[reason] = (report.byReason[reason] ?? 0) + 1;
    if (report.misses.length < 40) report.misses.push(`${reason}: ${detail}`);
  };
  for (const operation of model.operations) {
    for (const example of operation.examples) {
      if (example.role !== 'request') continue;
      const plan = planReplay(operation, example);
      if ('reason' in plan) continue;
      report.planned++;
      const where = `${example.source.file}:${example.source.line} ${plan.expected.method} ${plan.expected.path}`;
      const candidates = routes.filter((route) => route.method === plan.expected.method && route.pattern.test(plan.expected.path));
      if (candidates.length === 0) {
        miss(plan.count ? 'no-path ($count)' : plan.input.cast ? 'no-path (cast)' : 'no-path', where);
        continue;
      }
      const body = plan.expected.body;
      if (candidates.some((route) => bodyValid(route.operation, typeof body === 'string' ? undefined : body))) report.matched++;
      else miss('body', where);
    }
  }
  return report;
}

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const version of CORPUS_VERSIONS) {
  describe.skipIf(!HAS_CORPUS)(`openapi.json for the ${version} corpus`, () => {
    let model: Model;
    let document: Json;
    let text = '';

    beforeAll(async () => {
      const started = performance.now();
      ({ model } = await buildFromDocs([path.join(CORPUS, version)]));
      const built = performance.now();
      text = emitProject(model, { ...DEFAULT_EMIT_OPTIONS, outputs: ['openapi'], openapi: { graphVersion: version as GraphVersion } }, { raw: true }).files.get(OPENAPI_FILE)!;
      document = JSON.parse(text) as Json;
      console.info(`openapi ${version}: build ${((built - started) / 1000).toFixed(1)} s, emit ${((performance.now() - built) / 1000).toFixed(1)} s, ${(text.length / 1e6).toFixed(1)} MB, ${Object.keys(document['paths']).length} paths`);
    }, TIMEOUT);

    it('validates with @readme/openapi-parser: zero errors', async () => {
      const started = performance.now();
      const result = await validate(JSON.parse(text), { validate: { errors: { colorize: false } } });
      const errors = result.valid ? [] : result.errors.map((error) => error.message);
      console.info(`openapi ${version}: validated in ${((performance.now() - started) / 1000).toFixed(1)} s, ${errors.length} errors, ${result.warnings.length} warnings`);
      expect(errors).toEqual([]);
    }, TIMEOUT);

    it('matches at least 90% of the example requests the replay suite plans (method, path template, body)', () => {
      const report = matchExamples(model, document);
      const rate = report.matched / report.planned;
      console.info(`openapi ${version}: ${report.matched} of ${report.planned} planned example requests matched (${(rate * 100).toFixed(2)}%); misses ${JSON.stringify(report.byReason)}`);
      console.info(report.misses.join('\n'));
      expect(report.planned).toBeGreaterThan(2000);
      expect(rate).toBeGreaterThanOrEqual(0.9);
    }, TIMEOUT);

    it.runIf(version === 'beta')('becomes types with openapi-typescript that compile under tsc --strict', async () => {
      const started = performance.now();
      const types = astToString(await openapiTS(JSON.parse(text), { readWriteMarkers: true }));
      const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-openapi-corpus-'));
      try {
        await writeFile(path.join(dir, 'api.ts'), types);
        const generated = performance.now();
        let output = '';
        let code: number | string = 0;
        try {
          await run(process.execPath, ['--max-old-space-size=6144', tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', path.join(dir, 'api.ts')], { maxBuffer: 256 * 1024 * 1024 });
        } catch (error) {
          const failure = error as { code: number | string; stdout?: string; message: string };
          code = failure.code;
          output = failure.stdout || failure.message;
        }
        console.info(`openapi ${version}: openapi-typescript ${((generated - started) / 1000).toFixed(1)} s (${(types.length / 1e6).toFixed(1)} MB), tsc --strict ${((performance.now() - generated) / 1000).toFixed(1)} s`);
        expect(output.split('\n').slice(0, 20).join('\n')).toBe('');
        expect(code).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, TIMEOUT);
  });
}
