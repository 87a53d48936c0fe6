// Each rule of the generated validators, good values beside bad, on a fixture
// that has every OData primitive, enums, collections, inheritance and a subtype
// (test/fixtures/validation). The code under test is docgen's own output.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../generator/pipeline.js';
import { withManifest, writeOutput } from '../generator/write/outputFolder.js';
import { PROJECT } from './helpers/paths.js';

interface Issue {
  path: string;
  message: string;
  expected: string;
  found: string;
  source: string;
}
interface Result {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}
type Validate = (value: unknown, options?: { mode?: 'lenient' | 'strict' }) => Result;
type Test = (value: unknown, strict: boolean) => boolean;

const FIXTURE = path.join(PROJECT, 'test', 'fixtures', 'validation');
const out = await mkdtemp(path.join(os.tmpdir(), 'docgen-validation-'));
await writeOutput(out, withManifest((await runPipeline([FIXTURE])).files));
const sdk = (await import(path.join(out, 'index.ts'))) as Record<string, Validate & Test>;
afterAll(() => rm(out, { recursive: true, force: true }));

const validateWidget = sdk['validateWidget'] as Validate;
const testWidget = sdk['testWidget'] as Test;
const WIDGET = 'resources/widget.md';

/** The one error a widget with `property` set to `value` has. */
function errorOf(property: string, value: unknown, mode: 'lenient' | 'strict' = 'lenient'): Issue | undefined {
  const result = validateWidget({ [property]: value }, { mode });
  expect(result.errors.length, JSON.stringify(result.errors)).toBeLessThanOrEqual(1);
  return result.errors[0];
}

