import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const DOCS_INPUT = fileURLToPath(new URL('../../docs-input/', import.meta.url));
export const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));
/** `../shared/` beside the project: the seed page and the corpus (CI has it; a bare clone may not). */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED = `${SHARED}seed/`;
export const HAS_SEED = existsSync(SEED);

if (!HAS_SEED) {
  console.warn(`SKIPPED: the tests that read the seed page, because ${SEED} is absent.`);
}
