// Coverage figures (generator/stats/coverage.ts) on small in-memory pages, the
// baseline counts and their rules, and the `docgen lint` / `docgen stats` commands: their
// formats and exit codes, over docs-input/ and over a folder with broken pages.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../generator/model/buildModel.js';
import type { Diagnostic, Model, Property } from '../generator/model/types.js';
import { parsePage } from '../generator/parse/parsePage.js';
import type { ParsedPage } from '../generator/parse/types.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { baselineFigures, baselineRegressions, regressions } from '../generator/stats/baseline.js';
import { computeCoverage, type Coverage, ratio } from '../generator/stats/coverage.js';
import { formatCoverage } from '../generator/stats/formatCoverage.js';
import { runCli } from './helpers/cli.js';
import { DOCS_INPUT } from './helpers/paths.js';
import { lines, resourcePage, simpleApiPage } from './unit/helpers.js';

const RESPONSE_204 = 'If successful, this method returns a `204 No Content` response code.';

const apiPage = simpleApiPage;

const enumPage = (name: string, ...members: string[]) =>
  lines(`# ${name} enum type`, '', 'Namespace: microsoft.graph', '', '## Members', '', '|Member|Value|Description|', '|:---|:---|:---|', ...members);

/**
 * Two resources, an enum, five API pages and a conceptual page. Rows:
 * widget 7 (2 primitive, 3 named, 2 unresolved), gadget 3 (2 primitive,
 * 1 unresolved), the reset body 2 (1 primitive, 1 unresolved): 12 in all, 8 resolved.
 * API pages: get and delete are complete; reset names an undefined response
 * type, ping names none (Untyped); broken has no request line (no operation).
 */
const PAGES: Record<string, string> = {
  'resources/widget.md': resourcePage(
    'widget',
    [
      '|id|String|The identifier.|',
      '|name|String|The name.|',
      '|state|[widgetState](widgetstate.md)|The state.|',
      '|owner|[person](person.md)|Who owns it.|',
      '|gadget|[gadget](gadget.md)|Its main gadget.|',
      '|tags|[thing](thing.md) collection|Tags.|',
    ],
    { after: ['## Relationships', '', '| Relationship | Type | Description |', '|:---|:---|:---|', '|parts|[gadget](gadget.md) collection|Its parts.|', ''] },
  ),
  'resources/gadget.md': resourcePage('gadget', ['|id|String|The identifier.|', '|size|Int32|The size.|', '|maker|[person](person.md)|Who made it.|']),
  'resources/widgetstate.md': enumPage('widgetState', '|active|0|In use.|', '|retired|1|Gone.|'),
  'api/widget-get.md': apiPage(
    'Get widget',
    ['GET /widgets/{id}'],
    'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.',
  ),
  'api/widget-delete.md': apiPage('Delete widget', ['DELETE /widgets/{id}'], RESPONSE_204),
  'api/widget-reset.md': apiPage(
    'widget: reset',
    ['POST /widgets/{id}/reset'],
    'If successful, this method returns a `200 OK` response code and a [resetResult](../resources/resetresult.md) object in the response body.',
    ['|Parameter|Type|Description|', '|:---|:---|:---|', '|force|Boolean|Reset even when busy.|', '|mode|[resetMode](../resources/resetmode.md)|How.|'],
  ),
  'api/widget-ping.md': apiPage(
    'widget: ping',
    ['POST /widgets/{id}/ping'],
    'If successful, this method returns a `200 OK` response code and a JSON object in the response body.',
    ['Do not supply a request body for this method.'],
  ),
  'api/widget-broken.md': apiPage('Break widget', [], RESPONSE_204),
  'concepts/overview.md': lines('# Widgets overview', '', 'Widgets are small things.', '', '## Concepts', '', 'Read on.'),
};

function build(pages: Record<string, string> = PAGES): { pages: ParsedPage[]; model: Model; diagnostics: Diagnostic[] } {
  const parsed = Object.entries(pages).map(([file, text]) => parsePage(file, text));
  const { model, diagnostics } = buildModel(parsed.map((result) => result.page));
  return { pages: parsed.map((result) => result.page), model, diagnostics: [...parsed.flatMap((result) => result.diagnostics), ...diagnostics] };
}

