// The output folder: written whole or not at all, holding only what docgen
// made (listed in its manifest), and compared file by file for `check`.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MANIFEST = 'docgen-manifest.json';

export class OutputError extends Error {}

/** Adds the manifest: the list of files docgen owns in the output folder. */
export function withManifest(files: Map<string, string>): Map<string, string> {
  const manifest = { generator: 'docgen', note: 'Files docgen generated here; it removes only these.', files: [...files.keys()] };
  return new Map([...files, [MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`]]);
}

/** Every file under `dir`, as sorted POSIX paths relative to it; empty when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export async function readOutput(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(dir)) files.set(file, await readFile(path.join(dir, file), 'utf8'));
  return files;
}

/** Refuses an output folder that would overwrite the docs, the file system root, or files docgen did not make. */
export async function assertWritableOutput(out: string, inputs: readonly string[]): Promise<void> {
  const target = path.resolve(out);
  if (target === path.parse(target).root) throw new OutputError(`refusing to write to ${out}: it is the file system root`);
  for (const input of inputs) {
    const root = path.resolve(input);
    if (isInside(target, root) || isInside(root, target)) {
      throw new OutputError(`refusing to write to ${out}: it overlaps the input folder ${input}`);
    }
  }
  const existing = await listFiles(target);
  if (existing.length === 0) return;
  const owned = await ownedFiles(target);
  if (!owned) throw new OutputError(`refusing to write to ${out}: it holds files but no ${MANIFEST}, so it is not a docgen output folder`);
  const foreign = existing.filter((file) => file !== MANIFEST && !owned.has(file));
  if (foreign.length > 0) {
    throw new OutputError(
      `refusing to write to ${out}: it holds files docgen did not generate (move them elsewhere first):\n${foreign.map((file) => `  ${file}`).join('\n')}`,
    );
  }
}

async function ownedFiles(dir: string): Promise<Set<string> | undefined> {
  const text = await readFile(path.join(dir, MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as { files?: unknown };
    return Array.isArray(manifest.files) ? new Set(manifest.files.filter((file): file is string => typeof file === 'string')) : undefined;
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Writes `files` into a fresh folder beside `out`, then swaps it in, so a run
 * that dies midway leaves the previous output as it was.
 */
export async function writeOutput(out: string, files: Map<string, string>): Promise<void> {
  const target = path.resolve(out);
  const staging = `${target}.docgen-tmp-${process.pid}`;
  const previous = `${target}.docgen-old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [file, content] of files) {
      const destination = path.join(staging, ...file.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, content);
    }
    await mkdir(staging, { recursive: true });
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists) await rename(target, previous);
    await rename(staging, target);
    if (exists) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
