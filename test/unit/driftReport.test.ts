// check's report: drifted files, their declarations and members, and the doc
// lines they come from; and the text format's diffs.
import { describe, expect, it } from 'vitest';
import { driftReport } from '../../generator/check/driftReport.js';
import { formatText } from '../../generator/check/formatText.js';
import type { FileOrigin } from '../../generator/emit/emitProject.js';
import type { Source } from '../../generator/model/types.js';
import { compareOutput } from '../../generator/write/compareOutput.js';

const at = (line: number, file = 'resources/gadget.md'): Source => ({ file, line, column: 1 });
const where = (file: string) => `docs/${file}`;

const gadget = (size: string) => `export interface Gadget {\n  name?: string;\n  size?: ${size};\n}\n`;
const origin = (members: Record<string, number>, file?: string): FileOrigin => ({
  source: at(11, file),
  members: new Map(Object.entries(members).map(([name, line]) => [name, at(line, file)])),
});

describe('compareOutput', () => {
  it('lists what differs by path: added = only the docs produce it, removed = only the output has it', () => {
    const fromDocs = new Map([['a.ts', 'a'], ['b.ts', 'new'], ['c.ts', 'c']]);
    const onDisk = new Map([['b.ts', 'old'], ['c.ts', 'c'], ['d.ts', 'd']]);
    expect(compareOutput(fromDocs, onDisk)).toEqual([
      { file: 'a.ts', change: 'added', fromDocs: 'a' },
      { file: 'b.ts', change: 'changed', onDisk: 'old', fromDocs: 'new' },
      { file: 'd.ts', change: 'removed', onDisk: 'd' },
    ]);
  });
});

describe('driftReport', () => {
  it('gives each drifted member the row it comes from, and the declaration the type', () => {
    const drift = compareOutput(new Map([['models/Gadget.ts', gadget('number')]]), new Map([['models/Gadget.ts', gadget('string')]]));
    const report = driftReport(drift, new Map([['models/Gadget.ts', origin({ name: 20, size: 21 })]]), where);
    // Key order is part of the format: compare the JSON text, not just the values.
    expect(JSON.stringify(report)).toBe(
      JSON.stringify({
        upToDate: false,
        summary: { changed: 1, added: 0, removed: 0 },
        files: [
          {
            file: 'models/Gadget.ts',
            change: 'changed',
            source: { file: 'docs/resources/gadget.md', line: 11, column: 1 },
            declarations: [
              {
                name: 'Gadget',
                kind: 'interface',
                change: 'changed',
                members: [{ name: 'size', change: 'changed', source: { file: 'docs/resources/gadget.md', line: 21, column: 1 } }],
                source: { file: 'docs/resources/gadget.md', line: 11, column: 1 },
                outputLine: 1,
              },
            ],
          },
        ],
      }),
    );
  });

  it("does not lend a fact's rows to a declaration that does not list its members (a request body beside the parameters)", () => {
    const request = (type: string) => `export interface CreateGadgetBody {\n  size?: ${type};\n}\nexport const createGadgetOperation = { method: 'POST' } as const;\n`;
    const drift = compareOutput(new Map([['requests/createGadget.ts', request('number')]]), new Map([['requests/createGadget.ts', request('string')]]));
    // The operation's members are its parameters; one happens to share the body field's name.
    const origins = new Map([['requests/createGadget.ts', origin({ size: 30, $filter: 31 }, 'api/create.md')]]);
    const [declaration] = driftReport(drift, origins, where).files[0]!.declarations;
    expect(declaration!.members).toEqual([{ name: 'size', change: 'changed' }]);
    expect(declaration!.source).toEqual({ file: 'docs/api/create.md', line: 11, column: 1 });
  });

  it('reports files with no origin, files that are not TypeScript, and a copy that does not parse', () => {
    const drift = compareOutput(
      new Map([['index.ts', "export * from './a.js';\n"], ['docgen-manifest.json', '{"files":["a"]}\n'], ['models/Gadget.ts', gadget('number')]]),
      new Map([['index.ts', "export * from './b.js';\n"], ['docgen-manifest.json', '{"files":["b"]}\n'], ['models/Gadget.ts', 'export interface Gadget {\n']]),
    );
    const report = driftReport(drift, new Map([['models/Gadget.ts', origin({})]]), where);
    expect(report.files).toEqual([
      { file: 'docgen-manifest.json', change: 'changed', declarations: [] },
      {
        file: 'index.ts',
        change: 'changed',
        declarations: [
          { name: './a.js', kind: 'export', change: 'added' },
          { name: './b.js', kind: 'export', change: 'removed', outputLine: 1 },
        ],
      },
      {
        file: 'models/Gadget.ts',
        change: 'changed',
        source: { file: 'docs/resources/gadget.md', line: 11, column: 1 },
        parseError: { side: 'onDisk', line: 2, column: 1, message: "'}' expected." },
        declarations: [],
      },
    ]);
  });

  it('is up to date with no files when nothing differs', () => {
    expect(driftReport([], new Map(), where)).toEqual({ upToDate: true, summary: { changed: 0, added: 0, removed: 0 }, files: [] });
  });
});

describe('formatText', () => {
  const drift = compareOutput(new Map([['models/Gadget.ts', gadget('number')], ['new.ts', 'x\n']]), new Map([['models/Gadget.ts', gadget('string')]]));

  it("prints git's unified diffs, plain when colour is off", () => {
    const text = formatText(drift, false);
    expect(text).toContain('--- a/models/Gadget.ts\n+++ b/models/Gadget.ts\n@@ -1,4 +1,4 @@\n export interface Gadget {\n   name?: string;\n-  size?: string;\n+  size?: number;\n }\n');
    expect(text).toContain('--- /dev/null\n+++ b/new.ts\n');
    expect(text).not.toContain('\u001b[');
  });

  it('colours file names, hunk headers, removed and added lines when colour is on', () => {
    const text = formatText(drift, true);
    expect(text).toContain('\u001b[1m--- a/models/Gadget.ts\u001b[22m\n');
    expect(text).toContain('\u001b[36m@@ -1,4 +1,4 @@\u001b[39m\n');
    expect(text).toContain('\u001b[31m-  size?: string;\u001b[39m\n');
    expect(text).toContain('\u001b[32m+  size?: number;\u001b[39m\n');
    expect(text).toContain('\n   name?: string;\n');
  });
});
