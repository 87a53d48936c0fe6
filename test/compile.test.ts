// The generated code compiles under `tsc --strict`, on its own, with no help
// from the project's tsconfig; and under the stricter flags consumers add,
// since the SDK ships as `.ts` and their flags apply to it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { DOCS_INPUT, GENERATED, HAS_SEED, PROJECT, SEED } from './helpers/paths.js';
import { CONSUMER_FLAGS, CONSUMER_OPTIONS } from './helpers/strictOptions.js';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const STRICT = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022'];

async function compile(entry: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsc, ...STRICT, entry]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, output: failure.stdout };
  }
}

const temp: string[] = [];
afterAll(async () => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('tsc --strict', () => {
  it('compiles generated/', async () => {
    const result = await compile(path.join(GENERATED, 'index.ts'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(!HAS_SEED)('compiles the output for the seed page alone, whose types are undefined', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-seed-'));
    temp.push(dir);
    await mkdir(path.join(dir, 'docs'));
    const [seed] = await readdir(SEED);
    await copyFile(path.join(SEED, seed!), path.join(dir, 'docs', 'update.md'));
    const cli = await runCli('generate', '--input', path.join(dir, 'docs'), '--out', path.join(dir, 'out'));
    expect(cli.code).toBe(0);
    const result = await compile(path.join(dir, 'out', 'index.ts'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it.each([[['models']], [['models', 'validators']], [['models', 'requests']], [['models', 'schemas']]])('compiles an output of only %j, with a type prefix', async (outputs) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-outputs-'));
    temp.push(dir);
    const config = path.join(dir, 'docgen.config.json');
    await writeFile(config, JSON.stringify({ input: DOCS_INPUT, out: 'out', outputs, naming: { typePrefix: 'Graph' } }));
    const cli = await runCli('generate', '--config', config);
    expect(cli.code).toBe(0);
    const folders = (await readdir(path.join(dir, 'out'))).filter((name) => !name.includes('.'));
    const runtime = outputs.includes('validators') || outputs.includes('requests');
    expect(folders.sort()).toEqual([...outputs, ...(runtime ? ['runtime'] : [])].sort());
    expect(await readdir(path.join(dir, 'out', 'models'))).toContain('GraphRemoteActionAudit.ts');
    if (outputs.includes('schemas')) expect(await readdir(path.join(dir, 'out', 'schemas'))).toContain('GraphRemoteActionAudit.schema.json');
    const result = await compile(path.join(dir, 'out', 'index.ts'));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails on a type error (the check can fail)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-bad-'));
    temp.push(dir);
    await writeFile(path.join(dir, 'bad.ts'), 'export const x: string = 1;\n');
    const result = await compile(path.join(dir, 'bad.ts'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/TS2322/);
  });
});

/** The diagnostics of `index.ts` in `dir` and all it imports, under the consumer flag set, one line each. */
function consumerDiagnostics(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, 'index.ts')], CONSUMER_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(dir, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

describe('strict plus the flags consumers add', () => {
  it('is exactly the set issue 19 names', () => {
    expect(Object.keys(CONSUMER_FLAGS).sort()).toEqual(
      [
        'exactOptionalPropertyTypes', 'noUncheckedIndexedAccess', 'noPropertyAccessFromIndexSignature', 'noUnusedLocals', 'noUnusedParameters',
        'noImplicitOverride', 'verbatimModuleSyntax', 'isolatedModules', 'erasableSyntaxOnly',
      ].sort(),
    );
    expect(CONSUMER_OPTIONS.strict).toBe(true);
    expect(CONSUMER_OPTIONS.types).toEqual([]);
  });

  it('compiles generated/', () => {
    expect(consumerDiagnostics(GENERATED)).toEqual([]);
  });

  // An ES module package around each output, as a consumer's project is (verbatimModuleSyntax reads the module format from it).
  it.each(['requests', 'validation', 'hostile', 'edge', 'tasks'])('compiles the output of test/fixtures/%s', async (fixture) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `docgen-flags-${fixture}-`));
    temp.push(dir);
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const cli = await runCli('generate', '--input', path.join(PROJECT, 'test', 'fixtures', fixture), '--out', path.join(dir, 'out'));
    expect(cli.code).toBe(0);
    expect(consumerDiagnostics(path.join(dir, 'out'))).toEqual([]);
  });

  it('reports what each flag catches (the check can fail)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-flags-bad-'));
    temp.push(dir);
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(
      path.join(dir, 'index.ts'),
      [
        'export function f(unused: string): void {}',
        'const o: { a?: string } = {};',
        'o.a = undefined;',
        'export const first: string = ([] as string[])[0];',
        'export const r: Record<string, number> = {};',
        'export const n: number | undefined = r.key;',
        'export enum E { A }',
        '',
      ].join('\n'),
    );
    const codes = consumerDiagnostics(dir).map((line) => line.split(' ')[1]);
    // unused parameter, exact optional, unchecked index, index-signature access, a non-erasable enum
    expect(new Set(codes)).toEqual(new Set(['TS6133:', 'TS2412:', 'TS2322:', 'TS4111:', 'TS1294:']));
  });
});