function coverageOf(built = build()): Coverage {
  return computeCoverage(built.pages, built.model, built.diagnostics);
}

const diagnostic = (severity: Diagnostic['severity'], code = 'some-code'): Diagnostic => ({
  code,
  severity,
  message: 'm',
  source: { file: 'x.md', line: 1, column: 1 },
});

describe('computeCoverage', () => {
  it('counts pages by kind', () => {
    expect(coverageOf().pages).toEqual({ total: 9, byKind: { resource: 2, enum: 1, api: 5, other: 1 } });
  });

  it('finds the type of every resource and enum page in the model', () => {
    expect(coverageOf().typesFromPages).toEqual({ numerator: 3, denominator: 3, percent: 100, missing: [] });
  });

  it('lists the pages whose type is missing from the model (the figure can fail)', () => {
    const built = build();
    const model: Model = {
      ...built.model,
      namespaces: built.model.namespaces.map((ns) => ({ ...ns, types: ns.types.filter((type) => type.name !== 'gadget') })),
    };
    expect(computeCoverage(built.pages, model, []).typesFromPages).toEqual({
      numerator: 2,
      denominator: 3,
      percent: 66.67,
      missing: ['resources/gadget.md'],
    });
  });

  it('compares type names case-insensitively and defaults the namespace to microsoft.graph', () => {
    const built = build();
    const model: Model = {
      ...built.model,
      namespaces: built.model.namespaces.map((ns) => ({ ...ns, types: ns.types.map((type) => ({ ...type, fullName: type.fullName.toUpperCase() })) })),
    };
    expect(computeCoverage(built.pages, model, []).typesFromPages.missing).toEqual([]);
    const noNamespace = build({ 'resources/gizmo.md': lines('# gizmo resource type', '', '## Properties', '', '|Property|Type|Description|', '|:--|:--|:--|', '|size|Int32|Size.|') });
    expect(noNamespace.pages[0]).toMatchObject({ kind: 'resource', name: 'gizmo' });
    expect(noNamespace.pages[0]!.namespace).toBeUndefined();
    expect(coverageOf(noNamespace).typesFromPages).toMatchObject({ numerator: 1, denominator: 1, missing: [] });
  });

  it('counts property, relationship and request-body rows by how their type resolved', () => {
    const { rows } = coverageOf();
    expect({ ...rows, topUnresolved: undefined }).toEqual({
      numerator: 8,
      denominator: 12,
      percent: 66.67,
      primitive: 5,
      named: 3,
      unresolved: 4,
      topUnresolved: undefined,
    });
    expect(rows.topUnresolved).toEqual([
      { name: 'person', count: 2 },
      { name: 'resetMode', count: 1 },
      { name: 'thing', count: 1 },
    ]);
  });

  it('keeps the 20 commonest unresolved names, most frequent first, ties by name', () => {
    const built = build({ 'resources/widget.md': PAGES['resources/widget.md']! });
    const widget = built.model.namespaces[0]!.types[0]!;
    if (widget.kind === 'enum') throw new Error('widget should be structured');
    const template = widget.properties[0]!;
    const row = (name: string, text: string): Property => ({ ...template, name, type: { kind: 'unresolved', text } });
    widget.properties = [
      ...Array.from({ length: 25 }, (_, i) => row(`p${i}`, `type${String(i).padStart(2, '0')}`)),
      row('q1', 'type24'),
      row('q2', 'type24'),
      row('q3', 'type13'),
    ];
    const { rows } = coverageOf(built);
    expect(rows.denominator).toBe(28);
    expect(rows.unresolved).toBe(28);
    expect(rows.percent).toBe(0);
    expect(rows.topUnresolved).toHaveLength(20);
    expect(rows.topUnresolved.slice(0, 3)).toEqual([
      { name: 'type24', count: 3 },
      { name: 'type13', count: 2 },
      { name: 'type00', count: 1 },
    ]);
    expect(rows.topUnresolved.at(-1)).toEqual({ name: 'type18', count: 1 });
  });

  it('counts API pages with a complete operation, operations, and pages without one', () => {
    const { apiPages } = coverageOf();
    expect(apiPages).toEqual({ numerator: 2, denominator: 5, percent: 40, operations: 4, withoutOperation: ['api/widget-broken.md'] });
  });

  it('does not count an operation with no path as complete', () => {
    const built = build();
    const model: Model = { ...built.model, operations: built.model.operations.map((operation) => ({ ...operation, paths: [] })) };
    expect(computeCoverage(built.pages, model, []).apiPages).toMatchObject({ numerator: 0, denominator: 5, operations: 4 });
  });

  it('totals the diagnostics by severity', () => {
    const built = build();
    const list = [diagnostic('error'), diagnostic('warning'), diagnostic('warning'), diagnostic('info')];
    expect(computeCoverage(built.pages, built.model, list).diagnostics).toEqual({ total: 4, errors: 1, warnings: 2, notes: 1 });
    expect(coverageOf(built).diagnostics.errors).toBeGreaterThanOrEqual(1); // the broken page's missing request line
  });

  it('reports 100% of nothing, and rounds to 2 decimals', () => {
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: 100 });
    expect(ratio(1, 3)).toEqual({ numerator: 1, denominator: 3, percent: 33.33 });
    expect(ratio(2, 3).percent).toBe(66.67);
  });
});

