// `docgen check`'s work: exit 1 when the output folder has drifted from the docs, and say
// how: unified diffs (text), a report of the drifted declarations (json), or GitHub
// Actions annotations on the doc lines that caused them (github).
import pc from 'picocolors';
import { driftReport } from '../../check/driftReport.js';
import { formatText } from '../../check/formatText.js';
import { diagnosticAnnotations, driftAnnotations } from '../../check/githubAnnotations.js';
import type { PipelineResult } from '../../pipeline.js';
import { readDocs } from '../../read/readDocs.js';
import { compareOutput, driftSummary } from '../../write/compareOutput.js';
import { assertFolderPath } from '../../write/folderPaths.js';
import { readOutput, setAsideOutputs, withManifest } from '../../write/outputFolder.js';
import type { CheckOptions } from '../commands/check.js';
import { diagnosticSummary, displayPath } from '../report.js';
import { openCache, printDiagnostics, settings, strictStatus } from '../settings.js';

/** What a check compares: the pipeline's result, or (`files` absent) what the last run left unchanged. */
type Checked = Pick<PipelineResult, 'docs' | 'diagnostics' | 'origins'> & { files: Map<string, string> | undefined };

export async function run(options: CheckOptions): Promise<void> {
  const { inputs, out, filter, emit } = await settings(options);
  await assertFolderPath(out, 'the output folder');
  const opened = await openCache(options, emit, out);
  const read = await readDocs(inputs, filter);
  // The same docs, docgen and options as the last run, and an output nobody touched since: up to date.
  const previous = await opened.unchanged(read, filter, out);
  const result: Checked = previous
    ? { docs: read.docs, diagnostics: previous, origins: new Map(), files: undefined }
    : // Loaded only now: a check the last run answers never loads the parser or the emitter.
      await (await import('../../pipeline.js')).runPipeline(inputs, filter, { emit, cache: await opened.load(read, filter), read });
  await opened.save();
  const status = options.format === 'github' ? printDiagnosticAnnotations(result, options) : printDiagnostics(result.diagnostics, result.docs, options);
  const drift = result.files ? compareOutput(withManifest(result.files), await readOutput(out)) : [];
  if (result.files && drift.length === 0) await opened.record(read, filter, out, result.diagnostics);
  const setAside = drift.length > 0 ? await setAsideOutputs(out) : [];
  const hint = setAside.length > 0 ? `docgen check: an interrupted run left the previous output beside ${out} (${setAside.join(', ')}); \`docgen generate\` puts it back.\n` : '';
  const report = () => driftReport(drift, result.origins, (file) => displayPath(file, result.docs));
  if (options.format === 'json') {
    // stdout holds the JSON alone.
    process.stdout.write(`${JSON.stringify(report(), null, 2)}\n`);
    process.stderr.write(hint);
  } else {
    const body = options.format === 'github' ? driftAnnotations(report(), out).map((line) => `${line}\n`).join('') : formatText(drift, colourStdout());
    process.stdout.write(`${body}${driftSummary(drift)}\n${hint}`);
  }
  process.exitCode = drift.length > 0 ? 1 : status;
}

/** In github format the diagnostics go to stdout, as annotations the Actions UI shows on the doc lines. */
function printDiagnosticAnnotations({ diagnostics, docs }: Checked, options: CheckOptions): number {
  const lines = options.quiet ? [] : diagnosticAnnotations(diagnostics, docs);
  if (diagnostics.length > 0) lines.push(`docgen: ${diagnosticSummary(diagnostics)}`);
  process.stdout.write(lines.map((line) => `${line}\n`).join(''));
  return strictStatus(diagnostics, options);
}

/** picocolors honours NO_COLOR and FORCE_COLOR, but would colour a CI log or a pipe too: only a terminal, unless forced. */
function colourStdout(): boolean {
  return pc.isColorSupported && (process.stdout.isTTY === true || Boolean(process.env['FORCE_COLOR']));
}
