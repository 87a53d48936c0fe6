// `generate --watch`: one full run, then, for each burst of saved pages, a run that
// reads again only the pages saved (rereadDocs), re-parses only the pages whose text
// changed and re-formats only the files whose text changed (the build cache), renders
// only the files whose model facts changed (the emit memo), and writes only the files
// that differ.
import path from 'node:path';
import chokidar from 'chokidar';
import type { Diagnostic } from '../model/types.js';
import { createBuildCache } from '../buildCache.js';
import { createEmitMemo } from '../emit/emitMemo.js';
import { type ProgressListener, runPipeline } from '../pipeline.js';
import { type DocFile, pageCount } from '../read/docFile.js';
import { type PageFilter, readDocs, type ReadResult, rereadDocs } from '../read/readDocs.js';
import type { EmitOptions } from '../emit/options.js';
import { assertWritableOutput, updateOutput, withManifest, writeOutput } from '../write/outputFolder.js';
import type { CommonOptions } from './options.js';
import { openCache, printDiagnostics } from './settings.js';
import { progressBar } from './progress.js';

interface WatchSettings {
  inputs: string[];
  out: string;
  filter: PageFilter;
  emit: EmitOptions;
}

/** Waits for saves after a short quiet spell, so an editor's burst of events is one run. */
const QUIET_MS = 100;

export async function watchDocs(settings: WatchSettings, options: CommonOptions): Promise<void> {
  // Start from the cache on disk when there is one; the session keeps it in memory after that.
  await assertWritableOutput(settings.out, settings.inputs);
  const disk = await openCache(options, settings.emit, settings.out);
  const read = await readDocs(settings.inputs, settings.filter);
  const cache = (await disk.load(read, settings.filter)) ?? createBuildCache();
  const memo = createEmitMemo();
  const build = (onProgress?: ProgressListener, docs?: ReadResult) =>
    runPipeline(settings.inputs, settings.filter, { emit: settings.emit, cache, memo, onProgress, read: docs });

  const progress = progressBar();
  const first = await build(progress.listener, read).finally(() => progress.stop());
  let written = withManifest(first.files);
  await writeOutput(settings.out, written);
  await disk.save();
  printDiagnostics(first.diagnostics, first.docs, options);
  say(`${pageCount(first.docs)} pages read, ${written.size} files written to ${settings.out}`);

  const changed = new Set<string>();
  // Pages saved in place are read again alone; anything else (a page added or removed, a folder) reads the docs afresh.
  let onlySaved = true;
  let docs: ReadResult | undefined = read;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rebuild = async () => {
    const started = performance.now();
    const pages = [...changed].sort();
    const reread = onlySaved && docs ? rereadDocs(docs, pages) : undefined;
    changed.clear();
    onlySaved = true;
    try {
      docs = reread ?? (await readDocs(settings.inputs, settings.filter));
      const result = await build(undefined, docs);
      const next = withManifest(result.files);
      const { written: files, removed } = await updateOutput(settings.out, written, next);
      written = next;
      printDiagnostics(result.diagnostics.filter((d) => pages.some((page) => sameFile(page, d, result.docs))), result.docs, options);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const list = [...files, ...removed.map((file) => `-${file}`)];
      say(`${pages.join(', ')} changed: ${files.length} files written, ${removed.length} removed in ${seconds} s${list.length ? ` (${list.join(', ')})` : ''}`);
    } catch (error) {
      // A bad save must not end the session: say why and wait for the next one (which reads the docs afresh).
      docs = undefined;
      say(`${pages.join(', ')} changed, but the run failed: ${(error as Error).message}`);
    }
  };

  const watcher = chokidar.watch(settings.inputs, { ignoreInitial: true, followSymlinks: false });
  watcher.on('all', (event, file) => {
    if (event !== 'change') onlySaved = false;
    if (!/\.md(\.txt)?$/.test(file)) return;
    changed.add(path.relative(process.cwd(), file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, QUIET_MS);
  });
  watcher.on('error', (error) => say(`watching failed: ${(error as Error).message}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  say(`watching ${settings.inputs.join(', ')} for changes (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      void running.then(() => watcher.close()).then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say('stopped watching');
}

function say(line: string): void {
  process.stdout.write(`docgen: ${line}\n`);
}

/** Whether a diagnostic is about the page at `page` (a path relative to the working folder). */
function sameFile(page: string, diagnostic: Diagnostic, docs: DocFile[]): boolean {
  const doc = docs.find((d) => d.path === diagnostic.source.file);
  return doc !== undefined && path.resolve(doc.root, doc.path) === path.resolve(page);
}
