// The TypeScript compiler (ts-morph's own copy, a runtime dependency already),
// loaded on first use: loading it takes about half a second, which a run that
// stops early, or a check that finds no drift, need not pay.
import { createRequire } from 'node:module';
import type { ts } from 'ts-morph';

let loaded: typeof ts | undefined;

export function compiler(): typeof ts {
  loaded ??= (createRequire(import.meta.url)('ts-morph') as { ts: typeof ts }).ts;
  return loaded;
}
