// Permission include files, read from disk: each rule of read/includes.ts and
// model/permissions.ts on a scratch docs folder, the malformed cases beside the
// good one: found, missing, outside the root, a symbolic link, a cycle, too
// deep, a name that matches only in letter case, two labelled tables, a page in
// transition, and an include file that is never a page.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic, Operation } from '../generator/model/types.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { runCli } from './helpers/cli.js';

let work: string;
afterEach(async () => rm(work, { recursive: true, force: true }));

const TODAY = ['|Permission type|Least privileged permissions|Higher privileged permissions|', '|:---|:---|:---|'];
const table = (work: string, personal = 'Not supported.', application = 'Widget.Read.All') => [
  ...TODAY,
  `|Delegated (work or school account)|${work}|Widget.ReadWrite.All|`,
  `|Delegated (personal Microsoft account)|${personal}|Not supported.|`,
  `|Application|${application}|Not available.|`,
];

/** An API page whose Permissions section holds `permissions` (lines). */
function apiPage(name: string, permissions: string[]): string {
  return [
    `# Get ${name}`,
    '',
    'Namespace: microsoft.graph',
    '',
    `Gets a ${name}.`,
    '',
    '## Permissions',
    '',
    ...permissions,
    '',
    '## HTTP request',
    '',
    '```http',
    `GET /${name}s/{id}`,
    '```',
    '',
    '## Response',
    '',
    'If successful, this method returns a `200 OK` response code.',
    '',
  ].join('\n');
}

const include = (target: string) => `[!INCLUDE [permissions-table](${target})]`;

