// The templates lay code out exactly as the TypeScript formatter would, so
// docgen needs no formatting pass: for docs-input and every fixture, running
// the formatter over the emitted files changes nothing. And output that does
// not parse is refused, with its place.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { emitProject } from '../generator/emit/emitProject.js';
import { EmitError, checkFiles } from '../generator/emit/checkOutput.js';
import { DEFAULT_EMIT_OPTIONS } from '../generator/emit/options.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { DOCS_INPUT } from './helpers/paths.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const FORMAT: ts.FormatCodeSettings = {
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  newLineCharacter: '\n',
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  semicolons: ts.SemicolonPreference.Ignore,
};

function formatted(file: string, text: string, project: Project): string {
  const sourceFile = project.createSourceFile(`/out/${file}`, text, { overwrite: true });
  sourceFile.formatText(FORMAT);
  return `${sourceFile.getFullText().replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

describe('the emitted code is laid out as the TypeScript formatter lays it out', () => {
  it.each([
    ['docs-input', DOCS_INPUT],
    ...['hostile', 'requests', 'validation', 'edge', 'tasks'].map((name) => [`test/fixtures/${name}`, path.join(FIXTURES, name)]),
  ])('%s', async (_name, input) => {
    const { model } = await buildFromDocs([input]);
    const { files } = emitProject(model, DEFAULT_EMIT_OPTIONS);
    const project = new Project({ useInMemoryFileSystem: true });
    const changed = [...files].filter(([file, text]) => file.endsWith('.ts') && formatted(file, text, project) !== text).map(([file]) => file);
    expect(changed).toEqual([]);
    expect(files.size).toBeGreaterThan(5);
  });
});

describe('the syntax check', () => {
  it('refuses a file that does not parse, naming the file, line and column', () => {
    const files = new Map([
      ['models/A.ts', 'export interface A {}\n'],
      ['models/B.ts', 'export interface B {\n  x?: string;\n  y?: ;\n}\n'],
    ]);
    expect(() => checkFiles(files)).toThrow(EmitError);
    expect(() => checkFiles(files)).toThrow(/invalid TypeScript in models\/B\.ts:3:7: Type expected/);
  });

  it('tidies runs of blank lines and trailing spaces, and leaves JSON alone', () => {
    const files = new Map([
      ['a.ts', 'export const a = 1;   \n\n\n\nexport const b = 2;'],
      ['a.json', '{ "x": 1 }  \n\n\n'],
    ]);
    expect(Object.fromEntries(checkFiles(files))).toEqual({ 'a.ts': 'export const a = 1;\n\nexport const b = 2;\n', 'a.json': '{ "x": 1 }  \n\n\n' });
  });

  it('checks a text the cache has seen pass only once, and records a text only once it passed', () => {
    const checked = new Set<string>();
    const good = new Map([['a.ts', 'export const a = 1;\n']]);
    let misses = 0;
    checkFiles(good, { checked, onMiss: () => misses++ });
    checkFiles(good, { checked, onMiss: () => misses++ });
    expect(misses).toBe(1);
    expect(checked.size).toBe(1);
    expect(() => checkFiles(new Map([['b.ts', 'export const = ;\n']]), { checked })).toThrow(EmitError);
    expect(() => checkFiles(new Map([['b.ts', 'export const = ;\n']]), { checked })).toThrow(EmitError);
  });
});
