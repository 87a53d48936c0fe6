// Emitter rules on docs that stress naming and references: a type that refers
// to itself, names that collide with globals or with each other's derived
// exports, `@odata.type` documented as a property, repeated body rows. The
// output must compile, and every renaming must be reported.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from './helpers/cli.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/edge/', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let out: string;
let run: CliRun;

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'docgen-edge-')), 'out');
  run = await runCli('generate', '--input', FIXTURE, '--out', out);
});
afterAll(async () => rm(path.dirname(out), { recursive: true, force: true }));

const read = (file: string) => readFile(path.join(out, file), 'utf8');

describe('emitting edge cases', () => {
  it('generates, reporting each renaming', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/promise\.md:\d+:\d+: warning name-clash: The type name `Promise` .* is emitted as `Promise2`/);
    expect(run.stderr).toMatch(/treenodeoperation-get\.md:\d+:\d+: warning name-clash: The operation name `getTreeNodeOperation` .* is emitted as `getTreeNodeOperation2`/);
    expect(run.stderr).toMatch(/treenode-rename\.md:\d+:\d+: warning duplicate-property: .*`newName` twice/);
  });

  it('compiles under tsc --strict', async () => {
    const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022'];
    const result = await promisify(execFile)(process.execPath, [...args, path.join(out, 'index.ts')]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe('');
  });

  it('lets a type refer to itself without importing itself', async () => {
    const model = await read('models/TreeNode.ts');
    expect(model).not.toMatch(/from '\.\/TreeNode\.js'/);
    expect(model).toContain('parent?: TreeNode | null;');
    expect(model).toContain('children?: TreeNode[];');
    expect(model.match(/'@odata\.type'/g)).toHaveLength(1);
    expect(await read('validators/TreeNode.ts')).not.toMatch(/from '\.\/TreeNode\.js'/);
  });

  it('types `@odata.type` as the names a value may carry: its own and its subtypes\', whether a table lists it or not', async () => {
    const leaf = await read('models/LeafNode.ts');
    expect(leaf).toContain('export interface LeafNode extends Shape {');
    const shape = await read('models/Shape.ts');
    expect(shape).toMatch(/'@odata\.type'\?: '#[\w.]+\.shape' \| '#[\w.]+\.leafNode';/);
    expect(leaf).toMatch(/'@odata\.type'\?: '#[\w.]+\.leafNode';/);
    expect(leaf.match(/'@odata\.type'/g)).toHaveLength(1);
  });

  it('checks Single like Double and keeps parameters of every path placeholder', async () => {
    expect(await read('validators/TreeNode.ts')).toContain("['weight', rt.isSingle, rt.collectSingle, ");
    expect(await read('requests/getTreeNode.ts')).toContain('params: { treeId: string; id: string }');
  });

  it('orders permissions least privileged first', async () => {
    expect(await read('requests/getTreeNodeOperation2.ts')).toContain("delegatedWork: { leastPrivileged: ['Tree.Read.All'], higherPrivileged: ['Tree.ReadWrite.All'] }");
  });
});

describe('an output with nothing to export in a folder', () => {
  it('still makes each barrel a module (`export {};`), so every module resolution accepts it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-empty-'));
    try {
      await mkdir(path.join(dir, 'docs'));
      await writeFile(path.join(dir, 'docs', 'state.md'), '# state enum type\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|on|0|On.|\n');
      expect((await runCli('generate', '--input', path.join(dir, 'docs'), '--out', path.join(dir, 'out'))).code).toBe(0);
      expect(await readFile(path.join(dir, 'out', 'requests', 'index.ts'), 'utf8')).toMatch(/^export \{ ?\};$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
