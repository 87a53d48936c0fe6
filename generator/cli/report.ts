// Printing diagnostics as `file:line:col: severity code: message`, with the
// file shown as a path the user can open.
import path from 'node:path';
import type { Diagnostic, Severity } from '../model/types.js';
import type { DocFile } from '../read/docFile.js';

const displayPaths = new WeakMap<readonly DocFile[], Map<string, string>>();

/** A page path (relative to its input root, as in sources) as the user can open it: joined to its root. */
export function displayPath(file: string, docs: readonly DocFile[]): string {
  let paths = displayPaths.get(docs);
  if (!paths) {
    paths = new Map(docs.map((doc) => [doc.path, path.join(doc.root, doc.path)]));
    displayPaths.set(docs, paths);
  }
  return paths.get(file) ?? file;
}

export function formatDiagnostic(diagnostic: Diagnostic, docs: readonly DocFile[]): string {
  const file = displayPath(diagnostic.source.file, docs);
  const { line, column } = diagnostic.source;
  return `${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnosticMessage(diagnostic)}`;
}

/** The message with what was expected and found, without the location. */
export function diagnosticMessage(diagnostic: Diagnostic): string {
  const detail = [diagnostic.expected && `expected ${diagnostic.expected}`, diagnostic.found && `found ${diagnostic.found}`]
    .filter(Boolean)
    .join('; ');
  return `${diagnostic.message}${detail ? ` (${detail})` : ''}`;
}

export function diagnosticSummary(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  return `${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CodeCount {
  /** The most severe severity the code was reported with (each code has one today). */
  severity: Severity;
  count: number;
}

/** Diagnostics counted per code, most frequent first (ties by code). */
export function countByCode(diagnostics: readonly Diagnostic[]): Array<[string, CodeCount]> {
  const byCode = new Map<string, CodeCount>();
  for (const { code, severity } of diagnostics) {
    const entry = byCode.get(code);
    if (!entry) byCode.set(code, { severity, count: 1 });
    else {
      entry.count++;
      if (RANK[severity] < RANK[entry.severity]) entry.severity = severity;
    }
  }
  return [...byCode.entries()].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0));
}

/** The per-code table `docgen lint` prints under the diagnostics: count, severity, code. */
export function codeTable(diagnostics: readonly Diagnostic[]): string {
  const rows = countByCode(diagnostics).map(([code, { severity, count }]) => [String(count), severity, code] as const);
  if (rows.length === 0) return '';
  const width = Math.max(5, ...rows.map(([count]) => count.length));
  const header = `${'count'.padStart(width)}  ${'severity'.padEnd(8)}  code`;
  return [header, ...rows.map(([count, severity, code]) => `${count.padStart(width)}  ${severity.padEnd(8)}  ${code}`)].join('\n') + '\n';
}

export interface LintJson {
  diagnostics: Diagnostic[];
  summary: { byCode: Record<string, CodeCount>; errors: number; warnings: number; notes: number };
}

/** `docgen lint --format json`: the diagnostics (files as display paths) and their counts. */
export function lintJson(diagnostics: readonly Diagnostic[], docs: readonly DocFile[]): LintJson {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    diagnostics: diagnostics.map((d) => ({ ...d, source: { ...d.source, file: displayPath(d.source.file, docs) } })),
    summary: {
      byCode: Object.fromEntries(countByCode(diagnostics)),
      errors: count('error'),
      warnings: count('warning'),
      notes: count('info'),
    },
  };
}