describe('baseline figures', () => {
  const FIGURES = { pages: 9, apiPages: 5, apiPagesComplete: 2, operations: 4, typesFromPages: 3, rows: 12, rowsResolved: 8 };

  it('takes the counts from the coverage', () => {
    expect(baselineFigures(coverageOf())).toEqual(FIGURES);
  });

  it('holds every count: one row fewer, or one page more or fewer, is a regression; a gain is not', () => {
    expect(baselineRegressions(FIGURES, FIGURES)).toEqual([]);
    expect(baselineRegressions({ ...FIGURES, rowsResolved: 9, operations: 5 }, FIGURES)).toEqual([]);
    expect(baselineRegressions({ ...FIGURES, rowsResolved: 7 }, FIGURES)).toEqual(['rowsResolved: 7, below the baseline 8']);
    expect(baselineRegressions({ ...FIGURES, rows: 11, pages: 10 }, FIGURES)).toEqual(['pages: 10, not the baseline 9', 'rows: 11, below the baseline 12']);
  });

  it('holds a count that must not rise (a kind of failure) to at most its baseline', () => {
    const rules = { found: 'atMost', replayed: 'atLeast' } as const;
    expect(regressions({ found: 2, replayed: 9 }, { found: 2, replayed: 9 }, rules)).toEqual([]);
    expect(regressions({ found: 1, replayed: 9 }, { found: 2, replayed: 9 }, rules)).toEqual([]);
    expect(regressions({ found: 3, replayed: 8 }, { $comment: 'why', found: 2, replayed: 9 }, rules)).toEqual(['found: 3, above the baseline 2', 'replayed: 8, below the baseline 9']);
  });

  it('names a count the baseline lacks, and a key of it that is no count (a rate of an older baseline)', () => {
    const { rows: _rows, ...withoutRows } = FIGURES;
    expect(baselineRegressions(FIGURES, { ...withoutRows, rowsResolvedRate: 0.9995 })).toEqual(['rowsResolvedRate: not a figure of the baseline', 'rows: the baseline has no count (found 12)']);
  });
});

describe('formatCoverage', () => {
  it('prints an aligned table, then the unresolved names and the lists', () => {
    const text = formatCoverage(coverageOf());
    expect(text).toMatch(/^pages +9$/m);
    expect(text).toMatch(/^rows with a resolved type +8 +of 12 +66\.67%$/m);
    expect(text).toMatch(/^API pages with a complete operation +2 +of 5 +40\.00%$/m);
    expect(text).toMatch(/^top unresolved types \(4 rows in all\):\n {2}2 {2}person\n {2}1 {2}resetMode\n/m);
    expect(text).toContain('API pages without an operation:\n  api/widget-broken.md\n');
    // the count column is right-aligned: every figure line ends its count at the same column
    const [header, ...figures] = text.split('\n\n')[0]!.split('\n');
    const end = header!.indexOf('count') + 'count'.length;
    for (const line of figures) expect(`${line.slice(end - 1, end + 1)} `.slice(0, 2), line).toMatch(/^\d $/);
  });
});

