// docgen as its users get it: the tarball `npm pack` makes of the working tree (its
// prepack builds dist/), packed once a run however many test files ask for it (the
// folder comes from test/setup/packDocgen.ts), and installed into scratch projects.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { runCommand, transcript } from './commands.js';
import { PROJECT } from './paths.js';

const LOCK = 'lock';
const RESULT = 'result.json';

type Outcome<T> = { value: T } | { error: string };

/**
 * `produce()`'s result, computed once for every caller that passes the same `dir`, in
 * this process or another (vitest runs test files in several): the first caller takes
 * the lock (a mkdir, which only one can win) and records the outcome, a failure too;
 * the others wait for the record, up to `timeoutMs` (the holder may have died).
 */
export async function shareOnce<T>(dir: string, produce: () => Promise<T>, { timeoutMs = 300_000, pollMs = 100 } = {}): Promise<T> {
  const result = path.join(dir, RESULT);
  try {
    await mkdir(path.join(dir, LOCK));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return unwrap(await waitForOutcome<T>(result, timeoutMs, pollMs));
  }
  let outcome: Outcome<T>;
  try {
    outcome = { value: await produce() };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  // Written whole, then renamed: a waiting reader never sees half of it.
  await writeFile(`${result}.tmp`, JSON.stringify(outcome));
  await rename(`${result}.tmp`, result);
  return unwrap(outcome);
}

async function waitForOutcome<T>(file: string, timeoutMs: number, pollMs: number): Promise<Outcome<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Outcome<T>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (performance.now() > deadline) {
      throw new Error(`no result in ${path.dirname(file)} after ${timeoutMs} ms: whoever took ${path.join(path.dirname(file), LOCK)} did not finish`);
    }
    await sleep(pollMs);
  }
}

function unwrap<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.value;
}

/** `npm pack` of the repository into `into`; the tarball's path. */
export async function packInto(into: string, cwd = PROJECT, flags: readonly string[] = []): Promise<string> {
  await mkdir(into, { recursive: true });
  const packed = await runCommand('npm', ['pack', '--pack-destination', into, ...flags], cwd);
  if (packed.status !== 0) throw new Error(`npm pack in ${cwd} failed:\n${transcript(packed)}`);
  const tarballs = (await readdir(into)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${into}: ${tarballs.join(', ')}`);
  return path.join(into, tarballs[0]!);
}

let packing: Promise<string> | undefined;

/** The path of docgen's tarball, packed from the working tree by the first test of the run that asks. */
export function packedDocgen(): Promise<string> {
  const dir = inject('docgenPackDir');
  return (packing ??= shareOnce(dir, () => packInto(path.join(dir, 'tarball'))));
}

/** npx's answer to "install this package?" (a CI shell says yes): no, so a missing local docgen fails instead of fetching another. */
export const NO_NPX_INSTALL = { npm_config_yes: 'false' };

/** Options for every install: the local cache first, no audit or funding requests. */
export const QUIET_INSTALL = ['--no-audit', '--no-fund', '--prefer-offline'];

/**
 * Makes `dir` an npm project (`npm init -y`) with docgen installed from `tarball` as a dev
 * dependency, as a user would; `lockOnly` writes package.json and the lock file but no
 * node_modules (for a CI job whose own `npm ci` installs).
 */
export async function installDocgen(dir: string, tarball: string, { lockOnly = false } = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const args of [['init', '-y'], ['install', '--save-dev', tarball, ...QUIET_INSTALL, ...(lockOnly ? ['--package-lock-only'] : [])]]) {
    const done = await runCommand('npm', args, dir);
    if (done.status !== 0) throw new Error(`npm ${args.join(' ')} in ${dir} failed:\n${transcript(done)}`);
  }
}
