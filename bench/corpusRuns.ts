// Corpus scale, on a scratch copy of the docs, each run in its own process, docgen as
// built (bench/usage.ts: buildDocgen first): rounds of the remark baseline (a) and a
// cold generate (b), taking turns; the old baseline once, for reference; generate warm
// with nothing changed (c) taking turns with check over the up-to-date output (e); warm
// after one page changed (d); and `generate --watch` reacting to edits of that page.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { median } from './startup.js';
import { type ChildRun, runChild, type Usage } from './usage.js';
import { measureWatch, type WatchBench } from './watchRuns.js';

/** The page and property row that (d) and the watch runs edit: an ordinary Intune resource. */
export const TOUCHED_PAGE = 'resources/intune-devices-remoteactionaudit.md';
const TOUCHED_PROPERTY = 'deviceDisplayName';
/** Appended to the row's description; unusual enough to find in the output afterwards. */
const MARKER = 'docgenbenchmark';

/** (c) and (e) take a couple of seconds, where a neighbour's burst of work shows most: each is the median of this many runs. */
export const REPEATS = 3;
/** Rounds of (a) and (b) unless DOCGEN_BENCH_ROUNDS says otherwise. */
export const DEFAULT_ROUNDS = 3;

/** The number of (a)/(b) rounds from DOCGEN_BENCH_ROUNDS: a whole number from 1, or the default when unset or empty. */
export function roundsFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_ROUNDS;
  const rounds = Number(value);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`DOCGEN_BENCH_ROUNDS: expected a whole number from 1 (found "${value}")`);
  return rounds;
}

export type Contender = 'a' | 'b';

/** Who goes first in round `round` (from 0): (a) in even rounds, (b) in odd ones, so that neither always runs first. */
export function roundOrder(round: number): [Contender, Contender] {
  return round % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
}

/** Each figure's median over the runs, separately (the median wall, the median CPU, the median peak RSS). */
export function medianUsage(runs: readonly Usage[]): Usage {
  if (runs.length === 0) throw new Error('no runs');
  return { wallMs: median(runs.map((run) => run.wallMs)), cpuMs: median(runs.map((run) => run.cpuMs)), maxRssKiB: median(runs.map((run) => run.maxRssKiB)) };
}

export interface Round {
  /** Which ran first. */
  first: Contender;
  a: ChildRun;
  b: ChildRun;
}

export interface CorpusRuns {
  /** Whether generate and check take `--cache-dir` yet; without it every run is cold. */
  cache: { generate: boolean; check: boolean };
  /** docgen started and stopped (`generate --help`): the floor under every docgen run. */
  startup: ChildRun;
  /** (a) and (b), round by round. */
  rounds: Round[];
  /** The medians of (a) and of (b) over the rounds. */
  baseline: Usage;
  cold: Usage;
  /** The old (a), under the tsx loader with one `await readFile` per page: one run, for reference. */
  baselineTsx: ChildRun;
  warm: ChildRun;
  oneChanged: ChildRun;
  check: ChildRun;
  watch: WatchBench;
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

/** Runs (a)–(e) and the watch runs in `scratch`, whose `docs` folder is a copy of the docs; leaves the full output in `out`. */
export async function runCorpus(scratch: string, log: (step: string) => void, rounds = DEFAULT_ROUNDS): Promise<CorpusRuns> {
  const { docs, out, cache: cacheDir } = scratchPaths(scratch);
  const docgen = (...argv: string[]) => runChild('docgen', argv, scratch);

  log('docgen start-up (generate --help, also to see which cache flags exist)');
  // Twice: the first process after the build reads docgen's files from disk.
  await docgen('generate', '--help');
  const startup = await docgen('generate', '--help');
  const checkHelp = await docgen('check', '--help');
  const cache = { generate: hasCacheDir(startup.output), check: hasCacheDir(checkHelp.output) };
  const generate = () => docgen('generate', '-i', docs, '-o', out, '--quiet', ...(cache.generate ? ['--cache-dir', cacheDir] : []));

  const played: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = roundOrder(round);
    const runs: Partial<Record<Contender, ChildRun>> = {};
    for (const contender of order) {
      if (contender === 'a') {
        log(`round ${round + 1}/${rounds}: (a) remark-parse + remark-gfm over every page, plain node, synchronous reads`);
        runs.a = await runChild('remark', [docs], scratch);
      } else {
        log(`round ${round + 1}/${rounds}: (b) generate, cold (empty cache and output folders)`);
        await rm(out, { recursive: true, force: true });
        await rm(cacheDir, { recursive: true, force: true });
        await mkdir(cacheDir);
        runs.b = await generate();
      }
    }
    played.push({ first: order[0], a: runs.a!, b: runs.b! });
  }
  log('for reference, the old (a): remark under the tsx loader, await readFile per page');
  const baselineTsx = await runChild('remark-tsx', [docs], scratch);

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
  const model = await fileWith(path.join(out, 'models'), MARKER);

  log(`generate --watch, editing ${TOUCHED_PAGE} and waiting for ${path.relative(out, model)}`);
  const watch = await measureWatch({
    scratch,
    docs,
    out,
    cache: cacheDir,
    page: TOUCHED_PAGE,
    edit: (text, word) => appendToPropertyRow(text, TOUCHED_PROPERTY, word),
    target: model,
    log,
  });
  return {
    cache,
    startup,
    rounds: played,
    baseline: medianUsage(played.map((round) => round.a)),
    cold: medianUsage(played.map((round) => round.b)),
    baselineTsx,
    warm: medianRun(warmRuns),
    oneChanged,
    check: medianRun(checkRuns),
    watch,
  };
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
function medianRun(runs: ChildRun[]): ChildRun {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
}

function hasCacheDir(help: string): boolean {
  return /--cache-dir\b/.test(help);
}

/** The file below `dir` that holds `marker`: a run that did not pick up the edit would make (d) measure nothing. */
async function fileWith(dir: string, marker: string): Promise<string> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file, 'utf8')).includes(marker)) return file;
  }
  throw new Error(`(d): no file in ${dir} has the edit ("${marker}"); generate did not see the changed page`);
}
