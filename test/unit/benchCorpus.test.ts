// The pipeline bench's pure parts (bench/corpusRuns.ts, watchRuns.ts, usage.ts, pipeline.ts):
// the rounds of (a) and (b), their medians, how each child is started, what the watch
// runs read from the session, and how the rows print. (The bench itself is not a test.)
import { describe, expect, it } from 'vitest';
import { type CorpusRuns, DEFAULT_ROUNDS, medianUsage, roundOrder, roundsFrom } from '../../bench/corpusRuns.js';
import { describeBuild, formatRuns, formatWatch } from '../../bench/pipeline.js';
import { type ChildRun, childArgv, parseChildOutput } from '../../bench/usage.js';
import { reportedRebuildMs, type WatchBench, watchWord } from '../../bench/watchRuns.js';

const run = (wallMs: number, cpuMs: number, maxRssKiB = 100 * 1024): ChildRun => ({ wallMs, cpuMs, maxRssKiB, output: '' });

describe('rounds of (a) and (b)', () => {
  it('reads DOCGEN_BENCH_ROUNDS, defaulting when unset or empty and refusing anything but a whole number from 1', () => {
    expect(roundsFrom(undefined)).toBe(DEFAULT_ROUNDS);
    expect(roundsFrom('')).toBe(DEFAULT_ROUNDS);
    expect(roundsFrom('5')).toBe(5);
    expect(roundsFrom('1')).toBe(1);
    for (const bad of ['0', '-2', '2.5', 'three']) expect(() => roundsFrom(bad)).toThrow(/DOCGEN_BENCH_ROUNDS: expected a whole number from 1/);
  });

  it('lets (a) and (b) take turns going first', () => {
    expect([0, 1, 2, 3].map(roundOrder)).toEqual([
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
  });

  it('takes each figure’s median on its own, not the median run’s', () => {
    // The median wall is the second run's, the median CPU the first's, the median RSS the third's.
    expect(medianUsage([run(30, 50, 7), run(20, 60, 9), run(40, 10, 8)])).toEqual({ wallMs: 30, cpuMs: 50, maxRssKiB: 8 });
    expect(medianUsage([run(10, 10, 1), run(20, 30, 3)])).toEqual({ wallMs: 15, cpuMs: 20, maxRssKiB: 2 });
    expect(() => medianUsage([])).toThrow(/no runs/);
  });
});

describe('child processes', () => {
  it('starts the baseline (a) under plain node, with no loader, and the old one under tsx', () => {
    const plain = childArgv('remark', ['/docs']);
    expect(plain).not.toContain('--import');
    expect(plain[0]).toMatch(/bench[/\\]child\.mjs$/);
    expect(plain.slice(1)).toEqual(['remark', '/docs']);
    const old = childArgv('remark-tsx', ['/docs']);
    expect(old[0]).toBe('--import');
    expect(old.slice(2)).toEqual([expect.stringMatching(/bench[/\\]child\.ts$/), 'remark', '/docs']);
  });

  it('splits what a child printed from the usage line that ends it', () => {
    expect(parseChildOutput('docgen: done\n\n{"wallMs":1,"cpuMs":2,"maxRssKiB":3}\n')).toEqual({ wallMs: 1, cpuMs: 2, maxRssKiB: 3, output: 'docgen: done' });
    expect(parseChildOutput('\n{"wallMs":1,"cpuMs":2,"maxRssKiB":3}\n').output).toBe('');
  });
});

describe('the watch runs', () => {
  it('appends words of letters that are never part of one another', () => {
    const words = Array.from({ length: 60 }, (_, index) => watchWord(index));
    expect(words.slice(0, 2)).toEqual(['docgenwatchaend', 'docgenwatchbend']);
    expect(words[26]).toBe('docgenwatchaaend');
    for (const word of words) {
      expect(word).toMatch(/^[a-z]+$/);
      expect(words.filter((other) => other.includes(word))).toEqual([word]);
    }
  });

  it("reads the session's own rebuild time from its line", () => {
    expect(reportedRebuildMs('docgen: docs/a.md changed: 2 files written, 0 removed in 0.28 s (models/A.ts, schemas/A.schema.json)')).toBe(280);
    expect(reportedRebuildMs('docgen: docs/a.md changed: 0 files written, 0 removed in 12 s')).toBe(12_000);
    expect(reportedRebuildMs('docgen: docs/a.md changed, but the run failed: boom')).toBeUndefined();
  });
});

const watch = (ms: number[], stoppedCleanly = true): WatchBench => ({
  readyMs: 20_000,
  file: 'models/RemoteActionAudit.ts',
  edits: ms.map((value, index) => ({ word: watchWord(index), ms: value, reportedMs: value - 150, line: '' })),
  usage: run(60_000, 45_000, 600 * 1024),
  stoppedCleanly,
});

describe('the corpus report', () => {
  const runs: CorpusRuns = {
    cache: { generate: true, check: true },
    startup: run(200, 180),
    rounds: [
      { first: 'a', a: run(44_000, 43_000), b: run(30_000, 52_000) },
      { first: 'b', a: run(46_000, 45_000), b: run(26_000, 48_000) },
      { first: 'a', a: run(40_000, 41_000), b: run(28_000, 50_000) },
    ],
    baseline: { wallMs: 44_000, cpuMs: 43_000, maxRssKiB: 300 * 1024 },
    cold: { wallMs: 28_000, cpuMs: 50_000, maxRssKiB: 700 * 1024 },
    baselineTsx: run(60_000, 62_000),
    warm: run(2_000, 1_900),
    oneChanged: run(9_000, 11_000),
    check: run(1_500, 1_400),
    watch: watch([400, 300, 350]),
  };
  const text = formatRuns({ pages: 7949, runs, sourceChanged: false }, 2).join('\n');

  it('says what (a) is, that docgen runs as built, and rows the medians against the target', () => {
    expect(text).toContain('plain `node` script, no loader, synchronous reads, one thread (baseline; median of 3)');
    expect(text).toContain('no tsx, no loader');
    expect(text).toContain('| (a) remark-parse + remark-gfm: plain `node` script, no loader, synchronous reads, one thread (baseline; median of 3) | 44.0 s | 1.00× | 43.0 s |');
    expect(text).toContain('| (a′) for reference, the old (a): under the tsx loader, one `await readFile` per page (one run) | 60.0 s | 1.36× | 62.0 s |');
    expect(text).toContain('| (b) generate, cold (median of 3) | 28.0 s | 0.64× | 50.0 s | 700.0 MiB | ≤ 0.5×(a) = 22.0 s | NOT met by 6.00 s (1.3× the limit) | met |');
    expect(text).toContain('(b)/(a) = 0.64× on the medians (target ≤ 0.50×: NOT met by 0.14× (1.3× the limit))');
  });

  it('says docgen has every core and remark one, and how much CPU each used', () => {
    expect(text).toContain('on every core (2 here; its CPU time is 1.79× its wall time), remark runs on one thread, as its users run it (0.98×). In CPU time, (b) is 1.16× (a).');
  });

  it('lists every round, who went first, and its own ratio', () => {
    expect(text).toContain('| 1 | (a) | 44.0 s | 43.0 s | 30.0 s | 52.0 s | 0.68× |');
    expect(text).toContain('| 2 | (b) | 46.0 s | 45.0 s | 26.0 s | 48.0 s | 0.57× |');
    expect(text).toContain('| 3 | (a) | 40.0 s | 41.0 s | 28.0 s | 50.0 s | 0.70× |');
  });

  it('reports the watch runs one by one, their median against 1 s, and how the session ended', () => {
    expect(text).toContain('## `generate --watch`');
    const met = formatWatch(watch([400, 300, 350])).join('\n');
    expect(met).toContain('| 1 | `docgenwatchaend` | 0.40 s | 0.25 s |');
    expect(met).toContain('Median 0.35 s, fastest 0.30 s, slowest 0.40 s (target < 1 s: met).');
    expect(met).toContain('SIGTERM ended it cleanly');
    const missed = formatWatch(watch([1_500, 2_500, 1_200], false)).join('\n');
    expect(missed).toContain('Median 1.50 s, fastest 1.20 s, slowest 2.50 s (target < 1 s: NOT met by 0.50 s (1.5× the limit)).');
    expect(missed).toContain('**SIGTERM did not end it cleanly**');
    expect(missed).toContain('What < 1 s would take');
    expect(met).not.toContain('What < 1 s would take');
  });

  it('says, for each target missed, what meeting it would take in the run\'s own figures, and nothing for one met', () => {
    // (b): 2 cores × 0.5 × 44.0 s = 44.0 s of CPU at most; it used 50.0 s.
    expect(text).toContain('docgen\'s CPU time would have to be at most 2 × 0.5 × (a) = 44.0 s; it is 50.0 s, 6.00 s too much');
    expect(text).toContain('What (d) < 1 s would take: (d) is 7.00 s over (c)');
    const fast = formatRuns({ pages: 7949, runs: { ...runs, cold: { wallMs: 20_000, cpuMs: 38_000, maxRssKiB: 1 }, oneChanged: run(800, 700) }, sourceChanged: false }, 2).join('\n');
    expect(fast).not.toContain('What (b)');
    expect(fast).not.toContain('What (d)');
    // Missed with CPU to spare: the cores were busy or a phase ran alone.
    const idle = formatRuns({ pages: 7949, runs: { ...runs, cold: { wallMs: 30_000, cpuMs: 40_000, maxRssKiB: 1 } }, sourceChanged: false }, 2).join('\n');
    expect(idle).toContain('it is 40.0 s, so the cores must be free and the serial phases shorter');
  });
});

describe('which docgen was built', () => {
  it('says whether the figures are for the commit or for a working tree that differs from it', () => {
    expect(describeBuild({ commit: 'abc1234', uncommitted: 0 })).toBe('docgen built from commit abc1234, generator/ and templates/ as committed.');
    expect(describeBuild({ commit: 'abc1234', uncommitted: 1 })).toContain('with **1 uncommitted change** under generator/ and templates/: these figures are for that tree, not for the commit.');
    expect(describeBuild({ commit: 'abc1234', uncommitted: 9 })).toContain('**9 uncommitted changes**');
  });
});
