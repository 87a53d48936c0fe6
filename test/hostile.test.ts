// Hostile docs (test/fixtures/hostile/): names that are reserved words, globals
// or not identifiers, descriptions that try to close comments and strings or
// smuggle line terminators and bidi controls, JSON that is not JSON. For each:
// the output compiles under tsc --strict, exports exactly the names the model
// and the naming rules give, and doc text appears only inside comments and
// string literals, escaped.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignNames, bodyInterfaceName, operationExports, typeExports } from '../generator/emit/naming.js';
import { buildFromDocs } from '../generator/pipeline.js';
import { listFiles } from '../generator/write/outputFolder.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { RUNTIME_EXPORTS } from './helpers/runtimeExports.js';
import { STRICT_OPTIONS } from './helpers/strictOptions.js';
import { codePointName, INVISIBLE_CHARACTERS, RAW_FORBIDDEN } from './helpers/invisible.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
let work: string;
let out: string;
let run: CliRun;
const files = new Map<string, string>();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-hostile-'));
  out = path.join(work, 'out');
  run = await runCli('generate', '--input', FIXTURE, '--out', out);
  for (const file of await listFiles(out)) if (file.endsWith('.ts')) files.set(file, await readFile(path.join(out, file), 'utf8'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

function program() {
  return ts.createProgram([path.join(out, 'index.ts')], STRICT_OPTIONS);
}

describe('hostile docs', () => {
  it('generate succeeds and reports what it dropped or renamed', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/date\.md:\d+:1: error member-name: .*found "bad-member"/);
    for (const renamed of ['Object2', 'Error2', 'Date2', 'HttpRequest2']) expect(run.stderr).toContain(`emitted as \`${renamed}\``);
  });

  it('compiles under tsc --strict', () => {
    const diagnostics = ts.getPreEmitDiagnostics(program()).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('exports exactly the names the model and the naming rules give', async () => {
    const { model } = await buildFromDocs([FIXTURE]);
    const { names } = assignNames(model);
    const expected = new Set(RUNTIME_EXPORTS);
    for (const type of model.namespaces.flatMap((ns) => ns.types)) {
      const name = names.types.get(type.fullName)!;
      for (const exported of typeExports(name)) {
        if (exported === `${name}Values` && type.kind !== 'enum') continue;
        expected.add(exported);
      }
    }
    for (const union of names.unions.values()) expected.add(union);
    for (const operation of model.operations) {
      const name = names.operations.get(operation.name)!;
      for (const exported of operationExports(name)) {
        if (exported === bodyInterfaceName(name) && (operation.body.kind !== 'properties' || operation.method === 'GET')) continue;
        expected.add(exported);
      }
    }
    const built = program();
    const checker = built.getTypeChecker();
    const index = checker.getSymbolAtLocation(built.getSourceFile(path.join(out, 'index.ts'))!)!;
    const actual = checker.getExportsOfModule(index).map((symbol) => symbol.name);
    expect(actual.sort()).toEqual([...expected].sort());
    // The names as the docs wrote them survive as keys and string members.
    expect(files.get('models/Class.ts')).toMatch(/^ {2}__proto__\?: string \| null;$/m);
    // A row for `@odata.type` lends its doc; the type is the literal name.
    expect(files.get('models/Class.ts')).toContain("'@odata.type'?: '#microsoft.graph.class';");
    expect(files.get('models/Date2.ts')).toMatch(/\| 'Foo'\n\s+\| 'foo'\n\s+\| 'constructor'\n\s+\| '__proto__'\n\s+\| 'toString'\n\s+\| 'delete';/);
  });

  it('puts doc text only inside comments and string literals', () => {
    let markers = 0;
    for (const [file, text] of files) {
      // The runtime files hold no doc text (and regex literals a bare scanner cannot tell from division).
      if (file.startsWith('runtime/')) continue;
      const inert: Array<[number, number]> = [];
      const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        if (scanner.isUnterminated()) throw new Error(`${file}: unterminated token at ${scanner.getTokenStart()}`);
        if (
          token === ts.SyntaxKind.SingleLineCommentTrivia ||
          token === ts.SyntaxKind.MultiLineCommentTrivia ||
          token === ts.SyntaxKind.StringLiteral ||
          token === ts.SyntaxKind.NoSubstitutionTemplateLiteral
        ) {
          inert.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
        }
      }
      for (const match of text.matchAll(/HOSTILE\d+/g)) {
        markers++;
        const at = match.index;
        expect(inert.some(([start, end]) => at >= start && at < end), `${file}: ${match[0]} outside a comment or string`).toBe(true);
      }
    }
    expect(markers).toBeGreaterThan(40);
  });

  it('leaves no raw line terminators, bidi controls or NULs, and never HTML-escapes', () => {
    const all = [...files.values()].join('\n');
    expect(all).not.toMatch(RAW_FORBIDDEN);
    expect(all).toContain('\\u202eHOSTILE3');
    expect(all).toContain('a & b');
    expect(all).not.toMatch(/&amp;|&lt;|&quot;|&#x27;|&#39;/);
    expect(all).toContain('*\\/');
  });

  it('runs: builders and validators do what the model says, and doc text changed nothing', async () => {
    const sdk = (await import(path.join(out, 'index.ts'))) as Record<string, (...args: unknown[]) => { url: string; headers: Record<string, string> }>;
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    const headers = JSON.parse('{"X-Hostile": "v", "__proto__": {"polluted": true}}') as unknown;
    // Named from the path (the hostile title is not a type's name; a service root is no owner).
    const request = sdk['getClassItem']!({ params: { classId: 'a/b', itemKey: "it's" }, headers });
    // The key sits inside an OData string literal: its quote is doubled, its `/` cannot leave the segment.
    expect(request.url).toBe("/HOSTILE43'quote/classes/a%2Fb/items('it''s')");
    expect(request.headers['X-Hostile']).toBe('v');
    expect(Object.getPrototypeOf(request.headers)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const validate = sdk['validateClass'] as unknown as (value: unknown) => { valid: boolean; errors: unknown[] };
    expect(validate(JSON.parse('{"__proto__": 5, "constructor": true}')).errors).toEqual([expect.objectContaining({ path: '/__proto__', message: 'expected a string, found number 5' })]);
  });
});

describe('docs holding every invisible character Unicode has (test/helpers/invisible.ts)', () => {
  it('emit none of them raw, in code or in schemas', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-invisible-'));
    try {
      // NUL makes a page binary (skipped with a diagnostic); every other character is doc text.
      const chars = INVISIBLE_CHARACTERS.filter((char) => char !== '\u0000');
      const text = chars.map((char, index) => `m${index}${char}`).join(' ');
      const rows = chars.map((char, index) => `|p${index}|String|Row ${index}: a${char}b|`).join('\n');
      await mkdir(path.join(dir, 'docs', 'resources'), { recursive: true });
      await writeFile(
        path.join(dir, 'docs', 'resources', 'gadget.md'),
        `# gadget resource type\n\nNamespace: microsoft.graph\n\n${text}\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n${rows}\n`,
      );
      const generated = await runCli('generate', '-q', '--input', path.join(dir, 'docs'), '--out', path.join(dir, 'out'));
      expect(generated.code, generated.stderr).toBe(0);
      const output = new Map<string, string>();
      for (const file of await listFiles(path.join(dir, 'out'))) output.set(file, await readFile(path.join(dir, 'out', file), 'utf8'));
      const raw = [...output].flatMap(([file, content]) => [...content.matchAll(new RegExp(RAW_FORBIDDEN, 'gu'))].map((match) => `${file}: ${codePointName(match[0])}`));
      expect(raw).toEqual([]);
      // The rows were read: each description reached the model's comment, escaped.
      expect(output.get('models/Gadget.ts')).toContain('Row 1: a\\u0002b');
      expect(output.get('models/Gadget.ts')).toContain(`Row ${chars.indexOf('\u061c')}: a\\u061cb`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
