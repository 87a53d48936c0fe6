// The build cache and the worker threads change how fast docgen is, never what it
// writes: warm runs, runs after an edit, runs with other options, runs over a
// broken cache and runs on one thread all write what a cold run writes.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
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
    const cacheFile = path.join(cache, 'build-cache.v8');
    const written = (await stat(cacheFile)).mtimeMs;
    const second = await generate('warm', '--cache-dir', cache);
    expect(second.stdout).toMatch(/already up to date \(unchanged since the last run\)/);
    expect(await output('warm')).toEqual(await output('cold'));
    expect((await stat(cacheFile)).mtimeMs).toBe(written);
    // Into another folder the run cannot stop early: it reads every page from the cache, and writes what the cold run wrote.
    const reading = await generate('warm-again', '--cache-dir', cache);
    const [, pages, cached] = /(\d+) pages read \((\d+) from the cache\)/.exec(reading.stdout) ?? [];
    expect(Number(pages)).toBeGreaterThan(1);
    expect(cached).toBe(pages);
    expect(await output('warm-again')).toEqual(await output('cold'));
  });

  it('after a page changes, a warm run writes what a cold run over the new docs writes', async () => {
    const { docs, cache, generate, output } = await scratch();
    await generate('warm', '--cache-dir', cache);
    const page = path.join(docs, 'resources', 'intune-devices-remoteactionaudit.md');
    await writeFile(page, (await readFile(page, 'utf8')).replace(/^\|deviceIMEI\|String\|/m, '|deviceIMEI|Int32|'));
    expect((await generate('warm', '--cache-dir', cache)).stdout).toMatch(/35 files written/);
    await generate('cold', '--no-cache');
    expect(await output('warm')).toEqual(await output('cold'));
    expect((await output('warm')).get('models/RemoteActionAudit.ts')).toMatch(/deviceIMEI\?: number \| null;/);
  });

  it('other emit options do not reuse what the cache holds for the first ones', async () => {
    const { docs, cache, output } = await scratch();
    const config = (prefix: string) => JSON.stringify({ input: docs, naming: { typePrefix: prefix } });
    await writeFile(path.join(work, 'a.json'), config(''));
    await writeFile(path.join(work, 'b.json'), config('Graph'));
    await runCli('generate', '-q', '--config', path.join(work, 'a.json'), '--out', path.join(work, 'a'), '--cache-dir', cache);
    await runCli('generate', '-q', '--config', path.join(work, 'b.json'), '--out', path.join(work, 'b'), '--cache-dir', cache);
    await runCli('generate', '-q', '--config', path.join(work, 'b.json'), '--out', path.join(work, 'b-cold'), '--no-cache');
    expect(await output('b')).toEqual(await output('b-cold'));
    expect([...(await output('b')).keys()]).toContain('models/GraphRemoteActionAudit.ts');
  });

  it('a cache file that cannot be read is ignored and rebuilt', async () => {
    const { cache, generate, output } = await scratch();
    await generate('cold', '--no-cache');
    await mkdir(cache, { recursive: true });
    for (const junk of ['', 'not a cache', '\u0000\u00ff\u0010garbage']) {
      await rm(path.join(work, 'warm'), { recursive: true, force: true });
      await writeFile(path.join(cache, 'build-cache.v8'), junk);
      const run = await generate('warm', '--cache-dir', cache);
      expect(run.code, JSON.stringify(junk)).toBe(0);
      expect(await output('warm')).toEqual(await output('cold'));
    }
  });
});

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
