// Throughput measurement for the benchmarks: each contender runs in turns, for a
// fixed time each, and the median of the turns is kept, so a noisy neighbour on
// the shared machine skews one turn, not the figure.

export interface Throughput {
  name: string;
  /** Median operations per second over the turns. */
  perSecond: number;
}

/** Runs `fn` repeatedly for about `ms` milliseconds; returns operations per second. */
function turn(fn: () => unknown, ms: number): number {
  let sink = 0;
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i++) if (fn()) sink++;
    count += 1000;
    elapsed = performance.now() - started;
  }
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return (count / elapsed) * 1000;
}

/** Interleaves the contenders turn by turn (after a warm-up), so drift in the machine's load hits them alike. */
export function compare(contenders: Array<{ name: string; fn: () => unknown }>, { turns = 7, ms = 300 } = {}): Throughput[] {
  for (const { fn } of contenders) turn(fn, ms);
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < turns; round++) contenders.forEach(({ fn }, index) => samples[index]!.push(turn(fn, ms)));
  return contenders.map(({ name }, index) => ({ name, perSecond: median(samples[index]!) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)}M/s` : `${(perSecond / 1e3).toFixed(0)}k/s`;
}
