// The openapi output's settings from the command line: `--openapi` adds it to the
// config's outputs, and the Graph version (the default server) comes from the
// config's `openapi.graphVersion`, else from an input folder named `beta` or
// `v1.0` (`msgraph-docs/beta`), else v1.0.
import path from 'node:path';
import { GRAPH_VERSIONS, type GraphVersion } from '../emit/openapi/document.js';
import type { EmitOptions } from '../emit/options.js';

/** The Graph version an input folder names: its own name or a parent's (`beta/api` → beta); the first input that names one. */
export function graphVersionOf(inputs: readonly string[]): GraphVersion | undefined {
  for (const input of inputs) {
    const parts = path.resolve(input).split(path.sep).reverse();
    const named = parts.find((part): part is GraphVersion => (GRAPH_VERSIONS as readonly string[]).includes(part));
    if (named) return named;
  }
  return undefined;
}

export function openApiSettings(emit: EmitOptions, flags: { openapi?: boolean }, inputs: readonly string[]): EmitOptions {
  const outputs = flags.openapi && !emit.outputs.includes('openapi') ? [...emit.outputs, 'openapi' as const] : emit.outputs;
  if (!outputs.includes('openapi')) return emit;
  const graphVersion = emit.openapi?.graphVersion ?? graphVersionOf(inputs);
  return { ...emit, outputs, ...(graphVersion && { openapi: { ...emit.openapi, graphVersion } }) };
}
