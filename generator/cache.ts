// The build cache on disk, entry by entry: a run reads the entries its docs need and
// writes only those it made (beta's cache was one 77 MB file, read and rewritten whole
// by every run that changed a page). Its key is a fingerprint of docgen itself
// (version, source, templates), of what it runs on (Node's version and the version of
// every package installed for it) and of the emit options; each key has a folder of
// its own, so a new docgen, an upgraded dependency or other options never read another
// key's entries. In it (cacheEntries.ts writes and reads the entries):
//   pages/<hash>.v8       a page as parsed, by a hash of its path, flags and text;
//   transpiled/<hash>.v8  a package's JavaScript and declarations of one file, by its source's hash;
//   runs/<hash>.v8        for each configuration (input folders and page filter), what its
//                         last run used: its pages, and the files that passed the syntax check.
// Entries are keyed by their input's content, so a warm run's output is a cold run's.
// What cannot be read is a miss, made again, never an error.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dependencyVersions } from './dependencyVersions.js';
import type { EmitOptions } from './emit/options.js';
import type { Diagnostic } from './model/types.js';
import { type BuildCache, createBuildCache } from './buildCache.js';
import { byLastUse, deleteEntries, entryNames, listEntries, readEntries, touch, writeEntries } from './cacheEntries.js';
import { inBatches } from './inBatches.js';
import type { Transpiled } from './emit/packageOutput.js';
import type { PageResult, ParsedInclude, ParsedPage } from './parse/types.js';
import type { DocFile } from './read/docFile.js';
import type { PageFilter, ReadResult } from './read/readDocs.js';
import { listFiles } from './write/outputFolder.js';
import { CODE_ROOT, PACKAGE_ROOT } from './packageRoot.js';

const LAST_RUN = 'last-run.json';
const PAGES = 'pages';
const TRANSPILED = 'transpiled';
const RUNS = 'runs';
/** A key's folder: the key's first 128 bits, plenty to tell keys apart. */
const KEY_LENGTH = 32;
const KEY_FOLDER = new RegExp(`^[0-9a-f]{${KEY_LENGTH}}$`);
/** How many keys keep their folders (see `pruneKeys`). */
const KEPT_KEYS = 3;
/** The one file in which earlier versions of docgen kept the whole cache. */
const SINGLE_FILE = 'build-cache.v8';

/** The cache's key: docgen's version, Node's, every installed dependency's, every file of docgen's source and templates, and the emit options. */
export async function cacheKey(emit: EmitOptions): Promise<string> {
  const hash = createHash('sha256');
  const { version } = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const dependencies = await dependencyVersions(PACKAGE_ROOT);
  hash.update(`docgen ${version}\u0000node ${process.version}\u0000${dependencies.join(' ')}\u0000${JSON.stringify(emit)}\u0000`);
  // The code that runs (source or built) and the templates it renders.
  for (const folder of [CODE_ROOT, path.join(PACKAGE_ROOT, 'templates')]) {
    const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(`${path.relative(PACKAGE_ROOT, file)}\u0000`).update(await readFile(file)).update('\u0000');
  }
  return hash.digest('hex');
}

/** What a configuration's last run used: the entries it names are kept when others are pruned. */
interface RunRecord {
  /** The input folders, resolved: once one is gone, the configuration is, and its record goes. */
  inputs: string[];
  /** Its page entries, in the order of its docs. */
  pages: string[];
  /** `checkKey`s of the TypeScript files that passed the syntax check. */
  checked: string[];
  /** With a package, the `checkKey`s of its transpiled entries (of each file as tidied, so not those checked). */
  transpiled: string[];
}

/** The build cache as loaded, and what `saveCache` needs to write only what the run adds to it. */
export interface LoadedCache {
  cache: BuildCache;
  dir: string;
  /** The key's folder. */
  folder: string;
  /** This configuration's record: its name, and what is known before the run (the rest, the run settles). */
  record: { name: string } & Omit<RunRecord, 'checked' | 'transpiled'>;
  /** The docs whose page entry was missing, by the entry's name: this run parses them, and they are written. */
  missing: Map<string, string>;
  /** The `checkKey`s whose transpiled entries were read. */
  transpiledOnDisk: Set<string>;
  /** This run makes the key's folder: there is one key more, and old ones may go. */
  newKey: boolean;
}

