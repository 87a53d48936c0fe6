// What one run keeps for the next, in memory: plain data, apart from the pipeline
// that fills it, so that a run that stops early need not load the pipeline.
import type { Transpiled } from './emit/packageOutput.js';
import type { PageResult, ParsedInclude, ParsedPage } from './parse/types.js';

/**
 * What one run keeps for the next: each page as parsed, by its path and text, a hash
 * of each emitted file that passed the syntax check, and (for a package output) each
 * file's JavaScript and declarations by a hash of its source. All are pure functions
 * of their key, so a warm run's output equals a cold one's. `generate --watch` keeps
 * it in memory from run to run; between processes, cache.ts fills it with the entries
 * on disk that a run's docs need, and writes back those the run adds.
 */
export interface BuildCache {
  pages: Map<string, CachedPage>;
  checked: Set<string>;
  transpiled: Map<string, Transpiled>;
  /** A run added or dropped entries, or the cache on disk records other pages for its docs: the disk is out of date. */
  changed: boolean;
}

export interface CachedPage {
  text: string;
  invalidUtf8: boolean;
  include: boolean;
  result: PageResult<ParsedPage | ParsedInclude>;
}

export function createBuildCache(): BuildCache {
  return { pages: new Map(), checked: new Set(), transpiled: new Map(), changed: false };
}