describe('primitives', () => {
  const cases: Array<[string, unknown[], unknown[]]> = [
    ['text', ['', 'x'], [1, true, {}, []]],
    ['flag', [true, false], ['true', 0]],
    ['byte', [0, 255], [-1, 256, 1.5, '1']],
    ['sbyte', [-128, 127], [-129, 128]],
    ['int16', [-32768, 32767], [-32769, 32768]],
    ['int32', [-2147483648, 2147483647], [-2147483649, 2147483648, 0.5]],
    // Int64 as a JSON number: JSON.parse reads 2^63-1 as 2^63, so a magnitude up to 2^63 as represented passes; the next double up does not.
    ['int64', [0, 9007199254740991, -9007199254740991, 2 ** 63, -(2 ** 63)], ['9007199254740993', 1.5, 1e300, -1e300, 2 ** 63 + 2048, -(2 ** 63) - 2048]],
    ['double', [0, -1.5, 1e300, 'NaN', 'INF', '-INF'], ['nan', 'Infinity', '1.5', Number.NaN]],
    ['single', [3.25, 'INF', 3.4028235e38, -3.4028235e38, 1e-45], ['inf', 3.5e38, -3.5e38, 1e300]],
    ['decimal', [10.01, '-INF', 1e300], ['10.01']],
    [
      'when',
      [
        '2021-07-16T10:20:30Z',
        '2021-07-16T10:20:30.1234567Z',
        '2021-07-16T10:20:30.123456789012Z',
        '2021-07-16T10:20:30+02:00',
        '2021-07-16t10:20:30-05:30',
        '2021-07-16T10:20Z',
        '2021-07-16T10:20+14:00',
        '2024-02-29T00:00:00Z',
        '2000-02-29T12:00:00+01:00',
        '2021-04-30T10:00:00Z',
        '2021-12-31T23:59:60Z',
        '2016-12-31T23:59:60.5+01:00',
        '-0001-01-01T00:00:00Z',
        '0000-02-29T00:00Z',
        '12021-07-16T10:20:30Z',
      ],
      [
        '2021-07-16T10:20:30',
        '2021-07-16 10:20:30Z',
        '2021-07-16T10:20:30.1234567890123Z',
        '2021-13-16T10:20:30Z',
        '2021-07-16T24:00:00Z',
        '2023-02-29T00:00:00Z',
        '2024-02-30T00:00:00Z',
        '2024-04-31T10:00:00Z',
        '2100-02-29T00:00:00Z',
        '1900-02-29T00:00Z',
        '2021-06-31T00:00Z',
        '2021-07-16T10:20:60Z',
        '2021-07-16T23:58:60Z',
        '2021-07-16T22:59:60Z',
        '2021-07-16T10Z',
        '2021-07-16T10:20:30.Z',
        '021-07-16T10:20Z',
        '02021-07-16T10:20Z',
        '2021-07-16T10:20:30+24:00',
        '2021-07-16T10:20:30+0200',
      ],
    ],
    [
      'day',
      ['2021-07-16', '2020-02-29', '2024-02-29', '2000-02-29', '2021-04-30', '2021-12-31', '-0004-02-29', '0000-02-29', '12000-02-29'],
      ['2021-7-16', '2021-07-16T00:00:00Z', '2021-07-32', '2023-02-29', '2100-02-29', '1900-02-29', '2021-02-30', '2021-04-31', '2021-06-31', '2021-09-31', '2021-11-31', '-0100-02-29', '12100-02-29', '0021-02-29x'],
    ],
    ['time', ['10:20', '10:20:30', '23:59:59.1234567', '23:59:59.123456789012', '23:59:60', '00:00'], ['24:00:00', '10:20:30Z', '10:20:30.1234567890123', '10:20:60', '23:58:60', '10:2', '10:20:30.']],
    [
      'span',
      ['PT1H30M', 'P1D', '-P1DT2H', 'PT0.5S', '-PT5M', '+P1D', 'P1DT2H3M4.5S', 'PT36H', 'P0D', 'PT0S'],
      ['P', 'PT', '1H', 'P1H', 'PT1.5', 'P1Y', 'P1M', 'P1W', 'P1Y2M3W4DT5H6M7.5S', 'P1DT', 'PT1.S', 'P1.5D', '--P1D', 'PT1M1H', 'p1d'],
    ],
    ['guid', ['00000000-0000-0000-0000-000000000000', 'A0B1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D'], ['00000000-0000-0000-0000-00000000000', '{00000000-0000-0000-0000-000000000000}', '00000000000000000000000000000000']],
    // base64url as OData's ABNF says (padding optional, unused bits zero), or standard base64 as Graph sends it; one alphabet per value.
    ['bytes', ['', 'AAEC', 'AAE=', 'AA==', 'AAE', 'AA', 'a-_z', '+/+/', 'AAEC-_8', 'AAEC+/8='], ['A', 'A===', '$$$$', 'AB==', 'AAF=', 'AA=', 'a-+z', 'AA==AAAA', 'AAE==']],
    ['content', ['data'], [5]],
  ];
  it.each(cases)('%s accepts its good values and rejects the bad ones, citing the table row', (property, good, bad) => {
    for (const value of good) expect(errorOf(property, value), `${property}: ${JSON.stringify(value)}`).toBeUndefined();
    for (const value of bad) {
      const error = errorOf(property, value);
      expect(error, `${property}: ${JSON.stringify(value)}`).toMatchObject({ path: `/${property}`, source: expect.stringMatching(new RegExp(`^${WIDGET}:\\d+$`)) });
      expect(error!.message).toBe(`expected ${error!.expected}, found ${error!.found}`);
    }
  });

  it('says what it expected and what it found', () => {
    expect(errorOf('int32', 2147483648)).toMatchObject({ expected: 'an integer from -2147483648 to 2147483647 (Int32)', found: 'number 2147483648' });
    expect(errorOf('when', 'yesterday')).toMatchObject({ expected: 'an RFC 3339 date and time with an offset (DateTimeOffset)', found: 'the string "yesterday"' });
  });

  it('cites the row of the table that states the rule', () => {
    expect(errorOf('text', 1)?.source).toBe(`${WIDGET}:10`);
    expect(errorOf('id', 1)?.source).toBe('resources/entity.md:10');
  });
});