/**
 * The entries `docs` need: each page as parsed, and what this configuration's last run
 * checked and (for a package) transpiled, which an edit mostly leaves as it was.
 */
export async function loadCache(dir: string, key: string, { docs }: ReadResult, filter: PageFilter): Promise<LoadedCache> {
  const folder = path.join(dir, key.slice(0, KEY_LENGTH));
  // Marks the key as used now, for `pruneKeys`.
  const newKey = !(await touch(folder));
  const inputs = [...new Set(docs.map((doc) => path.resolve(doc.root)))].sort();
  const record = { name: sha256(JSON.stringify({ inputs, filter })), inputs, pages: pageEntries(docs) };
  const [previous] = readEntries(path.join(folder, RUNS), [record.name], isRecord);
  const results = readEntries(path.join(folder, PAGES), record.pages, isPageResult);
  const cache = createBuildCache();
  const missing = new Map<string, string>();
  docs.forEach((doc, index) => {
    const result = results[index];
    if (result) cache.pages.set(doc.path, { text: doc.text, invalidUtf8: doc.invalidUtf8 ?? false, include: doc.include ?? false, result });
    else missing.set(record.pages[index]!, doc.path);
  });
  cache.checked = new Set(previous?.checked);
  const transpiled = previous?.transpiled ?? [];
  const made = readEntries(path.join(folder, TRANSPILED), transpiled.map(transpiledName), isTranspiled);
  transpiled.forEach((checkKey, index) => made[index] && cache.transpiled.set(checkKey, made[index]));
  // The record lists other pages, or there is none: the copy on disk is out of date even if nothing is parsed.
  cache.changed = previous === undefined || previous.pages.join() !== record.pages.join();
  return { cache, dir, folder, record, missing, transpiledOnDisk: new Set(cache.transpiled.keys()), newKey };
}

/** Writes what the run added: its record first, then the entries it made; then prunes what no configuration uses. */
export async function saveCache({ cache, dir, folder, record, missing, transpiledOnDisk, newKey }: LoadedCache): Promise<void> {
  if (!cache.changed) return;
  // The record first: a run pruning meanwhile lists the entries before it reads the records, so it keeps those written next.
  const { name, ...used } = record;
  await writeEntries(path.join(folder, RUNS), [[name, { ...used, checked: [...cache.checked], transpiled: [...cache.transpiled.keys()] } satisfies RunRecord]]);
  const pages = [...missing].flatMap(([entry, file]) => {
    const parsed = cache.pages.get(file);
    return parsed ? [[entry, parsed.result] as const] : [];
  });
  await writeEntries(path.join(folder, PAGES), pages);
  const transpiled = [...cache.transpiled].filter(([checkKey]) => !transpiledOnDisk.has(checkKey));
  await writeEntries(
    path.join(folder, TRANSPILED),
    transpiled.map(([checkKey, output]) => [transpiledName(checkKey), output] as const),
  );
  await pruneEntries(folder);
  if (newKey) await pruneKeys(dir);
}

/**
 * Deletes the entries no configuration's last run used (a page edited since, a file no longer
 * emitted), and the records of configurations whose input folders are gone. A record per
 * configuration, not one for the folder: several inputs, filters and outputs may share a cache
 * folder (the default is one per project), and pruning to one run's entries would send the
 * others back to a cold start. The entries are listed before the records are read, and a run
 * writes its record before its entries, so an entry a concurrent run is writing is kept.
 */
async function pruneEntries(folder: string): Promise<void> {
  const [pages, transpiled, runs] = await Promise.all([PAGES, TRANSPILED, RUNS].map((name) => listEntries(path.join(folder, name))));
  const names = entryNames(runs!);
  const records = readEntries(path.join(folder, RUNS), names, isRecord).map((record) => (record?.inputs.every((input) => existsSync(input)) ? record : undefined));
  const live = records.filter((record) => record !== undefined);
  await deleteEntries(path.join(folder, RUNS), runs!, new Set(names.filter((_, index) => records[index])));
  await deleteEntries(path.join(folder, PAGES), pages!, new Set(live.flatMap((record) => record.pages)));
  await deleteEntries(path.join(folder, TRANSPILED), transpiled!, new Set(live.flatMap((record) => record.transpiled.map(transpiledName))));
}

