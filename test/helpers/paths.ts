import { fileURLToPath } from 'node:url';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const DOCS_INPUT = fileURLToPath(new URL('../../docs-input/', import.meta.url));
export const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));
export const SEED = fileURLToPath(new URL('../../../shared/seed/', import.meta.url));
