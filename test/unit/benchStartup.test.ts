// The start-up bench's figures and report (bench/startup.ts): medians, the difference
// from bare node round by round, the target's verdict, and which way `check` went.
import { describe, expect, it } from 'vitest';
import { describeCheckPath, formatStartupBench, HELP_TARGET_MS, median, type StartupBench, summarise } from '../../bench/startup.js';

const bench = (helpMs: number[], checkPath = { shortcut: 3, full: 0 }): StartupBench => ({
  rounds: 3,
  timings: [
    { name: 'bare node', ms: [50, 40, 60] },
    { name: 'docgen --help', targetMs: HELP_TARGET_MS, ms: helpMs },
    { name: 'docgen check', ms: [400, 380, 500] },
  ],
  checkPath,
  load: [1, 2],
});

describe('the start-up bench', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('measures each contender against bare node in the same round', () => {
    // Round by round: 200-50, 150-40, 400-60 → median 150, where the medians' difference would be 200-50.
    expect(summarise(bench([200, 150, 400]).timings)[1]).toEqual({ medianMs: 200, fastestMs: 150, overBaselineMs: 150 });
    expect(summarise(bench([200, 150, 400]).timings)[0]).toEqual({ medianMs: 50, fastestMs: 40, overBaselineMs: 0 });
  });

  it('prints the target beside --help, met or not, in seconds', () => {
    const met = formatStartupBench(bench([200, 150, 400]));
    expect(met).toContain('| docgen --help | 0.200 s | 0.150 s | +0.150 s | within 0.250 s of bare node | met |');
    expect(met).toContain('| bare node | 0.050 s | 0.040 s | — | — | — |');
    const missed = formatStartupBench(bench([450, 400, 500]));
    expect(missed).toMatch(/\| docgen --help \| 0\.450 s \| 0\.400 s \| \+0\.400 s \| within 0\.250 s of bare node \| NOT met by 0\.15 s \(1\.6× the limit\) \|/);
  });

  it('says which way check went', () => {
    expect(describeCheckPath({ shortcut: 20, full: 0 })).toMatch(/stopped early, "unchanged since the last run", in all 20/);
    expect(describeCheckPath({ shortcut: 0, full: 20 })).toMatch(/never stopped early.*all 20/);
    expect(describeCheckPath({ shortcut: 5, full: 15 })).toMatch(/5 timed runs stopped early.*15 compared afresh/);
    expect(formatStartupBench(bench([200, 150, 400], { shortcut: 0, full: 3 }))).toContain('never stopped early');
  });
});
