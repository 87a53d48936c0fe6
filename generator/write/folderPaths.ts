// The folders docgen is told to write (the output, the cache), checked before it
// writes anything: each must be a folder or a place where one can be made, and it
// is compared with the docs where it really is, symbolic links resolved.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A folder docgen may not or cannot write: a usage error (exit 2). */
export class OutputError extends Error {}

/** Refuses `dir` (`what` names it in the message) when a file stands there, or in place of a folder above it. */
export async function assertFolderPath(dir: string, what: string): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a file stands in place of a folder above; the walk up finds it.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw new OutputError(`${what} ${dir}: cannot be used (${error.code ?? error.message})`);
    });
    if (info?.isDirectory()) return;
    if (info) {
      const found = current === path.resolve(dir) ? 'a file' : `the file ${shown(current)}`;
      throw new OutputError(`${what} ${dir}: expected a folder, or a path where one can be made; found ${found}`);
    }
    if (path.dirname(current) === current) return;
  }
}

/** `file` with every symbolic link in it resolved, as far as it exists; the missing rest appended as written. */
export async function realPath(file: string): Promise<string> {
  const missing: string[] = [];
  for (let current = path.resolve(file); ; current = path.dirname(current)) {
    try {
      return path.join(await realpath(current), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(current) === current) throw error;
      missing.unshift(path.basename(current));
    }
  }
}

/** Whether `child` is `parent` or below it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A path as the user can read it: relative to the working folder when below it. */
function shown(file: string): string {
  return isInside(file, process.cwd()) ? path.relative(process.cwd(), file) || '.' : file;
}
