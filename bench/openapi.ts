// `npm run bench -- openapi`: openapi.json for the beta corpus: the time to emit
// the document from the model (emitProject with the openapi output alone) and to
// validate it with @readme/openapi-parser, each the median of a few rounds (the
// model is built once and not timed), with the document's size and the errors.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@readme/openapi-parser';
import { emitProject } from '../generator/emit/emitProject.js';
import { OPENAPI_FILE } from '../generator/emit/openapi/document.js';
import { DEFAULT_EMIT_OPTIONS } from '../generator/emit/options.js';
import { buildFromDocs } from '../generator/pipeline.js';

const BETA = fileURLToPath(new URL('../../shared/corpus/msgraph-docs-2021-07/beta', import.meta.url));

export interface OpenApiBench {
  emitMs: number[];
  validateMs: number[];
  bytes: number;
  paths: number;
  schemas: number;
  errors: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchOpenApi(log: (step: string) => void, rounds = 3): Promise<OpenApiBench | undefined> {
  if (!existsSync(BETA)) return undefined;
  log('openapi: building the beta model');
  const { model } = await buildFromDocs([BETA]);
  const options = { ...DEFAULT_EMIT_OPTIONS, outputs: ['openapi'] as const, openapi: { graphVersion: 'beta' as const } };
  const result: OpenApiBench = { emitMs: [], validateMs: [], bytes: 0, paths: 0, schemas: 0, errors: 0 };
  for (let round = 1; round <= rounds; round++) {
    let started = performance.now();
    const text = emitProject(model, options, { raw: true }).files.get(OPENAPI_FILE)!;
    result.emitMs.push(performance.now() - started);
    started = performance.now();
    const validation = await validate(JSON.parse(text), { validate: { errors: { colorize: false } } });
    result.validateMs.push(performance.now() - started);
    const document = JSON.parse(text) as { paths: object; components: { schemas: object } };
    Object.assign(result, { bytes: text.length, paths: Object.keys(document.paths).length, schemas: Object.keys(document.components.schemas).length, errors: validation.valid ? 0 : validation.errors.length + validation.additionalErrors });
    log(`openapi: round ${round}: emit ${(result.emitMs.at(-1)! / 1000).toFixed(2)} s, validate ${(result.validateMs.at(-1)! / 1000).toFixed(2)} s`);
  }
  return result;
}

export function formatOpenApiBench(bench: OpenApiBench | undefined): string {
  if (!bench) return `## openapi.json (beta)\n\nSkipped: ${path.relative(process.cwd(), BETA)} is absent.\n`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '## openapi.json (beta)',
    '',
    `${(bench.bytes / 1e6).toFixed(1)} MB, ${bench.paths} paths, ${bench.schemas} schemas; @readme/openapi-parser: ${bench.errors} errors. Medians of ${bench.emitMs.length} rounds (each round in the last column); the model is built once, untimed.`,
    '',
    '| step | median | rounds |',
    '|---|---|---|',
    `| emit (emitProject, openapi alone) | ${seconds(median(bench.emitMs))} | ${bench.emitMs.map(seconds).join(', ')} |`,
    `| validate (@readme/openapi-parser) | ${seconds(median(bench.validateMs))} | ${bench.validateMs.map(seconds).join(', ')} |`,
    '',
  ].join('\n');
}
