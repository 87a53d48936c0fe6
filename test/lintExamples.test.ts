// `docgen lint --examples` on a small docs folder with one good and one bad
// example of each kind: the report lines (file:line:col, class, pointer,
// expected, found, rule), the summary, --format json, --strict and
// --strict-validation. The examples are checked by the validators generated
// from the folder itself.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamplesJson } from '../generator/lint/report.js';
import { type CliRun, runCli } from './helpers/cli.js';
import { LINT_DOCS, lineOf, writeLintDocs } from './helpers/lintDocs.js';

let dir = '';
let text: CliRun;

beforeAll(async () => {
  dir = await writeLintDocs();
  text = await runCli('lint', '--examples', '--input', dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `file:line:col` of the line holding `needle`, at the column of `at` (default: the needle) on it. */
function where(file: string, needle: string, at = needle, occurrence = 1): string {
  const line = lineOf(file, needle, occurrence);
  const column = LINT_DOCS[file]!.split('\n')[line - 1]!.indexOf(at) + 1;
  return `${path.join(dir, file)}:${line}:${column}`;
}

const rule = (file: string, needle: string) => `rule ${path.join(dir, file)}:${lineOf(file, needle)}`;

describe('lint --examples', () => {
  it('prints one line per finding, in page order: location, class, pointer, expected and found, the example and the doc rule', () => {
    const lines = text.stdout.split('\n\n')[0]!.split('\n');
    expect(lines).toEqual([
      `${where('api/widget-get.md', '"size": "large"', '"size"')}: error wrong-type: /size: expected an integer from -2147483648 to 2147483647 (Int32); found the string "large" (response example of getWidget, as microsoft.graph.widget; ${rule('resources/widget.md', '| size |')})`,
      `${where('api/widget-get.md', '"displayName": 7', '"displayName"')}: error wrong-type: /owner/displayName: expected a string; found number 7 (response example of getWidget, as microsoft.graph.widget; ${rule('resources/person.md', '| displayName |')})`,
      `${where('api/widget-list.md', '"purple"', '"color"')}: warning not-a-member: /value/1/color: expected a Color member; found the string "purple" (response example of listWidgets, as Collection(microsoft.graph.widget); ${rule('resources/widget.md', '| color |')})`,
      `${where('api/widget-list.md', '"purple"', '"createdDateTime"')}: error bad-format: /value/1/createdDateTime: expected an RFC 3339 date and time with an offset (DateTimeOffset); found the string "yesterday" (response example of listWidgets, as Collection(microsoft.graph.widget); ${rule('resources/widget.md', '| createdDateTime |')})`,
      `${where('api/widget-list.md', '"purple"', '"tags"')}: error collection-mismatch: /value/1/tags: expected an array; found the string "a" (response example of listWidgets, as Collection(microsoft.graph.widget); ${rule('resources/widget.md', '| tags |')})`,
      `${where('api/widget-paint.md', '"coats": 2.5', '"coats"')}: error bad-format: /coats: expected an integer from -2147483648 to 2147483647 (Int32); found number 2.5 (request example of paintWidget, as the request body table of paintWidget; ${rule('api/widget-paint.md', '| coats |')})`,
      `${where('api/widget-update.md', '"size": "10"', '"size"')}: error wrong-type: /size: expected an integer from -2147483648 to 2147483647 (Int32); found the string "10" (a number written as a string; request example of updateWidget, as microsoft.graph.widget; ${rule('resources/widget.md', '| size |')})`,
      `${where('resources/gadget.md', '"label": "Int32"', '"label"')}: error placeholder-type: /label: expected String; found the placeholder "Int32" (the placeholder says Int32, the table says String; JSON representation of microsoft.graph.gadget, as microsoft.graph.gadget; ${rule('resources/gadget.md', '| label |')})`,
      `${where('resources/gadget.md', '"weight": "heavy"', '"weight"')}: error wrong-type: /weight: expected a number, NaN, INF or -INF; found the string "heavy" (JSON representation of microsoft.graph.gadget, as microsoft.graph.gadget; ${rule('resources/gadget.md', '| weight |')})`,
    ]);
  });

  it('ends with the summary: seen, resolved, passed, failed by class, skipped, per kind, placeholders', () => {
    const summary = text.stdout.slice(text.stdout.indexOf('docgen lint --examples'));
    expect(summary).toBe(
      [
        'docgen lint --examples (lenient validation): 17 JSON examples, 14 whose type resolves: 9 passed, 5 failed; 3 skipped (1 type unresolved, 1 body not JSON, 1 error responses)',
        '',
        '  failed  findings  warnings  class',
        '       1         1         0  placeholder-type',
        '       3         4         0  wrong-type',
        '       2         2         0  bad-format',
        '       0         0         1  not-a-member',
        '       1         1         0  collection-mismatch',
        '',
        'JSON representations:  4 seen, 4 resolved, 3 passed, 1 failed',
        'request examples:      4 seen, 4 resolved, 2 passed, 2 failed',
        'response examples:     9 seen, 6 resolved, 4 passed, 2 failed',
        'placeholders: 8 fit the documented type, 1 do not',
        '',
      ].join('\n'),
    );
  });

  it('exits 0, and 1 under --strict when an example fails', async () => {
    expect(text.code).toBe(0);
    const strict = await runCli('lint', '--examples', '--strict', '--quiet', '--input', dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^docgen lint --examples \(lenient validation\): 17 JSON examples/);
  });

  it('--format json: every finding with its location, pointer, expected, found and rule, then the summary', async () => {
    const run = await runCli('lint', '--examples', '--format', 'json', '--input', dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ExamplesJson;
    expect(report.findings).toHaveLength(9);
    expect(report.findings.find((finding) => finding.class === 'placeholder-type')).toEqual({
      file: path.join(dir, 'resources/gadget.md'),
      line: lineOf('resources/gadget.md', '"label"'),
      column: 3,
      severity: 'error',
      class: 'placeholder-type',
      pointer: '/label',
      expected: 'String',
      found: 'the placeholder "Int32"',
      hint: 'the placeholder says Int32, the table says String',
      example: { kind: 'representation', file: path.join(dir, 'resources/gadget.md'), line: lineOf('resources/gadget.md', '```json'), type: 'microsoft.graph.gadget', checkedAs: 'microsoft.graph.gadget' },
      rule: `${path.join(dir, 'resources/gadget.md')}:${lineOf('resources/gadget.md', '| label |')}`,
    });
    expect(report.summary).toEqual({
      mode: 'lenient',
      seen: 17,
      resolved: 14,
      passed: 9,
      failed: 5,
      failedByClass: { 'placeholder-type': 1, 'wrong-type': 3, 'bad-format': 2, 'collection-mismatch': 1 },
      findingsByClass: { 'placeholder-type': 1, 'wrong-type': 4, 'bad-format': 2, 'collection-mismatch': 1 },
      warningsByClass: { 'not-a-member': 1 },
      skipped: { 'type-unresolved': 1, 'not-json': 1, 'error-response': 1 },
      placeholders: 8,
      byKind: {
        representation: { seen: 4, resolved: 4, passed: 3, failed: 1 },
        request: { seen: 4, resolved: 4, passed: 2, failed: 2 },
        response: { seen: 9, resolved: 6, passed: 4, failed: 2 },
      },
    });
  });

  it('--strict-validation: an enum member the docs do not list is an error, and so is a property no table lists', async () => {
    const run = await runCli('lint', '--examples', '--strict-validation', '--format', 'json', '--input', dir);
    const report = JSON.parse(run.stdout) as ExamplesJson;
    expect(report.summary.mode).toBe('strict');
    expect(report.findings.find((finding) => finding.pointer === '/value/1/color')).toMatchObject({ severity: 'error', class: 'not-a-member' });
    // The error response is skipped, so nothing else is unlisted; the good examples stay good.
    expect(report.summary.warningsByClass).toEqual({});
    expect(report.summary.failed).toBe(5);
  });
});
