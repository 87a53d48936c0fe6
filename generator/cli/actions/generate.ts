// `docgen generate`'s work: the docs → the output folder, swapped in whole; with
// --watch, again for every saved page, re-reading only what changed.
import { pageCount } from '../../read/docFile.js';
import { readDocs } from '../../read/readDocs.js';
import { assertOutputPath, assertOwnedOutput, settleLeftovers, withManifest, writeOutput } from '../../write/outputFolder.js';
import type { GenerateOptions } from '../commands/generate.js';
import { progressBar } from '../progress.js';
import { openCache, printDiagnostics, settings } from '../settings.js';
import { watchDocs } from '../watch.js';

export async function run(options: GenerateOptions): Promise<void> {
  const config = await settings(options);
  if (options.watch) return watchDocs(config, options);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  // Every folder this run may write is checked before anything is written; what the output
  // holds, only once the run cannot stop early (a listing of thousands of files).
  await assertOutputPath(config.out, config.inputs);
  const opened = await openCache(options, config.emit, config.out);
  const read = await readDocs(config.inputs, config.filter);
  // What killed runs left beside the output is settled first, stopping early or not.
  await settleLeftovers(config.out);
  const previous = await opened.unchanged(read, config.filter, config.out);
  if (previous) {
    // The same docs, docgen and options as the last run, and an output nobody touched: nothing to do.
    process.exitCode = printDiagnostics(previous, read.docs, options);
    process.stdout.write(`docgen: ${pageCount(read.docs)} pages read, ${config.out} already up to date (unchanged since the last run) in ${seconds()} s\n`);
    return;
  }
  const progress = progressBar();
  const pipeline = { emit: config.emit, onProgress: progress.listener, cache: await opened.load(read, config.filter), read };
  // Loaded only now: a run that stops early never loads the parser or the emitter.
  const { runPipeline } = await import('../../pipeline.js');
  const result = await runPipeline(config.inputs, config.filter, pipeline).finally(() => progress.stop());
  await assertOwnedOutput(config.out);
  const written = await writeOutput(config.out, withManifest(result.files));
  await opened.save();
  await opened.record(read, config.filter, config.out, result.diagnostics);
  const status = printDiagnostics(result.diagnostics, result.docs, options);
  const outcome = written ? `${result.files.size} files written to ${config.out}` : `${config.out} already up to date (${result.files.size} files)`;
  const cached = result.fromCache > 0 ? ` (${result.fromCache} from the cache)` : '';
  process.stdout.write(`docgen: ${pageCount(result.docs)} pages read${cached}, ${outcome} in ${seconds()} s\n`);
  process.exitCode = status;
}
