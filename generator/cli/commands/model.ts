// `docgen model`: the intermediate model as JSON, for other tools and for `docgen diff`.
import type { Command } from 'commander';
import { type CommonOptions, lazyAction, withCommonOptions } from '../options.js';

export function addModelCommand(program: Command): void {
  withCommonOptions(program.command('model').description('Print the intermediate model as JSON.'), false).action(
    lazyAction<CommonOptions>(() => import('../actions/model.js')),
  );
}
