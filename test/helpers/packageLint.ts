// publint and @arethetypeswrong/cli (attw), the repository's own dev dependencies, run
// on a tarball as their docs show, and the problems their text output names.
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { type Finished, runCommand } from './commands.js';
import { PROJECT } from './paths.js';

const BIN = path.join(PROJECT, 'node_modules', '.bin');

/** `publint run <tarball>`, uncoloured (it colours a pipe too when CI is set, which its parser below would not read). */
export function publint(tarball: string): Promise<Finished> {
  return runCommand(path.join(BIN, 'publint'), ['run', tarball], PROJECT, { NO_COLOR: '1' });
}

/** `attw <tarball> --profile esm-only` (docgen and the SDKs it makes are ESM-only), in plain text; `entrypoints` adds subpaths a wildcard export hides from it. */
export function attw(tarball: string, entrypoints: readonly string[] = []): Promise<Finished> {
  const include = entrypoints.length > 0 ? ['--include-entrypoints', ...entrypoints] : [];
  return runCommand(path.join(BIN, 'attw'), [tarball, '--profile', 'esm-only', '--no-color', '--no-emoji', ...include], PROJECT);
}

/** publint's numbered items under its `Errors:` and `Warnings:` headings (suggestions are not problems). */
export function publintProblems(output: string): string[] {
  const problems: string[] = [];
  let section = '';
  for (const line of stripVTControlCharacters(output).split('\n')) {
    if (/^\w+:$/.test(line)) section = line;
    else if (/^\d+\. /.test(line) && (section === 'Errors:' || section === 'Warnings:')) problems.push(`${section} ${line}`);
  }
  return problems;
}

/** attw's problem lines (each links to its docs/problems page) that the profile does not ignore. */
export function attwProblems(output: string): string[] {
  return stripVTControlCharacters(output).split('\n').filter((line) => line.includes('/docs/problems/') && !line.startsWith('(ignored per resolution)'));
}
