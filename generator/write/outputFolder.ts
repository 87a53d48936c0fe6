// The output folder: written whole or not at all, holding only what docgen
// made (listed in its manifest), and compared file by file for `check`.
import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertFolderPath, isInside, OutputError, realPath } from './folderPaths.js';

export const MANIFEST = 'docgen-manifest.json';

/** Adds the manifest: the list of files docgen owns in the output folder. */
export function withManifest(files: Map<string, string>): Map<string, string> {
  const manifest = { generator: 'docgen', note: 'Files docgen generated here; it removes only these.', files: [...files.keys()] };
  return new Map([...files, [MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`]]);
}

/** Every file under `dir`, as sorted POSIX paths relative to it; empty when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export async function readOutput(dir: string): Promise<Map<string, string>> {
  // Synchronous reads, one after another: for thousands of small files, three to four times
  // faster than batches of promises, which pay a round trip through libuv's thread pool each.
  return new Map((await listFiles(dir)).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}

/**
 * Refuses an output folder that is a file, or would overwrite the docs (where the two
 * really are: a symbolic link to the docs is the docs), the file system root, or files
 * docgen did not make. Run before anything is written.
 */
export async function assertWritableOutput(out: string, inputs: readonly string[]): Promise<void> {
  await assertOutputPath(out, inputs);
  await assertOwnedOutput(out);
}

/** The checks of `assertWritableOutput` that need no listing of the folder: a run that may stop early makes these first. */
export async function assertOutputPath(out: string, inputs: readonly string[]): Promise<void> {
  await assertFolderPath(out, 'the output folder');
  const target = await realPath(out);
  if (target === path.parse(target).root) throw new OutputError(`refusing to write to ${out}: it is the file system root`);
  for (const input of inputs) {
    const root = await realPath(input);
    if (isInside(target, root) || isInside(root, target)) {
      const where = target === path.resolve(out) && root === path.resolve(input) ? '' : ` (${out} is ${target}, ${input} is ${root})`;
      throw new OutputError(`refusing to write to ${out}: it overlaps the input folder ${input}${where}`);
    }
  }
}

/** Refuses an output folder holding files docgen did not make (its manifest lists what it made). */
export async function assertOwnedOutput(out: string): Promise<void> {
  const target = await realPath(out);
  const existing = await listFiles(target);
  if (existing.length === 0) return;
  const owned = await ownedFiles(target);
  if (!owned) throw new OutputError(`refusing to write to ${out}: it holds files but no ${MANIFEST}, so it is not a docgen output folder`);
  const foreign = existing.filter((file) => file !== MANIFEST && !owned.has(file));
  if (foreign.length > 0) {
    throw new OutputError(
      `refusing to write to ${out}: it holds files docgen did not generate (move them elsewhere first):\n${foreign.map((file) => `  ${file}`).join('\n')}`,
    );
  }
}

async function ownedFiles(dir: string): Promise<Set<string> | undefined> {
  const text = await readFile(path.join(dir, MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as { files?: unknown };
    return Array.isArray(manifest.files) ? new Set(manifest.files.filter((file): file is string => typeof file === 'string')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `files` into a fresh folder beside `out`, then swaps it in, so a run
 * that dies midway leaves the previous output as it was. When `out` already
 * holds exactly `files`, nothing is written.
 *
 * The swap is two renames (`out` → `<out>.docgen-old-<pid>`, staging → `out`): Node
 * cannot exchange two folders in one step. A run killed between them (SIGKILL, a crash)
 * leaves no `out` but the previous output, whole, in `<out>.docgen-old-<pid>`; the
 * next run puts it back first (`settleLeftovers`). SIGINT, SIGTERM and SIGHUP are
 * held from the first rename until the clean-up is done, then take effect.
 */
/** Returns false when `out` already held exactly `files` and nothing was written. */
export async function writeOutput(out: string, files: Map<string, string>): Promise<boolean> {
  const target = path.resolve(out);
  const staging = `${target}.docgen-tmp-${process.pid}`;
  const previous = `${target}.docgen-old-${process.pid}`;
  await settleLeftovers(target);
  const current = await readOutput(target);
  // Nothing to change: leave the folder (and its files' times) alone.
  if (current.size === files.size && [...files].every(([file, content]) => current.get(file) === content)) return false;
  await rm(staging, { recursive: true, force: true });
  try {
    const destination = (file: string) => path.join(staging, ...file.split('/'));
    const folders = [...new Set([...files.keys()].map((file) => path.dirname(destination(file))))].sort();
    for (const folder of [staging, ...folders]) mkdirSync(folder, { recursive: true });
    // Synchronous, as readOutput. An unchanged file is linked, not copied: a run that changes a few files of thousands writes a few.
    for (const [file, content] of files) if (current.get(file) !== content || !linked(path.join(target, ...file.split('/')), destination(file))) writeFileSync(destination(file), content);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    await holdingSignals(async () => {
      if (exists) await rename(target, previous);
      await rename(staging, target);
      if (exists) await rm(previous, { recursive: true, force: true });
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

/** Whether `to` could be made a hard link to `from` (not, say, across devices or on a file system without them). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` with SIGINT, SIGTERM and SIGHUP held back; the first one received is raised again afterwards. */
async function holdingSignals(work: () => Promise<void>): Promise<void> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of signals) process.on(signal, hold);
  try {
    await work();
  } finally {
    for (const signal of signals) process.off(signal, hold);
    if (received) process.kill(process.pid, received);
  }
}

/**
 * Settles what killed runs left beside `out` (only folders named `<out>.docgen-tmp-<pid>` or
 * `<out>.docgen-old-<pid>`, in `out`'s parent): a run killed while writing leaves its staging
 * folder; one killed between the two renames of the swap leaves no `out` and the previous
 * output, whole, in its old folder; one killed while deleting its old folder leaves part of it.
 *
 * When `out` is missing, the newest old folder that is a whole output (exactly the files its
 * manifest lists) is moved back to `out`. Then every other such folder whose process is gone is
 * removed. Folders of a process that is still running (another docgen writing the same output
 * right now) are left alone; so, when a pid has been reused, is a leftover, until a later run.
 */
export async function settleLeftovers(out: string): Promise<{ restored?: string; removed: string[] }> {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const prefix = `${path.basename(target)}.docgen-`;
  const entries = await readdir(parent, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const stale = entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => ({ name: entry.name, match: /^(tmp|old)-(\d{1,10})$/.exec(entry.name.slice(prefix.length)) }))
    .filter(({ match }) => match !== null && !isRunning(Number(match[2])))
    .map(({ name, match }) => ({ name, kind: match![1] as 'tmp' | 'old' }));

  let restored: string | undefined;
  if (!(await exists(target))) {
    const whole: Array<{ name: string; time: number }> = [];
    for (const { name, kind } of stale) {
      if (kind !== 'old') continue;
      const time = await wholeOutputTime(path.join(parent, name));
      if (time !== undefined) whole.push({ name, time });
    }
    const newest = whole.sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1))[0];
    if (newest) {
      try {
        await rename(path.join(parent, newest.name), target);
        restored = newest.name;
      } catch (error) {
        // Another run restored it (or wrote `out`) first: nothing is lost either way.
        if (!['ENOENT', 'EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    }
  }
  const removed: string[] = [];
  for (const { name } of stale) {
    if (name === restored) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return restored === undefined ? { removed } : { restored, removed };
}

/** Previous outputs an interrupted swap left beside `out` (`<out>.docgen-old-<pid>`), for `check` to point at. */
export async function setAsideOutputs(out: string): Promise<string[]> {
  const target = path.resolve(out);
  const prefix = `${path.basename(target)}.docgen-old-`;
  const entries = await readdir(path.dirname(target), { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && /^\d+$/.test(entry.name.slice(prefix.length)) && entry.name.startsWith(prefix)).map((entry) => entry.name).sort();
}

/** Whether `pid` names a running process other than this one (a leftover with this pid is a previous process's). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/** The manifest's modification time when `dir` holds exactly the files its manifest lists (and the manifest), else undefined. */
async function wholeOutputTime(dir: string): Promise<number | undefined> {
  const owned = await ownedFiles(dir);
  if (!owned) return undefined;
  const present = (await listFiles(dir)).filter((file) => file !== MANIFEST);
  if (present.length !== owned.size || present.some((file) => !owned.has(file))) return undefined;
  return (await stat(path.join(dir, MANIFEST))).mtimeMs;
}

/**
 * Brings an output folder that holds `before` (as docgen last wrote it) to `after`,
 * touching only the files that differ: for `generate --watch`, where a saved page
 * changes a few files of thousands. Each file is replaced by a rename, so no reader
 * ever sees half a file. Returns the paths written and removed.
 */
export async function updateOutput(out: string, before: Map<string, string>, after: Map<string, string>): Promise<{ written: string[]; removed: string[] }> {
  const target = path.resolve(out);
  const written = [...after].filter(([file, content]) => before.get(file) !== content).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  for (const file of written) {
    const destination = path.join(target, ...file.split('/'));
    const temporary = `${destination}.docgen-tmp-${process.pid}`;
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(temporary, after.get(file)!);
    await rename(temporary, destination);
  }
  for (const file of removed) await rm(path.join(target, ...file.split('/')), { force: true });
  return { written, removed };
}
