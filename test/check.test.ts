// `docgen check --format text|json|github` on a scratch copy of docs-input/ and
// generated/: the exit code, and that each format names what drifted and where
// in the docs it comes from.
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DriftReport } from '../generator/check/driftReport.js';
import { runCli } from './helpers/cli.js';
import { DOCS_INPUT, GENERATED } from './helpers/paths.js';

const PAGE = path.join('resources', 'intune-devices-remoteactionaudit.md');

let work: string;
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(work, { recursive: true, force: true });
});

async function scratch(): Promise<{ docs: string; out: string; page: string }> {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-check-'));
  const docs = path.join(work, 'docs');
  const out = path.join(work, 'out');
  await cp(DOCS_INPUT, docs, { recursive: true });
  await cp(GENERATED, out, { recursive: true });
  return { docs, out, page: path.join(docs, PAGE) };
}

/** Replaces a table row of the page; returns its 1-based line. */
async function editRow(page: string, row: RegExp, replacement: string): Promise<number> {
  const lines = (await readFile(page, 'utf8')).split('\n');
  const index = lines.findIndex((line) => row.test(line));
  expect(index, `${row} in ${page}`).toBeGreaterThanOrEqual(0);
  lines[index] = lines[index]!.replace(row, replacement);
  await writeFile(page, lines.join('\n'));
  return index + 1;
}

const check = (docs: string, out: string, ...args: string[]) => runCli('check', '--input', docs, '--out', out, ...args);

/** `::level k=v,…::message` lines, decoded the way the Actions runner does. */
function annotations(stdout: string): Array<{ level: string; properties: Record<string, string>; message: string }> {
  const decode = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const end = line.indexOf('::', 2);
      const command = line.slice(2, end);
      const space = command.indexOf(' ');
      const [level, props] = space < 0 ? [command, ''] : [command.slice(0, space), command.slice(space + 1)];
      const properties = Object.fromEntries(props.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), decode(pair.slice(pair.indexOf('=') + 1))]));
      return { level, properties, message: decode(line.slice(end + 2)) };
    });
}

