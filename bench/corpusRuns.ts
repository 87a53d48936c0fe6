// Corpus scale: the remark baseline (a), then docgen generate cold (b), warm
// with nothing changed (c) taking turns with check over the up-to-date output
// (e), and warm after one page changed (d), each in its own process, on a
// scratch copy of the docs.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ChildRun, runChild } from './usage.js';

/** The page and property row that (d) edits: an ordinary Intune resource. */
export const TOUCHED_PAGE = 'resources/intune-devices-remoteactionaudit.md';
const TOUCHED_PROPERTY = 'deviceDisplayName';
/** Appended to the row's description; unusual enough to find in the output afterwards. */
const MARKER = 'docgenbenchmark';

/** (c) and (e) take a couple of seconds, where a neighbour's burst of work shows most: each is the median of this many runs. */
export const REPEATS = 3;

export interface CorpusRuns {
  /** Whether generate and check take `--cache-dir` yet; without it every run is cold. */
  cache: { generate: boolean; check: boolean };
  /** docgen started and stopped (`generate --help`): the floor under every docgen run. */
  startup: ChildRun;
  baseline: ChildRun;
  cold: ChildRun;
  warm: ChildRun;
  oneChanged: ChildRun;
  check: ChildRun;
}

/** Appends ` word` to the description (last cell) of `property`'s row in a properties table. */
export function appendToPropertyRow(page: string, property: string, word: string): string {
  const row = new RegExp(`^(\\|\\s*${property}\\s*\\|.*?)(\\s*\\|\\s*)$`, 'm');
  if (!row.test(page)) throw new Error(`no property row for ${property}`);
  return page.replace(row, `$1 ${word}$2`);
}

/** The scratch folder's layout: the docs' copy, the full and the models-only output, and their caches. */
export function scratchPaths(scratch: string) {
  const at = (name: string) => path.join(scratch, name);
  return { docs: at('docs'), out: at('out'), cache: at('cache'), modelsOut: at('out-models'), modelsCache: at('cache-models') };
}

/** Runs (a)–(e) in `scratch`, whose `docs` folder is a copy of the docs; leaves the full output in `out`. */
export async function runCorpus(scratch: string, log: (step: string) => void): Promise<CorpusRuns> {
  const { docs, out, cache: cacheDir } = scratchPaths(scratch);
  await mkdir(cacheDir);
  const docgen = (...argv: string[]) => runChild('docgen', argv, scratch);

  log('docgen start-up (generate --help, also to see which cache flags exist)');
  // Twice: the first process after an edit to docgen also fills tsx's compile cache.
  await docgen('generate', '--help');
  const startup = await docgen('generate', '--help');
  const checkHelp = await docgen('check', '--help');
  const cache = { generate: hasCacheDir(startup.output), check: hasCacheDir(checkHelp.output) };
  const generate = () => docgen('generate', '-i', docs, '-o', out, '--quiet', ...(cache.generate ? ['--cache-dir', cacheDir] : []));

  log('(a) remark-parse + remark-gfm over every page');
  const baseline = await runChild('remark', [docs], scratch);
  log('(b) generate, cold');
  const cold = await generate();
  const checkRun = () => docgen('check', '-i', docs, '-o', out, '--quiet', ...(cache.check ? ['--cache-dir', cacheDir] : []));
  log(`(c) generate, warm, nothing changed, and (e) check over the up-to-date output, taking turns, ${REPEATS} times each`);
  const warmRuns: ChildRun[] = [];
  const checkRuns: ChildRun[] = [];
  for (let round = 0; round < REPEATS; round++) {
    warmRuns.push(await generate());
    checkRuns.push(await checkRun());
  }
  log(`(d) generate, warm, after editing one row of ${TOUCHED_PAGE}`);
  const touched = path.join(docs, TOUCHED_PAGE);
  await writeFile(touched, appendToPropertyRow(await readFile(touched, 'utf8'), TOUCHED_PROPERTY, MARKER));
  const oneChanged = await generate();
  await assertOutputHas(path.join(out, 'models'), MARKER);
  return { cache, startup, baseline, cold, warm: median(warmRuns), oneChanged, check: median(checkRuns) };
}

/** The output with `"outputs": ["models"]`, to type-check the models alone; not timed. */
export async function generateModelsOnly(scratch: string, cache: boolean): Promise<string> {
  const { docs, modelsOut, modelsCache } = scratchPaths(scratch);
  const config = path.join(scratch, 'models-only.config.json');
  await writeFile(config, JSON.stringify({ outputs: ['models'] }));
  await mkdir(modelsCache);
  await runChild('docgen', ['generate', '-c', config, '-i', docs, '-o', modelsOut, '--quiet', ...(cache ? ['--cache-dir', modelsCache] : [])], scratch);
  return modelsOut;
}

/** The run with the median wall time. */
function median(runs: ChildRun[]): ChildRun {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
}

function hasCacheDir(help: string): boolean {
  return /--cache-dir\b/.test(help);
}

/** A run that did not pick up the edit would make (d) measure nothing. */
async function assertOutputHas(dir: string, marker: string): Promise<void> {
  for (const file of await readdir(dir)) if ((await readFile(path.join(dir, file), 'utf8')).includes(marker)) return;
  throw new Error(`(d): no file in ${dir} has the edit ("${marker}"); generate did not see the changed page`);
}
