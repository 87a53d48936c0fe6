// read → parse → model → emit, in memory. Writing is the caller's business.
import { buildModel } from './model/buildModel.js';
import type { Diagnostic, Model } from './model/types.js';
import { emitProject, type FileOrigin } from './emit/emitProject.js';
import type { EmitMemo } from './emit/emitMemo.js';
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from './emit/options.js';
import { parsePages } from './parse/parseWorker.js';
import { checkFilesInParallel } from './emit/checkOutput.js';
import { packageOutput } from './emit/packageOutput.js';
import type { BuildCache, CachedPage } from './buildCache.js';
import { siblingModule } from './packageRoot.js';
import { mapInWorkers } from './workers.js';
import type { PageResult, ParsedInclude, ParsedPage } from './parse/types.js';
import type { DocFile } from './read/docFile.js';
import type { IncludeFile } from './read/includes.js';
import { type PageFilter, readDocs, type ReadResult } from './read/readDocs.js';
import type { IncludedFile } from './model/permissions.js';

export interface PipelineResult {
  docs: DocFile[];
  model: Model;
  files: Map<string, string>;
  /** Output file → the doc fact it was emitted from (see `emitProject`). */
  origins: Map<string, FileOrigin>;
  diagnostics: Diagnostic[];
  /** How many pages the cache held, parsed already. */
  fromCache: number;
}

/** What read → parse → model yields: the pipeline's result before emitting, plus every page as parsed. */
export interface BuildResult extends Omit<PipelineResult, 'files' | 'origins'> {
  /** The parsed pages, in the order of `docs`. */
  pages: ParsedPage[];
}

/** Called as the pipeline goes: `done` of `total` pages parsed, or files emitted. */
export type ProgressListener = (phase: 'parse' | 'emit', done: number, total: number) => void;

export interface PipelineOptions {
  emit?: EmitOptions;
  onProgress?: ProgressListener;
  cache?: BuildCache;
  /** The docs, when the caller has read them already. */
  read?: ReadResult;
  /** The last emit's files and what each read (`generate --watch`): only the files a change reaches are rendered again. */
  memo?: EmitMemo;
}

const PARSE_WORKER = siblingModule('./parse/parseWorker.ts', import.meta.url);

export async function buildFromDocs(inputs: readonly string[], filter: PageFilter = {}, options: PipelineOptions = {}): Promise<BuildResult> {
  const { docs, includes, diagnostics: skipped } = options.read ?? (await readDocs(inputs, filter));
  const cached = options.cache?.pages;
  // A page's parse depends on its path below the root, its text and whether it is an include, not on where the root is.
  const keyOf = (doc: DocFile) => doc.path;
  const fresh = (hit: CachedPage | undefined, doc: DocFile) =>
    hit?.text === doc.text && hit.invalidUtf8 === (doc.invalidUtf8 ?? false) && hit.include === (doc.include ?? false);
  const toParse = docs
    .filter((doc) => !fresh(cached?.get(keyOf(doc)), doc))
    .map((doc) => ({ path: doc.path, text: doc.text, invalidUtf8: doc.invalidUtf8 ?? false, include: doc.include ?? false, key: keyOf(doc) }));
  const reused = docs.length - toParse.length;
  const onDone = (done: number) => options.onProgress?.('parse', reused + done, docs.length);
  const results = await mapInWorkers(PARSE_WORKER, toParse, (page) => page.text.length, parsePages, (message) => new Error(`parsing failed: ${message}`), onDone);
  options.onProgress?.('parse', docs.length, docs.length);
  const parsedNow = new Map(toParse.map((page, index) => [page.key, results[index]!]));
  const parsed = docs.map((doc) => parsedNow.get(keyOf(doc)) ?? cached!.get(keyOf(doc))!.result);
  if (cached && (toParse.length > 0 || cached.size !== docs.length)) {
    options.cache!.changed = true;
    cached.clear();
    docs.forEach((doc, index) => cached.set(keyOf(doc), { text: doc.text, invalidUtf8: doc.invalidUtf8 ?? false, include: doc.include ?? false, result: parsed[index]! }));
  }
  const pages = parsed.flatMap(({ page }) => (page.kind === 'include' ? [] : [page]));
  const { model, diagnostics } = buildModel(pages, includedFiles(includes, parsed));
  return {
    docs,
    pages,
    fromCache: docs.filter((doc) => !doc.include).length - toParse.filter((page) => !page.include).length,
    model,
    diagnostics: [...skipped, ...parsed.flatMap((result) => result.diagnostics), ...diagnostics],
  };
}

/** The include files by the path the docs name them with: parsed, or why they could not be read. */
function includedFiles(includes: readonly IncludeFile[], parsed: ReadonlyArray<PageResult<ParsedPage | ParsedInclude>>): Map<string, IncludedFile> {
  const byFile = new Map(parsed.flatMap(({ page }) => (page.kind === 'include' ? [[page.file, page] as const] : [])));
  return new Map(includes.map((include) => [include.path, include.file ? { parsed: byFile.get(include.file.path)! } : { problem: include.problem! }]));
}

export async function runPipeline(inputs: readonly string[], filter: PageFilter = {}, options: PipelineOptions = {}): Promise<PipelineResult> {
  const built = await buildFromDocs(inputs, filter, options);
  const onFile = options.onProgress && ((done: number, total: number) => options.onProgress!('emit', done, total));
  const emit = options.emit ?? DEFAULT_EMIT_OPTIONS;
  const emitted = emitProject(built.model, emit, { raw: true, memo: options.memo });
  const cache = options.cache;
  const before = cache?.checked.size;
  const files = await checkFilesInParallel(emitted.files, { onFile, checked: cache?.checked, onMiss: () => cache && (cache.changed = true) });
  if (cache && cache.checked.size !== before) cache.changed = true;
  const output = emit.package ? await packageOutput(files, emitted.origins, emit.package, emit.outputs, { onDone: onFile, cache }) : { files, origins: emitted.origins };
  return { ...built, ...output, diagnostics: sortDiagnostics([...built.diagnostics, ...emitted.diagnostics]) };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.source.file, String(d.source.line).padStart(8, '0'), String(d.source.column).padStart(6, '0'), d.code].join('\u0000');
  return [...diagnostics].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
