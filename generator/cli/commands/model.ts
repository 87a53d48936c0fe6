// `docgen model`: the intermediate model as JSON, for other tools and for `docgen diff`.
import type { Command } from 'commander';
import { buildFromDocs } from '../../pipeline.js';
import { type CommonOptions, printDiagnostics, settings, withCommonOptions } from '../options.js';

export function addModelCommand(program: Command): void {
  withCommonOptions(program.command('model').description('Print the intermediate model as JSON.'), false).action(
    async (options: CommonOptions) => {
      const { inputs, filter } = await settings(options);
      const result = await buildFromDocs(inputs, filter);
      process.stdout.write(`${JSON.stringify(result.model, null, 2)}\n`);
      process.exitCode = printDiagnostics(result.diagnostics, result.docs, options);
    },
  );
}
