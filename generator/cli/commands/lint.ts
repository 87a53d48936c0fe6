// `docgen lint` and `docgen stats`: what docgen made of the docs, without writing anything.
import type { Command } from 'commander';
import { lintExamples } from '../../lint/lintExamples.js';
import { examplesJson, findingLines, formatSummary, summarise } from '../../lint/report.js';
import { buildFromDocs } from '../../pipeline.js';
import { computeCoverage } from '../../stats/coverage.js';
import { formatCoverage, mapCoverageFiles } from '../../stats/formatCoverage.js';
import { analyse, type ReportOptions, settings, strictStatus, withFormatOption, withInputOptions } from '../options.js';
import { codeTable, diagnosticSummary, displayPath, formatDiagnostic, lintJson } from '../report.js';

interface LintOptions extends ReportOptions {
  examples?: boolean;
  strictValidation?: boolean;
}

export function addLintCommand(program: Command): void {
  withFormatOption(
    withInputOptions(program.command('lint').description('Read the docs and print every diagnostic, then a count per code.'))
      .option('--strict', 'exit 1 when the docs yield any warning or error (with --examples: when an example fails)')
      .option('-q, --quiet', 'text: print only the counts, not each diagnostic')
      .option('--stats', 'also print the coverage figures (see `docgen stats`)')
      .option('--examples', 'instead of the diagnostics, check every JSON example of the docs with the generated validators')
      .option('--strict-validation', 'with --examples: validate in strict mode (unlisted properties and unknown enum members are errors)'),
  ).action(async (options: LintOptions) => {
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
  });
}

export function addStatsCommand(program: Command): void {
  withFormatOption(
    withInputOptions(program.command('stats').description('Print coverage figures: pages by kind, types, resolved rows, complete operations.')).option(
      '--strict',
      'exit 1 when the docs yield any warning or error',
    ),
  ).action(async (options: ReportOptions) => {
    const { diagnostics, coverage } = await analyse(options);
    process.stdout.write(options.format === 'json' ? `${JSON.stringify(coverage, null, 2)}\n` : formatCoverage(coverage));
    process.exitCode = strictStatus(diagnostics, options);
  });
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
