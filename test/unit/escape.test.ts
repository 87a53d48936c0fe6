// Doc text is untrusted: commentText, stringLiteral and propertyKey must keep
// it inside a comment or a string; naming must never produce a keyword or a
// global. No eval or `new Function` here: literals are decoded by hand.
import { describe, expect, it } from 'vitest';
import { commentText, jsonDocument, jsonLiteral, objectKey, propertyKey, stringLiteral } from '../../generator/emit/escape.js';
import { assignNames, identifier, typeName } from '../../generator/emit/naming.js';
import type { Model, Source } from '../../generator/model/types.js';
import { codePointName, INVISIBLE_CHARACTERS, RAW_FORBIDDEN } from '../helpers/invisible.js';

const LINE_TERMINATORS = /[\n\r\u2028\u2029]/;

/**
 * Decodes a single-quoted literal produced by stringLiteral, by turning it into
 * a JSON string (`\'` → `'`, raw `"` → `\"`) and parsing that. Throws if the
 * literal holds a raw `'`, a raw line terminator, or an escape JSON does not know.
 */
function decodeLiteral(literal: string): string {
  if (!literal.startsWith("'") || !literal.endsWith("'") || literal.length < 2) throw new Error(`not a single-quoted literal: ${literal}`);
  const inner = literal.slice(1, -1);
  let json = '';
  for (let index = 0; index < inner.length; index++) {
    const char = inner[index]!;
    if (char === '\\') {
      const next = inner[index + 1];
      if (next === undefined) throw new Error('dangling backslash');
      json += next === "'" ? "'" : `\\${next}`;
      index++;
    } else if (char === "'") throw new Error(`raw quote at ${index}`);
    else if (LINE_TERMINATORS.test(char)) throw new Error(`raw line terminator at ${index}`);
    else if (char === '"') json += '\\"';
    else json += char;
  }
  return JSON.parse(`"${json}"`) as string;
}

/** Deterministic strings built from the characters that break comments and literals. */
function* nastyStrings(count: number): Generator<string> {
  const alphabet = ['*', '/', '*/', '\n', '\r', '\r\n', '\u2028', '\u2029', '@', 'a', ' ', '\u202e', '\u2066', "'", '"', '\\', '\u0000', '\u007f', '\t', 'é', '😀', '\ud800', '$', '{'];
  let state = 12345;
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = n % 17;
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      text += alphabet[state % alphabet.length]!;
    }
    yield text;
  }
}

describe('commentText', () => {
  it('keeps ordinary text unchanged', () => {
    expect(commentText('The display name of the widget. Read-only.')).toBe('The display name of the widget. Read-only.');
  });

  it.each(['a */ b', 'a **/ b', '*/*/', 'end */'])('cannot close the comment: %j', (text) => {
    expect(commentText(text)).not.toContain('*/');
  });

  it.each([
    ['a\nb', 'a b'],
    ['a\r\nb', 'a b'],
    ['a\rb', 'a b'],
    ['a\u2028b', 'a b'],
    ['a\u2029b', 'a b'],
  ])('turns line terminators into spaces: %j', (text, expected) => {
    expect(commentText(text)).toBe(expected);
  });

  it('escapes bidi overrides and isolates, and control characters', () => {
    const out = commentText('safe\u202e/*evil*/\u2066x\u0007');
    expect(out).not.toMatch(RAW_FORBIDDEN);
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\u2066');
    expect(out).toContain('\\u0007');
  });

  it.each([
    ['@deprecated Use x.', '\\@deprecated Use x.'],
    ['See @link here.', 'See \\@link here.'],
    ['first\n@param x', 'first \\@param x'],
  ])('escapes @ at the start of a word: %j', (text, expected) => {
    expect(commentText(text)).toBe(expected);
  });

  it('leaves @ inside a word alone (e-mail addresses, @odata in names)', () => {
    expect(commentText('Mail admin@contoso.com or set owner@odata.bind.')).toBe('Mail admin@contoso.com or set owner@odata.bind.');
  });

  it('trims trailing white space', () => {
    expect(commentText('text   \n')).toBe('text');
  });

  it('never lets a nasty string close the comment, break the line or start a tag', () => {
    for (const text of nastyStrings(400)) {
      const out = commentText(text);
      const comment = `/** ${out} */`;
      expect(comment.indexOf('*/'), JSON.stringify(text)).toBe(comment.length - 2);
      expect(out, JSON.stringify(text)).not.toMatch(LINE_TERMINATORS);
      expect(out, JSON.stringify(text)).not.toMatch(RAW_FORBIDDEN);
      expect(out, JSON.stringify(text)).not.toMatch(/(^|\s)@\w/);
    }
  });
});

