// `docgen lint` and `docgen stats`: read → parse → model, without writing anything.
import type { Diagnostic } from '../model/types.js';
import { buildFromDocs, sortDiagnostics } from '../pipeline.js';
import type { DocFile } from '../read/docFile.js';
import { computeCoverage, type Coverage } from '../stats/coverage.js';
import { mapCoverageFiles } from '../stats/formatCoverage.js';
import type { CommonOptions } from './options.js';
import { displayPath } from './report.js';
import { settings } from './settings.js';

/** read → parse → model, with the diagnostics in file order and the coverage figures (files as display paths). */
export async function analyse(options: CommonOptions): Promise<{ docs: DocFile[]; diagnostics: Diagnostic[]; coverage: Coverage }> {
  const { inputs, filter } = await settings(options);
  const built = await buildFromDocs(inputs, filter);
  const coverage = computeCoverage(built.pages, built.model, built.diagnostics);
  return {
    docs: built.docs,
    diagnostics: sortDiagnostics(built.diagnostics),
    coverage: mapCoverageFiles(coverage, (file) => displayPath(file, built.docs)),
  };
}
