// Kills real `docgen generate` runs (child processes) at random moments and checks the promise
// of the README: "a run that is killed leaves the previous output intact". After every kill the
// output folder must be, file for file, either the complete previous output or the complete new
// one, never a mix and never missing; what a killed run leaves beside it must not break or
// accumulate across later runs; a complete run afterwards must succeed, clean up, and pass `check`.
//
// The kill moments come from a seeded PRNG: DOCGEN_KILL_SEED=<n> replays a failing sequence
// (the seed is printed). DOCGEN_KILL_RUNS sets the number of killed runs (default 8) and
// DOCGEN_KILL_PAGES how many corpus pages of each kind (resources/, api/) are added to
// docs-input/ to make a run last longer (default 15; the corpus is optional). Most of a run
// is start-up and parsing; the corpus pages mainly lengthen the write phase (more files).
// The defaults keep the file near a minute on a 2-core machine.
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleLeftovers } from '../generator/write/outputFolder.js';
import { DOCS_INPUT, PROJECT, SHARED } from './helpers/paths.js';

const MAIN = path.join(PROJECT, 'generator', 'cli', 'main.ts');
const HOOK = path.join(PROJECT, 'test', 'helpers', 'kill-hook.ts');
const CORPUS = path.join(SHARED, 'corpus', 'msgraph-docs-2021-07', 'v1.0');
const HAS_CORPUS = existsSync(CORPUS);
const MANIFEST = 'docgen-manifest.json';

const SEED = envInteger('DOCGEN_KILL_SEED', 20_260_301);
const RUNS = envInteger('DOCGEN_KILL_RUNS', 8);
const PAGES = envInteger('DOCGEN_KILL_PAGES', 15);

/** The page edited between the "old" and the "new" docs, and the edit (a property's type). */
const EDITED_PAGE = path.join('resources', 'intune-devices-remoteactionaudit.md');
const OLD_ROW = /^\|deviceIMEI\|String\|/m;
const NEW_ROW = '|deviceIMEI|Int32|';

function envInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not ${JSON.stringify(text)}`);
  return value;
}

/** mulberry32: a small, good enough, seeded PRNG in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Snapshot = Map<string, string>;

/** Every file under `dir` (POSIX relative path → content); undefined when `dir` does not exist. */
async function snapshot(dir: string): Promise<Snapshot | undefined> {
  if (!existsSync(dir)) return undefined;
  const files: Snapshot = new Map();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), relative);
      else files.set(relative, await readFile(path.join(folder, entry.name), 'utf8'));
    }
  };
  await walk(dir, '');
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Why `actual` is not `expected` (a short, readable list), or undefined when they are equal. */
function difference(actual: Snapshot, expected: Snapshot): string | undefined {
  const missing = [...expected.keys()].filter((file) => !actual.has(file));
  const extra = [...actual.keys()].filter((file) => !expected.has(file));
  const changed = [...expected.keys()].filter((file) => actual.has(file) && actual.get(file) !== expected.get(file));
  if (missing.length + extra.length + changed.length === 0) return undefined;
  const some = (files: string[]) => `${files.length} [${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}]`;
  return `missing ${some(missing)}, extra ${some(extra)}, changed ${some(changed)}`;
}

/** Why the files do not match their own manifest, or undefined when they do. */
function manifestProblem(files: Snapshot): string | undefined {
  const text = files.get(MANIFEST);
  if (text === undefined) return `no ${MANIFEST}`;
  const listed = [...(JSON.parse(text) as { files: string[] }).files, MANIFEST].sort();
  const present = [...files.keys()].sort();
  return JSON.stringify(listed) === JSON.stringify(present) ? undefined : `the manifest lists ${listed.length - 1} files, the folder holds ${present.length}`;
}

type Version = 'old' | 'new';

/** Which reference `files` is exactly, or a description of how it differs from both. */
function classify(files: Snapshot, refs: Record<Version, Snapshot>): Version | string {
  const problem = manifestProblem(files);
  const fromOld = difference(files, refs.old);
  const fromNew = difference(files, refs.new);
  if (!problem && !fromOld) return 'old';
  if (!problem && !fromNew) return 'new';
  return `neither the old nor the new output (${problem ?? 'manifest ok'}; vs old: ${fromOld}; vs new: ${fromNew})`;
}

/** The names beside `out` that docgen's staging and swap use: `<out>.docgen-tmp-*`, `<out>.docgen-old-*`. */
async function leftovers(out: string): Promise<string[]> {
  const base = `${path.basename(out)}.docgen-`;
  return (await readdir(path.dirname(out))).filter((name) => name.startsWith(base)).sort();
}

interface KillPlan {
  signal: NodeJS.Signals;
  /** Kill this long after the spawn… */
  afterMs?: number;
  /** …or this long after the run's staging folder appears (its write phase). */
  afterStagingMs?: number;
}

interface Run {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** When the staging folder `<out>.docgen-tmp-<pid>` was first seen, in ms after the spawn. */
  stagingAtMs?: number;
  stdout: string;
  stderr: string;
}

interface GenerateOptions {
  kill?: KillPlan;
  /** Passed as DOCGEN_KILL_HOOK to test/helpers/kill-hook.ts, preloaded into the child. */
  hook?: NodeJS.Signals;
  command?: 'generate' | 'check';
}

/** `docgen <command> -q --input docs --out out` in a child process, killed as planned. */
function docgen(docs: string, out: string, options: GenerateOptions = {}): Promise<Run> {
  const imports = ['--import', 'tsx', ...(options.hook ? ['--import', HOOK] : [])];
  const args = [...imports, MAIN, options.command ?? 'generate', '-q', '--input', docs, '--out', out];
  const env = { ...process.env, DOCGEN_KILL_HOOK: options.hook ?? '' };
  const started = Date.now();
  const child = spawn(process.execPath, args, { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn docgen');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));

  const timers: NodeJS.Timeout[] = [];
  const kill = options.kill;
  const fire = () => {
    if (kill && child.exitCode === null && child.signalCode === null) child.kill(kill.signal);
  };
  if (kill?.afterMs !== undefined) timers.push(setTimeout(fire, kill.afterMs));

  // Watch for the staging folder: it tells when the write phase starts.
  const staging = `${path.basename(out)}.docgen-tmp-${pid}`;
  let stagingAtMs: number | undefined;
  const seen = () => {
    if (stagingAtMs !== undefined) return;
    stagingAtMs = Date.now() - started;
    if (kill?.afterStagingMs !== undefined) timers.push(setTimeout(fire, kill.afterStagingMs));
  };
  const watcher = watch(path.dirname(out), (_event, name) => {
    if (name === staging) seen();
  });
  const poll = setInterval(() => {
    if (existsSync(path.join(path.dirname(out), staging))) seen();
  }, 3);

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer);
      clearInterval(poll);
      watcher.close();
      resolve({ pid, code, signal, ms: Date.now() - started, stagingAtMs, stdout, stderr });
    });
  });
}

let work: string;
/** The docs the kill runs read; `setDocs` switches EDITED_PAGE between the two versions. */
let docs: string;
/** The same docs, "new" version: the new reference is generated from here. */
let docsNew: string;
let editedOld: string;
let editedNew: string;
const refs = {} as Record<Version, Snapshot>;
/** A full run, and its write phase (staging seen → exit), measured on the first runs. */
let fullMs = 0;
let writeMs = 0;

async function setDocs(version: Version): Promise<void> {
  await writeFile(path.join(docs, EDITED_PAGE), version === 'old' ? editedOld : editedNew);
}

/** Copies the first `count` intune-* pages of the corpus's `kind` folder into docs/corpus/<kind>/. */
async function addCorpusPages(target: string, kind: 'resources' | 'api', count: number): Promise<number> {
  const names = (await readdir(path.join(CORPUS, kind))).filter((name) => name.startsWith('intune-') && name.endsWith('.md')).sort();
  const chosen = names.slice(0, count);
  await mkdir(path.join(target, 'corpus', kind), { recursive: true });
  for (const name of chosen) await cp(path.join(CORPUS, kind, name), path.join(target, 'corpus', kind, name));
  return chosen.length;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-kill-'));
  docs = path.join(work, 'docs');
  docsNew = path.join(work, 'docs-new');
  await cp(DOCS_INPUT, docs, { recursive: true });
  if (HAS_CORPUS) {
    const added = (await addCorpusPages(docs, 'resources', PAGES)) + (await addCorpusPages(docs, 'api', PAGES));
    console.log(`kill test: docs-input plus ${added} corpus pages from ${CORPUS}`);
  } else {
    console.warn(`SKIPPED: the corpus pages in test/kill.test.ts (runs are shorter, docs-input alone), because ${CORPUS} is absent.`);
  }
  editedOld = await readFile(path.join(docs, EDITED_PAGE), 'utf8');
  editedNew = editedOld.replace(OLD_ROW, NEW_ROW);
  expect(editedNew, `${EDITED_PAGE} has no deviceIMEI String row to edit`).not.toBe(editedOld);
  await cp(docs, docsNew, { recursive: true });
  await writeFile(path.join(docsNew, EDITED_PAGE), editedNew);

  // The old output in out/ (as a user would have it) and the new one aside, both in full, one
  // after the other: the first run alone also measures how long a run takes.
  const out = path.join(work, 'out');
  const oldRun = await docgen(docs, out);
  const newRun = await docgen(docsNew, path.join(work, 'ref-new'));
  for (const run of [oldRun, newRun]) expect(run.code, run.stderr).toBe(0);
  refs.old = (await snapshot(out))!;
  refs.new = (await snapshot(path.join(work, 'ref-new')))!;
  await rm(path.join(work, 'ref-new'), { recursive: true });
  for (const ref of [refs.old, refs.new]) expect(manifestProblem(ref)).toBeUndefined();
  expect(difference(refs.new, refs.old), 'the edit must change the output').toBeDefined();
  fullMs = Math.min(oldRun.ms, newRun.ms);
  writeMs = Math.max(50, oldRun.ms - (oldRun.stagingAtMs ?? oldRun.ms));
  console.log(`kill test: a full run takes ${fullMs} ms (its write phase ${writeMs} ms), ${refs.old.size} files`);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('killing docgen generate', () => {
  it(`at random moments leaves the old or the new output, whole (seed ${SEED})`, async () => {
    console.log(`kill test: seed ${SEED} (replay with DOCGEN_KILL_SEED=${SEED}), ${RUNS} runs`);
    const random = prng(SEED);
    const out = path.join(work, 'out');
    let current: Version = 'old';
    const log: string[] = [];
    let killed = 0;
    let swapWindow = 0;
    const deadPids: number[] = [];

    for (let i = 0; i < RUNS; i += 1) {
      const next: Version = current === 'old' ? 'new' : 'old';
      await setDocs(next);
      const before = await leftovers(out);
      const signal: NodeJS.Signals = random() < 0.3 ? 'SIGINT' : 'SIGKILL';
      // Most kills land anywhere in the run; 40% aim at the write phase, which is short.
      const kill: KillPlan =
        random() < 0.4
          ? { signal, afterStagingMs: Math.round(random() * writeMs * 1.5) }
          : { signal, afterMs: Math.round(50 + random() * Math.max(0, fullMs - 50)) };
      const run = await docgen(docs, out, { kill });
      deadPids.push(run.pid);
      const what = `run ${i + 1}/${RUNS}: ${signal} ${kill.afterMs !== undefined ? `at ${kill.afterMs} ms` : `${kill.afterStagingMs} ms after staging`}`;
      if (run.signal === null) expect(run.code, `${what}: docgen failed\n${run.stderr}`).toBe(0);
      else killed += 1;

      const files = await snapshot(out);
      const after = await leftovers(out);
      let state: Version | string;
      if (files) {
        state = classify(files, refs);
      } else {
        // Killed between `rename(out, old)` and `rename(staging, out)`: no `out`, but the
        // previous output whole in `<out>.docgen-old-<pid>`, which the next run restores.
        swapWindow += 1;
        const aside = after.filter((name) => /\.docgen-old-\d+$/.test(name));
        expect(aside, `${what}: ${out} is missing and no single folder holds the previous output: ${after.join(', ')}`).toHaveLength(1);
        state = classify((await snapshot(path.join(work, aside[0]!)))!, refs);
        expect(state, `${what}: ${out} is missing; ${aside[0]} is not the previous output`).toBe(current);
      }
      log.push(
        `${what} → ${run.signal ?? `exit ${run.code}`} after ${run.ms} ms` +
          `${run.stagingAtMs !== undefined ? ` (staging at ${run.stagingAtMs} ms)` : ''}: ` +
          `${files ? `out is ${state}` : 'out MISSING, previous output aside'}${after.length ? `; left: ${after.join(', ')}` : ''}`,
      );
      console.log(`kill test: ${log.at(-1)}`);
      expect([current, next], `${what}: ${state}`).toContain(state);
      if (run.signal === null) expect(state, `${what}: the run completed`).toBe(next);
      // A completed run leaves nothing beside out; a killed one at most its own staging or old folder.
      const own = new Set([`out.docgen-tmp-${run.pid}`, `out.docgen-old-${run.pid}`]);
      if (run.signal === null) expect(after, `${what}: a complete run left folders behind`).toEqual([]);
      // A run that got as far as writing has first removed what earlier killed runs left.
      if (run.stagingAtMs !== undefined) expect(after.filter((name) => !own.has(name)), `${what}: stale folders were kept`).toEqual([]);
      const foreign = after.filter((name) => !own.has(name) && !before.includes(name));
      expect(foreign, `${what}: unexpected folders beside out`).toEqual([]);
      current = state as Version;
    }
    console.log(`kill test (seed ${SEED}): ${killed} of ${RUNS} runs killed, ${swapWindow} in the swap window`);
    expect(killed, 'no run was killed: the kill delays do not fit the run time').toBeGreaterThan(0);

    // Leftovers of dead processes, real (above) and planted here, must not survive a complete
    // run; names that are not docgen's, or belong to a running process, must be left alone.
    const dead = deadPids.at(-1)!;
    await mkdir(path.join(work, `out.docgen-tmp-${dead}`, 'models'), { recursive: true });
    await writeFile(path.join(work, `out.docgen-tmp-${dead}`, 'models', 'Half.ts'), 'export interface Half {');
    await mkdir(path.join(work, `out.docgen-old-${deadPids[0]}`));
    await writeFile(path.join(work, `out.docgen-old-${deadPids[0]}`, MANIFEST), '{"files": ["index.ts"]}\n');
    const keep = [`out.docgen-tmp-${process.pid}`, 'out.docgen-tmp-12x', `other.docgen-old-${dead}`, `out.docgen-old-${dead}.bak`];
    for (const name of keep) await mkdir(path.join(work, name, 'inside'), { recursive: true });

    await setDocs('new');
    const final = await docgen(docs, out);
    expect(final.code, final.stderr).toBe(0);
    expect(existsSync(out), 'the final run left no output').toBe(true);
    expect(classify((await snapshot(out))!, refs)).toBe('new');
    expect(await leftovers(out)).toEqual(keep.filter((name) => name.startsWith('out.docgen-')).sort());
    for (const name of keep) expect(existsSync(path.join(work, name, 'inside')), name).toBe(true);
    for (const name of keep) await rm(path.join(work, name), { recursive: true });

    const check = await docgen(docs, out, { command: 'check' });
    expect(check.stdout).toContain('the output is up to date');
    expect(check.code, check.stdout.slice(0, 2000)).toBe(0);
  }, 300_000);

  it('between moving the old output aside and the new one in: SIGKILL loses nothing, SIGINT waits for the swap', async () => {
    const out = path.join(work, 'window');
    const snapshotOf = async (name: string) => (await snapshot(path.join(work, name)))!;
    await rm(out, { recursive: true, force: true });
    await writeFiles(out, refs.old);

    // A real run, SIGKILLed right after `rename(out, out.docgen-old-<pid>)`.
    await setDocs('new');
    const killed = await docgen(docs, out, { hook: 'SIGKILL' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(await leftovers(out)).toEqual([`window.docgen-old-${killed.pid}`, `window.docgen-tmp-${killed.pid}`]);
    expect(classify(await snapshotOf(`window.docgen-old-${killed.pid}`), refs)).toBe('old');

    // The next run puts the previous output back first, then swaps in the new one. SIGINT
    // in the same place is held until the swap and the clean-up are done.
    const interrupted = await docgen(docs, out, { hook: 'SIGINT' });
    expect(interrupted.signal, interrupted.stderr).toBe('SIGINT');
    expect(existsSync(out), 'SIGINT between the two renames lost the output').toBe(true);
    expect(classify((await snapshot(out))!, refs)).toBe('new');
    expect(await leftovers(out)).toEqual([]);
  }, 120_000);
});

describe('settleLeftovers', () => {
  const deadPid = 2 ** 22 + 1; // above Linux's highest pid, so never a running process

  it('puts back a whole output that a killed swap left aside, and removes what dead runs left', async () => {
    const out = path.join(work, 'settle');
    await writeFiles(`${out}.docgen-old-${deadPid}`, refs.old);
    await writeFiles(`${out}.docgen-tmp-${deadPid}`, new Map([...refs.new].slice(0, 3)));
    // A half-removed old folder (killed while deleting it after a swap) is not a whole output.
    await writeFiles(`${out}.docgen-old-${deadPid + 1}`, new Map([...refs.old].filter(([file]) => file === MANIFEST || file.startsWith('models/'))));
    const keep = [`settle.docgen-tmp-${process.pid}x`, `settle.docgen-old-${process.ppid}`, `settlement.docgen-old-${deadPid}`];
    for (const name of keep) await mkdir(path.join(work, name), { recursive: true });

    const result = await settleLeftovers(out);
    expect(result.restored).toBe(`settle.docgen-old-${deadPid}`);
    expect(existsSync(out), 'the whole old output was not put back').toBe(true);
    expect(classify((await snapshot(out))!, refs)).toBe('old');
    expect(await leftovers(out)).toEqual([`settle.docgen-old-${process.ppid}`, `settle.docgen-tmp-${process.pid}x`]);
    for (const name of keep) expect(existsSync(path.join(work, name)), name).toBe(true);

    // With `out` in place, an old folder is only a leftover: it is removed, `out` untouched.
    await writeFiles(`${out}.docgen-old-${deadPid}`, refs.new);
    expect((await settleLeftovers(out)).restored).toBeUndefined();
    expect(classify((await snapshot(out))!, refs)).toBe('old');
    expect(existsSync(`${out}.docgen-old-${deadPid}`)).toBe(false);
  });

  it('restores nothing when no old folder is a whole output', async () => {
    const out = path.join(work, 'partial');
    await writeFiles(`${out}.docgen-old-${deadPid}`, new Map([...refs.old].filter(([file]) => file !== 'index.ts')));
    const result = await settleLeftovers(out);
    expect(result.restored).toBeUndefined();
    expect(existsSync(out)).toBe(false);
    expect(await leftovers(out)).toEqual([]);
  });
});

async function writeFiles(dir: string, files: Snapshot): Promise<void> {
  for (const [file, content] of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
}
