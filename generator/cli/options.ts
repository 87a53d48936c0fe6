// The options every command shares: where the docs and the output are, the cache,
// --strict and --quiet. Commander alone: `docgen --help` loads nothing else.
import path from 'node:path';
import { type Command, Option } from 'commander';

export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'docgen');

export interface CommonOptions {
  input?: string[];
  out?: string;
  config?: string;
  include?: string[];
  exclude?: string[];
  strict?: boolean;
  quiet?: boolean;
  packageName?: string;
  packageVersion?: string;
  /** `--openapi`: write openapi.json too, whatever the config's outputs say. */
  openapi?: boolean;
  /** `--no-cache` makes it false. */
  cache?: boolean;
  cacheDir?: string;
}

export interface ReportOptions extends CommonOptions {
  format: 'text' | 'json';
  stats?: boolean;
}

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function withInputOptions(command: Command): Command {
  return command
    .option('-i, --input <dir>', 'a folder of doc pages (repeatable; default from docgen.config.json, else docs-input)', collect)
    .option('--include <glob>', 'read only pages matching the glob (repeatable; a glob without / matches a file name anywhere)', collect)
    .option('--exclude <glob>', 'skip pages matching the glob (repeatable)', collect)
    .option('-c, --config <file>', 'config file (default: ./docgen.config.json when present)');
}

export function withFormatOption(command: Command, formats: readonly string[] = ['text', 'json']): Command {
  return command.addOption(new Option('--format <format>', 'how to print the report').choices([...formats]).default('text'));
}

export function withCommonOptions(command: Command, out: boolean): Command {
  withInputOptions(command)
    .option('--strict', 'exit 1 when the docs yield any warning or error')
    .option('-q, --quiet', 'print no diagnostics, only the summary');
  if (out) {
    command
      .option('-o, --out <dir>', 'the output folder (default from docgen.config.json, else generated)')
      .option('--cache-dir <dir>', `where to keep parsed pages and checked files between runs (default ${DEFAULT_CACHE_DIR})`)
      .option('--no-cache', 'neither read nor write the cache')
      .option('--package-name <name>', 'make the output an npm package of this name: .js and .d.ts with a package.json (default from the config\'s "package")')
      .option('--package-version <version>', "the package's version (with --package-name)")
      .option('--openapi', 'write openapi.json too, whatever the config\'s "outputs" say');
  }
  return command;
}

/** An action whose code loads when its command runs, so `--help` and the other commands never load it. */
export function lazyAction<O>(load: () => Promise<{ run: (options: O) => Promise<void> }>): (options: O) => Promise<void> {
  return async (options) => (await load()).run(options);
}
