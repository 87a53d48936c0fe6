// `docgen stats`'s work: the coverage figures.
import { formatCoverage } from '../../stats/formatCoverage.js';
import type { ReportOptions } from '../options.js';
import { analyse } from '../analyse.js';
import { strictStatus } from '../settings.js';

export async function run(options: ReportOptions): Promise<void> {
  const { diagnostics, coverage } = await analyse(options);
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(coverage, null, 2)}\n` : formatCoverage(coverage));
  process.exitCode = strictStatus(diagnostics, options);
}
