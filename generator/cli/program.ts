// The `docgen` command line: generate, check, model, openapi, lint, stats, diff. Exit codes: 0 done or up
// to date, 1 drift (check) or diagnostics under --strict, 2 usage or input error, 3 a docgen bug.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { PACKAGE_ROOT } from '../packageRoot.js';
import { addCheckCommand } from './commands/check.js';
import { addDiffCommand } from './commands/diff.js';
import { addGenerateCommand } from './commands/generate.js';
import { addLintCommand, addStatsCommand } from './commands/lint.js';
import { addModelCommand } from './commands/model.js';
import { addOpenApiCommand } from './commands/openapi.js';

export function createProgram(): Command {
  const program = new Command('docgen')
    .description('Generate a typed TypeScript SDK (models, validators, request builders) from Graph-style API reference docs.')
    .version(version(), '-V, --version', "print docgen's version")
    .exitOverride()
    .showHelpAfterError();
  for (const add of [addGenerateCommand, addCheckCommand, addModelCommand, addOpenApiCommand, addLintCommand, addStatsCommand, addDiffCommand]) add(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // Loaded only now: `docgen --help` should not pay for the modules that define them.
    const [{ EmitError }, { InputError }, { OutputError }, { ConfigError }] = await Promise.all([
      import('../emit/checkOutput.js'),
      import('../read/readDocs.js'),
      import('../write/folderPaths.js'),
      import('./config.js'),
    ]);
    if (error instanceof InputError || error instanceof ConfigError || error instanceof OutputError) {
      process.stderr.write(`docgen: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof EmitError ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`docgen: ${message}\nThis is a bug in docgen; please report it with the docs that caused it.\n`);
    if (process.env['DOCGEN_DEBUG']) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 3;
  }
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
