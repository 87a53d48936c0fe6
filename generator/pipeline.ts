// read → parse → model → emit, in memory. Writing is the caller's business.
import { buildModel } from './model/buildModel.js';
import type { Diagnostic, Model } from './model/types.js';
import { emitProject } from './emit/emitProject.js';
import { parsePage } from './parse/parsePage.js';
import type { ParsedPage } from './parse/types.js';
import { type DocFile, readDocs } from './read/readDocs.js';

export interface PipelineResult {
  docs: DocFile[];
  model: Model;
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** What read → parse → model yields: the pipeline's result before emitting, plus every page as parsed. */
export interface BuildResult extends Omit<PipelineResult, 'files'> {
  /** The parsed pages, in the order of `docs`. */
  pages: ParsedPage[];
}

export async function buildFromDocs(inputs: readonly string[]): Promise<BuildResult> {
  const { docs, diagnostics: skipped } = await readDocs(inputs);
  const parsed = docs.map((doc) => parsePage(doc.path, doc.text, { invalidUtf8: doc.invalidUtf8 ?? false }));
  const { model, diagnostics } = buildModel(parsed.map((result) => result.page));
  const pages = parsed.map((result) => result.page);
  return { docs, pages, model, diagnostics: [...skipped, ...parsed.flatMap((result) => result.diagnostics), ...diagnostics] };
}

export async function runPipeline(inputs: readonly string[]): Promise<PipelineResult> {
  const built = await buildFromDocs(inputs);
  const emitted = emitProject(built.model);
  return { ...built, files: emitted.files, diagnostics: sortDiagnostics([...built.diagnostics, ...emitted.diagnostics]) };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.source.file, String(d.source.line).padStart(8, '0'), String(d.source.column).padStart(6, '0'), d.code].join('\u0000');
  return [...diagnostics].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
