// The build cache on disk: each page as parsed and a hash of each file checked by
// the last run, in one file. Its key is a fingerprint of docgen itself (version,
// source, templates), of what it runs on (Node's version and the version of every
// package installed for it) and of the emit options, so a new docgen, an upgraded
// dependency or other options start afresh; within a key, entries are keyed by
// their input's content (see BuildCache), so a warm run's output is a cold run's.
// A cache that cannot be read is ignored and rebuilt, never an error.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { dependencyVersions } from './dependencyVersions.js';
import type { EmitOptions } from './emit/options.js';
import type { Diagnostic } from './model/types.js';
import { type BuildCache, createBuildCache } from './buildCache.js';
import { inBatches } from './inBatches.js';
import type { Transpiled } from './emit/packageOutput.js';
import type { DocFile } from './read/docFile.js';
import type { PageFilter } from './read/readDocs.js';
import { listFiles } from './write/outputFolder.js';
import { CODE_ROOT, PACKAGE_ROOT } from './packageRoot.js';

const FILE = 'build-cache.v8';
const LAST_RUN = 'last-run.json';

interface Stored {
  key: string;
  pages: Array<[string, unknown]>;
  checked: string[];
  transpiled: Array<[string, Transpiled]>;
}

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

export async function loadCache(dir: string, key: string): Promise<BuildCache> {
  try {
    const stored = v8.deserialize(await readFile(path.join(dir, FILE))) as Stored;
    if (stored.key !== key) return createBuildCache();
    return { pages: new Map(stored.pages) as BuildCache['pages'], checked: new Set(stored.checked), transpiled: new Map(stored.transpiled), changed: false };
  } catch {
    return createBuildCache();
  }
}

/** Writes the cache whole (to a temporary file, then renamed), so a reader never sees half of it. */
export async function saveCache(dir: string, key: string, cache: BuildCache): Promise<void> {
  const stored: Stored = { key, pages: [...cache.pages], checked: [...cache.checked], transpiled: [...cache.transpiled] };
  const target = path.join(dir, FILE);
  const temporary = `${target}.tmp-${process.pid}`;
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(temporary, v8.serialize(stored));
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

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

/** The key of a run: docgen and its options (`cacheKey`), the page filter, and every page's path and text. */
export function runKey(key: string, filter: PageFilter, docs: readonly DocFile[]): string {
  const hash = createHash('sha256').update(`${key}\u0000${JSON.stringify(filter)}\u0000`);
  for (const doc of docs) hash.update(`${doc.path}\u0000${doc.invalidUtf8 ? 1 : 0}\u0000${doc.text}\u0000`);
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
