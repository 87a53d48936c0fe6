// `docgen check`: exit 1, with a report, when the output folder has drifted from the
// docs (the work: actions/check.ts).
import type { Command } from 'commander';
import { type CommonOptions, lazyAction, withCommonOptions, withFormatOption } from '../options.js';

export interface CheckOptions extends CommonOptions {
  format: 'text' | 'json' | 'github';
}

export function addCheckCommand(program: Command): void {
  withFormatOption(
    withCommonOptions(program.command('check').description('Exit 1, with a diff, when the output folder differs from what the docs produce.'), true),
    ['text', 'json', 'github'],
  ).action(lazyAction<CheckOptions>(() => import('../actions/check.js')));
}
