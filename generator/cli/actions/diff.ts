// `docgen diff`'s work: the two sides read as models, compared, printed as release
// notes or JSON; exit 1 under --fail-on when the diff has such changes.
import { compareModels, type ModelDiff } from '../../diff/compareModels.js';
import { formatMarkdown } from '../../diff/formatMarkdown.js';
import { loadModel, locateSide, type Side } from '../../diff/loadModel.js';
import type { DiffOptions } from '../commands/diff.js';
import { diagnosticSummary } from '../report.js';

export async function run(options: DiffOptions): Promise<void> {
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
}

function failing(diff: ModelDiff, failOn: DiffOptions['failOn']): boolean {
  return failOn === 'any' ? diff.changes.length > 0 : failOn === 'breaking' && diff.summary.breaking > 0;
}
