// The `docgen` command line: generate, check, model, lint, stats. Exit codes: 0 done or up
// to date, 1 drift (check) or diagnostics under --strict, 2 usage or input error, 3 a docgen bug.
import { Command, CommanderError, Option } from 'commander';
import { EmitError } from '../emit/format.js';
import type { Diagnostic } from '../model/types.js';
import { buildFromDocs, runPipeline, sortDiagnostics } from '../pipeline.js';
import { InputError, type DocFile } from '../read/readDocs.js';
import { compareOutput, driftSummary } from '../write/compareOutput.js';
import { assertWritableOutput, OutputError, readOutput, setAsideOutputs, withManifest, writeOutput } from '../write/outputFolder.js';
import { ConfigError, loadConfig } from './config.js';
import { computeCoverage, type Coverage } from '../stats/coverage.js';
import { formatCoverage, mapCoverageFiles } from '../stats/formatCoverage.js';
import { codeTable, diagnosticSummary, displayPath, formatDiagnostic, lintJson } from './report.js';

interface CommonOptions {
  input?: string[];
  out?: string;
  config?: string;
  strict?: boolean;
  quiet?: boolean;
}

interface ReportOptions extends CommonOptions {
  format: 'text' | 'json';
  stats?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function withInputOptions(command: Command): Command {
  return command
    .option('-i, --input <dir>', 'a folder of doc pages (repeatable; default from docgen.config.json, else docs-input)', collect)
    .option('-c, --config <file>', 'config file (default: ./docgen.config.json when present)');
}

function withFormatOption(command: Command): Command {
  return command.addOption(new Option('--format <format>', 'how to print the report').choices(['text', 'json']).default('text'));
}

function withCommonOptions(command: Command, out: boolean): Command {
  withInputOptions(command)
    .option('--strict', 'exit 1 when the docs yield any warning or error')
    .option('-q, --quiet', 'print no diagnostics, only the summary');
  if (out) command.option('-o, --out <dir>', 'the output folder (default from docgen.config.json, else generated)');
  return command;
}

async function settings(options: CommonOptions) {
  const config = await loadConfig(options.config);
  return { inputs: options.input ?? config.input, out: options.out ?? config.out };
}

function printDiagnostics(diagnostics: Diagnostic[], docs: DocFile[], options: CommonOptions): number {
  if (!options.quiet) for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic, docs)}\n`);
  if (diagnostics.length) process.stderr.write(`docgen: ${diagnosticSummary(diagnostics)}\n`);
  return strictStatus(diagnostics, options);
}

/** 1 under --strict when there is any warning or error, else 0. */
function strictStatus(diagnostics: readonly Diagnostic[], options: { strict?: boolean }): number {
  const failing = diagnostics.some((d) => d.severity !== 'info');
  return options.strict && failing ? 1 : 0;
}

/** read → parse → model, with the diagnostics in file order and the coverage figures (files as display paths). */
async function analyse(options: CommonOptions): Promise<{ docs: DocFile[]; diagnostics: Diagnostic[]; coverage: Coverage }> {
  const { inputs } = await settings(options);
  const built = await buildFromDocs(inputs);
  const coverage = computeCoverage(built.pages, built.model, built.diagnostics);
  return {
    docs: built.docs,
    diagnostics: sortDiagnostics(built.diagnostics),
    coverage: mapCoverageFiles(coverage, (file) => displayPath(file, built.docs)),
  };
}

export function createProgram(): Command {
  const program = new Command('docgen')
    .description('Generate a typed TypeScript SDK (models, validators, request builders) from Graph-style API reference docs.')
    .exitOverride()
    .showHelpAfterError();

  withCommonOptions(program.command('generate').description('Generate the SDK from the docs into the output folder.'), true).action(
    async (options: CommonOptions) => {
      const { inputs, out } = await settings(options);
      const result = await runPipeline(inputs);
      await assertWritableOutput(out, inputs);
      await writeOutput(out, withManifest(result.files));
      const status = printDiagnostics(result.diagnostics, result.docs, options);
      process.stdout.write(`docgen: ${result.docs.length} pages read, ${result.files.size} files written to ${out}\n`);
      process.exitCode = status;
    },
  );

  withCommonOptions(
    program.command('check').description('Exit 1, with a diff, when the output folder differs from what the docs produce.'),
    true,
  ).action(async (options: CommonOptions) => {
    const { inputs, out } = await settings(options);
    const result = await runPipeline(inputs);
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

  withCommonOptions(program.command('model').description('Print the intermediate model as JSON.'), false).action(
    async (options: CommonOptions) => {
      const { inputs } = await settings(options);
      const result = await buildFromDocs(inputs);
      process.stdout.write(`${JSON.stringify(result.model, null, 2)}\n`);
      process.exitCode = printDiagnostics(result.diagnostics, result.docs, options);
    },
  );

  withFormatOption(
    withInputOptions(program.command('lint').description('Read the docs and print every diagnostic, then a count per code.'))
      .option('--strict', 'exit 1 when the docs yield any warning or error')
      .option('-q, --quiet', 'text: print only the counts, not each diagnostic')
      .option('--stats', 'also print the coverage figures (see `docgen stats`)'),
  ).action(async (options: ReportOptions) => {
    const { docs, diagnostics, coverage } = await analyse(options);
    if (options.format === 'json') {
      const report = options.stats ? { ...lintJson(diagnostics, docs), stats: coverage } : lintJson(diagnostics, docs);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const text: string[] = [];
      if (!options.quiet) text.push(...diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic, docs)}\n`));
      if (diagnostics.length > 0) text.push(`${text.length > 0 ? '\n' : ''}${codeTable(diagnostics)}`);
      text.push(`docgen: ${diagnosticSummary(diagnostics)}\n`);
      if (options.stats) text.push(`\n${formatCoverage(coverage)}`);
      process.stdout.write(text.join(''));
    }
    process.exitCode = strictStatus(diagnostics, options);
  });

  withFormatOption(
    withInputOptions(program.command('stats').description('Print coverage figures: pages by kind, types, resolved rows, complete operations.')).option(
      '--strict',
      'exit 1 when the docs yield any warning or error',
    ),
  ).action(async (options: ReportOptions) => {
    const { diagnostics, coverage } = await analyse(options);
    process.stdout.write(options.format === 'json' ? `${JSON.stringify(coverage, null, 2)}\n` : formatCoverage(coverage));
    process.exitCode = strictStatus(diagnostics, options);
  });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
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
