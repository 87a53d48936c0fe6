// Permission include files. Since 2023 most API pages keep their permissions
// table in another file, named by a line such as
// `[!INCLUDE [permissions-table](../includes/permissions/group-update-permissions.md)]`.
// The read stage reads each file so named once, however many pages name it, and
// only inside the naming page's input folder: never above it, never through a
// symbolic link. A name that matches a file only in letter case is taken (the
// docs are published from a case-insensitive store), and the model says so.
// Other includes (code snippets, banners) are not read.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inBatches } from '../inBatches.js';
import { decode, type DocFile } from './docFile.js';

/** Includes of includes are followed this deep (a page's own include is depth 1); deeper ones are not read. */
export const MAX_INCLUDE_DEPTH = 4;

// As parse/sections.ts reads an include line, on the page's lines.
const PERMISSIONS_INCLUDE = /^[ \t]*\[!INCLUDE[ \t]*\[[ \t]*permissions-table[ \t]*\]\(([^)]*)\)[ \t]*\]/gim;

/** The targets of the permission include lines in `text`, as written. */
export function permissionIncludeTargets(text: string): string[] {
  return [...text.matchAll(PERMISSIONS_INCLUDE)].map((match) => match[1]!.trim());
}

/**
 * A target (`../includes/permissions/x.md`) resolved against the folder of the file
 * that names it (`api/x.md`): a POSIX path relative to the input root, or undefined
 * when it leaves the root (or is absolute: the docs link includes relatively).
 */
export function resolveInclude(from: string, target: string): string | undefined {
  const bare = target.replace(/[?#].*$/, '');
  if (bare === '' || bare.startsWith('/') || /^[a-z][a-z\d+.-]*:/i.test(bare)) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), bare));
  return resolved === '..' || resolved.startsWith('../') ? undefined : resolved;
}

/** An include file as a page names it: read, or why not. */
export interface IncludeFile {
  /** The path the page names, resolved (see `resolveInclude`). */
  path: string;
  /** The file read; its `path` is the name on disk, which may differ from `path` in letter case. */
  file?: DocFile;
  /** Why the file could not be read: nothing there, a symbolic link on the way, or no regular file. */
  problem?: 'missing' | 'symlink' | 'not-a-file' | 'ambiguous-case';
}

/**
 * Reads every permission include that `docs` name (all under `root`), and the
 * includes those name, to MAX_INCLUDE_DEPTH, each once; keyed by resolved path.
 */
export async function readIncludes(root: string, docs: readonly DocFile[]): Promise<Map<string, IncludeFile>> {
  const found = new Map<string, IncludeFile>();
  let level = docs;
  for (let depth = 1; depth <= MAX_INCLUDE_DEPTH && level.length > 0; depth++) {
    const named = new Set<string>();
    for (const doc of level) {
      for (const target of permissionIncludeTargets(doc.text)) {
        const resolved = resolveInclude(doc.path, target);
        if (resolved !== undefined && !found.has(resolved)) named.add(resolved);
      }
    }
    const read = await inBatches([...named].sort(), (relative) => readInclude(root, relative));
    for (const include of read) found.set(include.path, include);
    level = read.flatMap((include) => (include.file ? [include.file] : []));
  }
  return found;
}

async function readInclude(root: string, relative: string): Promise<IncludeFile> {
  const located = await locate(root, relative.split('/'));
  if (typeof located === 'string') return { path: relative, problem: located };
  const file = located.join('/');
  return { path: relative, file: { root, path: file, ...decode(await readFile(path.join(root, ...located))), include: true } };
}

/** The names on disk of each part of the path, matched exactly or else by letter case alone; never through a link. */
async function locate(root: string, parts: readonly string[]): Promise<string[] | NonNullable<IncludeFile['problem']>> {
  const names: string[] = [];
  for (const [index, part] of parts.entries()) {
    const folder = path.join(root, ...names);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
    if (!entries) return 'missing';
    const exact = entries.find((entry) => entry.name === part);
    const alike = entries.filter((entry) => entry.name.toLowerCase() === part.toLowerCase());
    const entry = exact ?? (alike.length === 1 ? alike[0] : undefined);
    if (!entry) return alike.length > 1 ? 'ambiguous-case' : 'missing';
    if (entry.isSymbolicLink()) return 'symlink';
    const last = index === parts.length - 1;
    if (last ? !entry.isFile() : !entry.isDirectory()) return last ? 'not-a-file' : 'missing';
    names.push(entry.name);
  }
  // What readdir said may have changed since; the file itself must still be no link.
  return (await lstat(path.join(root, ...names))).isSymbolicLink() ? 'symlink' : names;
}
