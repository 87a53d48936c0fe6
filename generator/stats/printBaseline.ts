// `npm run corpus:baseline`: reads each version of the corpus and prints the
// figures as the JSON of test/corpus-baseline.json, for updating it deliberately:
//   npm run --silent corpus:baseline > test/corpus-baseline.json
import { existsSync } from 'node:fs';
import { buildFromDocs } from '../pipeline.js';
import { type Baseline, baselineFigures, CORPUS, CORPUS_VERSIONS } from './baseline.js';
import { computeCoverage } from './coverage.js';
import { pageCount } from '../read/docFile.js';

if (!existsSync(CORPUS)) {
  process.stderr.write(`corpus:baseline: the corpus is not at ${CORPUS}\n`);
  process.exit(2);
}
const baseline = {} as Baseline;
for (const version of CORPUS_VERSIONS) {
  const started = Date.now();
  const built = await buildFromDocs([`${CORPUS}${version}`]);
  baseline[version] = baselineFigures(computeCoverage(built.pages, built.model, built.diagnostics));
  process.stderr.write(`corpus:baseline: ${version}: ${pageCount(built.docs)} pages in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`${JSON.stringify(baseline, null, 2)}\n`);