describe('stringLiteral', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['say "hi"', `'say "hi"'`],
    ['back\\slash', "'back\\\\slash'"],
    ['line\nbreak', "'line\\nbreak'"],
    ['sep\u2028arator', "'sep\\u2028arator'"],
    ['par\u2029agraph', "'par\\u2029agraph'"],
    ['rtl\u202eoverride', "'rtl\\u202eoverride'"],
    ['del\u007f', "'del\\u007f'"],
  ])('writes %j as %s', (text, literal) => {
    expect(stringLiteral(text)).toBe(literal);
  });

  it.each(['', 'plain', "it's", 'say "hi"', "\\'", '\\"', '\\\\\'', 'a\r\nb', '\u2028\u2029', '\u0000\u001f', 'tab\there', 'emoji 😀', 'lone \ud800 surrogate', "'; alert(1); '", '${x}'])(
    'round-trips %j',
    (text) => {
      const literal = stringLiteral(text);
      expect(literal.slice(1, -1)).not.toMatch(LINE_TERMINATORS);
      expect(literal.slice(1, -1)).not.toMatch(RAW_FORBIDDEN);
      expect(decodeLiteral(literal)).toBe(text);
    },
  );

  it('round-trips nasty strings and never holds a raw quote or line terminator', () => {
    for (const text of nastyStrings(400)) {
      const literal = stringLiteral(text);
      expect(decodeLiteral(literal), JSON.stringify(text)).toBe(text);
    }
  });

  it('jsonLiteral writes nested strings with the same escaping', () => {
    expect(jsonLiteral({ a: ["it's", 1, true, null], 'b-c': { d: 'x\ny' } })).toBe("{ a: ['it\\'s', 1, true, null], 'b-c': { d: 'x\\ny' } }");
  });
});

describe('invisible characters (every Cf, every Bidi_Control, the controls), in each context', () => {
  it('the set is what Unicode says, not a short list', () => {
    expect(INVISIBLE_CHARACTERS.length).toBeGreaterThan(200);
    for (const char of ['\u061c', '\u180e', '\u2060', '\ufeff', '\u00ad', '\u0085', '\u{e0001}']) expect(INVISIBLE_CHARACTERS).toContain(char);
  });

  it('escapes each one in a comment, a string literal and a JSON document, and the literal and the JSON decode to it', () => {
    const raw: string[] = [];
    for (const char of INVISIBLE_CHARACTERS) {
      const text = `a${char}b`;
      const comment = commentText(text);
      const literal = stringLiteral(text);
      const json = jsonDocument({ [text]: text });
      for (const [where, out] of [['comment', comment], ['literal', literal], ['json', json]] as const) {
        if (RAW_FORBIDDEN.test(out)) raw.push(`${codePointName(char)} raw in a ${where}`);
      }
      expect(decodeLiteral(literal), codePointName(char)).toBe(text);
      expect(JSON.parse(json), codePointName(char)).toEqual({ [text]: text });
      expect(comment, codePointName(char)).toMatch(/^a(\\u[0-9a-f]{4}){1,2}b$/);
    }
    expect(raw).toEqual([]);
  });

  it('writes a character outside the BMP as its two UTF-16 escapes', () => {
    expect(commentText('tag\u{e0041}')).toBe('tag\\udb40\\udc41');
    expect(stringLiteral('\u061c')).toBe("'\\u061c'");
  });

  it('leaves tab alone in a comment, and ordinary non-ASCII text too', () => {
    expect(commentText('a\tb café 😀 日本')).toBe('a\tb café 😀 日本');
  });
});

