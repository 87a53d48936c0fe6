// Finding and reading the doc pages under each input root. Paths are kept
// relative to their root, so output does not depend on where the docs live.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';

export interface DocFile {
  /** The input root as given. */
  root: string;
  /** POSIX path relative to the root: what sources and output name. */
  path: string;
  text: string;
}

export class InputError extends Error {}

const PATTERNS = ['**/*.md', '**/*.md.txt'];

export async function readDocs(roots: readonly string[]): Promise<DocFile[]> {
  const files: DocFile[] = [];
  const seen = new Map<string, string>();
  for (const root of roots) {
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) throw new InputError(`input folder not found: ${root}`);
    const paths = (await glob(PATTERNS, { cwd: root, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false })).sort();
    for (const relative of paths) {
      const other = seen.get(relative);
      if (other !== undefined) throw new InputError(`${relative} is in two input folders (${other} and ${root}); page paths must be unique`);
      seen.set(relative, root);
      files.push({ root, path: relative, text: normalizeText(await readFile(path.join(root, relative), 'utf8')) });
    }
  }
  if (files.length === 0) throw new InputError(`no .md pages found in ${roots.join(', ')}`);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Line and column numbers must not depend on a BOM or on CRLF line endings. */
export function normalizeText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}
