// The build cache and the worker threads change how fast docgen is, never what it
// writes: warm runs, runs after an edit, runs with other options, runs over a
// broken cache and runs on one thread all write what a cold run writes.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promisify } from 'node:util';
import { dependencyVersions } from '../generator/dependencyVersions.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { readOutput } from '../generator/write/outputFolder.js';
import { mapInWorkers } from '../generator/workers.js';
import { runCli } from './helpers/cli.js';
import { DOCS_INPUT, PROJECT } from './helpers/paths.js';

const run = promisify(execFile);

let work: string;
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(work, { recursive: true, force: true });
});

async function scratch() {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-cache-'));
  const docs = path.join(work, 'docs');
  await cp(DOCS_INPUT, docs, { recursive: true });
  const cache = path.join(work, 'cache');
  const generate = (out: string, ...args: string[]) => runCli('generate', '-q', '--input', docs, '--out', path.join(work, out), ...args);
  return { docs, cache, generate, output: (out: string) => readOutput(path.join(work, out)) };
}

describe('the build cache', () => {
  it('a warm run writes what a cold run writes, and leaves an up-to-date output and the cache alone', async () => {
    const { cache, generate, output } = await scratch();
    expect((await generate('cold', '--no-cache')).code).toBe(0);
    const filling = await generate('warm', '--cache-dir', cache);
    expect(filling.code).toBe(0);
    expect(filling.stdout).not.toMatch(/from the cache/);
    const written = await cacheFiles(cache);
    const second = await generate('warm', '--cache-dir', cache);
    expect(second.stdout).toMatch(/already up to date \(unchanged since the last run\)/);
    expect(await output('warm')).toEqual(await output('cold'));
    expect(await cacheFiles(cache)).toEqual(written);
    // Into another folder the run cannot stop early: it reads every page from the cache, writes what the cold run wrote, and no entry.
    const reading = await generate('warm-again', '--cache-dir', cache);
    const [, pages, cached] = /(\d+) pages read \((\d+) from the cache\)/.exec(reading.stdout) ?? [];
    expect(Number(pages)).toBeGreaterThan(1);
    expect(cached).toBe(pages);
    expect(await output('warm-again')).toEqual(await output('cold'));
    expect(changedFiles(written, await cacheFiles(cache))).toEqual(['last-run.json']);
  });

  it('keeps one file per page, named by its content, in a folder of the key', async () => {
    const { docs, cache, generate } = await scratch();
    await generate('out', '--cache-dir', cache);
    const files = [...(await cacheFiles(cache)).keys()];
    const [key, ...others] = (await readdir(cache, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(others).toEqual([]);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const pages = files.filter((file) => file.startsWith(`${key}/pages/`));
    expect(pages).toHaveLength((await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.md')).length);
    expect(pages.every((file) => /\/[0-9a-f]{64}\.v8$/.test(file))).toBe(true);
    expect(files.filter((file) => file.startsWith(`${key}/runs/`))).toHaveLength(1);
    expect(files.filter((file) => !file.startsWith(`${key}/`))).toEqual(['last-run.json']);
  });

  it('after a page changes, a warm run writes what a cold run over the new docs writes, and one page entry', async () => {
    const { docs, cache, generate, output } = await scratch();
    await generate('warm', '--cache-dir', cache);
    const before = await cacheFiles(cache);
    await editPage(docs);
    const edited = await generate('warm', '--cache-dir', cache);
    expect(edited.stdout).toMatch(/36 files written/);
    expect(edited.stdout).toMatch(/11 pages read \(10 from the cache\)/);
    const after = await cacheFiles(cache);
    // The new page's entry, the record of what the run used and the last run: written. The old page's entry: pruned. No other entry touched.
    const pages = (files: Map<string, number>) => [...files.keys()].filter((file) => file.includes('/pages/'));
    const added = pages(after).filter((file) => !before.has(file));
    const dropped = pages(before).filter((file) => !after.has(file));
    expect(added).toHaveLength(1);
    expect(dropped).toHaveLength(1);
    expect(changedFiles(before, after).filter((file) => !file.includes('/pages/')).map((file) => file.replace(/[0-9a-f]{32,}/g, 'H'))).toEqual([
      'H/runs/H.v8',
      'last-run.json',
    ]);
    await generate('cold', '--no-cache');
    expect(await output('warm')).toEqual(await output('cold'));
    expect((await output('warm')).get('models/RemoteActionAudit.ts')).toMatch(/deviceIMEI\?: number \| null;/);
  });

  it('a package output keeps each file\'s JavaScript and declarations as an entry, and an edit writes only the files it changes', async () => {
    const { docs, cache, generate, output } = await scratch();
    const asPackage = ['--package-name', 'sdk', '--package-version', '1.0.0'];
    await generate('warm', '--cache-dir', cache, ...asPackage);
    const before = await cacheFiles(cache);
    const transpiled = (files: Map<string, number>) => [...files.keys()].filter((file) => file.includes('/transpiled/'));
    // One per source text (files with one text share it).
    const declarations = [...(await output('warm')).keys()].filter((file) => file.endsWith('.d.ts'));
    expect(transpiled(before).length).toBeGreaterThan(declarations.length / 2);
    expect(transpiled(before).length).toBeLessThanOrEqual(declarations.length);
    await editPage(docs);
    await generate('warm', '--cache-dir', cache, ...asPackage);
    const after = await cacheFiles(cache);
    const added = transpiled(after).filter((file) => !before.has(file));
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThan(transpiled(before).length / 2);
    expect(transpiled(after).filter((file) => before.has(file) && before.get(file) !== after.get(file))).toEqual([]);
    await generate('cold', '--no-cache', ...asPackage);
    expect(await output('warm')).toEqual(await output('cold'));
  });

  it('other emit options do not read what the cache holds for the first ones', async () => {
    const { docs, cache, output } = await scratch();
    const config = (prefix: string) => JSON.stringify({ input: docs, naming: { typePrefix: prefix } });
    await writeFile(path.join(work, 'a.json'), config(''));
    await writeFile(path.join(work, 'b.json'), config('Graph'));
    await runCli('generate', '-q', '--config', path.join(work, 'a.json'), '--out', path.join(work, 'a'), '--cache-dir', cache);
    const b = await runCli('generate', '-q', '--config', path.join(work, 'b.json'), '--out', path.join(work, 'b'), '--cache-dir', cache);
    expect(b.stdout).not.toMatch(/from the cache/);
    await runCli('generate', '-q', '--config', path.join(work, 'b.json'), '--out', path.join(work, 'b-cold'), '--no-cache');
    expect(await output('b')).toEqual(await output('b-cold'));
    expect([...(await output('b')).keys()]).toContain('models/GraphRemoteActionAudit.ts');
    // Each key its own folder: the first options' cache is still there for their next run.
    expect((await readdir(cache)).filter((name) => /^[0-9a-f]{32}$/.test(name))).toHaveLength(2);
    const a = await runCli('generate', '-q', '--config', path.join(work, 'a.json'), '--out', path.join(work, 'a2'), '--cache-dir', cache);
    expect(a.stdout).toMatch(/11 pages read \(11 from the cache\)/);
  });

  it('an entry that cannot be read is ignored, made again and rewritten', async () => {
    const { cache, generate, output } = await scratch();
    await generate('cold', '--no-cache');
    await generate('filling', '--cache-dir', cache);
    const entries = [...(await cacheFiles(cache)).keys()].filter((file) => file.endsWith('.v8'));
    for (const junk of ['', 'not a cache', '\u0000\u00ff\u0010garbage']) {
      for (const file of entries) await writeFile(path.join(cache, file), junk);
      await rm(path.join(work, 'warm'), { recursive: true, force: true });
      const run = await generate('warm', '--cache-dir', cache);
      expect(run.code, JSON.stringify(junk)).toBe(0);
      expect(run.stdout).not.toMatch(/from the cache/);
      expect(await output('warm')).toEqual(await output('cold'));
    }
    // Rewritten: the next run reads every page again.
    expect((await generate('warm-again', '--cache-dir', cache)).stdout).toMatch(/11 pages read \(11 from the cache\)/);
  });

  it('keeps what other configurations sharing the folder use, until their inputs are gone', async () => {
    const { docs, cache, generate } = await scratch();
    const other = path.join(work, 'other-docs');
    await cp(docs, other, { recursive: true });
    await editPage(other);
    await generate('out', '--cache-dir', cache);
    await runCli('generate', '-q', '--input', other, '--out', path.join(work, 'other'), '--cache-dir', cache);
    // The first configuration's pages outlive the other's run, which pruned what nobody uses.
    expect((await generate('again', '--cache-dir', cache)).stdout).toMatch(/11 pages read \(11 from the cache\)/);
    const pages = async () => [...(await cacheFiles(cache)).keys()].filter((file) => file.includes('/pages/'));
    const both = await pages();
    expect(both).toHaveLength(12);
    // Once the other input folder is gone, the next run that changes the cache drops its record and its edited page.
    await rm(other, { recursive: true });
    await writeFile(path.join(docs, 'resources', 'extra.md'), '# extra resource type\n');
    await generate('again', '--cache-dir', cache);
    const after = await pages();
    expect(both.filter((file) => !after.includes(file))).toHaveLength(1);
    expect(after.filter((file) => !both.includes(file))).toHaveLength(1);
    expect([...(await cacheFiles(cache)).keys()].filter((file) => file.includes('/runs/'))).toHaveLength(1);
  });

  it('keeps the folders of the three keys used last, and drops the single file of earlier versions', async () => {
    const { cache, generate } = await scratch();
    await mkdir(cache, { recursive: true });
    const old = ['1', '2', '3'].map((digit) => digit.repeat(32));
    for (const [index, key] of old.entries()) {
      await mkdir(path.join(cache, key, 'pages'), { recursive: true });
      await writeFile(path.join(cache, key, 'pages', `${'0'.repeat(64)}.v8`), '');
      const used = new Date(Date.UTC(2024, 0, index + 1));
      await utimes(path.join(cache, key), used, used);
    }
    await writeFile(path.join(cache, 'build-cache.v8'), 'the whole cache, as earlier versions kept it');
    await mkdir(path.join(cache, 'notes'));
    await generate('out', '--cache-dir', cache);
    const left = (await readdir(cache)).sort();
    expect(left.filter((name) => old.includes(name))).toEqual([old[1], old[2]]);
    expect(left.filter((name) => !old.includes(name) && !/^[0-9a-f]{32}$/.test(name))).toEqual(['last-run.json', 'notes']);
  });

  it('two runs at once, sharing the folder, leave a cache that a third run reads whole', async () => {
    const { docs, cache, output } = await scratch();
    const other = path.join(work, 'other-docs');
    await cp(docs, other, { recursive: true });
    await editPage(other);
    const docgen = (input: string, out: string) =>
      run(process.execPath, ['--import', 'tsx', path.join(PROJECT, 'generator', 'cli', 'main.ts'), 'generate', '-q', '--input', input, '--out', path.join(work, out), '--cache-dir', cache], { cwd: PROJECT });
    await Promise.all([docgen(docs, 'a'), docgen(other, 'b'), docgen(docs, 'c')]);
    await runCli('generate', '-q', '--input', docs, '--out', path.join(work, 'cold'), '--no-cache');
    expect(await output('a')).toEqual(await output('cold'));
    const warm = await runCli('generate', '-q', '--input', docs, '--out', path.join(work, 'warm'), '--cache-dir', cache);
    expect(warm.stdout).toMatch(/11 pages read \(11 from the cache\)/);
    expect(await output('warm')).toEqual(await output('cold'));
    expect([...(await cacheFiles(cache)).keys()].filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

/** Every file of the cache folder, by its path below it (POSIX), with its modification time. */
async function cacheFiles(cache: string): Promise<Map<string, number>> {
  const entries = (await readdir(cache, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = entries.map((entry) => path.relative(cache, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, (await stat(path.join(cache, file))).mtimeMs] as const)));
}

/** The files added or rewritten between two listings. */
function changedFiles(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file);
}

/** The remoteActionAudit page with one property row changed. */
async function editPage(docs: string): Promise<void> {
  const page = path.join(docs, 'resources', 'intune-devices-remoteactionaudit.md');
  await writeFile(page, (await readFile(page, 'utf8')).replace(/^\|deviceIMEI\|String\|/m, '|deviceIMEI|Int32|'));
}

describe('the cache key', () => {
  it('holds the version of every package docgen runs on, as installed: the versions the lock file pins', async () => {
    const versions = await dependencyVersions(PROJECT);
    const lock = JSON.parse(await readFile(path.join(PROJECT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const pinned = new Set(Object.entries(lock.packages).map(([where, { version }]) => `${where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${version}`));
    expect(versions.filter((entry) => !pinned.has(entry))).toEqual([]);
    const { dependencies } = JSON.parse(await readFile(path.join(PROJECT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(dependencies)) expect(versions).toContain(`${name}@${lock.packages[`node_modules/${name}`]!.version}`);
    // Packages of packages too (remark-parse → micromark), not only docgen's own.
    expect(versions.some((entry) => entry.startsWith('micromark@'))).toBe(true);
  });

  it('finds packages as Node does: nested before hoisted, through links, once in a cycle; a missing one is named', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-deps-'));
    const manifest = (dir: string, content: object) => mkdir(dir, { recursive: true }).then(() => writeFile(path.join(dir, 'package.json'), JSON.stringify(content)));
    const modules = path.join(work, 'app', 'node_modules');
    await manifest(path.join(work, 'app'), { name: 'app', dependencies: { a: '1', b: '1', gone: '1' }, devDependencies: { dev: '1' } });
    await manifest(path.join(modules, 'a'), { name: 'a', version: '1.0.0', dependencies: { c: '2' }, peerDependencies: { absentPeer: '1' } });
    await manifest(path.join(modules, 'a', 'node_modules', 'c'), { name: 'c', version: '2.0.0', dependencies: { a: '1' } });
    await manifest(path.join(modules, 'c'), { name: 'c', version: '1.0.0' });
    await manifest(path.join(modules, 'dev'), { name: 'dev', version: '9.0.0' });
    await manifest(path.join(work, 'elsewhere', 'b'), { name: 'b', version: '3.1.4', dependencies: { c: '1' } });
    await symlink(path.join(work, 'elsewhere', 'b'), path.join(modules, 'b'), 'dir');
    // b's real folder is outside the app: its c is the app's hoisted one only if Node would find it from there; here it finds none.
    expect(await dependencyVersions(path.join(work, 'app'))).toEqual(['a@1.0.0', 'b@3.1.4', 'c@2.0.0', 'c@missing', 'gone@missing']);
  });

  it('changes when a dependency is upgraded: the next run neither stops early nor reads the page cache', async () => {
    // A copy of docgen whose node_modules links every package but json5, which is a copy to upgrade.
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-upgrade-'));
    const project = path.join(work, 'project');
    for (const part of ['generator', 'templates', 'package.json']) await cp(path.join(PROJECT, part), path.join(project, part), { recursive: true });
    await mkdir(path.join(project, 'node_modules'));
    for (const name of await readdir(path.join(PROJECT, 'node_modules'))) {
      if (name.startsWith('.') || name === 'json5') continue;
      await symlink(path.join(PROJECT, 'node_modules', name), path.join(project, 'node_modules', name), 'dir');
    }
    const json5 = path.join(project, 'node_modules', 'json5');
    await cp(path.join(PROJECT, 'node_modules', 'json5'), json5, { recursive: true });
    const docgen = (...args: string[]) =>
      run(process.execPath, [path.join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'generator/cli/main.ts', ...args, '--input', DOCS_INPUT, '--out', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache')], { cwd: project });
    expect((await docgen('generate', '-q')).stdout).toMatch(/files written/);
    expect((await docgen('generate', '-q')).stdout).toMatch(/unchanged since the last run/);

    const file = path.join(json5, 'package.json');
    const upgraded = JSON.parse(await readFile(file, 'utf8')) as { version: string };
    await writeFile(file, JSON.stringify({ ...upgraded, version: `${upgraded.version}-upgraded` }));
    const after = await docgen('generate', '-q');
    expect(after.stdout).not.toMatch(/unchanged since the last run/);
    expect(after.stdout).not.toMatch(/from the cache/);
    expect(after.stdout).toMatch(/already up to date \(\d+ files\)/);
    // Now keyed anew, the next run stops early again, and check agrees the quick way.
    expect((await docgen('generate', '-q')).stdout).toMatch(/unchanged since the last run/);
    expect((await docgen('check', '-q')).stdout).toMatch(/up to date/);
  }, 120_000);
});

describe('a run like the last one', () => {
  it('stops early, saying the same diagnostics, until the docs or the output change', async () => {
    const { docs, cache, generate, output } = await scratch();
    // A page with a warning, so that there are diagnostics to repeat.
    await writeFile(path.join(docs, 'resources', 'odd.md'), '# odd resource type\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|x|[nowhere](nowhere.md)|Unresolved.|\n');
    const first = await runCli('generate', '--input', docs, '--out', path.join(work, 'out'), '--cache-dir', cache);
    const again = await runCli('generate', '--input', docs, '--out', path.join(work, 'out'), '--cache-dir', cache);
    expect(again.stdout).toMatch(/unchanged since the last run/);
    expect(again.stderr).toBe(first.stderr);
    expect(again.stderr).toMatch(/odd\.md:6:\d+: warning unresolved-type/);

    // check agrees, the quick way, in every format.
    for (const format of ['text', 'json', 'github']) {
      expect((await runCli('check', '-q', '--input', docs, '--out', path.join(work, 'out'), '--cache-dir', cache, '--format', format)).code).toBe(0);
    }

    // A hand edit of the output is noticed by both commands.
    const model = path.join(work, 'out', 'models', 'RemoteActionAudit.ts');
    const original = await readFile(model, 'utf8');
    await writeFile(model, `${original}// edited\n`);
    expect((await runCli('check', '-q', '--input', docs, '--out', path.join(work, 'out'), '--cache-dir', cache)).code).toBe(1);
    expect((await generate('out', '--cache-dir', cache)).stdout).toMatch(/files written/);
    expect(await readFile(model, 'utf8')).toBe(original);

    // So is an edit of the docs.
    const page = path.join(docs, 'resources', 'intune-devices-remoteactionaudit.md');
    await writeFile(page, (await readFile(page, 'utf8')).replace(/^\|deviceIMEI\|String\|/m, '|deviceIMEI|Int32|'));
    expect((await generate('out', '--cache-dir', cache)).stdout).toMatch(/files written/);
    await generate('cold', '--no-cache');
    expect(await output('out')).toEqual(await output('cold'));
  });
});

describe('worker threads', () => {
  it('spread the work and keep the order; one thread gives the same result', async () => {
    const items = Array.from({ length: 1000 }, (_, index) => index);
    const worker = new URL('./helpers/squareWorker.ts', import.meta.url);
    const fail = (message: string) => new Error(message);
    const here = (share: readonly number[]) => share.map((n) => n * n);
    const expected = items.map((n) => n * n);
    const progress: number[] = [];
    expect(await mapInWorkers(worker, items, () => 1, here, fail, (done) => progress.push(done))).toEqual(expected);
    // Reported chunk by chunk, from both threads, up to every item.
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(items.length);
    vi.stubEnv('DOCGEN_THREADS', '1');
    expect(await mapInWorkers(worker, items, () => 1, here, fail)).toEqual(expected);
  });

  it('a worker’s error reaches the caller as the caller’s kind of error', async () => {
    vi.stubEnv('DOCGEN_THREADS', '2');
    const items = Array.from({ length: 1000 }, (_, index) => index);
    const worker = new URL('./helpers/squareWorker.ts', import.meta.url);
    class Refused extends Error {}
    // The first chunks go to the worker before this thread takes any: -1 is the worker's.
    await expect(mapInWorkers(worker, [-1, ...items], () => 1, (share) => share.map((n) => n), (message) => new Refused(message))).rejects.toThrow(
      new Refused('negative: -1'),
    );
  });

  it('parse many pages in workers into the same model as one thread', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-threads-'));
    // 700 pages: enough for two threads.
    const page = await readFile(path.join(DOCS_INPUT, 'resources', 'intune-devices-remoteactionaudit.md'), 'utf8');
    for (let index = 0; index < 700; index++) {
      await writeFile(path.join(work, `type${index}.md`), page.replaceAll('remoteActionAudit', `type${index}`));
    }
    vi.stubEnv('DOCGEN_THREADS', '2');
    const spread = await buildFromDocs([work]);
    vi.stubEnv('DOCGEN_THREADS', '1');
    const single = await buildFromDocs([work]);
    expect(spread.model).toEqual(single.model);
    expect(spread.diagnostics).toEqual(single.diagnostics);
    const names = spread.model.namespaces.flatMap((ns) => ns.types.map((type) => type.name));
    expect(names).toContain('type0');
    expect(names).toContain('type699');
  }, 60_000);
});
