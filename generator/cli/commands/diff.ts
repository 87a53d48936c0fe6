// `docgen diff`: what changed in the API between two versions of the docs
// (folders, or models saved by `docgen model`), breaking or not, and the
// semver bump it calls for. Exit 1 under --fail-on when the diff has such changes.
import { type Command, Option } from 'commander';
import { compareModels, type ModelDiff } from '../../diff/compareModels.js';
import { formatMarkdown } from '../../diff/formatMarkdown.js';
import { loadModel, locateSide, type Side } from '../../diff/loadModel.js';
import { diagnosticSummary } from '../report.js';

interface DiffOptions {
  from?: string;
  to?: string;
  format: 'markdown' | 'json';
  failOn: 'none' | 'breaking' | 'any';
  include?: string[];
  exclude?: string[];
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

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
    .action(async (options: DiffOptions) => {
      const filter = { include: options.include, exclude: options.exclude };
      const load = async (side: Side) => {
        const loaded = await loadModel(side, filter);
        if (loaded.pages !== undefined) process.stderr.write(`docgen diff: ${side.option} ${side.location}: ${loaded.pages} pages read, ${diagnosticSummary(loaded.diagnostics)}\n`);
        return loaded.model;
      };
      // Both sides are checked before either is read: a slip in --to should not wait a minute for --from.
      const [from, to] = [await locateSide('--from', options.from), await locateSide('--to', options.to)];
      const diff = compareModels(await load(from), await load(to));
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatMarkdown(diff));
      process.exitCode = failing(diff, options.failOn) ? 1 : 0;
    });
}

function failing(diff: ModelDiff, failOn: DiffOptions['failOn']): boolean {
  return failOn === 'any' ? diff.changes.length > 0 : failOn === 'breaking' && diff.summary.breaking > 0;
}
