// `docgen check`: exit 1, with a diff, when the output folder has drifted from the docs.
import type { Command } from 'commander';
import { runPipeline } from '../../pipeline.js';
import { compareOutput, driftSummary } from '../../write/compareOutput.js';
import { readOutput, setAsideOutputs, withManifest } from '../../write/outputFolder.js';
import { type CommonOptions, printDiagnostics, settings, withCommonOptions } from '../options.js';

export function addCheckCommand(program: Command): void {
  withCommonOptions(
    program.command('check').description('Exit 1, with a diff, when the output folder differs from what the docs produce.'),
    true,
  ).action(async (options: CommonOptions) => {
    const { inputs, out, filter, emit } = await settings(options);
    const result = await runPipeline(inputs, filter, { emit });
    const status = printDiagnostics(result.diagnostics, result.docs, options);
    const drift = compareOutput(withManifest(result.files), await readOutput(out));
    for (const item of drift) process.stdout.write(item.patch);
    process.stdout.write(`${driftSummary(drift)}\n`);
    const setAside = drift.length > 0 ? await setAsideOutputs(out) : [];
    if (setAside.length > 0) {
      process.stdout.write(`docgen check: an interrupted run left the previous output beside ${out} (${setAside.join(', ')}); \`docgen generate\` puts it back.\n`);
    }
    process.exitCode = drift.length > 0 ? 1 : status;
  });
}
