// `docgen lint` and `docgen stats`: what docgen made of the docs, without writing anything
// (the work: actions/lint.ts, actions/stats.ts).
import type { Command } from 'commander';
import { lazyAction, type ReportOptions, withFormatOption, withInputOptions } from '../options.js';

export interface LintOptions extends ReportOptions {
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
  ).action(lazyAction<LintOptions>(() => import('../actions/lint.js')));
}

export function addStatsCommand(program: Command): void {
  withFormatOption(
    withInputOptions(program.command('stats').description('Print coverage figures: pages by kind, types, resolved rows, complete operations.')).option(
      '--strict',
      'exit 1 when the docs yield any warning or error',
    ),
  ).action(lazyAction<ReportOptions>(() => import('../actions/stats.js')));
}
