// `npm run bench -- pipeline`: docgen over all of beta against the bare parser,
// cold, warm and after a one-page edit, and `check`; then what the output costs
// (size, tsc time and memory) beside the official typings, and what a consumer
// that installs it as a package pays; and one request builder's weight in a bundle.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, bundleRequestBuilder } from './bundle.js';
import { type CorpusRuns, generateModelsOnly, REPEATS, runCorpus, scratchPaths, TOUCHED_PAGE } from './corpusRuns.js';
import { formatBytes, formatKiB, formatMs, formatRatio, markdownTable, verdict } from './format.js';
import { type ConsumerBench, benchConsumer, formatConsumerBench } from './consumer.js';
import { generatedCost, officialTypingsCost, type OutputCost } from './outputCost.js';
import type { ChildRun } from './usage.js';

const BETA = fileURLToPath(new URL('../../shared/corpus/msgraph-docs-2021-07/beta', import.meta.url));
const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = path.join(PROJECT, 'generated');
const BUILDER = 'updateRemoteActionAudit';

const RSS_LIMIT_KIB = 1024 ** 2;
const BUNDLE_LIMIT = 5 * 1024;

interface CorpusBench {
  pages: number;
  runs: CorpusRuns;
  /** Whether someone edited docgen while (a)–(e) ran: then they did not all time the same docgen. */
  sourceChanged: boolean;
  /** Official typings, models only, full output. */
  costs: [OutputCost, OutputCost, OutputCost];
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

export async function benchPipeline(log: (step: string) => void): Promise<PipelineBench> {
  const loadBefore = os.loadavg()[0]!;
  const { code: _code, ...bundle } = await bundleRequestBuilder(GENERATED, BUILDER);
  const corpus = existsSync(BETA) ? await benchCorpus(log) : undefined;
  return { corpus, bundle, load: [loadBefore, os.loadavg()[0]!] };
}

async function benchCorpus(log: (step: string) => void): Promise<CorpusBench> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'docgen-bench-'));
  try {
    const { docs, out } = scratchPaths(scratch);
    log(`copying ${BETA} to ${docs}`);
    await cp(BETA, docs, { recursive: true });
    const pages = (await readdir(docs, { recursive: true })).filter((file) => file.endsWith('.md')).length;
    const before = await sourceStamp();
    const runs = await runCorpus(scratch, log);
    const sourceChanged = (await sourceStamp()) !== before;
    log('generate, models only (untimed), for the type-check');
    const modelsOut = await generateModelsOnly(scratch, runs.cache.generate);
    log('tsc --noEmit: the official typings, models only, the full output');
    const costs: CorpusBench['costs'] = [
      await officialTypingsCost(scratch),
      await generatedCost('docgen, models only', modelsOut, scratch),
      await generatedCost('docgen, full output (models, validators, schemas, requests)', out, scratch),
    ];
    const consumer = await benchConsumer(scratch, docs, log);
    return { pages, runs, sourceChanged, costs, consumer };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The newest change under docgen's source and templates (a folder's time covers files added or removed). */
async function sourceStamp(): Promise<number> {
  let newest = 0;
  for (const folder of ['generator', 'templates']) {
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

function formatRuns({ pages, runs, sourceChanged }: CorpusBench): string[] {
  const { baseline, cold, warm, oneChanged, check, cache } = runs;
  const noCache = (has: boolean) => (has ? '' : ' (no cache yet)');
  const rss = (run: ChildRun) => verdict(run.maxRssKiB, RSS_LIMIT_KIB, formatKiB, true);
  const row = (name: string, run: ChildRun, target: string, wall: string, rssVerdict = rss(run)) => [
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
  const table = markdownTable(
    ['run', '>wall', '>wall ÷ (a)', '>CPU', '>peak RSS', 'wall target', 'wall verdict', 'peak RSS < 1 GiB'],
    [
      row('docgen start-up alone (`generate --help`), for reference', runs.startup, '—', '—', '—'),
      row('(a) remark-parse + remark-gfm, one thread (baseline)', baseline, '—', '—', '—'),
      row('(b) generate, cold', cold, `≤ 0.5×(a) = ${formatMs(coldLimit)}`, verdict(cold.wallMs, coldLimit, formatMs)),
      row(`(c) generate, warm, nothing changed${noCache(cache.generate)}`, warm, '< 3 s', verdict(warm.wallMs, 3000, formatMs, true)),
      row(`(d) generate, warm, one page changed${noCache(cache.generate)}`, oneChanged, '< 1 s', verdict(oneChanged.wallMs, 1000, formatMs, true)),
      row(`(e) check, output up to date${noCache(cache.check)}`, check, `≤ (c) = ${formatMs(warm.wallMs)}`, verdict(check.wallMs, warm.wallMs, formatMs)),
    ],
  );
  const cacheNote =
    cache.generate && cache.check
      ? 'Cold: a fresh, empty `--cache-dir`; warm: the same folder again.'
      : `${cache.generate ? '`check`' : '`generate` and `check`'} take no \`--cache-dir\` yet (detected from \`--help\`), so the "warm" runs marked (no cache yet) are cold runs too.`;
  return [
    `## docgen at corpus scale: all of beta (${pages.toLocaleString('en-US')} pages)`,
    '',
    'Each run is a process of its own (`node --import tsx`, start-up included) on a scratch copy of the docs; CPU is user + system.',
    `${cacheNote} (c) and (e) take turns, ${REPEATS} runs each, and each row shows its median run. (d) appends a word to one property row of \`${TOUCHED_PAGE}\`.`,
    '',
    ...table,
    '',
    `(b)/(a) = ${formatRatio(cold.wallMs, baseline.wallMs)} (target ≤ 0.50×: ${verdict(cold.wallMs / baseline.wallMs, 0.5, (excess) => `${excess.toFixed(2)}×`)}).`,
    '',
    ...(sourceChanged
      ? ['**Warning:** generator/ or templates/ changed while these ran, so they did not all time the same docgen, and a warm run may have started cold. Run the bench again.', '']
      : []),
  ];
}

function formatCosts([official, models, full]: CorpusBench['costs']): string[] {
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
        row(full, '≤ 3× official', verdict(full.tsc.wallMs, 3 * official.tsc.wallMs, formatMs)),
      ],
    ),
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