describe('dates against the calendar', () => {
  // Real and impossible dates: any year ABNF allows (four digits or more, a sign for years before 1 BCE, 0000 the
  // proleptic year 1 BCE), any month, days 1-31. The oracle is JavaScript's own proleptic Gregorian calendar.
  const year = fc.oneof(fc.integer({ min: 1580, max: 2500 }), fc.integer({ min: -9999, max: 99999 }), fc.constantFrom(0, 1600, 1700, 1900, 2000, 2100, 2400, -100, -400, 10000, 10400));
  const date = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }));
  const two = (n: number) => String(n).padStart(2, '0');
  const text = ([y, m, d]: [number, number, number]) => `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${two(m)}-${two(d)}`;
  const real = ([y, m, d]: [number, number, number]) => {
    const day = new Date(0);
    day.setUTCFullYear(y, m - 1, d);
    return day.getUTCDate() === d;
  };

  it('a Date or DateTimeOffset passes exactly when its day is in its month that year', () => {
    fc.assert(
      fc.property(date, fc.constantFrom('T00:00Z', 'T23:59:60.5+05:30', 't10:20:30.123456789012z'), (parts, time) => {
        const expected = real(parts);
        expect(validateWidget({ day: text(parts) }).valid, text(parts)).toBe(expected);
        expect(testWidget({ when: `${text(parts)}${time}` }, true), `${text(parts)}${time}`).toBe(expected);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });

  it('the generator makes both kinds, and the leap-year rule is the Gregorian one', () => {
    const samples = fc.sample(date, { seed: 20261204, numRuns: 3000 });
    expect(samples.filter(real).length).toBeGreaterThan(2000);
    expect(samples.filter((parts) => !real(parts)).length).toBeGreaterThan(20);
    for (const [y, leap] of [[2024, true], [2023, false], [2000, true], [2100, false], [1900, false], [0, true], [-4, true], [-100, false]] as const) {
      expect(validateWidget({ day: text([y, 2, 29]) }).valid, String(y)).toBe(leap);
    }
  });
});

describe('enums', () => {
  it('accepts every documented member, those after unknownFutureValue included', () => {
    for (const member of ['red', 'green', 'unknownFutureValue', 'purple']) expect(validateWidget({ color: member }).valid).toBe(true);
  });

  it('an unknown member is a warning in lenient mode and an error in strict mode', () => {
    const lenient = validateWidget({ color: 'blue' });
    expect(lenient.valid).toBe(true);
    expect(lenient.warnings).toEqual([expect.objectContaining({ path: '/color', expected: 'a Color member', found: 'the string "blue"' })]);
    const strict = validateWidget({ color: 'blue' }, { mode: 'strict' });
    expect(strict.valid).toBe(false);
    expect(strict.errors).toEqual([expect.objectContaining({ path: '/color', expected: 'a Color member' })]);
    expect(strict.warnings).toEqual([]);
  });

  it('a member that is not a string is an error in either mode; case matters', () => {
    expect(errorOf('color', 0)).toMatchObject({ path: '/color', found: 'number 0' });
    expect(validateWidget({ color: 'Red' }, { mode: 'strict' }).valid).toBe(false);
  });

  it('flags enums take one member or several joined by commas', () => {
    for (const value of ['read', 'read,write', 'read, write,delete', 'none']) expect(validateWidget({ access: value }, { mode: 'strict' }).valid, value).toBe(true);
    for (const value of ['read,execute', 'read,', '']) expect(validateWidget({ access: value }, { mode: 'strict' }).valid, value).toBe(false);
    expect(errorOf('access', ['read'])).toMatchObject({ expected: 'AccessRights members separated by commas', found: 'an array' });
  });
});

describe('collections and nested types', () => {
  it('checks every item, with its index in the pointer', () => {
    expect(validateWidget({ tags: ['a', 'b'], parts: [{ name: 'x', count: 1 }] }).valid).toBe(true);
    expect(validateWidget({ tags: ['a', 2] }).errors).toEqual([expect.objectContaining({ path: '/tags/1', expected: 'a string' })]);
    expect(errorOf('tags', 'a')).toMatchObject({ path: '/tags', expected: 'an array' });
    expect(validateWidget({ tags: [null] }).errors).toEqual([expect.objectContaining({ path: '/tags/0' })]);
  });

  it('checks nested objects, citing the nested type’s row', () => {
    const result = validateWidget({ part: { name: 'x', count: 'many' }, parts: [{}, { count: 1.5 }] });
    expect(result.errors.map((error) => [error.path, error.source])).toEqual([
      ['/part/count', 'resources/part.md:11'],
      ['/parts/1/count', 'resources/part.md:11'],
    ]);
    expect(errorOf('part', 'x')).toMatchObject({ path: '/part', expected: 'an object', source: `${WIDGET}:30` });
  });

  it('escapes pointer segments as RFC 6901 says', () => {
    const result = (sdk['validatePart'] as Validate)({ 'a/b~c': 1 }, { mode: 'strict' });
    expect(result.errors[0]?.path).toBe('/a~1b~0c');
  });
});

describe('inheritance and derived types', () => {
  it('checks inherited properties', () => {
    expect((sdk['validateGadget'] as Validate)({ id: 5, size: 1 }).errors).toEqual([expect.objectContaining({ path: '/id', source: 'resources/entity.md:10' })]);
  });

  it('validates against the subtype that @odata.type names, with or without #', () => {
    for (const odataType of ['#microsoft.graph.gadget', 'microsoft.graph.gadget']) {
      expect(validateWidget({ '@odata.type': odataType, size: 3 }).valid).toBe(true);
      expect(validateWidget({ '@odata.type': odataType, size: 'big' }).errors).toEqual([expect.objectContaining({ path: '/size' })]);
    }
    const validateEntity = sdk['validateEntity'] as Validate;
    expect(validateEntity({ '@odata.type': '#microsoft.graph.gadget', size: 'big', text: 1 }).errors.map((e) => e.path)).toEqual(['/text', '/size']);
    expect(validateEntity({ '@odata.type': '#microsoft.graph.sprocket', teeth: 12 }).valid).toBe(true);
  });

  it('an @odata.type that is not the type or one of its subtypes is an error', () => {
    for (const odataType of ['#microsoft.graph.sprocket', '#microsoft.graph.entity', '#microsoft.graph.nothing', 'gadget', 42]) {
      const result = validateWidget({ '@odata.type': odataType });
      expect(result.errors, String(odataType)).toEqual([
        expect.objectContaining({ path: '/@odata.type', expected: 'an @odata.type of "#microsoft.graph.widget" or one of its 1 subtypes', source: `${WIDGET}:1` }),
      ]);
    }
    expect((sdk['validateGadget'] as Validate)({ '@odata.type': '#microsoft.graph.widget' }).valid).toBe(false);
  });

  it('a nested value follows its own @odata.type', () => {
    expect(validateWidget({ owner: { '@odata.type': '#microsoft.graph.gadget', size: 2 } }).valid).toBe(true);
    expect(validateWidget({ owner: { '@odata.type': '#microsoft.graph.sprocket' } }).errors).toEqual([expect.objectContaining({ path: '/owner/@odata.type' })]);
  });
});

describe('nulls', () => {
  it('accepts null where the docs do not say otherwise', () => {
    expect(validateWidget({ text: null, part: null, tags: null, color: null }).valid).toBe(true);
  });

  it('rejects null where the docs say not nullable, and for the key', () => {
    expect(errorOf('required', null)).toMatchObject({ path: '/required', expected: 'a value (the property is not nullable)', source: `${WIDGET}:32` });
    expect(errorOf('id', null)).toMatchObject({ path: '/id', source: 'resources/entity.md:10' });
    expect(validateWidget({ part: { name: null } }).errors).toEqual([expect.objectContaining({ path: '/part/name' })]);
  });
});

describe('unknown properties', () => {
  it('are allowed in lenient mode and errors in strict mode', () => {
    expect(validateWidget({ extra: 1 })).toMatchObject({ valid: true, warnings: [] });
    expect(validateWidget({ extra: 1 }, { mode: 'strict' }).errors).toEqual([
      expect.objectContaining({ path: '/extra', expected: 'no property the docs do not list (strict mode)', source: `${WIDGET}:1` }),
    ]);
  });

  it('are allowed on an open type even in strict mode, whose own properties are still checked', () => {
    const validateBag = sdk['validateBag'] as Validate;
    expect(validateBag({ name: 'x', anything: [1] }, { mode: 'strict' }).valid).toBe(true);
    expect(validateBag({ name: 1, anything: [1] }, { mode: 'strict' }).errors).toEqual([expect.objectContaining({ path: '/name' })]);
  });

  it('control information and instance annotations are always allowed', () => {
    const annotated = { '@odata.context': 'x', '@odata.etag': 'W/"1"', 'tags@odata.nextLink': 'x', '@microsoft.graph.tips': 'x', 'text@odata.type': '#String' };
    expect(validateWidget(annotated, { mode: 'strict' }).valid).toBe(true);
  });

  it('reads a property named like an Object.prototype member only when the object has it', () => {
    expect(validateWidget({}, { mode: 'strict' }).valid).toBe(true);
    expect(errorOf('constructor', 5)).toMatchObject({ path: '/constructor' });
    expect(validateWidget(JSON.parse('{"__proto__": 1}'), { mode: 'strict' }).errors).toEqual([expect.objectContaining({ path: '/__proto__' })]);
  });

  it('a property of a type no page defines takes any JSON', () => {
    expect(validateWidget({ anything: { deep: [1, 'x'] } }, { mode: 'strict' }).valid).toBe(true);
  });
});

describe('the value itself', () => {
  it('must be an object', () => {
    for (const value of [null, 'x', 1, [], true]) {
      expect(validateWidget(value).errors).toEqual([expect.objectContaining({ path: '', expected: 'an object', source: `${WIDGET}:1` })]);
    }
  });

  it('a valid value costs no allocation: every valid result is the same frozen object', () => {
    const first = validateWidget({ text: 'a' });
    expect(validateWidget({ flag: true })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.errors)).toBe(true);
  });
});

