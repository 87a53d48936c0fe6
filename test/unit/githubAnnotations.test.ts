// check's GitHub Actions annotations: escaped so that untrusted doc text can
// neither end a command nor start another, and placed on the doc line that
// caused the drift (else on the output file).
import { describe, expect, it } from 'vitest';
import type { DriftReport, FileDriftReport } from '../../generator/check/driftReport.js';
import { annotation, diagnosticAnnotations, driftAnnotations, escapeData, escapeProperty } from '../../generator/check/githubAnnotations.js';
import type { Diagnostic } from '../../generator/model/types.js';

/** The runner's side, after actions/runner's ActionCommand.TryParseV2: `::name k=v,k=v::data`, one line. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; message: string } {
  if (/[\r\n]/.test(line)) throw new Error('a command is one line');
  if (!line.startsWith('::')) throw new Error('not a command');
  const end = line.indexOf('::', 2);
  const [name, props = ''] = splitOnce(line.slice(2, end), ' ');
  const properties: Record<string, string> = {};
  for (const pair of props.split(',').filter(Boolean)) {
    const [key, value = ''] = splitOnce(pair, '=');
    properties[key] = unescape(value, [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']]);
  }
  return { name, properties, message: unescape(line.slice(end + 2), [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']]) };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}

function unescape(text: string, pairs: Array<[string, string]>): string {
  return pairs.reduce((value, [escaped, raw]) => value.split(escaped).join(raw), text);
}

describe('escaping', () => {
  it('escapes data: %, CR and LF, % first so escapes are not escaped twice', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeData('%0A is text')).toBe('%250A is text');
    expect(escapeData('a::b, c:d')).toBe('a::b, c:d');
  });

  it('escapes properties also for : and ,', () => {
    expect(escapeProperty('C:\\docs\\a,b.md')).toBe('C%3A\\docs\\a%2Cb.md');
    expect(escapeProperty('50%,\n:')).toBe('50%25%2C%0A%3A');
  });

  it('keeps a hostile message on one line and in the message: no second command, no lost text', () => {
    const hostile = 'row ok\n::error file=evil.md,line=1::pwned\r\n::stop-commands::token\n100% done, %0A stays';
    const line = annotation('error', { file: 'docs/a.md', line: 3, column: 1 }, 'docgen check', hostile);
    expect(line.split('\n')).toHaveLength(1);
    const parsed = parseCommand(line);
    expect(parsed).toEqual({ name: 'error', properties: { file: 'docs/a.md', line: '3', col: '1', title: 'docgen check' }, message: hostile });
  });

  it('keeps a hostile file name inside its property: commas and colons do not add properties or end the list', () => {
    const file = 'docs/a,line=99,title=x::y:%0A.md';
    const parsed = parseCommand(annotation('warning', { file, line: 7 }, 'a: b, c', 'message'));
    expect(parsed.properties).toEqual({ file, line: '7', title: 'a: b, c' });
    expect(parsed.message).toBe('message');
  });
});

const docPage = 'docs/resources/gadget.md';
const report = (...files: FileDriftReport[]): DriftReport => ({ upToDate: false, summary: { changed: files.length, added: 0, removed: 0 }, files });
const located = (lines: string[]) => lines.map((line) => ({ ...parseCommand(line).properties, message: parseCommand(line).message }));

describe('driftAnnotations', () => {
  it('points at the row of the one member that differs, else at the type', () => {
    const lines = driftAnnotations(
      report({
        file: 'models/Gadget.ts',
        change: 'changed',
        source: { file: docPage, line: 11, column: 1 },
        declarations: [
          { name: 'Gadget', kind: 'interface', change: 'changed', members: [{ name: 'size', change: 'changed', source: { file: docPage, line: 42, column: 1 } }], source: { file: docPage, line: 11, column: 1 }, outputLine: 9 },
          {
            name: 'GadgetValues',
            kind: 'variable',
            change: 'changed',
            members: [
              { name: 'a', change: 'added', source: { file: docPage, line: 30, column: 1 } },
              { name: 'b', change: 'removed' },
            ],
            source: { file: docPage, line: 11, column: 1 },
            outputLine: 20,
          },
        ],
      }),
      'generated',
    );
    expect(located(lines)).toEqual([
      { file: docPage, line: '42', col: '1', title: 'docgen check', message: 'generated/models/Gadget.ts: interface Gadget differs from what the docs produce: size changed' },
      { file: docPage, line: '11', col: '1', title: 'docgen check', message: 'generated/models/Gadget.ts: variable GadgetValues differs from what the docs produce: a added, b removed' },
    ]);
  });

  it('falls back to the type when the one member that differs has no row (it was removed from the docs)', () => {
    const [line] = driftAnnotations(
      report({
        file: 'models/Gadget.ts',
        change: 'changed',
        source: { file: docPage, line: 11, column: 1 },
        declarations: [{ name: 'Gadget', kind: 'interface', change: 'changed', members: [{ name: 'gone', change: 'removed' }], source: { file: docPage, line: 11, column: 1 } }],
      }),
      'out',
    );
    expect(parseCommand(line!).properties).toMatchObject({ file: docPage, line: '11' });
    expect(parseCommand(line!).message).toBe('out/models/Gadget.ts: interface Gadget differs from what the docs produce: gone removed');
  });

  it('points what no doc makes at the output file: the line of the declaration, else line 1', () => {
    const lines = driftAnnotations(
      report(
        { file: 'index.ts', change: 'changed', declarations: [{ name: './b.js', kind: 'export', change: 'added' }, { name: './a.js', kind: 'export', change: 'removed', outputLine: 4 }] },
        { file: 'requests/old.ts', change: 'removed', declarations: [{ name: 'old', kind: 'function', change: 'removed', outputLine: 16 }] },
        { file: 'docgen-manifest.json', change: 'changed', declarations: [] },
      ),
      'gen',
    );
    expect(located(lines)).toEqual([
      { file: 'gen/index.ts', line: '1', title: 'docgen check', message: 'gen/index.ts: export ./b.js is produced by the docs but missing from the output' },
      { file: 'gen/index.ts', line: '4', title: 'docgen check', message: 'gen/index.ts: export ./a.js is in the output but no longer produced by the docs' },
      { file: 'gen/requests/old.ts', line: '16', title: 'docgen check', message: 'gen/requests/old.ts: function old is in the output but no longer produced by the docs' },
      { file: 'gen/docgen-manifest.json', line: '1', title: 'docgen check', message: 'gen/docgen-manifest.json differs from what the docs produce' },
    ]);
  });

  it('names imports only when nothing else in the file differs', () => {
    const withFunction = driftAnnotations(
      report({
        file: 'requests/a.ts',
        change: 'changed',
        declarations: [{ name: './X.js', kind: 'import', change: 'added' }, { name: 'a', kind: 'function', change: 'changed', outputLine: 8 }],
      }),
      'g',
    );
    expect(withFunction.map((line) => parseCommand(line).message)).toEqual(['g/requests/a.ts: function a differs from what the docs produce']);
    const alone = driftAnnotations(report({ file: 'requests/a.ts', change: 'changed', declarations: [{ name: './X.js', kind: 'import', change: 'removed', outputLine: 5 }] }), 'g');
    expect(alone.map((line) => parseCommand(line).properties['line'])).toEqual(['5']);
  });

  it('gives a file that differs outside its declarations, or does not parse, one annotation of its own', () => {
    const lines = driftAnnotations(
      report(
        { file: 'models/A.ts', change: 'changed', source: { file: docPage, line: 11, column: 1 }, declarations: [] },
        {
          file: 'models/B.ts',
          change: 'changed',
          source: { file: docPage, line: 11, column: 1 },
          parseError: { side: 'onDisk', line: 19, column: 3, message: "'}' expected." },
          declarations: [],
        },
      ),
      'g',
    );
    expect(located(lines)).toEqual([
      { file: docPage, line: '11', col: '1', title: 'docgen check', message: 'g/models/A.ts differs from what the docs produce outside its declarations (comments or layout)' },
      {
        file: 'g/models/B.ts',
        line: '19',
        col: '3',
        title: 'docgen check',
        message: "g/models/B.ts differs from what the docs produce; its declarations cannot be compared: the output does not parse as TypeScript at 19:3 ('}' expected.)",
      },
    ]);
  });

  it('says how many more members there are past the first ten', () => {
    const members = Array.from({ length: 12 }, (_, index) => ({ name: `p${index}`, change: 'added' as const }));
    const [line] = driftAnnotations(report({ file: 'models/A.ts', change: 'changed', declarations: [{ name: 'A', kind: 'interface', change: 'changed', members }] }), 'g');
    expect(parseCommand(line!).message).toMatch(/p9 added, and 2 more$/);
  });
});

describe('diagnosticAnnotations', () => {
  it('maps severities to error, warning and notice, at the doc line, with hostile text escaped', () => {
    const diagnostic = (severity: Diagnostic['severity'], message: string): Diagnostic => ({ code: 'x-code', severity, message, source: { file: 'r/a.md', line: 5, column: 2 } });
    const lines = diagnosticAnnotations([diagnostic('error', 'bad'), diagnostic('warning', 'odd\n::error::x'), diagnostic('info', 'fyi')], [{ root: 'docs', path: 'r/a.md', text: '' }]);
    expect(lines.map(parseCommand)).toEqual([
      { name: 'error', properties: { file: 'docs/r/a.md', line: '5', col: '2', title: 'docgen x-code' }, message: 'bad' },
      { name: 'warning', properties: { file: 'docs/r/a.md', line: '5', col: '2', title: 'docgen x-code' }, message: 'odd\n::error::x' },
      { name: 'notice', properties: { file: 'docs/r/a.md', line: '5', col: '2', title: 'docgen x-code' }, message: 'fyi' },
    ]);
  });
});