// The CLI, over docs-input/ (no diagnostics) and over a folder with broken pages.

let work: string;
let broken: string;
let notesOnly: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-stats-'));
  broken = path.join(work, 'broken');
  notesOnly = path.join(work, 'notes');
  const files: Record<string, string> = {
    [path.join(broken, 'resources', 'gizmo.md')]: resourcePage('gizmo', [
      '|id|String|The identifier.|',
      '|owner|[person](person.md)|Owner.|',
      '|maker|[person](person.md)|Maker.|',
      '|size||The size.|',
    ]),
    [path.join(broken, 'api', 'gizmo-get.md')]: apiPage('Get gizmo', [], RESPONSE_204),
    [path.join(notesOnly, 'overview.md')]: PAGES['concepts/overview.md']!,
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
});
afterAll(async () => rm(work, { recursive: true, force: true }));

interface LintReport {
  diagnostics: Diagnostic[];
  summary: { byCode: Record<string, { severity: string; count: number }>; errors: number; warnings: number; notes: number };
  stats?: Coverage;
}

describe('docgen lint over docs-input', () => {
  it('prints only the totals line, and exits 0 even under --strict', async () => {
    const run = await runCli('lint', '--input', DOCS_INPUT);
    expect(run.stdout).toBe('docgen: 0 errors, 0 warnings, 0 notes\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await runCli('lint', '--strict', '--input', DOCS_INPUT)).code).toBe(0);
  });

  it('prints an empty JSON report', async () => {
    const run = await runCli('lint', '--format', 'json', '--input', DOCS_INPUT);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ diagnostics: [], summary: { byCode: {}, errors: 0, warnings: 0, notes: 0 } });
  });
});

describe('docgen stats over docs-input', () => {
  it('prints the Coverage object as JSON, the same as computeCoverage', async () => {
    const run = await runCli('stats', '--format', 'json', '--input', DOCS_INPUT);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Coverage;
    const built = await buildFromDocs([DOCS_INPUT]);
    expect(printed).toEqual(computeCoverage(built.pages, built.model, built.diagnostics));
    expect(printed.pages.total).toBe(11);
    expect(printed.typesFromPages.percent).toBe(100);
    expect(printed.rows.unresolved).toBe(0);
    expect(printed.apiPages).toMatchObject({ percent: 100, withoutOperation: [] });
    expect(printed.diagnostics.total).toBe(0);
  });

  it('prints a text table by default', async () => {
    const run = await runCli('stats', '--input', DOCS_INPUT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^figure +count +rate$/m);
    expect(run.stdout).toMatch(/^pages +11$/m);
    expect(run.stdout).toMatch(/^resource and enum pages whose type is in the model +(\d+) +of \1 +100\.00%$/m);
    expect(run.stdout).toMatch(/^rows with a resolved type +(\d+) +of \1 +100\.00%$/m);
    expect(run.stderr).toBe('');
  });
});