describe('docgen check --format', () => {
  it('names the declaration and member a doc edit changed, and points at the edited row', async () => {
    const { docs, out, page } = await scratch();
    const line = await editRow(page, /^\|deviceIMEI\|String\|/, '|deviceIMEI|Int32|');

    const text = await check(docs, out, '--format', 'text');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^-\s+deviceIMEI\?: string \| null;$/m);
    expect(text.stdout).not.toContain('\u001b[');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(
      'docgen check: 4 files differ from what the docs produce (4 changed, 0 added, 0 removed). Run `docgen generate` to update them.',
    );

    const json = await check(docs, out, '--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as DriftReport;
    expect(report.upToDate).toBe(false);
    expect(report.summary).toEqual({ changed: 4, added: 0, removed: 0 });
    // openapi.json holds the whole model: the edit is drift there too.
    expect(report.files.map((file) => [file.file, file.change])).toEqual([
      ['models/RemoteActionAudit.ts', 'changed'],
      ['openapi.json', 'changed'],
      ['schemas/RemoteActionAudit.schema.json', 'changed'],
      ['validators/RemoteActionAudit.ts', 'changed'],
    ]);
    // A schema is JSON: no declarations to compare, but the type it comes from.
    expect(report.files[2]).toEqual({
      file: 'schemas/RemoteActionAudit.schema.json',
      change: 'changed',
      source: { file: page, line: 11, column: 1 },
      declarations: [],
    });
    const [model] = report.files;
    expect(model!.declarations).toEqual([
      {
        name: 'RemoteActionAudit',
        kind: 'interface',
        change: 'changed',
        members: [{ name: 'deviceIMEI', change: 'changed', source: { file: page, line, column: 1 } }],
        source: { file: page, line: 11, column: 1 },
        outputLine: 18,
      },
    ]);
    // The collector reads the property rules from a table, so the table changes, not the collector.
    expect(report.files[3]!.declarations.map((d) => [d.kind, d.name, d.change])).toEqual([
      ['variable', 'PROPERTIES', 'changed'],
      ['function', 'testRemoteActionAudit', 'changed'],
    ]);

    const github = await check(docs, out, '--format', 'github');
    expect(github.code).toBe(1);
    const [findings, drift] = ['docs', 'check'].map((kind) => annotations(github.stdout).filter((annotation) => (annotation.properties['title'] === 'docgen check') === (kind === 'check')));
    // The create and update pages' body tables still say String: the bodies follow the resource, and each table is flagged.
    expect(findings!.map((annotation) => [annotation.level, annotation.properties['title'], path.basename(annotation.properties['file']!)])).toEqual([
      ['warning', 'docgen body-property-type', 'intune-devices-remoteactionaudit-create.md'],
      ['warning', 'docgen body-property-type', 'intune-devices-remoteactionaudit-update.md'],
    ]);
    const [member, openapi, schema, ...validator] = drift!;
    // openapi.json is made of the whole model: the drift names the file alone.
    expect(openapi!.message).toBe(`${path.join(out, 'openapi.json')} differs from what the docs produce`);
    expect(member).toEqual({
      level: 'error',
      properties: { file: page, line: String(line), col: '1', title: 'docgen check' },
      message: `${path.join(out, 'models', 'RemoteActionAudit.ts')}: interface RemoteActionAudit differs from what the docs produce: deviceIMEI changed`,
    });
    expect(schema).toEqual({
      level: 'error',
      properties: { file: page, line: '11', col: '1', title: 'docgen check' },
      message: `${path.join(out, 'schemas', 'RemoteActionAudit.schema.json')} differs from what the docs produce`,
    });
    const validatorFile = path.join(out, 'validators', 'RemoteActionAudit.ts');
    expect(validator.map((annotation) => [annotation.properties['file'], annotation.properties['line'], annotation.message])).toEqual([
      [page, '11', expect.stringContaining(`${validatorFile}: variable PROPERTIES differs from what the docs produce: ['deviceIMEI', rt.isInt32,`)],
      [page, '11', `${validatorFile}: function testRemoteActionAudit differs from what the docs produce`],
    ]);
    expect(github.stdout.trimEnd().split('\n').at(-1)).toMatch(/^docgen check: 4 files differ/);
  });

  it('exits 0 and says so in every format when the output is up to date', async () => {
    const { docs, out } = await scratch();
    for (const format of ['text', 'github']) {
      const run = await check(docs, out, '--format', format);
      expect(run.code, format).toBe(0);
      expect(run.stdout, format).toBe('docgen check: the output is up to date.\n');
    }
    const json = await check(docs, out, '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ upToDate: true, summary: { changed: 0, added: 0, removed: 0 }, files: [] });
  });

  it('points removed files, whose doc is gone, at the output file and the line of each declaration', async () => {
    const { docs, out } = await scratch();
    await rm(path.join(docs, 'api', 'intune-devices-remoteactionaudit-delete.md'));
    const run = await check(docs, out, '--format', 'github');
    expect(run.code).toBe(1);
    const removed = path.join(out, 'requests', 'deleteRemoteActionAudit.ts');
    const lines = (await readFile(removed, 'utf8')).split('\n');
    const fn = lines.findIndex((text) => text.startsWith('export function deleteRemoteActionAudit(')) + 1;
    expect(annotations(run.stdout).filter((a) => a.properties['file'] === removed)).toEqual([
      expect.objectContaining({ message: `${removed}: type DeleteRemoteActionAuditRequest is in the output but no longer produced by the docs` }),
      expect.objectContaining({ properties: expect.objectContaining({ line: String(fn) }), message: `${removed}: function deleteRemoteActionAudit is in the output but no longer produced by the docs` }),
      expect.objectContaining({ message: `${removed}: variable deleteRemoteActionAuditOperation is in the output but no longer produced by the docs` }),
    ]);
    const json = JSON.parse((await check(docs, out, '--format', 'json')).stdout) as DriftReport;
    expect(json.summary.removed).toBe(1);
    expect(json.files.find((file) => file.file === 'requests/deleteRemoteActionAudit.ts')).toMatchObject({ change: 'removed', declarations: expect.any(Array) });
  });

  it('github: doc text cannot break out of an annotation, and diagnostics are annotations on stdout', async () => {
    const { docs, out, page } = await scratch();
    // A page whose file name holds the command syntax (a newline included), with an edited row;
    // and a row whose name holds it too, which is a diagnostic.
    const hostile = path.join(docs, 'resources', 'a,line=1:b%0A::warning::c\nd.md');
    await editRow(page, /^\|deviceIMEI\|String\|/, '|deviceIMEI|Int32|');
    const bad = await editRow(page, /^\|bulkDeviceActionId\|String\|/, '|x%0A::error::y,z:w|String|');
    await rename(page, hostile);
    const run = await check(docs, out, '--format', 'github');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    // Every line is an annotation, the diagnostics' count or check's summary: nothing else started a line.
    expect(lines.filter((text) => !text.startsWith('::error ') && !text.startsWith('::warning ') && !text.startsWith('docgen'))).toEqual([]);
    const found = annotations(run.stdout);
    expect(found.find((a) => a.properties['title'] === 'docgen property-name')).toMatchObject({
      level: 'error',
      properties: { file: hostile, line: String(bad) },
      message: expect.stringContaining('found "x%0A::error::y,z:w"'),
    });
    expect(found.find((a) => a.message.includes('interface RemoteActionAudit'))).toMatchObject({
      // Two members differ: the type's heading, not one row.
      properties: { file: hostile, line: '11', col: '1' },
      message: expect.stringMatching(/: interface RemoteActionAudit differs from what the docs produce: deviceIMEI changed, bulkDeviceActionId removed$/),
    });
  });

  it('--strict still fails an up-to-date output with diagnostics, in any format; usage errors exit 2', async () => {
    const { docs, out } = await scratch();
    await editRow(path.join(docs, PAGE), /^\|deviceIMEI\|String\|/, '|deviceIMEI|noSuchType|');
    expect((await runCli('generate', '--input', docs, '--out', out)).code).toBe(0);
    for (const format of ['text', 'json', 'github']) {
      expect((await check(docs, out, '--format', format)).code, format).toBe(0);
      expect((await check(docs, out, '--format', format, '--strict')).code, format).toBe(1);
    }
    expect((await check(docs, out, '--format', 'xml')).code).toBe(2);
  });

  it('keeps the hint about a previous output an interrupted run left beside --out (on stderr in json)', async () => {
    const { docs, out } = await scratch();
    await cp(out, `${out}.docgen-old-77`, { recursive: true });
    await rm(out, { recursive: true });
    const hint = /an interrupted run left the previous output beside .*out \(out\.docgen-old-77\)/;
    expect((await check(docs, out, '--format', 'github')).stdout).toMatch(hint);
    const json = await check(docs, out, '--format', 'json');
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(hint);
    expect(JSON.parse(json.stdout)).toMatchObject({ upToDate: false, summary: { added: 37, changed: 0, removed: 0 } });
  });

  it('text: no colour when stdout is not a terminal and colour is not forced', async () => {
    const { docs, out, page } = await scratch();
    await editRow(page, /^\|deviceIMEI\|String\|/, '|deviceIMEI|Int32|');
    vi.stubEnv('FORCE_COLOR', '');
    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    try {
      const run = await check(docs, out);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('--- a/models/RemoteActionAudit.ts\n');
      expect(run.stdout).not.toContain('\u001b[');
    } finally {
      if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
  });
});
