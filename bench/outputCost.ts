// What the generated code costs its users: its size, and `tsc --noEmit` over it
// (time and peak memory), beside the official typings, which hold interfaces only.
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildRun, runChild } from './usage.js';

export const OFFICIAL_TYPINGS = '@microsoft/microsoft-graph-types-beta';
const PROJECT = fileURLToPath(new URL('..', import.meta.url));

export interface FolderSize {
  files: number;
  bytes: number;
  /** What tsc reads: `.ts` files (`.d.ts` included). */
  tsFiles: number;
  tsBytes: number;
}

export interface OutputCost {
  name: string;
  size: FolderSize;
  tsc: ChildRun;
}

export async function folderSize(dir: string): Promise<FolderSize> {
  const size: FolderSize = { files: 0, bytes: 0, tsFiles: 0, tsBytes: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { size: bytes } = await stat(path.join(entry.parentPath, entry.name));
    size.files += 1;
    size.bytes += bytes;
    if (entry.name.endsWith('.ts')) {
      size.tsFiles += 1;
      size.tsBytes += bytes;
    }
  }
  return size;
}

/** `tsc --noEmit --strict` from `entry`, libraries checked too (the official typings are one), no ambient @types. */
export async function typeCheck(entry: string, cwd: string): Promise<ChildRun> {
  // Beside the entry's folder, not in it: docgen refuses to write into a folder holding files it did not make.
  const config = `${path.dirname(entry)}.tsconfig.json`;
  const compilerOptions = {
    noEmit: true,
    strict: true,
    target: 'es2022',
    lib: ['es2022'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    skipLibCheck: false,
    types: [],
  };
  await writeFile(config, JSON.stringify({ compilerOptions, files: [entry] }, null, 2));
  return runChild('tsc', ['-p', config], cwd);
}

/** The official typings, type-checked through a one-line file that imports them, as a user's code would. */
export async function officialTypingsCost(scratch: string): Promise<OutputCost> {
  const dir = path.join(scratch, 'official');
  await mkdir(dir);
  // So the import resolves from the scratch folder to the project's copy of the package.
  await symlink(path.join(PROJECT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const entry = path.join(dir, 'index.ts');
  await writeFile(entry, `import type * as Graph from '${OFFICIAL_TYPINGS}'; export type User = Graph.User;\n`);
  const packageJson = path.join(PROJECT, 'node_modules', OFFICIAL_TYPINGS, 'package.json');
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  return {
    name: `official typings, ${OFFICIAL_TYPINGS} ${version}`,
    size: await folderSize(path.dirname(packageJson)),
    tsc: await typeCheck(entry, scratch),
  };
}

/** `entry`: the file tsc starts from, `index.ts` for the sources, `index.d.ts` for a package's declarations. */
export async function generatedCost(name: string, out: string, scratch: string, entry = 'index.ts'): Promise<OutputCost> {
  return { name, size: await folderSize(out), tsc: await typeCheck(path.join(out, entry), scratch) };
}

/**
 * The layout not taken, timed beside the one taken: every model in one module
 * (`models/` joined into `<scratch>/models-joined/index.ts`, each file's header and
 * imports dropped, as the names are unique). One module is cheaper to type-check
 * whole, but a consumer importing one model by subpath would read all of them.
 */
export async function joinedModelsCost(models: string, scratch: string): Promise<OutputCost> {
  const joined = path.join(scratch, 'models-joined');
  await mkdir(joined);
  const parts: string[] = [];
  for (const file of (await readdir(models)).filter((name) => name.endsWith('.ts') && name !== 'index.ts').sort()) {
    const text = await readFile(path.join(models, file), 'utf8');
    parts.push(text.split('\n').filter((line) => !line.startsWith('import ') && !line.startsWith('// ')).join('\n'));
  }
  await writeFile(path.join(joined, 'index.ts'), parts.join('\n'));
  return generatedCost('docgen, models joined into one module (the layout not taken)', joined, scratch);
}
