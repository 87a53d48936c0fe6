// `docgen diff`: what changed in the API between two versions of the docs
// (folders, or models saved by `docgen model`), breaking or not, and the
// semver bump it calls for (the work: actions/diff.ts).
import { type Command, Option } from 'commander';
import { collect, lazyAction } from '../options.js';

export interface DiffOptions {
  from?: string;
  to?: string;
  format: 'markdown' | 'json';
  failOn: 'none' | 'breaking' | 'any';
  include?: string[];
  exclude?: string[];
}

export function addDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('Compare two versions of the API: types, properties, members, operations and paths added, removed or changed, each breaking or not, and the semver bump they call for.')
    .option('--from <docs|model.json>', 'the old version: a folder of docs, or a model saved with `docgen model`')
    .option('--to <docs|model.json>', 'the new version, likewise')
    .addOption(new Option('--format <format>', 'markdown (release notes) or json').choices(['markdown', 'json']).default('markdown'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when there is a breaking change, or any change').choices(['none', 'breaking', 'any']).default('none'))
    .option('--include <glob>', 'compare only pages matching the glob, on both sides (repeatable; a glob without / matches a file name anywhere)', collect)
    .option('--exclude <glob>', 'leave out pages matching the glob, on both sides (repeatable)', collect)
    .action(lazyAction<DiffOptions>(() => import('../actions/diff.js')));
}
