// `docgen diff` on the command line: two small versions of the docs written to
// a temp folder; Markdown and JSON, --fail-on, --include/--exclude, a saved
// model as one side, and exit 2 with one line for every input mistake.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDiff } from '../../generator/diff/compareModels.js';
import { runCli } from '../helpers/cli.js';
import { lines, resourceAnnotation, resourcePage, simpleApiPage } from './helpers.js';

let work: string;
const dir = (name: string) => path.join(work, name);

function widget(rows: string[]): string {
  return resourcePage('widget', ['|id|String|The identifier. Read-only.|', ...rows], {
    after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id" }'),
  });
}

function widgetState(members: string[]): string {
  return lines('# widgetState enum type', '', 'Namespace: microsoft.graph', '', '## Members', '', '|Member|Value|Description|', '|:---|:---|:---|', ...members.map((m, i) => `|${m}|${i}|${m}.|`));
}

const GADGET = resourcePage('gadget', ['|id|String|The identifier.|', '|weight|Double|The weight.|']);
const RETURNS_WIDGET = 'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.';
const NO_CONTENT = 'If successful, this method returns a `204 No Content` response code.';

async function writeDocs(name: string, pages: Record<string, string>): Promise<string> {
  for (const [file, text] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir(name), file)), { recursive: true });
    await writeFile(path.join(dir(name), file), text);
  }
  return dir(name);
}

let v1: string;
let v2: string;
let v3: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-diff-'));
  const base = {
    'resources/gadget.md': GADGET,
    'resources/widgetstate.md': widgetState(['on', 'off']),
    'api/widget-get.md': simpleApiPage('Get widget', ['GET /widgets/{id}'], RETURNS_WIDGET),
  };
  v1 = await writeDocs('v1', { ...base, 'resources/widget.md': widget(['|size|Int64|The size.|', '|color|String|The color.|']) });
  // breaking: size narrowed, color removed; and shape, idle and a DELETE added
  v2 = await writeDocs('v2', {
    ...base,
    'resources/widget.md': widget(['|size|Int32|The size.|', '|shape|String|The shape.|']),
    'resources/widgetstate.md': widgetState(['on', 'off', 'idle']),
    'api/widget-delete.md': simpleApiPage('Delete widget', ['DELETE /widgets/{id}'], NO_CONTENT),
  });
  // only additions
  v3 = await writeDocs('v3', { ...base, 'resources/widget.md': widget(['|size|Int64|The size.|', '|color|String|The color.|', '|shape|String|The shape.|']) });
});

afterAll(async () => rm(work, { recursive: true, force: true }));

