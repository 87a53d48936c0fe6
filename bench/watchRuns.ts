// `generate --watch` on the scratch copy of the docs: started as built (bench/child.mjs),
// then, edit after edit, the time from saving one page to the output file that holds
// the page's model having the edit; then stopped as Ctrl-C would stop it.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync, watch } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ChildRun, childArgv, parseChildOutput } from './usage.js';

/** How many edits are timed. */
export const WATCH_EDITS = 5;
/** Longest wait for the session to be ready (its first run over all of beta, then watching every folder). */
const READY_TIMEOUT_MS = 10 * 60_000;
/** Longest wait for one edit to reach the output. */
const EDIT_TIMEOUT_MS = 60_000;
/** A pause between edits, so that each is a burst of its own after the watcher's quiet spell. */
const PAUSE_MS = 500;

export interface WatchEdit {
  /** The word appended to the row, found in the output afterwards. */
  word: string;
  /** From writing the page to the output file holding the word, as seen here. */
  ms: number;
  /** The rebuild's own time, as the session reports it ("… in 0.42 s"). */
  reportedMs: number | undefined;
  /** The session's line about the run. */
  line: string;
}

export interface WatchBench {
  /** From spawning the session to its "watching … for changes" line: start-up and a full run from the cache. */
  readyMs: number;
  /** The output file that was watched, relative to the output folder. */
  file: string;
  edits: WatchEdit[];
  /** The session's usage, start to exit (absent when it had to be killed). */
  usage: ChildRun | undefined;
  /** Whether SIGTERM ended it with "stopped watching" and exit code 0. */
  stoppedCleanly: boolean;
}

/** The word of the `index`th edit: letters only, none a prefix of another. */
export function watchWord(index: number): string {
  return `docgenwatch${String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1)}end`;
}

/** The rebuild time the session reports in a line such as `docgen: a.md changed: 3 files written, 0 removed in 0.42 s (…)`, in ms. */
export function reportedRebuildMs(line: string): number | undefined {
  const match = / changed: \d+ files written, \d+ removed in (\d+(?:\.\d+)?) s\b/.exec(line);
  return match ? Number(match[1]) * 1000 : undefined;
}

interface WatchSetup {
  scratch: string;
  docs: string;
  out: string;
  cache: string;
  /** The edited page, relative to `docs`, and the edit: the page's text with `word` added. */
  page: string;
  edit: (text: string, word: string) => string;
  /** The output file that holds the page's model, absolute. */
  target: string;
  edits?: number;
  log: (step: string) => void;
}

export async function measureWatch({ scratch, docs, out, cache, page, edit, target, edits = WATCH_EDITS, log }: WatchSetup): Promise<WatchBench> {
  const started = performance.now();
  const session = startSession(childArgv('docgen', ['generate', '--watch', '-i', docs, '-o', out, '--cache-dir', cache, '--quiet']), scratch);
  try {
    await session.next(/^docgen: watching .* for changes/, READY_TIMEOUT_MS);
    const readyMs = performance.now() - started;
    log(`generate --watch ready after ${(readyMs / 1000).toFixed(1)} s; ${edits} edits of ${page}`);
    const pagePath = path.join(docs, page);
    const timed: WatchEdit[] = [];
    for (let index = 0; index < edits; index++) {
      const word = watchWord(index);
      const text = edit(await readFile(pagePath, 'utf8'), word);
      // Watching before the write, so that no change can come before the watch.
      const arrived = untilFileHas(target, word, EDIT_TIMEOUT_MS);
      const written = performance.now();
      await writeFile(pagePath, text);
      const ms = (await arrived) - written;
      const line = await session.next(/^docgen: .* changed/, EDIT_TIMEOUT_MS);
      timed.push({ word, ms, reportedMs: reportedRebuildMs(line), line });
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    const { code, stdout } = await session.stop();
    const stoppedCleanly = code === 0 && stdout.includes('docgen: stopped watching');
    return { readyMs, file: path.relative(out, target), edits: timed, usage: code === null ? undefined : parseChildOutput(stdout), stoppedCleanly };
  } finally {
    session.kill();
  }
}

/** Resolves with performance.now() when `file` first holds `word`: on each change fs.watch reports in its folder, and every 200 ms in case one is missed. */
function untilFileHas(file: string, word: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      watcher.close();
      clearInterval(poll);
      clearTimeout(timer);
    };
    const check = () => {
      if (done) return;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return; // between a removal and a rename: the next event reads it
      }
      if (!text.includes(word)) return;
      const at = performance.now();
      finish();
      resolve(at);
    };
    const watcher = watch(path.dirname(file), (_event, name) => {
      if (name === path.basename(file)) check();
    });
    const poll = setInterval(check, 200);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${file} did not get "${word}" within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
}

/** A running session: `next(pattern)` waits for the next stdout line that matches, after the last one matched. */
function startSession(argv: string[], cwd: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, argv, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let consumed = 0;
  let exit: number | null | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString('utf8')), notify()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exit = code;
      notify();
      resolve(code);
    }),
  );
  const tail = () => `${stdout.slice(-2000)}\n${stderr.trim().split('\n').slice(-15).join('\n')}`;
  const next = (pattern: RegExp, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const lines = stdout.split('\n');
        // The last piece may be a line still being written.
        for (let index = consumed; index < lines.length - 1; index++) {
          if (!pattern.test(lines[index]!)) continue;
          consumed = index + 1;
          stop();
          resolve(lines[index]!);
          return;
        }
        if (exit !== undefined) {
          stop();
          reject(new Error(`generate --watch exited with ${exit} before printing a line matching ${pattern}:\n${tail()}`));
        }
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`generate --watch printed no line matching ${pattern} within ${timeoutMs / 1000} s:\n${tail()}`));
      }, timeoutMs);
      const stop = () => {
        listeners.delete(look);
        clearTimeout(timer);
      };
      listeners.add(look);
      look();
    });
  return {
    next,
    /** SIGTERM, as a service manager would stop it (docgen treats it as Ctrl-C); SIGKILL after 30 s. */
    async stop(): Promise<{ code: number | null; stdout: string }> {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await closed;
      clearTimeout(timer);
      return { code, stdout };
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