describe('propertyKey', () => {
  it.each([
    ['displayName', 'displayName'],
    ['$select', '$select'],
    ['_private', '_private'],
    ['constructor', 'constructor'],
  ])('leaves the identifier %s bare', (name, key) => {
    expect(propertyKey(name)).toBe(key);
  });

  it.each([
    ['@odata.type', "'@odata.type'"],
    ['owner@odata.bind', "'owner@odata.bind'"],
    ['Content-Type', "'Content-Type'"],
    ['1stValue', "'1stValue'"],
    ['has space', "'has space'"],
    ['', "''"],
    ['__proto__', '__proto__'],
    ["it's", "'it\\'s'"],
  ])('quotes %j', (name, key) => {
    expect(propertyKey(name)).toBe(key);
  });

  it('objectKey makes `__proto__` a computed key, and leaves other keys as propertyKey does', () => {
    expect(objectKey('__proto__')).toBe("['__proto__']");
    expect(objectKey('Content-Type')).toBe("'Content-Type'");
    expect(objectKey('Accept')).toBe('Accept');
  });

  it('jsonLiteral does not turn an own `__proto__` key into a prototype assignment', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(jsonLiteral(value)).not.toMatch(/[{,]\s*(['"]?)__proto__\1\s*:/);
  });
});

describe('naming', () => {
  it.each([
    ['delete', 'delete_'],
    ['class', 'class_'],
    ['default', 'default_'],
    ['await', 'await_'],
    ['enum', 'enum_'],
    ['eval', 'eval_'],
    ['arguments', 'arguments_'],
    ['getWidget', 'getWidget'],
    ['my-widget', 'my_widget'],
    ['3dModel', '_3dModel'],
    ['a b.c', 'a_b_c'],
  ])('identifier(%j) is %s', (text, name) => {
    expect(identifier(text)).toBe(name);
  });

  it('identifier output is always a valid, non-keyword identifier', () => {
    for (const text of ['', '-', 'for', 'null', 'true', 'new', '123', 'x y', 'ünïcode', '$x']) {
      const name = identifier(text);
      expect(name, text).toMatch(/^[A-Za-z_$][\w$]*$/);
      expect(['for', 'null', 'true', 'new'], text).not.toContain(name);
    }
  });

  it.each([
    ['remoteActionAudit', 'microsoft.graph', 'RemoteActionAudit'],
    ['session', 'microsoft.graph.callRecords', 'CallRecordsSession'],
    ['caseExportOperation', 'microsoft.graph.ediscovery', 'EdiscoveryCaseExportOperation'],
    ['3dModel', 'microsoft.graph', '_3dModel'],
    ['my-type', 'microsoft.graph', 'My_type'],
  ])('typeName(%s, %s) is %s', (name, namespace, expected) => {
    expect(typeName(name, namespace)).toBe(expected);
  });

  function model(typeNames: string[], operationNames: string[]): Model {
    const source: Source = { file: 'x.md', line: 1, column: 1 };
    return {
      namespaces: [
        {
          name: 'microsoft.graph',
          types: typeNames.map((name) => ({ kind: 'complex' as const, name, fullName: `microsoft.graph.${name}`, namespace: 'microsoft.graph', description: '', abstract: false, openType: false, properties: [], sources: [source] })),
        },
      ],
      operations: operationNames.map((name) => ({
        name,
        title: name,
        description: '',
        method: 'GET' as const,
        paths: [],
        permissions: [],
        headers: [],
        supportsQueryOptions: false,
        parameters: [],
        body: { kind: 'none' as const },
        response: { status: 200, source },
        examples: [],
        source,
      })),
    };
  }

  it('assignNames renames types and operations that would shadow globals or runtime names, with `name-clash`', () => {
    const { names, diagnostics } = assignNames(model(['date', 'error', 'promise', 'widget', 'httpRequest'], ['map', 'undefined', 'getWidget', 'delete']));
    expect(Object.fromEntries(names.types)).toEqual({
      'microsoft.graph.date': 'Date2',
      'microsoft.graph.error': 'Error2',
      'microsoft.graph.promise': 'Promise2',
      'microsoft.graph.widget': 'Widget',
      'microsoft.graph.httpRequest': 'HttpRequest2',
    });
    expect(Object.fromEntries(names.operations)).toEqual({ map: 'map2', undefined: 'undefined2', getWidget: 'getWidget', delete: 'delete_' });
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.found])).toEqual([
      ['name-clash', '`Date`'],
      ['name-clash', '`Error`'],
      ['name-clash', '`Promise`'],
      ['name-clash', '`HttpRequest`'],
      ['name-clash', '`map`'],
      ['name-clash', '`undefined`'],
    ]);
  });

  it('assignNames gives types that differ only in case different names (file names must not collide)', () => {
    const { names, diagnostics } = assignNames(model(['widget', 'Widget'], []));
    const typeNames = [...names.types.values()];
    expect(new Set(typeNames.map((name) => name.toLowerCase())).size).toBe(2);
    expect(typeNames[0]).toBe('Widget');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['name-clash']);
  });
});