describe('docgen diff', () => {
  it('prints release notes in Markdown: bump, counts, breaking then other changes, each with its page', async () => {
    const run = await runCli('diff', '--from', v1, '--to', v2);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Suggested version bump: **major**. 2 breaking changes, 3 other changes.');
    expect(run.stdout).toMatch(/### Breaking changes\n\n#### Type `microsoft\.graph\.widget`\n\n- Property `color` removed \(was `String`\) — `resources\/widget\.md:\d+`\n- Property `size` type changed from `Int64` to `Int32` — `resources\/widget\.md:\d+`\n/);
    expect(run.stdout).toMatch(/### Other changes\n[\s\S]*- Property `shape` added \(`String`\)[\s\S]*- Member `idle` added — `resources\/widgetstate\.md:\d+`[\s\S]*#### `DELETE \/widgets\/\{id\}` \(`deleteWidget`\)\n\n- Added — `api\/widget-delete\.md:1`\n/);
    expect(run.stdout.indexOf('### Breaking changes')).toBeLessThan(run.stdout.indexOf('### Other changes'));
    expect(run.stderr).toContain(`docgen diff: --from ${v1}: 4 pages read, 0 errors`);
    expect(run.stderr).toContain(`docgen diff: --to ${v2}: 5 pages read`);
  });

  it('prints the diff as JSON, the same every run', async () => {
    const run = await runCli('diff', '--from', v1, '--to', v2, '--format', 'json');
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout) as ModelDiff;
    expect(diff.bump).toBe('major');
    expect(diff.summary).toEqual({ breaking: 2, nonBreaking: 3, byRule: { 'property-added': 1, 'property-removed': 1, 'member-added': 1, 'type-changed': 1, 'operation-added': 1 } });
    expect(diff.changes.map((c) => [c.rule, c.subject.name, c.item?.name])).toEqual([
      ['property-removed', 'microsoft.graph.widget', 'color'],
      ['property-added', 'microsoft.graph.widget', 'shape'],
      ['type-changed', 'microsoft.graph.widget', 'size'],
      ['member-added', 'microsoft.graph.widgetState', 'idle'],
      ['operation-added', 'deleteWidget', undefined],
    ]);
    expect(diff.changes[2]).toEqual({
      rule: 'type-changed',
      breaking: true,
      bump: 'major',
      subject: { kind: 'type', name: 'microsoft.graph.widget' },
      item: { kind: 'property', name: 'size' },
      from: 'Int64',
      to: 'Int32',
      source: { file: 'resources/widget.md', line: 11, column: 1 },
    });
    expect((await runCli('diff', '--from', v1, '--to', v2, '--format', 'json')).stdout).toBe(run.stdout);
  });

  it('--fail-on breaking exits 1 only for a breaking change; --fail-on any for any change', async () => {
    expect((await runCli('diff', '--from', v1, '--to', v2, '--fail-on', 'breaking')).code).toBe(1);
    expect((await runCli('diff', '--from', v1, '--to', v3, '--fail-on', 'breaking')).code).toBe(0);
    expect((await runCli('diff', '--from', v1, '--to', v3, '--fail-on', 'any')).code).toBe(1);
    const same = await runCli('diff', '--from', v1, '--to', v1, '--fail-on', 'any');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Suggested version bump: **none**.');
    expect((await runCli('diff', '--from', v1, '--to', v2)).code).toBe(0); // the default is none
  });

  it('--include and --exclude filter the pages of both sides', async () => {
    const gadgetOnly = await runCli('diff', '--from', v1, '--to', v2, '--include', 'gadget*', '--format', 'json');
    expect(JSON.parse(gadgetOnly.stdout)).toMatchObject({ bump: 'none', changes: [] });
    expect(gadgetOnly.stderr).toContain('1 pages read');
    const noEnums = await runCli('diff', '--from', v1, '--to', v2, '--exclude', 'widgetstate.md', '--exclude', 'api/**', '--format', 'json');
    expect((JSON.parse(noEnums.stdout) as ModelDiff).changes.map((c) => c.rule)).toEqual(['property-removed', 'property-added', 'type-changed']);
  });

  it('takes a model saved by `docgen model` as either side, filtered like a folder', async () => {
    const model = await runCli('model', '--input', v1, '--quiet');
    expect(model.code).toBe(0);
    await writeFile(dir('v1.json'), model.stdout);
    const fromFolder = await runCli('diff', '--from', v1, '--to', v2, '--format', 'json');
    const fromModel = await runCli('diff', '--from', dir('v1.json'), '--to', v2, '--format', 'json');
    expect(fromModel.code).toBe(0);
    expect(fromModel.stdout).toBe(fromFolder.stdout);
    expect(fromModel.stderr).not.toContain('--from'); // nothing read, nothing to count
    const filtered = await runCli('diff', '--from', dir('v1.json'), '--to', v2, '--include', 'gadget*', '--format', 'json');
    expect(JSON.parse(filtered.stdout)).toMatchObject({ bump: 'none' });
  });

  describe('exits 2 with one line, no stack trace', () => {
    beforeAll(async () => {
      await writeFile(dir('broken.json'), '{ "namespaces": [');
      await writeFile(dir('lint.json'), JSON.stringify({ diagnostics: [], summary: {} }));
      await writeFile(dir('notes.txt'), 'hello');
    });

    it.each([
      ['--from is missing', () => ['--to', v2], /^docgen: --from is required: a folder of docs, or a model saved with `docgen model > model\.json`\n$/],
      ['--to is missing (before --from is read)', () => ['--from', v1], /^docgen: --to is required/],
      ['--to is not found', () => ['--from', v1, '--to', dir('nowhere')], /^docgen: --to .*nowhere: no such folder or file\n$/],
      ['--from is not valid JSON', () => ['--from', dir('broken.json'), '--to', v2], /^docgen: --from .*broken\.json: not valid JSON: /],
      ['--from is JSON but not a model', () => ['--from', dir('lint.json'), '--to', v2], /^docgen: --from .*lint\.json is not a docgen model \(as `docgen model` prints it\): namespaces: expected an array, found nothing\n$/],
      ['--to is neither a folder nor a .json', () => ['--from', v1, '--to', dir('notes.txt')], /^docgen: --to .*notes\.txt: expected a folder of docs or a model \.json file\n$/],
      ['a folder without pages', () => ['--from', v1, '--to', v2, '--include', 'nothing-*'], /^docgen: no \.md pages found in .*v1 that match the include and exclude globs\n$/],
    ])('%s', async (_, args, message) => {
      const run = await runCli('diff', ...args());
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    });

    it('for a --format or --fail-on it does not know', async () => {
      for (const args of [['--format', 'html'], ['--fail-on', 'major']]) {
        const run = await runCli('diff', '--from', v1, '--to', v2, ...args);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/error: option .* argument '(html|major)' is invalid\. Allowed choices are/);
      }
    });
  });
});
