// The model types as a user's compiler sees them (issue 19, part 1): an open type's
// interface is closed, so typos are errors and keyof lists the documented names;
// `@odata.type` holds the literal names a value may carry, so it narrows a union of
// subtypes and rejects another type's name. Each `@ts-expect-error` must meet an
// error, or tsc reports the directive itself (TS2578).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { PROJECT } from './helpers/paths.js';
import { STRICT_OPTIONS } from './helpers/strictOptions.js';

const FIXTURE = path.join(PROJECT, 'test', 'fixtures', 'validation');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-model-types-'));
  const generated = await runCli('generate', '-i', FIXTURE, '-o', path.join(work, 'out'), '--no-cache', '-q');
  expect(generated.code, generated.stderr).toBe(0);
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** tsc's complaints about `code`, compiled beside the output under the strict options. */
async function compile(code: string): Promise<string[]> {
  const file = path.join(work, `use-${Math.random().toString(36).slice(2)}.ts`);
  await writeFile(file, code);
  const program = ts.createProgram([file], STRICT_OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('model types', () => {
  it('keep an open type closed: a misspelt property is an error, keyof is the documented names', async () => {
    const problems = await compile(`import type { Bag } from './out/models/Bag.js';
export const bag: Bag = { name: 'documented' };
// @ts-expect-error a misspelt property
export const typo: Bag = { nmae: 'misspelt' };
// @ts-expect-error reading one
export const read = bag.nmae;
export const keys: Array<keyof Bag> = ['@odata.type', 'name'];
// @ts-expect-error keyof holds the documented names only
export const other: keyof Bag = 'undocumented';
// The documented way to read what the docs do not list.
export const extra: unknown = (bag as Record<string, unknown>)['undocumented'];
`);
    expect(problems).toEqual([]);
  });

  it("type @odata.type as the names a value may carry, narrowing a union by it", async () => {
    const problems = await compile(`import type { Entity } from './out/models/Entity.js';
import type { Gadget } from './out/models/Gadget.js';
import type { Sprocket } from './out/models/Sprocket.js';
import type { Widget } from './out/models/Widget.js';
// (The fixture's Widget has a property named constructor, which an object literal's own would clash with.)
export const widget: Widget['@odata.type'] = '#microsoft.graph.gadget';
export const entity: Entity = { '@odata.type': '#microsoft.graph.sprocket' };
// @ts-expect-error a sprocket is no widget
export const notWidget: Widget['@odata.type'] = '#microsoft.graph.sprocket';
// @ts-expect-error nor is a name the docs do not define
export const unknownName: Entity = { '@odata.type': '#microsoft.graph.nothing' };
export function teeth(item: Gadget | Sprocket): number | null | undefined {
  switch (item['@odata.type']) {
    case '#microsoft.graph.sprocket':
      return item.teeth;
    case '#microsoft.graph.gadget':
      // @ts-expect-error narrowed to Gadget, which has no teeth
      return item.teeth;
    default:
      return undefined;
  }
}
`);
    expect(problems).toEqual([]);
  });

  it('give a type with subtypes a union of it and them, which a switch on @odata.type narrows', async () => {
    const problems = await compile(`import type { AnyEntity } from './out/models/AnyEntity.js';
import type { AnyWidget } from './out/models/AnyWidget.js';
import type { Gadget } from './out/models/Gadget.js';
import type { Sprocket } from './out/models/Sprocket.js';
import { type AnyEntity as FromIndex } from './out/index.js';
export function size(item: AnyEntity): number | null | undefined {
  switch (item['@odata.type']) {
    case '#microsoft.graph.gadget':
      return item.size;
    case '#microsoft.graph.widget':
      // @ts-expect-error a widget proper has no size: only its subtype gadget does
      return item.size;
    case '#microsoft.graph.sprocket':
      return item.teeth;
    default:
      return undefined;
  }
}
declare const gadget: Gadget;
declare const sprocket: Sprocket;
export const widgets: AnyWidget[] = [gadget];
// @ts-expect-error a sprocket is no widget
export const notWidget: AnyWidget = sprocket;
export const same: FromIndex[] = widgets;
`);
    expect(problems).toEqual([]);
  });
});

describe('request bodies', () => {
  it('require what the docs mark Required, never null unless they say so, and reject typos in nested models', async () => {
    const tasks = await runCli('generate', '-i', path.join(PROJECT, 'test', 'fixtures', 'tasks'), '-o', path.join(work, 'tasks'), '--no-cache', '-q');
    expect(tasks.code, tasks.stderr).toBe(0);
    const problems = await compile(`import { sendMyMail } from './tasks/requests/sendMyMail.js';
export const sent = sendMyMail({ body: { message: { subject: 'Hello' } } });
export const kept = sendMyMail({ body: { message: { subject: 'Hello' }, saveToSentItems: false } });
// @ts-expect-error message is Required
export const missing = sendMyMail({ body: { saveToSentItems: false } });
// @ts-expect-error nor may it be null
export const nothing = sendMyMail({ body: { message: null } });
// @ts-expect-error a misspelt property of the message
export const typo = sendMyMail({ body: { message: { subjet: 'Hello' } } });
`);
    expect(problems).toEqual([]);
  });

  it('take one of the types the pages of one endpoint send, or a type or any of its subtypes, told apart by @odata.type, and return their base union', async () => {
    // A base with two subtypes and an unrelated entity; a page posts each subtype to /tools.
    const docs = path.join(work, 'siblings');
    await mkdir(path.join(docs, 'resources'), { recursive: true });
    await mkdir(path.join(docs, 'api'));
    const resource = (name: string, base: string, row: string) =>
      writeFile(path.join(docs, 'resources', `${name}.md`), [`# ${name} resource type`, '', 'Namespace: microsoft.graph', '', `A ${name}.${base ? ` Inherits from [${base}](${base}.md).` : ''}`, '', '## Properties', '|Property|Type|Description|', '|:---|:---|:---|', row, ''].join('\n'));
    await resource('entity', '', '|id|String|The key. Read-only.|');
    await resource('tool', 'entity', '|label|String|What it says.|');
    await resource('hammer', 'tool', '|weight|Int32|How heavy.|');
    await resource('saw', 'tool', '|teeth|Int32|How many teeth.|');
    await resource('rope', 'entity', '|length|Int32|How long.|');
    // A page that posts the base itself, as the attachment pages do: the body is the base or any subtype.
    await writeFile(path.join(docs, 'api', 'kit-post-tools.md'), ['# Add tool to kit', '', 'Namespace: microsoft.graph', '', 'Add a tool.', '', '## HTTP request', '', '```http', 'POST /kits/{kitId}/tools', '```', '', '## Request body', '', 'In the request body, supply a JSON representation of a [tool](../resources/tool.md) object.', '', '## Response', '', 'If successful, this method returns a `201 Created` response code and a [tool](../resources/tool.md) object in the response body.', ''].join('\n'));
    for (const type of ['hammer', 'saw']) {
      const page = [`# Create ${type}`, '', 'Namespace: microsoft.graph', '', `Create a ${type}.`, '', '## HTTP request', '', '```http', 'POST /tools', '```', '', '## Request body', '', `In the request body, supply a JSON representation of a [${type}](../resources/${type}.md) object.`, '', '## Response', '', `If successful, this method returns a \`201 Created\` response code and a [${type}](../resources/${type}.md) object in the response body.`, ''];
      await writeFile(path.join(docs, 'api', `${type}-create.md`), page.join('\n'));
    }
    const generated = await runCli('generate', '-i', docs, '-o', path.join(work, 'siblings-out'), '--no-cache', '-q');
    expect(generated.code, generated.stderr).toBe(0);
    const problems = await compile(`import { createTool } from './siblings-out/requests/createTool.js';
import { createKitTool } from './siblings-out/requests/createKitTool.js';
import type { AnyTool } from './siblings-out/models/AnyTool.js';
import type { HttpRequest } from './siblings-out/runtime/request.js';
export const hammer = createTool({ body: { '@odata.type': '#microsoft.graph.hammer', weight: 2, label: 'claw' } });
export const saw = createTool({ body: { '@odata.type': '#microsoft.graph.saw', teeth: 40 } });
// @ts-expect-error a saw has no weight: the @odata.type tells the body's type
export const mixed = createTool({ body: { '@odata.type': '#microsoft.graph.saw', weight: 2 } });
// @ts-expect-error a rope is no tool
export const other = createTool({ body: { '@odata.type': '#microsoft.graph.rope' } });
// @ts-expect-error the key is read-only: never sent
export const keyed = createTool({ body: { '@odata.type': '#microsoft.graph.saw', id: 'x' } });
export const returned: HttpRequest<unknown, AnyTool> = hammer;
export const packed = createKitTool({ params: { kitId: 'k' }, body: { '@odata.type': '#microsoft.graph.saw', teeth: 12, label: 'tenon' } });
export const plain = createKitTool({ params: { kitId: 'k' }, body: { label: 'any tool' } });
// @ts-expect-error a hammer has no teeth
export const wrong = createKitTool({ params: { kitId: 'k' }, body: { '@odata.type': '#microsoft.graph.hammer', teeth: 12 } });
// @ts-expect-error read-only in every member of the union
export const keyedMember = createKitTool({ params: { kitId: 'k' }, body: { '@odata.type': '#microsoft.graph.saw', id: 'x' } });
`);
    expect(problems).toEqual([]);
  });
});
