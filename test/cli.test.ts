// The docgen command line: its exit codes, check's diff, and the safety rules
// of the output folder.
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles } from '../generator/write/outputFolder.js';
import { runCli } from './helpers/cli.js';
import { DOCS_INPUT, GENERATED, HAS_SEED, SEED } from './helpers/paths.js';

let work: string;
afterEach(async () => rm(work, { recursive: true, force: true }));

/** A scratch copy of docs-input/ and generated/. */
async function scratch(): Promise<{ docs: string; out: string }> {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-cli-'));
  const docs = path.join(work, 'docs');
  const out = path.join(work, 'out');
  await cp(DOCS_INPUT, docs, { recursive: true });
  await cp(GENERATED, out, { recursive: true });
  return { docs, out };
}

describe('docgen check', () => {
  it('exits 0 when the output is up to date', async () => {
    const { docs, out } = await scratch();
    const run = await runCli('check', '--input', docs, '--out', out);
    expect(run.stdout).toContain('the output is up to date');
    expect(run.code).toBe(0);
  });

  it('exits 1 with a unified diff naming the file when a property type changes in a doc', async () => {
    const { docs, out } = await scratch();
    const page = path.join(docs, 'resources', 'intune-devices-remoteactionaudit.md');
    const text = await readFile(page, 'utf8');
    await writeFile(page, text.replace(/^\|deviceIMEI\|String\|/m, '|deviceIMEI|Int32|'));
    const run = await runCli('check', '--input', docs, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('--- a/models/RemoteActionAudit.ts');
    expect(run.stdout).toContain('+++ b/models/RemoteActionAudit.ts');
    expect(run.stdout).toMatch(/^-\s+deviceIMEI\?: string \| null;$/m);
    expect(run.stdout).toMatch(/^\+\s+deviceIMEI\?: number \| null;$/m);
    expect(run.stdout).toMatch(/4 files differ .*\(4 changed, 0 added, 0 removed\)/);
  });

  it('points at a previous output an interrupted swap left beside the output folder', async () => {
    const { docs, out } = await scratch();
    await rename(out, `${out}.docgen-old-4242`);
    const run = await runCli('check', '--input', docs, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/an interrupted run left the previous output beside .*out \(out\.docgen-old-4242\); `docgen generate` puts it back\./);
  });

  it('reports added and removed files', async () => {
    const { docs, out } = await scratch();
    await rm(path.join(docs, 'api', 'intune-devices-remoteactionaudit-delete.md'));
    const run = await runCli('check', '--input', docs, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('--- a/requests/deleteRemoteActionAudit.ts\n+++ /dev/null');
    expect(run.stdout).toMatch(/\(\d+ changed, 0 added, 1 removed\)/);
  });
});

describe('docgen generate', () => {
  it('writes the same files as the committed output, then check passes', async () => {
    const { docs } = await scratch();
    const out = path.join(work, 'fresh');
    const run = await runCli('generate', '--input', docs, '--out', out);
    expect(run.code).toBe(0);
    // The default cache is shared with other runs: pages may come from it, the output is the same.
    expect(run.stdout).toMatch(/11 pages read( \(\d+ from the cache\))?, 36 files written/);
    expect((await readdir(out, { recursive: true })).sort()).toEqual((await readdir(GENERATED, { recursive: true })).sort());
    expect((await runCli('check', '--input', docs, '--out', out)).code).toBe(0);
  });

  it.skipIf(!HAS_SEED)('reads the seed page alone: undefined types are diagnostics, not a crash', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-cli-'));
    const [seed] = await readdir(SEED);
    await mkdir(path.join(work, 'docs'));
    await cp(path.join(SEED, seed!), path.join(work, 'docs', 'update-remoteactionaudit.md'));
    const run = await runCli('generate', '--input', path.join(work, 'docs'), '--out', path.join(work, 'out'));
    expect(run.code).toBe(0);
    // The body table's "Possible values" lists define the three enums; the two linked types stay undefined.
    expect(run.stderr).toMatch(/update-remoteactionaudit\.md:64:21: warning unresolved-type: No page defines the type `keyValuePair_2OfString_String`/);
    expect(run.stderr).toMatch(/update-remoteactionaudit\.md:71:1: warning unresolved-type: No page defines the type `remoteActionAudit`/);
    expect(run.stderr).toContain('0 errors, 2 warnings');
    const actions = await readFile(path.join(work, 'out', 'models', 'RemoteAction.ts'), 'utf8');
    expect(actions.match(/^ {2}\| '/gm)).toHaveLength(39);
    const builder = await readFile(path.join(work, 'out', 'requests', 'updateRemoteActionAudit.ts'), 'utf8');
    expect(builder).toContain('export function updateRemoteActionAudit(');
    // --strict turns the warnings into a failing exit code
    const strict = await runCli('generate', '--strict', '--input', path.join(work, 'docs'), '--out', path.join(work, 'out'));
    expect(strict.code).toBe(1);
  });

  it('refuses an output folder with files it did not generate, and keeps them', async () => {
    const { docs, out } = await scratch();
    await writeFile(path.join(out, 'models', 'handwritten.ts'), 'export const mine = 1;\n');
    const run = await runCli('generate', '--input', docs, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/files docgen did not generate[\s\S]*models\/handwritten\.ts/);
    expect(await readFile(path.join(out, 'models', 'handwritten.ts'), 'utf8')).toBe('export const mine = 1;\n');
  });

  it('refuses to write into its input', async () => {
    const { docs } = await scratch();
    const run = await runCli('generate', '--input', docs, '--out', path.join(docs, 'sdk'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/overlaps the input folder/);
  });

  it('refuses to write into its input through a symbolic link, to the folder or above it', async () => {
    const { docs } = await scratch();
    const before = await listFiles(docs);
    await symlink(docs, path.join(work, 'alias'), 'dir');
    await symlink(path.join(docs, 'api'), path.join(work, 'api-link'), 'dir');
    for (const out of [path.join(work, 'alias', 'out'), path.join(work, 'api-link'), path.join(work, 'alias')]) {
      const run = await runCli('generate', '-q', '--input', docs, '--out', out, '--no-cache');
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toMatch(/refusing to write to .*: it overlaps the input folder .* \(.* is .*\)/);
      expect(run.stderr, out).not.toMatch(/bug in docgen/);
    }
    // And the other way round: docs read through a link, the output inside the docs' real folder.
    const linked = await runCli('generate', '-q', '--input', path.join(work, 'alias'), '--out', path.join(docs, 'sdk'), '--no-cache');
    expect(linked.code).toBe(2);
    expect(await listFiles(docs)).toEqual(before);
  });

  it('an output or cache folder that is a file is a usage error, found before anything is written', async () => {
    const { docs, out } = await scratch();
    const file = path.join(work, 'notes.txt');
    await writeFile(file, 'mine\n');
    const cache = path.join(work, 'cache');
    const runs = [
      { args: ['generate', '--out', file, '--cache-dir', cache], message: /the output folder .*notes\.txt: expected a folder, or a path where one can be made; found a file/ },
      { args: ['generate', '--out', path.join(file, 'sdk'), '--cache-dir', cache], message: /the output folder .*notes\.txt\/sdk: expected a folder.*; found the file .*notes\.txt$/m },
      { args: ['check', '--out', file, '--cache-dir', cache], message: /the output folder .*notes\.txt: expected a folder/ },
      { args: ['generate', '--out', path.join(work, 'fresh'), '--cache-dir', file], message: /the cache folder .*notes\.txt: expected a folder/ },
      { args: ['check', '--out', out, '--cache-dir', path.join(file, 'cache')], message: /the cache folder .*: expected a folder.*found the file/ },
      { args: ['generate', '--out', out, '--cache-dir', path.join(out, '.cache')], message: /the cache folder .*: it is inside the output folder/ },
    ];
    for (const { args, message } of runs) {
      const run = await runCli(...args, '-q', '--input', docs);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr, args.join(' ')).not.toMatch(/bug in docgen/);
    }
    expect(await readFile(file, 'utf8')).toBe('mine\n');
    // Nothing was written: no output, no cache, and the scratch output as it was.
    expect((await readdir(work)).sort()).toEqual(['docs', 'notes.txt', 'out']);
    expect(await listFiles(out)).toEqual(await listFiles(GENERATED));
  });

  it('refuses to write to the file system root', async () => {
    const { docs } = await scratch();
    const run = await runCli('generate', '--input', docs, '--out', '/');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to write to \/: it is the file system root/);
  });

  it('refuses a folder of unrelated files that has no manifest', async () => {
    const { docs } = await scratch();
    const other = path.join(work, 'project');
    await mkdir(other);
    await writeFile(path.join(other, 'notes.txt'), 'mine\n');
    const run = await runCli('generate', '--input', docs, '--out', other);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds files but no docgen-manifest\.json/);
    expect(await readFile(path.join(other, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('removes files of types that disappeared from the docs', async () => {
    const { docs, out } = await scratch();
    await rm(path.join(docs, 'api', 'intune-devices-remoteactionaudit-delete.md'));
    expect((await runCli('generate', '--input', docs, '--out', out)).code).toBe(0);
    expect(await readdir(path.join(out, 'requests'))).not.toContain('deleteRemoteActionAudit.ts');
    expect((await readdir(work)).sort()).toEqual(['docs', 'out']);
  });
});

describe('usage', () => {
  it.each(['generate', 'check', 'model'])('%s --help exits 0 and describes the options', async (command) => {
    const run = await runCli(command, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--input <dir>/);
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    expect((await runCli('check', '--no-such-option')).code).toBe(2);
  });

  it('exits 2 when the input folder does not exist', async () => {
    const run = await runCli('check', '--input', '/nonexistent/docs');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('docgen: input folder not found: /nonexistent/docs\n');
  });

  it('exits 2 when the input folder is a file, saying so', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-cli-'));
    const file = path.join(work, 'page.md');
    await writeFile(file, '# a page\n');
    const run = await runCli('lint', '--input', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`docgen: input folder ${file}: expected a folder of doc pages; found a file\n`);
  });

  it('exits 2 on a config file with an unknown key, naming it', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-cli-'));
    const config = path.join(work, 'docgen.config.json');
    await writeFile(config, JSON.stringify({ input: ['docs'], output: 'x' }));
    const run = await runCli('check', '--config', config);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown key "output"/);
  });

  it('model prints the model as JSON', async () => {
    const run = await runCli('model', '--input', DOCS_INPUT);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout) as { operations: Array<{ name: string }> };
    expect(model.operations.map((operation) => operation.name)).toEqual([
      'createRemoteActionAudit',
      'deleteRemoteActionAudit',
      'getRemoteActionAudit',
      'listRemoteActionAudits',
      'updateRemoteActionAudit',
    ]);
  });
});
