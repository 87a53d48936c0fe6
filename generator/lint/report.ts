// The `lint --examples` report: one line per finding, `file:line:col: severity
// class: pointer: expected …; found …`, then the summary; or the same as JSON.
import { FINDING_CLASSES, type FindingClass } from './classify.js';
import type { ExampleKind, SkipReason } from './collect.js';
import type { ExampleResult, LocatedFinding } from './lintExamples.js';
import type { ValidationMode } from './validatorApi.js';

export interface KindCounts {
  seen: number;
  resolved: number;
  passed: number;
  failed: number;
}

export interface ExamplesSummary {
  mode: ValidationMode;
  /** Every JSON example: representation blocks, and request and response examples with a body. */
  seen: number;
  /** Those whose type resolves: checked. */
  resolved: number;
  passed: number;
  failed: number;
  /** Failed examples per class (an example with findings of two classes counts in both). */
  failedByClass: Partial<Record<FindingClass, number>>;
  /** Error findings per class. */
  findingsByClass: Partial<Record<FindingClass, number>>;
  /** Warning findings per class (lenient mode: enum members the docs do not list). */
  warningsByClass: Partial<Record<FindingClass, number>>;
  skipped: Record<SkipReason, number>;
  /** Placeholders that fit the documented type; those that do not are `placeholder-type` and `unknown-type` findings. */
  placeholders: number;
  byKind: Record<ExampleKind, KindCounts>;
}

export function summarise(results: readonly ExampleResult[], mode: ValidationMode): ExamplesSummary {
  const kinds = (): KindCounts => ({ seen: 0, resolved: 0, passed: 0, failed: 0 });
  const summary: ExamplesSummary = {
    mode,
    seen: 0,
    resolved: 0,
    passed: 0,
    failed: 0,
    failedByClass: {},
    findingsByClass: {},
    warningsByClass: {},
    skipped: { 'type-unresolved': 0, 'not-json': 0, 'error-response': 0 },
    placeholders: 0,
    byKind: { representation: kinds(), request: kinds(), response: kinds() },
  };
  const add = (counts: Partial<Record<FindingClass, number>>, key: FindingClass) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const result of results) {
    const byKind = summary.byKind[result.example.kind];
    summary.seen++;
    byKind.seen++;
    summary.placeholders += result.placeholders;
    if (result.status === 'skipped') {
      summary.skipped[result.example.skip ?? 'type-unresolved']++;
      continue;
    }
    summary.resolved++;
    byKind.resolved++;
    summary[result.status]++;
    byKind[result.status]++;
    for (const finding of result.errors) add(summary.findingsByClass, finding.class);
    for (const findingClass of new Set(result.errors.map((finding) => finding.class))) add(summary.failedByClass, findingClass);
    for (const finding of result.warnings) add(summary.warningsByClass, finding.class);
  }
  return summary;
}

const KIND_LABEL: Record<ExampleKind, string> = { representation: 'JSON representation', request: 'request example', response: 'response example' };

/** `the response example of getUser`, `the JSON representation of microsoft.graph.user`. */
export function exampleLabel(result: ExampleResult): string {
  const { example } = result;
  return `${KIND_LABEL[example.kind]} of ${example.operation ?? example.type ?? '?'}`;
}

/** `file:line:col: error wrong-type: /accountEnabled: expected a boolean; found the string "yes" (request example of updateUser, as microsoft.graph.user; rule resources/user.md:57)`. */
export function formatFinding(result: ExampleResult, finding: LocatedFinding, displayPath: (file: string) => string): string {
  const where = `${displayPath(result.example.source.file)}:${finding.position.line}:${finding.position.column}`;
  const context = [`${exampleLabel(result)}${result.checkedAs ? `, as ${result.checkedAs}` : ''}`];
  if (finding.hint) context.unshift(finding.hint);
  if (finding.rule) context.push(`rule ${displayPath(finding.rule.file)}:${finding.rule.line}`);
  return `${where}: ${finding.severity} ${finding.class}: ${finding.pointer || '/'}: expected ${finding.expected}; found ${finding.found} (${context.join('; ')})`;
}

/** Every finding, errors and warnings, in page order. */
export function findingLines(results: readonly ExampleResult[], displayPath: (file: string) => string): string[] {
  const lines: string[] = [];
  for (const result of results) {
    const findings = [...result.errors, ...result.warnings].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
    for (const finding of findings) lines.push(formatFinding(result, finding, displayPath));
  }
  return lines;
}

export function formatSummary(summary: ExamplesSummary): string {
  const lines: string[] = [];
  const skipped = summary.seen - summary.resolved;
  lines.push(
    `docgen lint --examples (${summary.mode} validation): ${summary.seen} JSON examples, ${summary.resolved} whose type resolves: ` +
      `${summary.passed} passed, ${summary.failed} failed; ${skipped} skipped (${summary.skipped['type-unresolved']} type unresolved, ` +
      `${summary.skipped['not-json']} body not JSON, ${summary.skipped['error-response']} error responses)`,
  );
  const classes = FINDING_CLASSES.filter((name) => summary.findingsByClass[name] || summary.warningsByClass[name]);
  if (classes.length > 0) {
    lines.push('', '  failed  findings  warnings  class');
    for (const name of classes) {
      const cell = (value: number | undefined, width: number) => String(value ?? 0).padStart(width);
      lines.push(`${cell(summary.failedByClass[name], 8)}  ${cell(summary.findingsByClass[name], 8)}  ${cell(summary.warningsByClass[name], 8)}  ${name}`);
    }
  }
  lines.push('');
  for (const kind of ['representation', 'request', 'response'] as const) {
    const counts = summary.byKind[kind];
    lines.push(`${`${KIND_LABEL[kind]}s:`.padEnd(22)} ${counts.seen} seen, ${counts.resolved} resolved, ${counts.passed} passed, ${counts.failed} failed`);
  }
  const misfits = (summary.findingsByClass['placeholder-type'] ?? 0) + (summary.findingsByClass['unknown-type'] ?? 0);
  lines.push(`placeholders: ${summary.placeholders} fit the documented type, ${misfits} do not`);
  return `${lines.join('\n')}\n`;
}

export interface ExamplesJson {
  findings: Array<Omit<LocatedFinding, 'position' | 'rule'> & {
    file: string;
    line: number;
    column: number;
    example: { kind: ExampleKind; file: string; line: number; operation?: string; type?: string; checkedAs?: string };
    rule?: string;
  }>;
  summary: ExamplesSummary;
}

/** `lint --examples --format json`: every finding (files as display paths), then the summary. */
export function examplesJson(results: readonly ExampleResult[], summary: ExamplesSummary, displayPath: (file: string) => string): ExamplesJson {
  const findings: ExamplesJson['findings'] = [];
  for (const result of results) {
    const { example } = result;
    const about: ExamplesJson['findings'][number]['example'] = { kind: example.kind, file: displayPath(example.source.file), line: example.source.line };
    if (example.operation) about.operation = example.operation;
    if (example.type) about.type = example.type;
    if (result.checkedAs) about.checkedAs = result.checkedAs;
    for (const { position, rule, ...finding } of [...result.errors, ...result.warnings]) {
      const entry: ExamplesJson['findings'][number] = { file: about.file, line: position.line, column: position.column, ...finding, example: about };
      if (rule) entry.rule = `${displayPath(rule.file)}:${rule.line}`;
      findings.push(entry);
    }
  }
  return { findings, summary };
}
