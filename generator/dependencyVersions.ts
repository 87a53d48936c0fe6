// The packages docgen runs on, as installed: every package reachable from docgen's
// own dependencies, found as Node finds a bare import (the nearest `node_modules`
// folder up from the importing package, symbolic links resolved). An upgrade
// anywhere in that tree may change what docgen writes, so the build cache is keyed
// on it (see cache.ts).
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** `name@version` of every package the project at `root` depends on, directly or not, sorted; `name@missing` for one not installed. */
export async function dependencyVersions(root: string): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  const start = await realpath(root);
  let level = [start];
  while (level.length > 0) {
    const next: string[] = [];
    await Promise.all(
      level.map(async (dir) => {
        const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest;
        const required = Object.keys({ ...manifest.dependencies });
        const optional = Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies }).filter((name) => !required.includes(name));
        for (const [names, isRequired] of [[required, true], [optional, false]] as const) {
          for (const name of names) {
            const located = await locate(name, dir);
            if (located === undefined) {
              if (isRequired) found.push(`${name}@missing`);
            } else if (!visited.has(located)) {
              visited.add(located);
              next.push(located);
            }
          }
        }
        if (dir !== start) found.push(`${manifest.name ?? path.basename(dir)}@${manifest.version ?? 'unversioned'}`);
      }),
    );
    level = next;
  }
  return [...new Set(found)].sort();
}

/** The real folder of package `name` as seen from the package in `from`, or undefined when none is installed. */
async function locate(name: string, from: string): Promise<string | undefined> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const located = await realpath(path.join(dir, 'node_modules', name)).catch(() => undefined);
      if (located !== undefined) return located;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
