// `docgen lint`'s work: every diagnostic and a count per code, or (--examples) every
// JSON example of the docs checked with the generated validators.
import { lintExamples } from '../../lint/lintExamples.js';
import { examplesJson, findingLines, formatSummary, summarise } from '../../lint/report.js';
import { buildFromDocs } from '../../pipeline.js';
import { computeCoverage } from '../../stats/coverage.js';
import { formatCoverage, mapCoverageFiles } from '../../stats/formatCoverage.js';
import type { LintOptions } from '../commands/lint.js';
import { codeTable, diagnosticSummary, displayPath, formatDiagnostic, lintJson } from '../report.js';
import { analyse } from '../analyse.js';
import { settings, strictStatus } from '../settings.js';

export async function run(options: LintOptions): Promise<void> {
  if (options.examples) return lintDocExamples(options);
  if (options.strictValidation) process.stderr.write('docgen lint: --strict-validation has effect only with --examples\n');
  const { docs, diagnostics, coverage } = await analyse(options);
  if (options.format === 'json') {
    const report = options.stats ? { ...lintJson(diagnostics, docs), stats: coverage } : lintJson(diagnostics, docs);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const text: string[] = [];
    if (!options.quiet) text.push(...diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic, docs)}\n`));
    if (diagnostics.length > 0) text.push(`${text.length > 0 ? '\n' : ''}${codeTable(diagnostics)}`);
    text.push(`docgen: ${diagnosticSummary(diagnostics)}\n`);
    if (options.stats) text.push(`\n${formatCoverage(coverage)}`);
    process.stdout.write(text.join(''));
  }
  process.exitCode = strictStatus(diagnostics, options);
}

/**
 * `lint --examples`: each finding (stdout), the counts per class and the
 * summary; `--format json` for a report. Exit 1 under --strict when an example
 * fails. The docs' diagnostics are `docgen lint`'s business, not repeated here.
 */
async function lintDocExamples(options: LintOptions): Promise<void> {
  const { inputs, filter, emit } = await settings(options);
  const built = await buildFromDocs(inputs, filter);
  const texts = new Map(built.docs.map((doc) => [doc.path, doc.text]));
  const split = new Map<string, string[]>();
  const mode = options.strictValidation ? 'strict' : 'lenient';
  const results = await lintExamples(built.model, {
    mode,
    naming: emit.naming,
    lines(file) {
      let found = split.get(file);
      const text = texts.get(file);
      if (!found && text !== undefined) split.set(file, (found = text.split('\n')));
      return found;
    },
  });
  const summary = summarise(results, mode);
  const show = (file: string) => displayPath(file, built.docs);
  const coverage = () => mapCoverageFiles(computeCoverage(built.pages, built.model, built.diagnostics), show);
  if (options.format === 'json') {
    const report = examplesJson(results, summary, show);
    process.stdout.write(`${JSON.stringify(options.stats ? { ...report, stats: coverage() } : report, null, 2)}\n`);
  } else {
    const text: string[] = [];
    if (!options.quiet) text.push(...findingLines(results, show).map((line) => `${line}\n`));
    text.push(`${text.length > 0 ? '\n' : ''}${formatSummary(summary)}`);
    if (options.stats) text.push(`\n${formatCoverage(coverage())}`);
    process.stdout.write(text.join(''));
  }
  process.exitCode = options.strict && summary.failed > 0 ? 1 : 0;
}
