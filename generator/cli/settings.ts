// What every command's action shares: the settings (command line over config over
// defaults), how diagnostics are printed, what --strict means, and the build cache.
import type { EmitOptions, PackageOptions } from '../emit/options.js';
import type { Diagnostic } from '../model/types.js';
import { cacheKey, loadCache, type LoadedCache, recordRun, runKey, saveCache, unchangedRun } from '../cache.js';
import type { BuildCache } from '../buildCache.js';
import type { DocFile } from '../read/docFile.js';
import type { PageFilter, ReadResult } from '../read/readDocs.js';
import { assertFolderPath, isInside, OutputError, realPath } from '../write/folderPaths.js';
import { loadConfig, packageSettings } from './config.js';
import { openApiSettings } from './openapiSettings.js';
import { type CommonOptions, DEFAULT_CACHE_DIR } from './options.js';
import { diagnosticSummary, formatDiagnostic } from './report.js';

/** The command line over the config file over the defaults. */
export async function settings(options: CommonOptions): Promise<{ inputs: string[]; out: string; filter: PageFilter; emit: EmitOptions }> {
  const config = await loadConfig(options.config);
  return {
    inputs: options.input ?? config.input,
    out: options.out ?? config.out,
    filter: { include: options.include ?? config.include, exclude: options.exclude ?? config.exclude },
    emit: openApiSettings(withPackage(config.emit, packageSettings(config.emit.package, options)), options, options.input ?? config.input),
  };
}

function withPackage(emit: EmitOptions, pkg: PackageOptions | undefined): EmitOptions {
  const { package: _configured, ...rest } = emit;
  return pkg ? { ...rest, package: pkg } : rest;
}

export function printDiagnostics(diagnostics: Diagnostic[], docs: DocFile[], options: CommonOptions): number {
  if (!options.quiet) for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic, docs)}\n`);
  if (diagnostics.length) process.stderr.write(`docgen: ${diagnosticSummary(diagnostics)}\n`);
  return strictStatus(diagnostics, options);
}

/** 1 under --strict when there is any warning or error, else 0. */
export function strictStatus(diagnostics: readonly Diagnostic[], options: { strict?: boolean }): number {
  const failing = diagnostics.some((d) => d.severity !== 'info');
  return options.strict && failing ? 1 : 0;
}

export interface OpenedCache {
  /** The build cache for these docs: what the cache on disk holds for them (a run that stops early never needs it). */
  load(read: ReadResult, filter: PageFilter): Promise<BuildCache | undefined>;
  /** Writes what the run added to the loaded cache, if anything. */
  save(): Promise<void>;
  /** The last run's diagnostics when it read these very docs, with this docgen and these options, and `out` is as it left it. */
  unchanged(read: ReadResult, filter: PageFilter, out: string): Promise<Diagnostic[] | undefined>;
  /** Notes this run, for `unchanged` next time. */
  record(read: ReadResult, filter: PageFilter, out: string, diagnostics: Diagnostic[]): Promise<void>;
}

/**
 * The build cache the options ask for (none under --no-cache). Its folder is checked
 * first, before anything is written: it must be a folder, or a place where one can be
 * made, outside the output folder (which each run replaces whole).
 */
export async function openCache(options: CommonOptions, emit: EmitOptions, out: string): Promise<OpenedCache> {
  if (options.cache === false) return { load: async () => undefined, save: async () => {}, unchanged: async () => undefined, record: async () => {} };
  const dir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  await assertFolderPath(dir, 'the cache folder');
  if (isInside(await realPath(dir), await realPath(out))) throw new OutputError(`the cache folder ${dir}: it is inside the output folder ${out}, which each run replaces`);
  const key = await cacheKey(emit);
  let loaded: LoadedCache | undefined;
  return {
    load: async (read, filter) => (loaded = await loadCache(dir, key, read, filter)).cache,
    save: async () => {
      if (loaded) await saveCache(loaded);
    },
    unchanged: (read, filter, out) => unchangedRun(dir, runKey(key, filter, read.docs), out),
    record: (read, filter, out, diagnostics) => recordRun(dir, runKey(key, filter, read.docs), out, diagnostics),
  };
}