/**
 * Keeps the folders of the KEPT_KEYS keys used last (each run that loads a key touches its folder),
 * and deletes the rest: runs that alternate between a few option sets keep their caches, while each
 * docgen upgrade, dependency update or (for docgen's developers) source edit would otherwise leave a
 * full cache behind. The single file of earlier versions goes too.
 */
async function pruneKeys(dir: string): Promise<void> {
  const keys = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory() && KEY_FOLDER.test(entry.name)).map((entry) => entry.name);
  const stale = (await byLastUse(dir, keys)).slice(KEPT_KEYS);
  // A run still using a stale key finds its entries gone: misses, not errors.
  await Promise.all([...stale, SINGLE_FILE].map((name) => rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined)));
}

/** A page's parse depends on its path below the root, its text, whether it is an include and whether its bytes were UTF-8: its entry's name hashes them. */
const entriesOfDocs = new WeakMap<readonly DocFile[], string[]>();

/** The page entries of `docs`, hashed once per run (the run key, loading and saving all need them). */
function pageEntries(docs: readonly DocFile[]): string[] {
  let names = entriesOfDocs.get(docs);
  if (!names) {
    names = docs.map((doc) => createHash('sha256').update(`${doc.path}\u0000${doc.include ? 1 : 0}\u0000${doc.invalidUtf8 ? 1 : 0}\u0000`).update(doc.text).digest('hex'));
    entriesOfDocs.set(docs, names);
  }
  return names;
}

/** A transpiled entry's name: its source's `checkKey` (base64, which may hold `/`) in hex. */
const transpiledName = (checkKey: string) => Buffer.from(checkKey, 'base64').toString('hex');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPageResult = (value: unknown): value is PageResult<ParsedPage | ParsedInclude> => isObject(value) && isObject(value['page']) && Array.isArray(value['diagnostics']);
const isTranspiled = (value: unknown): value is Transpiled => Array.isArray(value) && value.length === 2 && value.every((text) => typeof text === 'string');
const isRecord = (value: unknown): value is RunRecord => isObject(value) && [value['inputs'], value['pages'], value['checked'], value['transpiled']].every((list) => Array.isArray(list));

/**
 * What the last run read and wrote, so that a run over the same docs, with the same
 * docgen and options, into an output folder nobody has touched since, can stop
 * early. "Untouched" is judged as make and git judge it: the same files, each
 * with the size and modification time the last run left it with.
 */
interface LastRun {
  runKey: string;
  out: string;
  files: Array<[file: string, size: number, mtimeMs: number]>;
  diagnostics: Diagnostic[];
}

/** The key of a run: docgen and its options (`cacheKey`), the page filter, and every page's path and text (its page entry). */
export function runKey(key: string, filter: PageFilter, docs: readonly DocFile[]): string {
  const hash = createHash('sha256').update(`${key}\u0000${JSON.stringify(filter)}\u0000`);
  for (const entry of pageEntries(docs)) hash.update(entry);
  return hash.digest('hex');
}

/** The last run's diagnostics when it had this key and `out` is as it left it; otherwise undefined. */
export async function unchangedRun(dir: string, key: string, out: string): Promise<Diagnostic[] | undefined> {
  try {
    const last = JSON.parse(await readFile(path.join(dir, LAST_RUN), 'utf8')) as LastRun;
    if (last.runKey !== key || last.out !== path.resolve(out)) return undefined;
    if ((await listFiles(out)).join('\u0000') !== last.files.map(([file]) => file).join('\u0000')) return undefined;
    const infos = await inBatches(last.files, ([file]) => stat(path.join(out, file)));
    return last.files.every(([, size, mtimeMs], index) => infos[index]!.size === size && infos[index]!.mtimeMs === mtimeMs) ? last.diagnostics : undefined;
  } catch {
    return undefined;
  }
}

export async function recordRun(dir: string, key: string, out: string, diagnostics: Diagnostic[]): Promise<void> {
  const names = await listFiles(out);
  const infos = await inBatches(names, (file) => stat(path.join(out, file)));
  const files: LastRun['files'] = names.map((file, index) => [file, infos[index]!.size, infos[index]!.mtimeMs]);
  const last: LastRun = { runKey: key, out: path.resolve(out), files, diagnostics };
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, LAST_RUN);
  await writeFile(`${target}.tmp-${process.pid}`, JSON.stringify(last));
  await rename(`${target}.tmp-${process.pid}`, target);
}