describe('the fast test and the collector agree', () => {
  // Values near the rules: right and wrong types, nulls, members, nested values.
  const scalar = fc.oneof(
    fc.constantFrom(null, 'red', 'blue', 'read,write', 'NaN', '2021-07-16T10:20:30Z', '2021-07-16', '10:20', 'PT1H', '00000000-0000-0000-0000-000000000000', 'AA=='),
    fc.constantFrom('2023-02-29T00:00:00Z', '2024-02-29T00:00Z', '2023-02-29', '2024-02-29', '23:59:60', '10:20:60', 'P1Y', 'P1DT2H', 'AAE', 'AB==', 2 ** 63, 1e300, 3.5e38),
    fc.integer({ min: -40000, max: 40000 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.string({ maxLength: 4 }),
  );
  const names = ['text', 'flag', 'byte', 'int16', 'int64', 'double', 'single', 'when', 'day', 'time', 'span', 'guid', 'bytes', 'color', 'access', 'required', 'id', 'extra', '@odata.type'];
  const part = fc.dictionary(fc.constantFrom('name', 'count', 'other'), scalar, { maxKeys: 3 });
  const widget = fc.record(
    {
      ...Object.fromEntries(names.map((name) => [name, name === '@odata.type' ? fc.constantFrom('#microsoft.graph.gadget', '#microsoft.graph.widget', 'x') : scalar])),
      tags: fc.array(scalar, { maxLength: 3 }),
      part: fc.oneof(part, scalar),
      parts: fc.array(part, { maxLength: 2 }),
      size: scalar,
    },
    { requiredKeys: [] },
  );

  it('the test says yes exactly when the collector finds nothing, in both modes', () => {
    fc.assert(
      fc.property(widget, fc.boolean(), (value, strict) => {
        const result = validateWidget(value, { mode: strict ? 'strict' : 'lenient' });
        expect(testWidget(value, strict)).toBe(result.valid && result.warnings.length === 0);
      }),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});