/** Writes `files` (path → text) under a fresh `docs/` folder; returns its path. */
async function docs(files: Record<string, string>): Promise<string> {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-includes-'));
  const root = path.join(work, 'docs');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

async function build(root: string) {
  const built = await buildFromDocs([root]);
  const operation = (name: string): Operation => built.model.operations.find((op) => op.name === name)!;
  const about = (file: string) => built.diagnostics.filter((d) => d.source.file === file);
  return { ...built, operation, about };
}

const brief = (d: Diagnostic) => `${d.source.file}:${d.source.line} ${d.severity} ${d.code}`;

describe('permission include files', () => {
  it('are read for the page that names them: their table, least privileged marked, sourced in the include, included from the page', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', ['Choose the least privileged.', '', include('../includes/permissions/widget-get-permissions.md')]),
      'includes/permissions/widget-get-permissions.md': ['---', 'ms.topic: include', '---', '', ...table('Widget.Read'), ''].join('\n'),
    });
    const { operation, diagnostics, docs: read, pages } = await build(root);
    expect(operation('getWidget').permissions).toEqual([
      {
        delegatedWork: { leastPrivileged: ['Widget.Read'], higherPrivileged: ['Widget.ReadWrite.All'] },
        delegatedPersonal: { leastPrivileged: [], higherPrivileged: [] },
        application: { leastPrivileged: ['Widget.Read.All'], higherPrivileged: [] },
        source: { file: 'includes/permissions/widget-get-permissions.md', line: 5, column: 1 },
        includedFrom: { file: 'api/widget-get.md', line: 11, column: 1 },
      },
    ]);
    // The include file is read, but it is no page: no page-kind, no missing title.
    expect(read.map((doc) => [doc.path, doc.include ?? false])).toEqual([
      ['api/widget-get.md', false],
      ['includes/permissions/widget-get-permissions.md', true],
    ]);
    expect(pages.map((page) => page.file)).toEqual(['api/widget-get.md']);
    expect(diagnostics.map(brief)).toEqual([]);
  });

  it('are read once however many pages name them, and other files under includes/ are never read', async () => {
    const named = include('../includes/permissions/widget-permissions.md');
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [named]),
      'api/gadget-get.md': apiPage('gadget', [named]),
      'includes/permissions/widget-permissions.md': table('Widget.Read').join('\n'),
      'includes/snippets/csharp/widget-get-csharp-snippets.md': '```csharp\nvar x = 1;\n```\n',
      'includes/permissions/unused-permissions.md': table('Unused.Read').join('\n'),
    });
    const { operation, docs: read } = await build(root);
    expect(read.map((doc) => doc.path)).toEqual(['api/gadget-get.md', 'api/widget-get.md', 'includes/permissions/widget-permissions.md']);
    expect(operation('getGadget').permissions[0]!.source).toEqual(operation('getWidget').permissions[0]!.source);
    expect(operation('getGadget').permissions[0]!.includedFrom!.file).toBe('api/gadget-get.md');
  });

  it('keeps two tables, labelled by their headings, an inline one and an included one', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [
        '### Permissions for channel',
        '',
        ...table('Channel.Read'),
        '',
        '### Permissions for chat',
        '',
        include('../includes/permissions/widget-get-2-permissions.md'),
      ]),
      'includes/permissions/widget-get-2-permissions.md': table('Chat.Read').join('\n'),
    });
    const { operation, diagnostics } = await build(root);
    expect(operation('getWidget').permissions.map((t) => [t.label, t.delegatedWork.leastPrivileged, t.source.file])).toEqual([
      ['Permissions for channel', ['Channel.Read'], 'api/widget-get.md'],
      ['Permissions for chat', ['Chat.Read'], 'includes/permissions/widget-get-2-permissions.md'],
    ]);
    expect(diagnostics.map(brief)).toEqual([]);
  });

  it('a missing include is a warning at the page line, and the operation records no table', async () => {
    const root = await docs({ 'api/widget-get.md': apiPage('widget', ['Intro.', '', include('../includes/permissions/widget-get-permissions.md')]) });
    const { operation, about } = await build(root);
    expect(operation('getWidget').permissions).toEqual([]);
    expect(about('api/widget-get.md')).toEqual([
      expect.objectContaining({ code: 'include-missing', severity: 'warning', source: { file: 'api/widget-get.md', line: 11, column: 1 }, found: 'no such file' }),
    ]);
  });

  it('a page in transition (an inline table and an include): the include wins when it is read; when not, the table stays and the missing include is a note', async () => {
    const page = apiPage('widget', [...table('Old.Read'), '', include('../includes/permissions/widget-get-permissions.md')]);
    const withInclude = await build(await docs({ 'api/widget-get.md': page, 'includes/permissions/widget-get-permissions.md': table('New.Read').join('\n') }));
    expect(withInclude.operation('getWidget').permissions.map((t) => t.delegatedWork.leastPrivileged)).toEqual([['New.Read']]);
    await rm(work, { recursive: true, force: true });
    const without = await build(await docs({ 'api/widget-get.md': page }));
    expect(without.operation('getWidget').permissions.map((t) => t.delegatedWork.leastPrivileged)).toEqual([['Old.Read']]);
    expect(without.about('api/widget-get.md').map(brief)).toEqual(['api/widget-get.md:15 info include-missing']);
  });

  it('an include that leads outside the input folder is not read (a warning), even when the file is there', async () => {
    const root = await docs({ 'api/widget-get.md': apiPage('widget', [include('../../outside-permissions.md')]) });
    await writeFile(path.join(work, 'outside-permissions.md'), table('Secret.Read').join('\n'));
    const { operation, about, docs: read } = await build(root);
    expect(operation('getWidget').permissions).toEqual([]);
    expect(read.map((doc) => doc.path)).toEqual(['api/widget-get.md']);
    expect(about('api/widget-get.md')).toEqual([expect.objectContaining({ code: 'include-outside', severity: 'warning', found: '../../outside-permissions.md' })]);
  });

  it('a symbolic link, to a file or on the way, is never followed', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [include('../includes/permissions/linked-permissions.md')]),
      'api/gadget-get.md': apiPage('gadget', [include('../linked-folder/gadget-permissions.md')]),
    });
    await writeFile(path.join(work, 'secret.md'), table('Secret.Read').join('\n'));
    await mkdir(path.join(root, 'includes', 'permissions'), { recursive: true });
    await symlink(path.join(work, 'secret.md'), path.join(root, 'includes', 'permissions', 'linked-permissions.md'));
    await mkdir(path.join(work, 'elsewhere'));
    await writeFile(path.join(work, 'elsewhere', 'gadget-permissions.md'), table('Secret.Read').join('\n'));
    await symlink(path.join(work, 'elsewhere'), path.join(root, 'linked-folder'), 'dir');
    const { operation, about, docs: read } = await build(root);
    expect(read.map((doc) => doc.path)).toEqual(['api/gadget-get.md', 'api/widget-get.md']);
    for (const [name, file] of [['getWidget', 'api/widget-get.md'], ['getGadget', 'api/gadget-get.md']] as const) {
      expect(operation(name).permissions).toEqual([]);
      expect(about(file)).toEqual([expect.objectContaining({ code: 'include-symlink', severity: 'warning' })]);
    }
  });

  it('a name that matches a file only in letter case is read, with a note', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [include('../Includes/Permissions/Widget-Get-Permissions.md')]),
      'includes/permissions/widget-get-permissions.md': table('Widget.Read').join('\n'),
    });
    const { operation, about } = await build(root);
    expect(operation('getWidget').permissions.map((t) => t.delegatedWork.leastPrivileged)).toEqual([['Widget.Read']]);
    expect(about('api/widget-get.md')).toEqual([
      expect.objectContaining({ code: 'include-case', severity: 'info', expected: 'Includes/Permissions/Widget-Get-Permissions.md', found: 'includes/permissions/widget-get-permissions.md' }),
    ]);
  });

  it('two files whose names differ only in case from the link: neither is guessed', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [include('../includes/WIDGET.md')]),
      'includes/Widget.md': table('A.Read').join('\n'),
      'includes/widget.md': table('B.Read').join('\n'),
    });
    const { operation, about } = await build(root);
    expect(operation('getWidget').permissions).toEqual([]);
    expect(about('api/widget-get.md')).toEqual([expect.objectContaining({ code: 'include-missing', found: 'several files whose names differ only in letter case' })]);
  });

  it('includes of includes are followed; a cycle is followed once and reported', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [include('../includes/a.md')]),
      'includes/a.md': [...table('A.Read'), '', include('b.md')].join('\n'),
      'includes/b.md': [...table('B.Read'), '', include('a.md')].join('\n'),
    });
    const { operation, about } = await build(root);
    expect(operation('getWidget').permissions.map((t) => [t.source.file, t.includedFrom?.file])).toEqual([
      ['includes/a.md', 'api/widget-get.md'],
      ['includes/b.md', 'api/widget-get.md'],
    ]);
    expect(about('api/widget-get.md')).toEqual([
      expect.objectContaining({ code: 'include-cycle', severity: 'warning', found: 'includes/a.md → includes/b.md → includes/a.md', message: expect.stringContaining('(named in includes/b.md:') }),
    ]);
  });

  it('nesting past the limit is reported at the page line, and the deeper files are not read', async () => {
    const files: Record<string, string> = { 'api/widget-get.md': apiPage('widget', [include('../includes/1.md')]) };
    for (let level = 1; level <= 6; level++) files[`includes/${level}.md`] = [...table(`L${level}.Read`), '', include(`${level + 1}.md`)].join('\n');
    const { operation, about, docs: read } = await build(await docs(files));
    expect(operation('getWidget').permissions.map((t) => t.source.file)).toEqual(['includes/1.md', 'includes/2.md', 'includes/3.md', 'includes/4.md']);
    expect(read.filter((doc) => doc.include).map((doc) => doc.path)).toEqual(['includes/1.md', 'includes/2.md', 'includes/3.md', 'includes/4.md']);
    expect(about('api/widget-get.md')).toEqual([expect.objectContaining({ code: 'include-depth', source: expect.objectContaining({ file: 'api/widget-get.md', line: 9 }) })]);
  });

  it('an include that holds no permissions table is a warning in the include file itself', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [include('../includes/empty.md')]),
      'includes/empty.md': '---\nms.topic: include\n---\n\nNothing here.\n',
    });
    const { about, operation } = await build(root);
    expect(operation('getWidget').permissions).toEqual([]);
    expect(about('includes/empty.md').map(brief)).toEqual(['includes/empty.md:1 warning include-empty']);
  });
});

