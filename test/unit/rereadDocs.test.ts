// rereadDocs: what `generate --watch` reads after a save. Pages saved in place are
// read again alone and give what a full read gives; anything else asks for a full
// read (undefined): a new page, an include file, a page whose include lines changed,
// a page that is gone.
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocs, rereadDocs, type ReadResult } from '../../generator/read/readDocs.js';

let root: string;
let before: ReadResult;
const INCLUDE_LINE = '[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]';
const file = (relative: string) => path.join(root, ...relative.split('/'));

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'docgen-reread-'));
  await mkdir(file('api'), { recursive: true });
  await mkdir(file('resources'), { recursive: true });
  await mkdir(file('includes/permissions'), { recursive: true });
  await writeFile(file('api/widget-get.md'), `# Get widget\n\n## Permissions\n\n${INCLUDE_LINE}\n`);
  await writeFile(file('includes/permissions/widget-get-permissions.md'), '|Permission type|Permissions|\n|:---|:---|\n|Application|Widget.Read.All|\n');
  await writeFile(file('resources/widget.md'), '# widget resource type\r\n\r\n## Properties\r\n');
  before = await readDocs([root]);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('rereadDocs', () => {
  it('reads the saved pages again, as a full read would, and keeps every other file as it was', async () => {
    await writeFile(file('resources/widget.md'), '\ufeff# widget resource type\r\n\r\n## Properties\r\n\r\n|Property|Type|Description|\r\n');
    await writeFile(file('api/widget-get.md'), `# Get a widget\n\n## Permissions\n\n${INCLUDE_LINE}\n`);
    const after = rereadDocs(before, [file('resources/widget.md'), path.relative(process.cwd(), file('api/widget-get.md'))]);
    expect(after).toEqual(await readDocs([root]));
    expect(after!.docs.find((doc) => doc.path === 'resources/widget.md')!.text).toContain('|Property|Type|Description|\n');
    // Untouched files are the very objects of the last read; the result is new, the last one unchanged.
    const unchanged = (docs: ReadResult['docs']) => docs.find((doc) => doc.include)!;
    expect(unchanged(after!.docs)).toBe(unchanged(before.docs));
    expect(before.docs.find((doc) => doc.path === 'resources/widget.md')!.text).not.toContain('|Property|');
    expect(after!.includes).toBe(before.includes);
  });

  it('marks bytes that are not UTF-8, as a full read does', async () => {
    await writeFile(file('resources/widget.md'), Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    const after = rereadDocs(before, [file('resources/widget.md')]);
    expect(after!.docs.find((doc) => doc.path === 'resources/widget.md')).toMatchObject({ text: '# \ufffd\n', invalidUtf8: true });
    expect(after).toEqual(await readDocs([root]));
  });

  it('asks for a full read for a page it has not read: one added since', async () => {
    await writeFile(file('resources/gadget.md'), '# gadget resource type\n');
    expect(rereadDocs(before, [file('resources/gadget.md')])).toBeUndefined();
  });

  it('asks for a full read for an include file, which other pages read through', async () => {
    await writeFile(file('includes/permissions/widget-get-permissions.md'), '|Permission type|Permissions|\n');
    expect(rereadDocs(before, [file('includes/permissions/widget-get-permissions.md')])).toBeUndefined();
  });

  it('asks for a full read for a page whose permission include lines changed', async () => {
    await writeFile(file('api/widget-get.md'), '# Get widget\n\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/other.md)]\n');
    expect(rereadDocs(before, [file('api/widget-get.md')])).toBeUndefined();
    await writeFile(file('api/widget-get.md'), '# Get widget\n\n## Permissions\n\nNone.\n');
    expect(rereadDocs(before, [file('api/widget-get.md')])).toBeUndefined();
  });

  it('asks for a full read for a page that is gone', async () => {
    await unlink(file('resources/widget.md'));
    expect(rereadDocs(before, [file('resources/widget.md')])).toBeUndefined();
  });
});
