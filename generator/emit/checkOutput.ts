// The last step of emitting: every TypeScript file is parsed with the
// TypeScript compiler, and output that does not parse is refused (a docgen
// bug); then runs of blank lines and trailing spaces are tidied. The
// templates already lay code out as the TypeScript formatter would (a test
// holds them to it), so no formatting pass is needed.
import { createHash } from 'node:crypto';
import type { ts } from 'ts-morph';
import { compiler } from '../typescript.js';
import { siblingModule } from '../packageRoot.js';
import { mapInWorkers } from '../workers.js';

export class EmitError extends Error {}

export interface CheckHooks {
  /** Called as files are checked: `done` of `total`, for a progress bar. */
  onFile?: (done: number, total: number) => void;
  /** Hashes (`checkKey`) of the texts that already passed the check, kept between runs; pruned to this run's files. */
  checked?: Set<string>;
  /** Called when a file was not in `checked`. */
  onMiss?: () => void;
}

export function checkFiles(files: Map<string, string>, hooks: CheckHooks = {}): Map<string, string> {
  const { misses, settle } = unchecked(files, hooks);
  checkSources(misses, hooks.onFile && ((done) => hooks.onFile!(files.size - misses.length + done, files.size)));
  return settle();
}

/** As `checkFiles`, with the files the cache lacks spread over worker threads. */
export async function checkFilesInParallel(files: Map<string, string>, hooks: CheckHooks = {}): Promise<Map<string, string>> {
  const { misses, settle } = unchecked(files, hooks);
  const worker = siblingModule('./checkWorker.ts', import.meta.url);
  const onDone = hooks.onFile && ((done: number) => hooks.onFile!(files.size - misses.length + done, files.size));
  await mapInWorkers(worker, misses, ([, text]) => text.length, checkSources, (message) => new EmitError(message), onDone);
  hooks.onFile?.(files.size, files.size);
  return settle();
}

export type FileToCheck = [path: string, text: string];

/**
 * The TypeScript files whose text the cache has not seen pass. `settle()`, once they pass, records them
 * (the cache is pruned to this run's files) and returns every file tidied.
 */
function unchecked(files: Map<string, string>, { checked: cache, onMiss }: CheckHooks) {
  const misses: FileToCheck[] = [];
  const keys = new Set<string>();
  for (const [path, text] of files) {
    // Only TypeScript is checked; JSON comes out of JSON.stringify as it should be.
    if (!path.endsWith('.ts')) continue;
    if (!cache) {
      misses.push([path, text]);
      continue;
    }
    const key = checkKey(text);
    keys.add(key);
    if (!cache.has(key)) misses.push([path, text]);
  }
  if (misses.length > 0) onMiss?.();
  const settle = (): Map<string, string> => {
    if (cache) {
      cache.clear();
      for (const key of keys) cache.add(key);
    }
    return new Map([...files].map(([path, text]) => [path, path.endsWith('.ts') ? tidy(text) : text]));
  };
  return { misses, settle };
}

/** The cache's key for a file's text: a hash, so the cache on disk stays small. */
export function checkKey(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Parses each file; throws EmitError at the first that does not parse. Returns one `true` per file, for the worker protocol. */
export function checkSources(files: readonly FileToCheck[], onFile?: (done: number) => void): boolean[] {
  const typescript = compiler();
  return files.map(([path, text], index) => {
    onFile?.(index);
    const sourceFile = typescript.createSourceFile(path, text, typescript.ScriptTarget.ES2022, false, typescript.ScriptKind.TS);
    const [first] = (sourceFile as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    if (first) {
      const where = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
      throw new EmitError(
        `docgen produced invalid TypeScript in ${path}:${where.line + 1}:${where.character + 1}: ${typescript.flattenDiagnosticMessageText(first.messageText, ' ')}`,
      );
    }
    return true;
  });
}

/** No runs of blank lines, no trailing spaces, exactly one final newline. */
function tidy(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
