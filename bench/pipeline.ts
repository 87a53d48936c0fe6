// `npm run bench -- pipeline`: docgen, built and run by plain node, over all of beta
// against the bare parser run by plain node: rounds of cold runs taking turns with
// the parser, then warm, after a one-page edit, `check`, and `generate --watch`
// reacting to saved edits of that page; then what the output costs
// (size, tsc time and memory) beside the official typings, and what a consumer
// that installs it as a package pays; and one request builder's weight in a bundle.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, bundleRequestBuilder } from './bundle.js';
import { type CorpusRuns, DEFAULT_ROUNDS, generateModelsOnly, REPEATS, runCorpus, scratchPaths, TOUCHED_PAGE } from './corpusRuns.js';
import { formatBytes, formatKiB, formatMs, formatRatio, markdownTable, verdict } from './format.js';
import { median } from './startup.js';
import { type ConsumerBench, benchConsumer, formatConsumerBench } from './consumer.js';
import { generatedCost, joinedModelsCost, officialTypingsCost, type OutputCost } from './outputCost.js';
import { buildDocgen, type Usage } from './usage.js';
import type { WatchBench } from './watchRuns.js';

const BETA = fileURLToPath(new URL('../../shared/corpus/msgraph-docs-2021-07/beta', import.meta.url));
const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = path.join(PROJECT, 'generated');
const BUILDER = 'updateRemoteActionAudit';

const RSS_LIMIT_KIB = 1024 ** 2;
const BUNDLE_LIMIT = 5 * 1024;

/** What tsc pays for each: the yardstick, the models, the full output, and the layouts beside them. */
interface OutputCosts {
  official: OutputCost;
  models: OutputCost;
  modelsJoined: OutputCost;
  full: OutputCost;
  /** The full output as the package's declarations (`index.d.ts`), what a consumer's tsc reads instead of sources. */
  declarations: OutputCost;
}

interface CorpusBench {
  pages: number;
  runs: CorpusRuns;
  /** Whether someone edited the templates (docgen reads them at run time) while the runs ran: then they did not all time the same docgen. */
  sourceChanged: boolean;
  /** What was built: the commit, and how many files under generator/ and templates/ differed from it (the working tree is what gets built). */
  built?: { commit: string; uncommitted: number };
  costs: OutputCosts;
  /** The output as a package, installed by a consumer. */
  consumer: ConsumerBench;
}

export interface PipelineBench {
  /** Absent without ../shared/corpus. */
  corpus?: CorpusBench;
  bundle: BundleSize;
  /** 1-minute load average at the start and the end: the machine is shared. */
  load: [number, number];
}

export async function benchPipeline(log: (step: string) => void, rounds = DEFAULT_ROUNDS): Promise<PipelineBench> {
  const loadBefore = os.loadavg()[0]!;
  const { code: _code, ...bundle } = await bundleRequestBuilder(GENERATED, BUILDER);
  const corpus = existsSync(BETA) ? await benchCorpus(log, rounds) : undefined;
  return { corpus, bundle, load: [loadBefore, os.loadavg()[0]!] };
}

