// Finding and reading the doc pages under each input root. Paths are kept
// relative to their root, so output does not depend on where the docs live.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { inBatches } from '../inBatches.js';
import type { Diagnostic } from '../model/types.js';
import { decode, type DocFile } from './docFile.js';

export class InputError extends Error {}

const PATTERNS = ['**/*.md', '**/*.md.txt'];

export interface ReadResult {
  docs: DocFile[];
  /** Files passed over: symbolic links, which could lead outside the input folders. */
  diagnostics: Diagnostic[];
}

/** Which pages to read, as globs over the path below the input root; a glob without `/` matches a file name anywhere. */
export interface PageFilter {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** `include` (all pages when empty) minus `exclude`, gitignore-style. */
export function pageMatcher(filter: PageFilter = {}): (relative: string) => boolean {
  // A glob without `/` is about file names, wherever they are (as in .gitignore).
  const compile = (globs: readonly string[]) => picomatch(globs.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)), { dot: true });
  const included = filter.include?.length ? compile(filter.include) : () => true;
  const excluded = filter.exclude?.length ? compile(filter.exclude) : () => false;
  return (relative) => included(relative) && !excluded(relative);
}

export async function readDocs(roots: readonly string[], filter: PageFilter = {}): Promise<ReadResult> {
  const wanted = pageMatcher(filter);
  const files: DocFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const root of roots) {
    const info = await stat(root).catch(() => undefined);
    if (!info) throw new InputError(`input folder not found: ${root}`);
    if (!info.isDirectory()) throw new InputError(`input folder ${root}: expected a folder of doc pages; found a file`);
    // Symbolic links are never followed (they can lead outside the input); the glob leaves them out, and they are reported.
    const paths = (await glob(PATTERNS, { cwd: root, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false }))
      .filter(wanted)
      .sort();
    diagnostics.push(...(await symbolicLinks(root)).filter((link) => wanted(link.source.file)));
    for (const relative of paths) {
      const other = seen.get(relative);
      if (other !== undefined) throw new InputError(`${relative} is in two input folders (${other} and ${root}); page paths must be unique`);
      seen.set(relative, root);
    }
    const contents = await inBatches(paths, (relative) => readFile(path.join(root, relative)));
    paths.forEach((relative, index) => files.push({ root, path: relative, ...decode(contents[index]!) }));
  }
  if (files.length === 0) {
    const filtered = filter.include?.length || filter.exclude?.length ? ' that match the include and exclude globs' : '';
    throw new InputError(`no .md pages found in ${roots.join(', ')}${filtered}`);
  }
  return { docs: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics };
}

async function symbolicLinks(root: string): Promise<Diagnostic[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .map((file) => ({
      code: 'symlink',
      severity: 'warning' as const,
      message: 'This is a symbolic link; docgen reads only files inside its input folders, so it is skipped.',
      expected: 'a regular file or folder',
      found: 'a symbolic link',
      source: { file, line: 1, column: 1 },
    }));
}
