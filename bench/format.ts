// Figures as the bench prints them: durations, sizes, ratios, target verdicts
// and Markdown tables. Sizes are binary: the KB and GB are read as KiB and GiB.

export function formatMs(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 10 * 1024) return `${bytes.toLocaleString('en-US')} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

export function formatKiB(kib: number): string {
  return formatBytes(kib * 1024);
}

export function formatRatio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}×`;
}

/**
 * 'met', or how far off: `NOT met by 1.20 s (2.2× the limit)`. `strict` for a
 * limit that must be undercut (< 3 s), else it may be reached (≤ 0.5×(a)).
 */
export function verdict(value: number, limit: number, format: (amount: number) => string, strict = false): string {
  const met = strict ? value < limit : value <= limit;
  return met ? 'met' : `NOT met by ${format(value - limit)} (${(value / limit).toFixed(1)}× the limit)`;
}

/** A Markdown table; a column whose header starts with `>` is right-aligned (the `>` is dropped). */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const right = headers.map((header) => header.startsWith('>'));
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    `| ${headers.map((header, index) => cell(right[index] ? header.slice(1) : header)).join(' | ')} |`,
    `|${right.map((isRight) => (isRight ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}