async function benchCorpus(log: (step: string) => void, rounds: number): Promise<CorpusBench> {
  log('building docgen (tsc -p tsconfig.build.json, as npm run build) into the bench\'s own folder');
  const built = builtFrom();
  buildDocgen();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'docgen-bench-'));
  try {
    const { docs, out } = scratchPaths(scratch);
    log(`copying ${BETA} to ${docs}`);
    await cp(BETA, docs, { recursive: true });
    const pages = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.md')).length;
    const before = await templatesStamp();
    const runs = await runCorpus(scratch, log, rounds);
    const sourceChanged = (await templatesStamp()) !== before;
    log('generate, models only (untimed), for the type-check');
    const modelsOut = await generateModelsOnly(scratch, runs.cache.generate);
    log('tsc --noEmit: the official typings, models only (and joined into one module), the full output');
    const official = await officialTypingsCost(scratch);
    const models = await generatedCost('docgen, models only', modelsOut, scratch);
    const modelsJoined = await joinedModelsCost(path.join(modelsOut, 'models'), scratch);
    const full = await generatedCost('docgen, full output (models, validators, schemas, requests)', out, scratch);
    const consumer = await benchConsumer(scratch, docs, log);
    log('tsc --noEmit: the package the consumers installed, its declarations whole');
    const declarations = await generatedCost('docgen, full output as the package\'s declarations (.d.ts)', consumer.packageDir, scratch, 'index.d.ts');
    return { pages, runs, sourceChanged, built, costs: { official, models, modelsJoined, full, declarations }, consumer };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The commit checked out, and how many files under generator/ and templates/ differ from it; undefined outside git. */
function builtFrom(): CorpusBench['built'] {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: PROJECT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain', '--', 'generator', 'templates');
  if (head.status !== 0 || status.status !== 0) return undefined;
  return { commit: head.stdout.trim(), uncommitted: status.stdout.split('\n').filter((line) => line.trim() !== '').length };
}

/** Which docgen the runs timed, in words. */
export function describeBuild({ commit, uncommitted }: NonNullable<CorpusBench['built']>): string {
  return uncommitted === 0
    ? `docgen built from commit ${commit}, generator/ and templates/ as committed.`
    : `docgen built from the working tree at commit ${commit}, with **${uncommitted} uncommitted change${uncommitted === 1 ? '' : 's'}** under generator/ and templates/: these figures are for that tree, not for the commit.`;
}

/**
 * The newest change under docgen's templates (a folder's time covers files added or removed):
 * docgen's code is compiled once, at the start, but the templates are read by every run.
 */
async function templatesStamp(): Promise<number> {
  let newest = 0;
  for (const folder of ['templates']) {
    const root = path.join(PROJECT, folder);
    for (const entry of [{ parentPath: PROJECT, name: folder }, ...(await readdir(root, { recursive: true, withFileTypes: true }))]) {
      newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

export function formatPipelineBench({ corpus, bundle, load }: PipelineBench): string {
  const skipped = `Skipped: the corpus runs and the output's cost, because ${path.relative(process.cwd(), BETA)} is absent.`;
  return [
    ...(corpus ? [...formatRuns(corpus), ...formatCosts(corpus.costs), ...formatConsumerBench(corpus.consumer, corpus.runs.cold.wallMs)] : ['## docgen at corpus scale', '', skipped, '']),
    ...formatBundle(bundle),
    `Load average (1 min) ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end, on ${os.availableParallelism()} cores: others share the machine, so wall times carry their noise; CPU times less so.`,
    '',
  ].join('\n');
}

export function formatRuns({ pages, runs, sourceChanged, built }: Pick<CorpusBench, 'pages' | 'runs' | 'sourceChanged' | 'built'>, cores = os.availableParallelism()): string[] {
  const { baseline, baselineTsx, cold, warm, oneChanged, check, cache, rounds } = runs;
  const noCache = (has: boolean) => (has ? '' : ' (no cache yet)');
  const rss = (run: Usage) => verdict(run.maxRssKiB, RSS_LIMIT_KIB, formatKiB, true);
  const row = (name: string, run: Usage, target: string, wall: string, rssVerdict = rss(run)) => [
    name,
    formatMs(run.wallMs),
    formatRatio(run.wallMs, baseline.wallMs),
    formatMs(run.cpuMs),
    formatKiB(run.maxRssKiB),
    target,
    wall,
    rssVerdict,
  ];
  const coldLimit = 0.5 * baseline.wallMs;
  const n = rounds.length;
  const table = markdownTable(
    ['run', '>wall', '>wall ÷ (a)', '>CPU', '>peak RSS', 'wall target', 'wall verdict', 'peak RSS < 1 GiB'],
    [
      row('docgen start-up alone (`generate --help`), for reference', runs.startup, '—', '—', '—'),
      row(`(a) remark-parse + remark-gfm: plain \`node\` script, no loader, synchronous reads, one thread (baseline; median of ${n})`, baseline, '—', '—', '—'),
      row('(a′) for reference, the old (a): under the tsx loader, one `await readFile` per page (one run)', baselineTsx, '—', '—', '—'),
      row(`(b) generate, cold (median of ${n})`, cold, `≤ 0.5×(a) = ${formatMs(coldLimit)}`, verdict(cold.wallMs, coldLimit, formatMs)),
      row(`(c) generate, warm, nothing changed${noCache(cache.generate)}`, warm, '< 3 s', verdict(warm.wallMs, 3000, formatMs, true)),
      row(`(d) generate, warm, one page changed${noCache(cache.generate)}`, oneChanged, '< 1 s', verdict(oneChanged.wallMs, 1000, formatMs, true)),
      row(`(e) check, output up to date${noCache(cache.check)}`, check, `≤ (c) = ${formatMs(warm.wallMs)}`, verdict(check.wallMs, warm.wallMs, formatMs)),
    ],
  );
  const cacheNote =
    cache.generate && cache.check
      ? 'Cold: a fresh, empty `--cache-dir` and no output folder; warm: the same cache folder again.'
      : `${cache.generate ? '`check`' : '`generate` and `check`'} take no \`--cache-dir\` yet (detected from \`--help\`), so the "warm" runs marked (no cache yet) are cold runs too.`;
  const parallel = (run: Usage) => (run.cpuMs / run.wallMs).toFixed(2);
  const roundRows = rounds.map((round, index) => [
    String(index + 1),
    `(${round.first})`,
    formatMs(round.a.wallMs),
    formatMs(round.a.cpuMs),
    formatMs(round.b.wallMs),
    formatMs(round.b.cpuMs),
    formatRatio(round.b.wallMs, round.a.wallMs),
  ]);
  return [
    `## docgen at corpus scale: all of beta (${pages.toLocaleString('en-US')} pages)`,
    '',
    'Each run is a process of its own, start-up included, on a scratch copy of the docs; CPU is user + system. ' +
      'docgen runs as published: compiled by `tsc -p tsconfig.build.json` (what `npm run build` runs, into a folder of the bench\'s own) and started by plain `node`, no tsx, no loader, through the `main` that `dist/generator/cli/main.js` calls (bench/child.mjs). ' +
      '(a) is remark as its users run it: a plain `node` script (bench/child.mjs), no loader, `unified().use(remarkParse).use(remarkGfm).parse(readFileSync(page, \'utf8\'))` over every page in sorted order, one processor, one thread.',
    ...(built ? [describeBuild(built)] : []),
    `${cacheNote} (a) and (b) run in ${n} rounds (\`DOCGEN_BENCH_ROUNDS\`), taking turns: (a) first in odd rounds, (b) first in even ones; their rows show each figure's median over the rounds. (c) and (e) take turns, ${REPEATS} runs each, and each row shows its median run. (d) appends a word to one property row of \`${TOUCHED_PAGE}\`.`,
    '',
    ...table,
    '',
    `(b)/(a) = ${formatRatio(cold.wallMs, baseline.wallMs)} on the medians (target ≤ 0.50×: ${verdict(cold.wallMs / baseline.wallMs, 0.5, (excess) => `${excess.toFixed(2)}×`)}). ` +
      `Not like for like in cores: docgen parses and checks on worker threads on every core (${cores} here; its CPU time is ${parallel(cold)}× its wall time), remark runs on one thread, as its users run it (${parallel(baseline)}×). In CPU time, (b) is ${formatRatio(cold.cpuMs, baseline.cpuMs)} (a).`,
    ...whatItWouldTake(runs, cores),
    '',
    'Round by round:',
    '',
    ...markdownTable(['round', 'first', '>(a) wall', '>(a) CPU', '>(b) wall', '>(b) CPU', '>(b)/(a)'], roundRows),
    '',
    ...(sourceChanged
      ? ['**Warning:** templates/ changed while these ran (docgen reads them on every run, and they key its cache), so the runs did not all time the same docgen, and a warm run may have started cold. Run the bench again.', '']
      : []),
    ...formatWatch(runs.watch),
  ];
}

/** For each corpus target missed, what meeting it would take, in this run's figures (README, "What the missed targets would take", has the profiles). */
export function whatItWouldTake({ baseline, cold, warm, oneChanged }: CorpusRuns, cores: number): string[] {
  const lines: string[] = [];
  const coldCpuLimit = cores * 0.5 * baseline.wallMs;
  if (cold.wallMs > 0.5 * baseline.wallMs) {
    lines.push(
      `What (b) ≤ 0.5×(a) would take: even with all ${cores} cores free and nothing serial, docgen's CPU time would have to be at most ${cores} × 0.5 × (a) = ${formatMs(coldCpuLimit)}; ` +
        (cold.cpuMs > coldCpuLimit
          ? `it is ${formatMs(cold.cpuMs)}, ${formatMs(cold.cpuMs - coldCpuLimit)} too much (parsing was over half of it where profiled: README)`
          : `it is ${formatMs(cold.cpuMs)}, so the cores must be free and the serial phases shorter`) +
        '.',
    );
  }
  if (oneChanged.wallMs > 1000) {
    lines.push(
      `What (d) < 1 s would take: (d) is ${formatMs(oneChanged.wallMs - warm.wallMs)} over (c), the work one edit redoes over the whole corpus in a fresh process (the model, every file rendered, checked and compared); under 1 s needs that work in proportion to the change, the model and the rendered files kept between runs.`,
    );
  }
  return lines.length > 0 ? ['', ...lines] : [];
}

export function formatWatch(watch: WatchBench): string[] {
  const ms = watch.edits.map((edit) => edit.ms);
  const middle = median(ms);
  const rows = watch.edits.map((edit, index) => [
    String(index + 1),
    `\`${edit.word}\``,
    formatMs(edit.ms),
    edit.reportedMs === undefined ? '—' : formatMs(edit.reportedMs),
  ]);
  const usage = watch.usage
    ? `The session took ${formatMs(watch.usage.cpuMs)} of CPU in all, start to exit, and peaked at ${formatKiB(watch.usage.maxRssKiB)} RSS.`
    : 'The session gave no usage figures (it was killed).';
  return [
    '## `generate --watch`: a saved page, until its model is on disk',
    '',
    `\`generate --watch\` started as built (plain \`node\`), on the scratch copy after (d), with the same \`--cache-dir\`; it said it was watching after ${formatMs(watch.readyMs)} (start-up, a full run from the cache, and watching every folder). ` +
      `Then ${watch.edits.length} times, one at a time: a word appended to the same property row of \`${TOUCHED_PAGE}\`, timed from the write until \`${watch.file}\` holds it (fs.watch on its folder, then a read), the session's wait for 100 ms of quiet included; "rebuild" is the session's own figure for its run.`,
    '',
    ...markdownTable(['edit', 'word', '>save → model file', '>rebuild (as reported)'], rows),
    '',
    `Median ${formatMs(middle)}, fastest ${formatMs(Math.min(...ms))}, slowest ${formatMs(Math.max(...ms))} (target < 1 s: ${verdict(middle, 1000, formatMs, true)}). ${usage} ${
      watch.stoppedCleanly ? 'SIGTERM ended it cleanly ("stopped watching", exit code 0).' : '**SIGTERM did not end it cleanly** (no "stopped watching", or a non-zero exit).'
    }`,
    ...(middle > 1000
      ? ['', 'What < 1 s would take: a rebuild reads only the saved page and renders only what the edit reaches, but still builds the whole model (and collects the last one: a major GC) and checks each file\'s memo against it; under 1 s needs the model, too, rebuilt in proportion to the change.']
      : []),
    '',
  ];
}

const LAYOUT_NOTE =
  'Layout: one module per model, kept by these numbers. The joined row is the alternative (every model in one module), timed in this run: cheaper to check whole, ' +
  'but a consumer that imports one model or builder by subpath would then read every model, which costs that consumer more than the official typings (README, "The output\'s cost"). ' +
  'Most of the full output\'s time goes to the bodies of validators and builders; the declarations row is the same output as the package ships it, bodies left out.';

function formatCosts({ official, models, modelsJoined, full, declarations }: OutputCosts): string[] {
  const row = (cost: OutputCost, target: string, met: string) => [
    cost.name,
    cost.size.files.toLocaleString('en-US'),
    formatBytes(cost.size.bytes),
    cost.size.tsFiles.toLocaleString('en-US'),
    `${formatBytes(cost.size.tsBytes)} (${formatRatio(cost.size.tsBytes, official.size.tsBytes)})`,
    `${formatMs(cost.tsc.wallMs)} (${formatRatio(cost.tsc.wallMs, official.tsc.wallMs)})`,
    formatMs(cost.tsc.cpuMs),
    `${formatKiB(cost.tsc.maxRssKiB)} (${formatRatio(cost.tsc.maxRssKiB, official.tsc.maxRssKiB)})`,
    target,
    met,
  ];
  return [
    "## The output's cost: beta, `tsc --noEmit --strict` over it (libraries checked too)",
    '',
    'Ratios are to the official typings, which hold interfaces only and are type-checked through a one-line file that imports them. tsc runs in the same child runner (its start-up adds about 0.3 s and 40 MiB to every row alike).',
    '',
    ...markdownTable(
      ['output', '>files', '>size', '>.ts files', '>.ts size', '>tsc wall', '>tsc CPU', '>tsc peak RSS', 'target (tsc wall)', 'verdict'],
      [
        row(official, '—', '—'),
        row(models, '≤ 1× official', verdict(models.tsc.wallMs, official.tsc.wallMs, formatMs)),
        row(modelsJoined, '—', '—'),
        row(full, '≤ 3× official', verdict(full.tsc.wallMs, 3 * official.tsc.wallMs, formatMs)),
        row(declarations, '—', '—'),
      ],
    ),
    '',
    LAYOUT_NOTE,
    '',
  ];
}

function formatBundle(bundle: BundleSize): string[] {
  return [
    '## One request builder in a bundle (esbuild, minified, ESM)',
    '',
    ...markdownTable(
      ['bundle', '>minified', '>gzip', 'target', 'verdict'],
      [
        [
          `\`${BUILDER}\` + \`createClient\`, imported from generated/index.ts, with the runtime they import`,
          formatBytes(bundle.bytes),
          formatBytes(bundle.gzipBytes),
          '< 5 KiB minified',
          verdict(bundle.bytes, BUNDLE_LIMIT, formatBytes, true),
        ],
      ],
    ),
    '',
  ];
}
