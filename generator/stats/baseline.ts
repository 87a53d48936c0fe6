// The corpus baseline: the figures test/corpus.test.ts holds each version of
// the real Graph docs to (test/corpus-baseline.json). Counts, not rates: a
// rate of four decimals hides the loss of a row among 23,000.
import { fileURLToPath } from 'node:url';
import type { Coverage } from './coverage.js';

/** The corpus folders, beside the project: `../shared/corpus/msgraph-docs-2021-07/<version>`. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/msgraph-docs-2021-07/', import.meta.url));
export const CORPUS_VERSIONS = ['beta', 'v1.0'] as const;
export type CorpusVersion = (typeof CORPUS_VERSIONS)[number];

/**
 * What each figure must do against its baseline: `exact` for what the fixed
 * corpus decides (how many pages, and of which kind), `atLeast` for what
 * docgen's reading of them decides (a gain is welcome; update the baseline).
 */
export const BASELINE_RULES = {
  /** Pages read. */
  pages: 'exact',
  /** API pages among them. */
  apiPages: 'exact',
  /** API pages yielding a complete operation (see Coverage.apiPages). */
  apiPagesComplete: 'atLeast',
  /** Operations in the model. */
  operations: 'atLeast',
  /** Resource and enum pages whose type is in the model. */
  typesFromPages: 'atLeast',
  /** Property rows, and rows of request-body tables (see Coverage.rows). */
  rows: 'atLeast',
  /** Those rows whose type resolved. */
  rowsResolved: 'atLeast',
} as const satisfies Record<string, BaselineRule>;

export type BaselineFigures = Record<keyof typeof BASELINE_RULES, number>;
export type Baseline = Record<CorpusVersion, BaselineFigures>;

export function baselineFigures(coverage: Coverage): BaselineFigures {
  return {
    pages: coverage.pages.total,
    apiPages: coverage.apiPages.denominator,
    apiPagesComplete: coverage.apiPages.numerator,
    operations: coverage.apiPages.operations,
    typesFromPages: coverage.typesFromPages.numerator,
    rows: coverage.rows.denominator,
    rowsResolved: coverage.rows.numerator,
  };
}

/** How a figure may move from its baseline and still hold. */
export type BaselineRule = 'exact' | 'atLeast' | 'atMost';

/** Every figure that breaks its rule against the baseline, that the baseline lacks, or that it holds but is no figure, as a sentence. */
export function regressions<Key extends string>(figures: Record<Key, number>, baseline: Partial<Record<string, unknown>>, rules: Record<Key, BaselineRule>): string[] {
  const broken = Object.keys(baseline)
    .filter((key) => !Object.hasOwn(rules, key) && !key.startsWith('$'))
    .map((key) => `${key}: not a figure of the baseline`);
  for (const [key, rule] of Object.entries(rules) as Array<[Key, BaselineRule]>) {
    const expected = baseline[key];
    const found = figures[key];
    if (typeof expected !== 'number') broken.push(`${key}: the baseline has no count (found ${found})`);
    else if (rule === 'exact' ? found !== expected : rule === 'atLeast' ? found < expected : found > expected) {
      broken.push(`${key}: ${found}, ${rule === 'exact' ? 'not' : rule === 'atLeast' ? 'below' : 'above'} the baseline ${expected}`);
    }
  }
  return broken;
}

export function baselineRegressions(figures: BaselineFigures, baseline: Partial<Record<string, unknown>>): string[] {
  return regressions(figures, baseline, BASELINE_RULES);
}
