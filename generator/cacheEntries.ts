// Folders of cache entries, one file per entry, named by a hash of what it was made
// from: two runs never write different bytes under one name. Each entry is written
// to a temporary file and renamed into place, so a reader, in this process or in
// another docgen sharing the folder, sees an entry whole or not at all. An entry
// that cannot be read is a miss, never an error: the caller makes it again. Folders
// (a key's) are marked when used, so the least recently used can go.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { inBatches } from './inBatches.js';

const EXTENSION = '.v8';
/** This process's temporary files: a pid alone may repeat (containers sharing a cache folder). */
const TEMPORARY = `.${randomBytes(6).toString('hex')}.tmp`;
/** A temporary file this old was left by a killed run, not one still writing. */
const ABANDONED_MS = 60 * 60 * 1000;

/**
 * Each entry by name, or undefined when it is missing, unreadable or not what `valid` expects.
 * Read one after another: the entries are small and usually in the OS's cache, where a
 * synchronous read costs a fraction of an asynchronous one's thread-pool round trips (beta's
 * 7,949 pages, side by side: 0.12-0.3 s against 0.6-0.95 s with fs/promises in batches of 64).
 */
export function readEntries<T>(folder: string, names: readonly string[], valid: (value: unknown) => value is T): Array<T | undefined> {
  if (!existsSync(folder)) return names.map(() => undefined);
  return names.map((name) => readEntry(path.join(folder, `${name}${EXTENSION}`), valid));
}

function readEntry<T>(file: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = v8.deserialize(readFileSync(file));
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes each entry (name, value) whole: to a temporary file, then renamed over the name. */
export async function writeEntries(folder: string, entries: ReadonlyArray<readonly [name: string, value: unknown]>): Promise<void> {
  if (entries.length === 0) return;
  await mkdir(folder, { recursive: true });
  await inBatches(entries, async ([name, value]) => {
    const target = path.join(folder, `${name}${EXTENSION}`);
    const temporary = `${target}${TEMPORARY}`;
    try {
      await writeFile(temporary, v8.serialize(value));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  });
}

/** The files of a folder of entries, for `deleteEntries` (none when the folder does not exist). */
export async function listEntries(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

/** The names of the entries among a folder's files. */
export function entryNames(files: readonly string[]): string[] {
  return files.filter((file) => file.endsWith(EXTENSION)).map((file) => file.slice(0, -EXTENSION.length));
}

/**
 * Deletes the entries among `files` whose name is not in `keep`, and the temporary files killed
 * runs left. Another run may be deleting the same entries: what is gone already is no error.
 */
export async function deleteEntries(folder: string, files: readonly string[], keep: ReadonlySet<string>): Promise<void> {
  const garbage = entryNames(files).filter((name) => !keep.has(name)).map((name) => `${name}${EXTENSION}`);
  const temporaries = files.filter((file) => file.endsWith('.tmp'));
  const ages = await inBatches(temporaries, (file) => stat(path.join(folder, file)).then((info) => Date.now() - info.mtimeMs, () => 0));
  garbage.push(...temporaries.filter((_, index) => ages[index]! > ABANDONED_MS));
  await inBatches(garbage, (file) => unlink(path.join(folder, file)).catch(() => undefined));
}

/** Marks a folder as used now (its modification time); false when it does not exist. */
export async function touch(folder: string): Promise<boolean> {
  const now = new Date();
  return utimes(folder, now, now).then(
    () => true,
    () => false,
  );
}

/** The folders among `names` in `dir`, most recently touched first. */
export async function byLastUse(dir: string, names: readonly string[]): Promise<string[]> {
  const times = await Promise.all(names.map((name) => stat(path.join(dir, name)).then((info) => info.mtimeMs, () => 0)));
  return names.map((name, index) => ({ name, time: times[index]! })).sort((a, b) => b.time - a.time).map(({ name }) => name);
}
