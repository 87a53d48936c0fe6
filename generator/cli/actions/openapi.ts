// `docgen openapi`'s work: openapi.json as `generate` writes it, on stdout; diagnostics on stderr.
import { emitProject } from '../../emit/emitProject.js';
import { OPENAPI_FILE } from '../../emit/openapi/document.js';
import { buildFromDocs } from '../../pipeline.js';
import type { CommonOptions } from '../options.js';
import { printDiagnostics, settings } from '../settings.js';

export async function run(options: CommonOptions): Promise<void> {
  const { inputs, filter, emit } = await settings({ ...options, openapi: true });
  const result = await buildFromDocs(inputs, filter);
  const emitted = emitProject(result.model, { ...emit, outputs: ['openapi'] }, { raw: true });
  process.stdout.write(emitted.files.get(OPENAPI_FILE)!);
  process.exitCode = printDiagnostics([...result.diagnostics, ...emitted.diagnostics], result.docs, options);
}
