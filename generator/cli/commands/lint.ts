// `docgen lint` and `docgen stats`: what docgen made of the docs, without writing anything.
import type { Command } from 'commander';
import { formatCoverage } from '../../stats/formatCoverage.js';
import { analyse, type ReportOptions, strictStatus, withFormatOption, withInputOptions } from '../options.js';
import { codeTable, diagnosticSummary, formatDiagnostic, lintJson } from '../report.js';

export function addLintCommand(program: Command): void {
  withFormatOption(
    withInputOptions(program.command('lint').description('Read the docs and print every diagnostic, then a count per code.'))
      .option('--strict', 'exit 1 when the docs yield any warning or error')
      .option('-q, --quiet', 'text: print only the counts, not each diagnostic')
      .option('--stats', 'also print the coverage figures (see `docgen stats`)'),
  ).action(async (options: ReportOptions) => {
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
