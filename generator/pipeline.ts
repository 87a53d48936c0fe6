// read → parse → model → emit, in memory. Writing is the caller's business.
import { buildModel } from './model/buildModel.js';
import type { Diagnostic, Model } from './model/types.js';
import { emitProject, type FileOrigin } from './emit/emitProject.js';
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from './emit/options.js';
import { parsePage } from './parse/parsePage.js';
import type { PageResult, ParsedPage } from './parse/types.js';
import { type DocFile, type PageFilter, readDocs } from './read/readDocs.js';

export interface PipelineResult {
  docs: DocFile[];
  model: Model;
  files: Map<string, string>;
  /** Output file → the doc fact it was emitted from (see `emitProject`). */
  origins: Map<string, FileOrigin>;
  diagnostics: Diagnostic[];
}

/** What read → parse → model yields: the pipeline's result before emitting, plus every page as parsed. */
export interface BuildResult extends Omit<PipelineResult, 'files' | 'origins'> {
  /** The parsed pages, in the order of `docs`. */
  pages: ParsedPage[];
}

/** Called as the pipeline goes: `done` of `total` pages parsed, or files emitted. */
export type ProgressListener = (phase: 'parse' | 'emit', done: number, total: number) => void;

/**
 * What one run keeps for the next (`generate --watch`): each page as parsed, by
 * its path and text, and each file as formatted, by its text before formatting.
 * Both are pure functions of their key, so a warm run's output equals a cold one's.
 */
export interface BuildCache {
  pages: Map<string, CachedPage>;
  formatted: Map<string, string>;
}

interface CachedPage {
  text: string;
  invalidUtf8: boolean;
  result: PageResult;
}

export function createBuildCache(): BuildCache {
  return { pages: new Map(), formatted: new Map() };
}

export interface PipelineOptions {
  emit?: EmitOptions;
  onProgress?: ProgressListener;
  cache?: BuildCache;
}

export async function buildFromDocs(inputs: readonly string[], filter: PageFilter = {}, options: PipelineOptions = {}): Promise<BuildResult> {
  const { docs, diagnostics: skipped } = await readDocs(inputs, filter);
  const cached = options.cache?.pages;
  const kept = new Map<string, CachedPage>();
  const parsed = docs.map((doc, index) => {
    options.onProgress?.('parse', index, docs.length);
    const key = `${doc.root}\u0000${doc.path}`;
    const invalidUtf8 = doc.invalidUtf8 ?? false;
    const hit = cached?.get(key);
    const result = hit?.text === doc.text && hit.invalidUtf8 === invalidUtf8 ? hit.result : parsePage(doc.path, doc.text, { invalidUtf8 });
    kept.set(key, { text: doc.text, invalidUtf8, result });
    return result;
  });
  if (cached) {
    cached.clear();
    for (const [key, entry] of kept) cached.set(key, entry);
  }
  options.onProgress?.('parse', docs.length, docs.length);
  const { model, diagnostics } = buildModel(parsed.map((result) => result.page));
  const pages = parsed.map((result) => result.page);
  return { docs, pages, model, diagnostics: [...skipped, ...parsed.flatMap((result) => result.diagnostics), ...diagnostics] };
}

export async function runPipeline(inputs: readonly string[], filter: PageFilter = {}, options: PipelineOptions = {}): Promise<PipelineResult> {
  const built = await buildFromDocs(inputs, filter, options);
  const onFile = options.onProgress && ((done: number, total: number) => options.onProgress!('emit', done, total));
  const emitted = emitProject(built.model, options.emit ?? DEFAULT_EMIT_OPTIONS, { onFile, formatted: options.cache?.formatted });
  return { ...built, files: emitted.files, origins: emitted.origins, diagnostics: sortDiagnostics([...built.diagnostics, ...emitted.diagnostics]) };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.source.file, String(d.source.line).padStart(8, '0'), String(d.source.column).padStart(6, '0'), d.code].join('\u0000');
  return [...diagnostics].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
