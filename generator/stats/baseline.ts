// The corpus baseline: the figures test/corpus.test.ts holds each version of
// the real Graph docs to (test/corpus-baseline.json). Rates are fractions
// rounded down to 4 decimals, so a fresh run never falls below its own baseline.
import { fileURLToPath } from 'node:url';
import type { Coverage, Ratio } from './coverage.js';

/** The corpus folders, beside the project: `../shared/corpus/msgraph-docs-2021-07/<version>`. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/msgraph-docs-2021-07/', import.meta.url));
export const CORPUS_VERSIONS = ['beta', 'v1.0'] as const;
export type CorpusVersion = (typeof CORPUS_VERSIONS)[number];

export interface BaselineFigures {
  /** Rows whose type resolved, as a fraction (see Coverage.rows). */
  rowsResolvedRate: number;
  /** API pages yielding a complete operation, as a fraction (see Coverage.apiPages). */
  apiPagesRate: number;
  /** Pages read. */
  pages: number;
  /** Resource and enum pages whose type is in the model. */
  typesFromPages: number;
}

export type Baseline = Record<CorpusVersion, BaselineFigures>;

/** `numerator / denominator` rounded down to `digits` decimals (1 when there is nothing to count). */
export function floorRate({ numerator, denominator }: Ratio, digits = 4): number {
  if (denominator === 0) return 1;
  const scale = 10 ** digits;
  let units = Math.floor((numerator * scale) / denominator);
  if (units * denominator > numerator * scale) units--; // never round up through floating point
  return units / scale;
}

export function baselineFigures(coverage: Coverage): BaselineFigures {
  return {
    rowsResolvedRate: floorRate(coverage.rows),
    apiPagesRate: floorRate(coverage.apiPages),
    pages: coverage.pages.total,
    typesFromPages: coverage.typesFromPages.numerator,
  };
}
