// `docgen model`'s work: the intermediate model as JSON.
import { buildFromDocs } from '../../pipeline.js';
import type { CommonOptions } from '../options.js';
import { printDiagnostics, settings } from '../settings.js';

export async function run(options: CommonOptions): Promise<void> {
  const { inputs, filter } = await settings(options);
  const result = await buildFromDocs(inputs, filter);
  process.stdout.write(`${JSON.stringify(result.model, null, 2)}\n`);
  process.exitCode = printDiagnostics(result.diagnostics, result.docs, options);
}
