// `docgen generate`: the docs → the output folder (the work: actions/generate.ts).
import type { Command } from 'commander';
import { type CommonOptions, lazyAction, withCommonOptions } from '../options.js';

export interface GenerateOptions extends CommonOptions {
  watch?: boolean;
}

export function addGenerateCommand(program: Command): void {
  withCommonOptions(program.command('generate').description('Generate the SDK from the docs into the output folder.'), true)
    .option('-w, --watch', 'stay running and regenerate what each saved page changes')
    .action(lazyAction<GenerateOptions>(() => import('../actions/generate.js')));
}
