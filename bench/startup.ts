// `npm run bench -- startup`: how soon docgen answers as it is published (built to dist/,
// run by node), against bare node: `--help`, and a `check` with nothing to do; and, for
// comparison, `--help` the in-repository way, through tsx. Each contender is a process of
// its own, timed with process.hrtime around spawnSync; the contenders take turns, round
// after round, so that the shared machine's load hits them alike.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, markdownTable, verdict } from './format.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_CLI = path.join(PROJECT, 'dist', 'generator', 'cli', 'main.js');
const TSX_CLI = path.join(PROJECT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** The target: `docgen --help` within this much of bare node. */
export const HELP_TARGET_MS = 250;
const ROUNDS = 20;

interface Contender {
  name: string;
  args: string[];
  cwd: string;
  /** The limit on its difference from bare node, when it has one. */
  targetMs?: number;
  /** The `check` whose way (stopped early or not) is counted. */
  isCheck?: true;
}

export interface StartupBench {
  rounds: number;
  /** Milliseconds of each round, per contender; the first contender is bare node. */
  timings: Array<{ name: string; targetMs?: number; ms: number[] }>;
  /** Of the timed `check` runs, how many stopped early ("unchanged since the last run") and how many compared afresh. */
  checkPath: { shortcut: number; full: number };
  /** 1-minute load average at the start and the end: the machine is shared. */
  load: [number, number];
}

export async function benchStartup(log: (step: string) => void, rounds = ROUNDS): Promise<StartupBench> {
  const loadBefore = os.loadavg()[0]!;
  log('npm run build');
  // The build's output goes to stderr: stdout is the report.
  const build = spawnSync('npm', ['run', 'build'], { cwd: PROJECT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error(`npm run build exited with ${build.status}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'docgen-bench-startup-'));
  try {
    await cp(path.join(PROJECT, 'docs-input'), path.join(scratch, 'docs'), { recursive: true });
    const folders = ['-i', 'docs', '-o', 'out', '--cache-dir', 'cache'];
    log('generate once, so that check finds nothing changed since the last run');
    succeed(spawnSync(process.execPath, [BUILT_CLI, 'generate', ...folders], { cwd: scratch, encoding: 'utf8' }), 'generate');
    const lastRun = path.join(scratch, 'cache', 'last-run.json');
    const contenders: Contender[] = [
      { name: '`node -e 0`: bare node, the baseline', args: ['-e', '0'], cwd: PROJECT },
      { name: '`docgen --help` (`node dist/generator/cli/main.js --help`)', args: [BUILT_CLI, '--help'], cwd: PROJECT, targetMs: HELP_TARGET_MS },
      { name: '`docgen check` on docs-input/ and its output, nothing changed since the last run', args: [BUILT_CLI, 'check', ...folders], cwd: scratch, isCheck: true },
      { name: 'for comparison, in the repository: `tsx generator/cli/main.ts --help` (as `npm run docgen -- --help`, without npm)', args: [TSX_CLI, 'generator/cli/main.ts', '--help'], cwd: PROJECT },
    ];
    const ms = contenders.map(() => [] as number[]);
    const checkPath = { shortcut: 0, full: 0 };
    log(`${rounds} rounds of ${contenders.length} contenders, after a warm-up round`);
    for (let round = -1; round < rounds; round++) {
      // Each round starts with the next contender, so none is always first after a pause.
      for (let turn = 0; turn < contenders.length; turn++) {
        const index = (Math.max(round, 0) + turn) % contenders.length;
        const contender = contenders[index]!;
        const before = stamp(lastRun);
        const started = process.hrtime.bigint();
        const run = spawnSync(process.execPath, contender.args, { cwd: contender.cwd, encoding: 'utf8' });
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        succeed(run, contender.name);
        if (round < 0) continue;
        ms[index]!.push(elapsed);
        // A check that compares afresh and finds no drift records the run again; one that stops early leaves the record as it was.
        if (contender.isCheck) checkPath[before !== undefined && stamp(lastRun) === before ? 'shortcut' : 'full']++;
      }
    }
    return { rounds, timings: contenders.map(({ name, targetMs }, index) => ({ name, targetMs, ms: ms[index]! })), checkPath, load: [loadBefore, os.loadavg()[0]!] };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function succeed(run: SpawnSyncReturns<string>, name: string): void {
  if (run.status !== 0) throw new Error(`${name} exited with ${run.status ?? run.signal}:\n${(run.stderr ?? '').slice(-2000)}`);
}

/** The file's identity and modification time (a rewrite by rename changes both), or undefined when it is absent. */
function stamp(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const info = statSync(file);
  return `${info.ino}:${info.mtimeMs}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each contender's median, fastest run and median difference from the baseline (`timings[0]`) in the same round. */
export function summarise(timings: StartupBench['timings']): Array<{ medianMs: number; fastestMs: number; overBaselineMs: number }> {
  const baseline = timings[0]!.ms;
  return timings.map(({ ms }) => ({
    medianMs: median(ms),
    fastestMs: Math.min(...ms),
    overBaselineMs: median(ms.map((value, round) => value - baseline[round]!)),
  }));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const signedSeconds = (ms: number) => `${ms < 0 ? '−' : '+'}${seconds(Math.abs(ms))}`;

/** Which way the timed checks went, in words. */
export function describeCheckPath({ shortcut, full }: StartupBench['checkPath']): string {
  if (full === 0) return `\`check\` stopped early, "unchanged since the last run", in all ${shortcut} timed runs: the last run's record was left as it was.`;
  if (shortcut === 0) return `**\`check\` never stopped early**: all ${full} timed runs read the docs and compared the output afresh (the last run's record was rewritten each time), so its row times the full check.`;
  return `**\`check\` took both ways**: ${shortcut} timed runs stopped early ("unchanged since the last run"), ${full} compared afresh, so its row mixes the two.`;
}

export function formatStartupBench(bench: StartupBench): string {
  const summaries = summarise(bench.timings);
  const rows = bench.timings.map(({ name, targetMs }, index) => {
    const { medianMs, fastestMs, overBaselineMs } = summaries[index]!;
    const target = targetMs === undefined ? ['—', '—'] : [`within ${seconds(targetMs)} of bare node`, verdict(overBaselineMs, targetMs, formatMs)];
    return [name, seconds(medianMs), seconds(fastestMs), index === 0 ? '—' : signedSeconds(overBaselineMs), ...target];
  });
  return [
    '## Start-up: docgen as published (dist/) against bare node',
    '',
    `Each contender is a process of its own, spawned with spawnSync and timed around it with process.hrtime; after a warm-up round, ${bench.rounds} rounds in which they take turns. Median and fastest run; "over bare node" is the median of each round's difference from \`node -e 0\` in that round.`,
    '',
    ...markdownTable(['contender', '>median', '>fastest', '>over bare node', 'target', 'verdict'], rows),
    '',
    describeCheckPath(bench.checkPath),
    '',
    `Load average (1 min) ${bench.load[0].toFixed(1)} at the start, ${bench.load[1].toFixed(1)} at the end, on ${os.availableParallelism()} cores: others share the machine.`,
    '',
  ].join('\n');
}
