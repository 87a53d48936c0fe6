// Coverage figures as an aligned text table (`docgen stats`, `docgen lint --stats`).
import type { Coverage, Ratio } from './coverage.js';

/** The same figures with every listed file passed through `display` (e.g. to show it under its input root). */
export function mapCoverageFiles(coverage: Coverage, display: (file: string) => string): Coverage {
  return {
    ...coverage,
    typesFromPages: { ...coverage.typesFromPages, missing: coverage.typesFromPages.missing.map(display) },
    apiPages: { ...coverage.apiPages, withoutOperation: coverage.apiPages.withoutOperation.map(display) },
  };
}

type Row = [label: string, count: number | undefined, of?: number, percent?: number];

export function formatCoverage(coverage: Coverage): string {
  const { pages, typesFromPages, rows, apiPages, diagnostics } = coverage;
  const rate = (label: string, value: Ratio): Row => [label, value.numerator, value.denominator, value.percent];
  const table: Row[] = [
    ['pages', pages.total],
    ['  resource', pages.byKind.resource],
    ['  enum', pages.byKind.enum],
    ['  api', pages.byKind.api],
    ['  other', pages.byKind.other],
    rate('resource and enum pages whose type is in the model', typesFromPages),
    rate('rows with a resolved type', rows),
    ['  primitive', rows.primitive],
    ['  named', rows.named],
    ['  unresolved', rows.unresolved],
    rate('API pages with a complete operation', apiPages),
    ['  operations', apiPages.operations],
    ['  API pages without an operation', apiPages.withoutOperation.length],
    ['diagnostics', diagnostics.total],
    ['  errors', diagnostics.errors],
    ['  warnings', diagnostics.warnings],
    ['  notes', diagnostics.notes],
  ];
  const cells = table.map(([label, count, of, percent]) => [
    label,
    count === undefined ? '' : String(count),
    of === undefined ? '' : `of ${of}`,
    percent === undefined ? '' : `${percent.toFixed(2)}%`,
  ]);
  const header = ['figure', 'count', '', 'rate'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 || column === 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...cells.map(line)];

  out.push('', `top unresolved types (${rows.unresolved} rows in all):`);
  if (rows.topUnresolved.length === 0) out.push('  none');
  const countWidth = Math.max(0, ...rows.topUnresolved.map(({ count }) => String(count).length));
  for (const { name, count } of rows.topUnresolved) out.push(`  ${String(count).padStart(countWidth)}  ${name}`);

  out.push('', 'resource and enum pages whose type is not in the model:', ...list(typesFromPages.missing));
  out.push('', 'API pages without an operation:', ...list(apiPages.withoutOperation));
  return `${out.join('\n')}\n`;
}

function list(files: readonly string[]): string[] {
  return files.length === 0 ? ['  none'] : files.map((file) => `  ${file}`);
}