describe('docgen lint over broken pages', () => {
  it('prints each diagnostic with its display path, a table by code (most frequent first) and the totals', async () => {
    const run = await runCli('lint', '--input', broken);
    expect(run.code).toBe(0);
    const gizmo = path.join(broken, 'resources', 'gizmo.md');
    expect(run.stdout).toMatch(new RegExp(`^${escape(gizmo)}:\\d+:\\d+: error property-type: Property \`size\` has no type\\.`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${escape(path.join(broken, 'api', 'gizmo-get.md'))}:\\d+:\\d+: error http-request: `, 'm'));
    expect(run.stdout.match(/: warning unresolved-type: No page defines the type `person`/g)).toHaveLength(2);

    const [, table] = /\n\n(count +severity +code\n(?:.*\n)*?)docgen: /.exec(run.stdout) ?? [];
    expect(table).toBeDefined();
    const rows = table!.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/));
    expect(rows).toContainEqual(['2', 'warning', 'unresolved-type']);
    expect(rows).toContainEqual(['1', 'error', 'property-type']);
    expect(rows).toContainEqual(['1', 'error', 'http-request']);
    const counts = rows.map(([count]) => Number(count));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(run.stdout).toMatch(/\ndocgen: \d+ errors, \d+ warnings, \d+ notes\n$/);
  });

  it('prints the counts only under --quiet', async () => {
    const run = await runCli('lint', '--quiet', '--input', broken);
    expect(run.stdout).not.toContain('No page defines');
    expect(run.stdout).toMatch(/^count +severity +code\n/);
    expect(run.stdout).toMatch(/^ +2 +warning +unresolved-type$/m);
  });

  it('exits 1 under --strict', async () => {
    expect((await runCli('lint', '--strict', '--input', broken)).code).toBe(1);
    expect((await runCli('lint', '--strict', '--format', 'json', '--input', broken)).code).toBe(1);
  });

  it('prints JSON with display paths and a summary by code', async () => {
    const run = await runCli('lint', '--format', 'json', '--input', broken);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as LintReport;
    expect(report.stats).toBeUndefined();
    expect(report.diagnostics.every((d) => d.source.file.startsWith(broken))).toBe(true);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'property-type', severity: 'error', source: expect.objectContaining({ file: path.join(broken, 'resources', 'gizmo.md') }) }),
    );
    expect(report.summary.byCode['unresolved-type']).toEqual({ severity: 'warning', count: 2 });
    expect(report.summary.byCode['http-request']).toEqual({ severity: 'error', count: 1 });
    expect(report.summary.errors).toBe(report.diagnostics.filter((d) => d.severity === 'error').length);
    expect(report.summary.errors).toBeGreaterThanOrEqual(2);
    expect(report.summary.warnings).toBeGreaterThanOrEqual(2);
    const total = Object.values(report.summary.byCode).reduce((sum, { count }) => sum + count, 0);
    expect(total).toBe(report.diagnostics.length);
  });

  it('adds the coverage figures with --stats', async () => {
    const json = JSON.parse((await runCli('lint', '--stats', '--format', 'json', '--input', broken)).stdout) as LintReport;
    expect(json.stats?.pages).toEqual({ total: 2, byKind: { resource: 1, enum: 0, api: 1, other: 0 } });
    expect(json.stats?.apiPages.withoutOperation).toEqual([path.join(broken, 'api', 'gizmo-get.md')]);
    expect(json.stats?.rows).toMatchObject({ numerator: 1, denominator: 3, unresolved: 2 });

    const text = (await runCli('lint', '--stats', '--input', broken)).stdout;
    expect(text).toMatch(/docgen: \d+ errors, \d+ warnings, \d+ notes\n\nfigure +count +rate\n/);
    expect(text).toMatch(/^rows with a resolved type +1 +of 3 +33\.33%$/m);
  });

  it('exits 0 under --strict when there are only notes', async () => {
    const run = await runCli('lint', '--strict', '--input', notesOnly);
    expect(run.stdout).toMatch(/info page-kind: /);
    expect(run.stdout).toContain('docgen: 0 errors, 0 warnings, 1 notes\n');
    expect(run.code).toBe(0);
  });
});

describe('docgen stats over broken pages', () => {
  it('lists the API page without an operation (display path), and exits 1 only under --strict', async () => {
    const run = await runCli('stats', '--input', broken);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`API pages without an operation:\n  ${path.join(broken, 'api', 'gizmo-get.md')}\n`);
    expect(run.stdout).toMatch(/^top unresolved types \(2 rows in all\):\n {2}2 {2}person$/m);
    expect(run.stderr).toBe('');
    expect((await runCli('stats', '--strict', '--input', broken)).code).toBe(1);
  });
});

describe('usage and input errors exit 2', () => {
  it.each([
    ['lint', '--format', 'xml'],
    ['stats', '--format', 'yaml'],
    ['lint', '--no-such-option'],
  ])('docgen %s %s %s', async (...args) => {
    const run = await runCli(...args, '--input', DOCS_INPUT);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it.each(['lint', 'stats'])('docgen %s with a missing input folder', async (command) => {
    const run = await runCli(command, '--input', path.join(os.tmpdir(), 'docgen-no-such-folder'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('input folder not found');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
