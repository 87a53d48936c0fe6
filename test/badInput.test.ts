// Input that is not a doc page, or is one built to hurt: each is a
// diagnostic (or simply handled), never a crash, a hang or unbounded memory;
// and docgen reads nothing outside its input folders.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromDocs } from '../generator/pipeline.js';
import type { Diagnostic } from '../generator/model/types.js';
import { runCli } from './helpers/cli.js';

const RESOURCE = '# widget resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|The name.|\n';

const PAGES: Record<string, string | Uint8Array> = {
  'empty.md': '',
  'binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01, 0xff, 0xfe, 0x00]),
  'latin1.md': new Uint8Array([...Buffer.from('# caf'), 0xe9, ...Buffer.from(' resource type\n')]),
  'bom.md': `\ufeff${RESOURCE.replace(/widget/g, 'bomWidget')}`,
  'crlf.md': RESOURCE.replace(/widget/g, 'crlfWidget').replace(/\n/g, '\r\n'),
  'frontmatter.md': `---\ntitle: "unclosed\n  broken: [\n---\n${RESOURCE.replace(/widget/g, 'fmWidget')}`,
  'huge.md': `# huge resource type\n\n${'x'.repeat(10 * 1024 * 1024)}\n`,
  'rows.md': `# rows resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n${Array.from({ length: 50_000 }, (_, i) => `|p${i}|String|r|`).join('\n')}\n`,
  'deep.md': `# deep resource type\n\n${'>'.repeat(20_000)} deep\n\n${'- '.repeat(5_000)}x\n`,
  'brackets.md': `${RESOURCE.replace(/widget/g, 'bracketWidget')}|deep|String|${'['.repeat(3000)}x${']'.repeat(3000)}|\n`,
  'escape.md': RESOURCE.replace('|name|String|', '|name|[secret](../../../../etc/passwd)|'),
};

let work: string;
let docs: string;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-bad-'));
  docs = path.join(work, 'docs');
  await mkdir(docs);
  for (const [name, content] of Object.entries(PAGES)) await writeFile(path.join(docs, name), content);
  await writeFile(path.join(work, 'outside.md'), RESOURCE.replace(/widget/g, 'outsideWidget'));
  await symlink(path.join(work, 'outside.md'), path.join(docs, 'link.md'));
  ({ diagnostics } = await buildFromDocs([docs]));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

const about = (file: string) => diagnostics.filter((d) => d.source.file === file).map((d) => `${d.severity} ${d.code}`);

describe('bad input files', () => {
  it.each([
    ['binary.md', ['error binary-file']],
    ['latin1.md', ['warning encoding', 'info page-kind']],
    ['huge.md', ['error page-too-large']],
    ['rows.md', ['error page-too-large']],
    ['deep.md', ['error page-too-deep']],
    ['link.md', ['warning symlink']],
    ['escape.md', ['info link-outside-input', 'warning unresolved-type']],
  ])('%s → %j', (file, expected) => {
    expect(about(file)).toEqual(expected);
  });

  it('reads an empty page as a page that is no type, with a note', () => {
    expect(about('empty.md')).toEqual(['warning missing-title', 'info page-kind']);
  });

  it('reads pages with a BOM, CRLF line endings or broken front matter like any other', async () => {
    const { model } = await buildFromDocs([docs]);
    const names = model.namespaces.flatMap((ns) => ns.types.map((type) => type.name));
    expect(names).toEqual(expect.arrayContaining(['bomWidget', 'crlfWidget', 'fmWidget', 'bracketWidget']));
    expect(names).not.toContain('outsideWidget');
    expect(about('bom.md')).toEqual([]);
    expect(about('crlf.md')).toEqual([]);
  });

  it('points the CRLF page diagnostics at the right lines', async () => {
    const { model } = await buildFromDocs([docs]);
    const crlf = model.namespaces.flatMap((ns) => ns.types).find((type) => type.name === 'crlfWidget');
    expect(crlf?.kind === 'enum' ? undefined : crlf?.properties[0]?.source).toEqual({ file: 'crlf.md', line: 8, column: 1 });
  });

  it('generates from the lot, exiting 0 (1 under --strict), with no stack trace', async () => {
    const run = await runCli('generate', '--input', docs, '--out', path.join(work, 'out'));
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli('generate', '--strict', '--input', docs, '--out', path.join(work, 'out'))).code).toBe(1);
  });
});
