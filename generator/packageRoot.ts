// Where docgen's own files are: the folder of its package.json, found upwards from
// here, so the same code finds its templates and version whether it runs from
// generator/ (in the repository, through tsx) or from dist/generator/ (as built).
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`docgen's package.json was not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(import.meta.dirname);

/** The folder of docgen's running code: generator/ as source, dist/generator/ as built. */
export const CODE_ROOT = import.meta.dirname;

/** A module beside `base` (a module's URL), in the language `base` is running in: `.ts` under tsx, `.js` as built. */
export function siblingModule(relative: string, base: string): URL {
  return new URL(base.endsWith('.ts') ? relative : relative.replace(/\.ts$/, '.js'), base);
}
