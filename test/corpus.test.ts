// The real Graph docs (../shared/corpus, July 2021), beta and v1.0: read,
// parse and model every page without an exception; every resource and enum
// page yields its type; the coverage counts hold against
// test/corpus-baseline.json (generator/stats/baseline.ts says how); the
// generated code compiles under tsc --strict, and every JSON Schema compiles
// in ajv's strict mode.
// Each version takes minutes on a 2-core machine, so it is built once.
// Update the baseline deliberately: npm run --silent corpus:baseline > test/corpus-baseline.json
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EMIT_OPTIONS } from '../generator/emit/options.js';
import { emitProject } from '../generator/emit/emitProject.js';
import { type BuildResult, buildFromDocs } from '../generator/pipeline.js';
import { type Baseline, baselineFigures, baselineRegressions, CORPUS_VERSIONS } from '../generator/stats/baseline.js';
import { computeCoverage, type Coverage } from '../generator/stats/coverage.js';
import { SHARED } from './helpers/paths.js';

const CORPUS = `${SHARED}corpus/msgraph-docs-2021-07/`;
const HAS_CORPUS = existsSync(CORPUS);
const BASELINE = JSON.parse(readFileSync(new URL('./corpus-baseline.json', import.meta.url), 'utf8')) as Baseline;
const TIMEOUT = 300_000;

if (!HAS_CORPUS) console.warn(`SKIPPED: the corpus tests (test/corpus.test.ts), because ${CORPUS} is absent.`);

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STRICT = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022'];

async function compile(entry: string): Promise<{ code: number | string; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsc, ...STRICT, entry], { maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number | string; stdout?: string; message: string };
    return { code: failure.code, output: failure.stdout || failure.message };
  }
}

// ajv-formats is CommonJS; its default export is the module itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

for (const version of CORPUS_VERSIONS) {
  describe.skipIf(!HAS_CORPUS)(`the ${version} corpus`, () => {
    let built: BuildResult | undefined;
    let coverage: Coverage | undefined;
    let failure: unknown;

    beforeAll(async () => {
      const started = performance.now();
      try {
        built = await buildFromDocs([path.join(CORPUS, version)]);
        coverage = computeCoverage(built.pages, built.model, built.diagnostics);
      } catch (error) {
        failure = error;
      }
      console.info(`corpus ${version}: read, parse and model in ${seconds(started)}`);
    }, TIMEOUT);
    afterAll(() => {
      built = undefined; // let the model go before the next version is built
    });

    /** The build's result; a build that threw fails every test with its error. */
    const result = () => {
      if (failure !== undefined || !built || !coverage) throw new Error(`buildFromDocs failed on ${version}: ${(failure as Error)?.stack ?? String(failure)}`);
      return { built, coverage };
    };

    it('reads, parses and models every page without an exception', () => {
      expect(failure).toBeUndefined();
      const { built, coverage } = result();
      expect(built.pages).toHaveLength(built.docs.length);
      expect(coverage.pages.total).toBeGreaterThan(1000);
    });

    it('yields the type of every resource and enum page', () => {
      const { typesFromPages } = result().coverage;
      expect(typesFromPages.missing).toEqual([]);
      expect(typesFromPages.denominator).toBeGreaterThan(0);
      expect(typesFromPages.numerator).toBe(typesFromPages.denominator);
    });

    it('holds the counts of test/corpus-baseline.json: the pages as they are, the rest no lower', () => {
      const figures = baselineFigures(result().coverage);
      const baseline = BASELINE[version];
      console.info(`corpus ${version}: ${JSON.stringify(figures)}`);
      expect(baseline, `test/corpus-baseline.json has no "${version}"`).toBeDefined();
      expect(baselineRegressions(figures, baseline)).toEqual([]);
    });

    it(
      'generates code that compiles under tsc --strict',
      async () => {
        const { built } = result();
        let started = performance.now();
        // Unformatted: tsc checks the code itself; formatting is generate's business, tested on docs-input.
        const { files } = emitProject(built.model, DEFAULT_EMIT_OPTIONS, { raw: true });
        const emitted = seconds(started);
        expect(files.has('index.ts')).toBe(true);
        expect(files.size).toBeGreaterThan(built.model.operations.length);
        const dir = await mkdtemp(path.join(os.tmpdir(), `docgen-corpus-${version}-`));
        try {
          for (const [file, text] of files) {
            await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
            await writeFile(path.join(dir, file), text);
          }
          started = performance.now();
          const { code, output } = await compile(path.join(dir, 'index.ts'));
          console.info(`corpus ${version}: emit ${files.size} files in ${emitted}, tsc --strict in ${seconds(started)}`);
          expect(output.split('\n').slice(0, 40).join('\n')).toBe('');
          expect(code).toBe(0);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
      TIMEOUT,
    );

    it(
      'generates JSON Schemas that ajv compiles in strict mode, $refs and @odata.type dispatch resolved',
      () => {
        const { built } = result();
        const started = performance.now();
        const { files } = emitProject(built.model, { ...DEFAULT_EMIT_OPTIONS, outputs: ['schemas'] });
        const ajv = new Ajv2020({ strict: true, allErrors: true, ownProperties: true });
        addFormats(ajv);
        const ids: string[] = [];
        for (const [file, text] of files) {
          if (!file.endsWith('.schema.json')) continue;
          const schema = JSON.parse(text) as { $id: string };
          ajv.addSchema(schema);
          ids.push(schema.$id);
        }
        const types = built.model.namespaces.reduce((count, ns) => count + ns.types.length, 0);
        expect(ids).toHaveLength(types);
        // Compiling a schema compiles every schema it refers to: a missing $ref target throws here.
        for (const id of ids) expect(typeof ajv.getSchema(id), id).toBe('function');
        console.info(`corpus ${version}: ${ids.length} schemas emitted and compiled by ajv in ${seconds(started)}`);
      },
      TIMEOUT,
    );
  });
}
