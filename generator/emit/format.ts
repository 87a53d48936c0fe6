// One in-memory ts-morph project formats every emitted TypeScript file the same way,
// and refuses output that does not parse: a syntax error here is a docgen bug.
import { createHash } from 'node:crypto';
import { Project, ts } from 'ts-morph';
import { mapInWorkers } from '../workers.js';

const FORMAT: ts.FormatCodeSettings = {
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  newLineCharacter: '\n',
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  // The templates place semicolons; the formatter only lays out.
  semicolons: ts.SemicolonPreference.Ignore,
};

export class EmitError extends Error {}

export interface FormatHooks {
  /** Called as files are formatted: `done` of `total`, for a progress bar. */
  onFile?: (done: number, total: number) => void;
  /** A hash of the text before formatting (`formatKey`) → the text after, kept between runs; pruned to this run's files. */
  formatted?: Map<string, string>;
  /** Called when a file was not in `formatted`. */
  onMiss?: () => void;
}

export function formatFiles(files: Map<string, string>, hooks: FormatHooks = {}): Map<string, string> {
  const { misses, settle } = fromCache(files, hooks);
  return settle(formatSources(misses, hooks.onFile && ((done) => hooks.onFile!(files.size - misses.length + done, files.size))));
}

/** As `formatFiles`, with the files the cache lacks spread over worker threads. */
export async function formatFilesInParallel(files: Map<string, string>, hooks: FormatHooks = {}): Promise<Map<string, string>> {
  const { misses, settle } = fromCache(files, hooks);
  const worker = new URL('./formatWorker.ts', import.meta.url);
  const here = (share: readonly FileToFormat[]) => formatSources(share, hooks.onFile && ((done) => hooks.onFile!(files.size - misses.length + done * (misses.length / share.length), files.size)));
  const results = await mapInWorkers(worker, misses, ([, text]) => text.length, here, (message) => new EmitError(message));
  hooks.onFile?.(files.size, files.size);
  return settle(results);
}

export type FileToFormat = [path: string, text: string];

/**
 * What the cache already holds, and the TypeScript files it lacks. `settle(formatted)`, given those
 * formatted in order, returns every file formatted, and prunes the cache to this run's files.
 */
function fromCache(files: Map<string, string>, { formatted: cache, onMiss }: FormatHooks) {
  const keys = new Map<string, string>();
  const misses: FileToFormat[] = [];
  for (const [path, text] of files) {
    // Only TypeScript is formatted (and parsed); JSON comes out of JSON.stringify as it should be.
    if (!path.endsWith('.ts')) continue;
    const key = cache ? formatKey(text) : text;
    keys.set(path, key);
    if (!cache?.has(key)) misses.push([path, text]);
  }
  if (misses.length > 0) onMiss?.();
  const settle = (results: string[]): Map<string, string> => {
    const fresh = new Map(misses.map(([path], index) => [keys.get(path)!, results[index]!]));
    const out = new Map<string, string>();
    const used = new Map<string, string>();
    for (const [path, text] of files) {
      const key = keys.get(path);
      if (key === undefined) {
        out.set(path, text);
        continue;
      }
      const result = fresh.get(key) ?? cache!.get(key)!;
      out.set(path, result);
      used.set(key, result);
    }
    if (cache) {
      cache.clear();
      for (const [text, result] of used) cache.set(text, result);
    }
    return out;
  };
  return { misses, settle };
}

/** The format cache's key for a file's text: a hash, so the cache on disk stays small. */
export function formatKey(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Formats each file with one in-memory project; throws EmitError on a file that does not parse. */
export function formatSources(files: readonly FileToFormat[], onFile?: (done: number) => void): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return files.map(([path, text], index) => {
    onFile?.(index);
    const sourceFile = project.createSourceFile(`/out/${path}`, text);
    const syntaxErrors = (sourceFile.compilerNode as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    if (syntaxErrors.length > 0) {
      const first = syntaxErrors[0]!;
      const where = sourceFile.getLineAndColumnAtPos(first.start ?? 0);
      throw new EmitError(
        `docgen produced invalid TypeScript in ${path}:${where.line}:${where.column}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
      );
    }
    sourceFile.formatText(FORMAT);
    const result = tidy(sourceFile.getFullText());
    project.removeSourceFile(sourceFile);
    return result;
  });
}

/** No runs of blank lines, no trailing spaces, exactly one final newline. */
function tidy(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