describe('include files on the command line', () => {
  it('show their own path in diagnostics and @see comments, and the builder lists the included table', async () => {
    const root = await docs({
      'api/widget-get.md': apiPage('widget', [include('../includes/permissions/widget-get-permissions.md')]),
      'includes/permissions/widget-get-permissions.md': ['---', 'ms.topic: include', '---', '', ...table('Widget.Read', 'Widget.Read <br><br> Note: not for guests.')].join('\n'),
    });
    const out = path.join(work, 'out');
    const run = await runCli('generate', '--input', root, '--out', out, '--no-cache');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${path.join(root, 'includes/permissions/widget-get-permissions.md')}:8:40: info permission-text`);
    expect(run.stdout).toMatch(/^docgen: 1 pages read, /m);
    const builder = await readFile(path.join(out, 'requests', 'getWidget.ts'), 'utf8');
    expect(builder).toContain(' * @see api/widget-get.md:1\n * @see includes/permissions/widget-get-permissions.md:5\n');
    expect(builder).toContain("permissions: [{ delegatedWork: { leastPrivileged: ['Widget.Read'], higherPrivileged: ['Widget.ReadWrite.All'] }");

    // An edit of the include file is drift, annotated on the include's table, not on the page.
    const file = path.join(root, 'includes/permissions/widget-get-permissions.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('|Application|Widget.Read.All|', '|Application|Widget.Read.Everything|'));
    const check = await runCli('check', '-q', '--input', root, '--out', out, '--no-cache', '--format', 'github');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`::error file=${file},line=5,col=1,title=docgen check::`);
    expect(check.stdout).toMatch(/getWidgetOperation.*permissions changed/);
  });
});
