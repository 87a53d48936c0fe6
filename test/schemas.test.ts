// The JSON Schemas (schemas/*.schema.json) state the validators' rules: every
// schema compiles in ajv's strict mode; the docs-input examples pass and their
// mutated copies fail at the JSON Pointer the generated validator reports; each
// primitive, enum, nullability and @odata.type rule has good and bad values,
// judged the same by the schema and by the validator generated beside it; and
// hostile doc text stays inside JSON strings.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitProject } from '../generator/emit/emitProject.js';
import { assignNames } from '../generator/emit/naming.js';
import type { Model, PrimitiveName, Property, StructuredType, TypeDefinition, TypeRef } from '../generator/model/types.js';
import { buildFromDocs } from '../generator/pipeline.js';
import * as sdk from '../generated/index.js';
import { type DocExample, loadDocsInput, objectsOf as objectsOfExample } from './helpers/examples.js';
import { GENERATED } from './helpers/paths.js';
import { RAW_FORBIDDEN } from './helpers/invisible.js';

// ajv-formats is CommonJS; its default export is the module itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Json = Record<string, unknown>;
type Verdict = { valid: boolean; errors: Array<{ path: string }>; warnings?: Array<{ path: string }> };
type Validate = (value: unknown) => Verdict;

/**
 * An ajv holding every schema of `files` (name → text), strict about the
 * schemas themselves. `ownProperties`: a property named like a member of
 * Object.prototype (`constructor`, `__proto__`) is read only when the object has it.
 */
function ajvWith(files: Map<string, string>): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ownProperties: true });
  addFormats(ajv);
  for (const [name, text] of files) if (name.endsWith('.schema.json')) ajv.addSchema(JSON.parse(text) as Json);
  return ajv;
}

function compiled(ajv: Ajv2020, file: string): ValidateFunction {
  const validate = ajv.getSchema(file);
  if (!validate) throw new Error(`no schema ${file}`);
  return validate;
}

/**
 * The JSON Pointers ajv's errors point at, as the validators report them: without
 * the summaries of `anyOf` and `if` (their causes are reported too) and without
 * the `null` alternative of a nullable property, which says nothing about the value.
 */
function pointers(errors: ErrorObject[] | null | undefined): string[] {
  const causes = (errors ?? []).filter(
    (error) => error.keyword !== 'anyOf' && error.keyword !== 'if' && !(error.keyword === 'type' && error.params['type'] === 'null'),
  );
  return [...new Set(causes.map((error) => error.instancePath))].sort();
}

/**
 * What the validator (lenient mode, the default) finds: its errors and its
 * warnings, for an enum value the docs do not list, which the schema's closed
 * `enum` rejects (JSON Schema has no warnings).
 */
function validatorFinds(verdict: Verdict): { valid: boolean; pointers: string[] } {
  const found = [...verdict.errors, ...(verdict.warnings ?? [])];
  return { valid: found.length === 0, pointers: [...new Set(found.map((error) => error.path))].sort() };
}

const schemaFilesIn = async (dir: string) =>
  new Map(await Promise.all((await readdir(dir)).map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const)));

// ---------------------------------------------------------------------------------------------
// generated/schemas, for docs-input/

const SCHEMAS = path.join(GENERATED, 'schemas');
const committed = await schemaFilesIn(SCHEMAS);
const ajv = ajvWith(committed);
const { model, examples } = await loadDocsInput();
const { names } = assignNames(model);

function schemaFor(type: TypeDefinition): ValidateFunction {
  return compiled(ajv, `${names.types.get(type.fullName)!}.schema.json`);
}

function validatorFor(type: TypeDefinition): Validate {
  const validate = (sdk as unknown as Record<string, Validate>)[`validate${names.types.get(type.fullName)!}`];
  if (!validate) throw new Error(`no validator for ${type.fullName}`);
  return validate;
}

const objectsOf = (example: DocExample) => objectsOfExample(model, example) as Array<{ pointer: string; value: Json; type: StructuredType }>;

const withBodies = examples.filter((example) => objectsOf(example).length > 0);
const allTypes = model.namespaces.flatMap((ns) => ns.types);
const typeNamed = (fullName: string) => allTypes.find((type) => type.fullName === fullName)!;

describe('generated/schemas', () => {
  it('holds one schema per type and an index from @odata.type to file', () => {
    const expected = allTypes.map((type) => `${names.types.get(type.fullName)!}.schema.json`);
    expect([...committed.keys()].sort()).toEqual([...expected, 'index.json'].sort());
    const index = JSON.parse(committed.get('index.json')!) as { types: Record<string, string> };
    expect(index.types).toEqual(Object.fromEntries(allTypes.map((type) => [`#${type.fullName}`, `${names.types.get(type.fullName)!}.schema.json`])));
  });

  it.each([...committed.keys()].filter((file) => file !== 'index.json'))('%s is a draft 2020-12 schema ajv compiles in strict mode', (file) => {
    const schema = JSON.parse(committed.get(file)!) as Json;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: file });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(typeof compiled(ajv, file)).toBe('function');
  });

  it('has examples to check', () => {
    expect(withBodies.length).toBeGreaterThanOrEqual(6);
  });

  it.each(withBodies.map((example) => [example.label, example] as const))('%s is valid', (_label, example) => {
    for (const { value, type } of objectsOf(example)) {
      const validate = schemaFor(type);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  // One wrong value per kind of property.
  const breakages: Record<string, unknown> = {
    String: 42,
    DateTimeOffset: '2024-13-01 10:00',
    enum: 'notAMember',
    collection: { not: 'an array' },
    item: ['not an object'],
  };

  it.each(withBodies.map((example) => [example.label, example] as const))('%s, mutated, fails at the pointer the validator reports', (_label, example) => {
    let mutations = 0;
    for (const { value, type } of objectsOf(example)) {
      const properties = [...type.properties, ...(type.baseType ? (typeNamed(type.baseType) as StructuredType).properties : [])];
      for (const property of properties) {
        if (!(property.name in value)) continue;
        const target = property.type.kind === 'named' ? typeNamed(property.type.fullName) : undefined;
        const current = value[property.name];
        const kind = property.collection
          ? Array.isArray(current) && current.length ? 'item' : 'collection'
          : target?.kind === 'enum'
            ? 'enum'
            : property.type.kind === 'primitive'
              ? property.type.name
              : undefined;
        const wrongs = kind && kind in breakages ? [breakages[kind]] : [];
        // The key is never nullable.
        if (property.name === 'id') wrongs.push(null);
        for (const wrong of wrongs) {
          const mutated = { ...value, [property.name]: wrong };
          const validate = schemaFor(type);
          expect(validate(mutated), `${property.name} = ${JSON.stringify(wrong)}`).toBe(false);
          const expected = [`/${property.name}${Array.isArray(wrong) ? '/0' : ''}`];
          expect(validatorFinds(validatorFor(type)(mutated)).pointers, `validator, ${property.name} = ${JSON.stringify(wrong)}`).toEqual(expected);
          expect(pointers(validate.errors), `schema, ${property.name} = ${JSON.stringify(wrong)}`).toEqual(expected);
          mutations++;
        }
      }
    }
    expect(mutations).toBeGreaterThan(0);
  });

  it('follows @odata.type from entity to remoteActionAudit, and rejects a type that is neither', () => {
    const entity = schemaFor(typeNamed('microsoft.graph.entity'));
    const audit = { '@odata.type': '#microsoft.graph.remoteActionAudit', id: 'a', action: 'rebootNow' };
    expect(entity(audit)).toBe(true);
    expect(entity({ ...audit, action: 'RebootNow' })).toBe(false);
    expect(pointers(entity.errors)).toEqual(['/action']);
    // Without @odata.type, an entity has no action property: anything goes there (open world).
    expect(entity({ id: 'a', action: 'RebootNow' })).toBe(true);
    expect(entity({ '@odata.type': '#microsoft.graph.user', id: 'a' })).toBe(false);
    expect(pointers(entity.errors)).toEqual(['/@odata.type']);
    // A base type is not a subtype.
    const remoteActionAudit = schemaFor(typeNamed('microsoft.graph.remoteActionAudit'));
    expect(remoteActionAudit({ '@odata.type': '#microsoft.graph.entity' })).toBe(false);
    expect(pointers(remoteActionAudit.errors)).toEqual(['/@odata.type']);
  });

  it('rejects null for the key and accepts it for nullable properties; rejects what is not an object; allows unknown properties', () => {
    const remoteActionAudit = schemaFor(typeNamed('microsoft.graph.remoteActionAudit'));
    expect(remoteActionAudit({ id: null })).toBe(false);
    expect(pointers(remoteActionAudit.errors)).toEqual(['/id']);
    expect(remoteActionAudit({ deviceDisplayName: null, deviceActionDetails: null })).toBe(true);
    expect(remoteActionAudit({ deviceActionDetails: [null] })).toBe(false);
    expect(pointers(remoteActionAudit.errors)).toEqual(['/deviceActionDetails/0']);
    expect(remoteActionAudit([])).toBe(false);
    expect(remoteActionAudit('x')).toBe(false);
    expect(remoteActionAudit({ '@odata.etag': 'W/"1"', futureProperty: 1 })).toBe(true);
  });

  it('says what the models say: descriptions, read-only, deprecated', () => {
    const schema = JSON.parse(committed.get('RemoteActionAudit.schema.json')!) as Json;
    const audit = typeNamed('microsoft.graph.remoteActionAudit') as StructuredType;
    expect(schema['title']).toBe('microsoft.graph.remoteActionAudit');
    expect(schema['description']).toBe(audit.description);
    const properties = (schema['$defs'] as { properties: { properties: Record<string, Json> } }).properties.properties;
    expect(Object.keys(properties)).toEqual(audit.properties.map((property) => property.name));
    expect(properties['userName']).toMatchObject({ deprecated: true, description: expect.not.stringMatching(/^\[deprecated\]/i) });
    const entity = JSON.parse(committed.get('Entity.schema.json')!) as { $defs: { properties: { properties: Record<string, Json> } } };
    expect(entity.$defs.properties.properties['id']).toMatchObject({ readOnly: true, type: 'string' });
  });
});

// ---------------------------------------------------------------------------------------------
// A model made for the rules: every primitive, enums, flags, a hierarchy with recursive references.

const at = (line: number) => ({ file: 'resources/rules.md', line, column: 1 });
let line = 1;
function property(name: string, type: TypeRef, options: Partial<Property> = {}): Property {
  return { name, type, collection: false, description: `The ${name}.`, readOnly: false, nullable: null, queryOptions: [], navigation: false, source: at(line++), ...options };
}
const primitive = (name: PrimitiveName): TypeRef => ({ kind: 'primitive', name });
const named = (fullName: string): TypeRef => ({ kind: 'named', fullName });
function structured(name: string, properties: Property[], extra: Partial<StructuredType> = {}): StructuredType {
  const fullName = `microsoft.graph.${name}`;
  return { kind: 'entity', name, fullName, namespace: 'microsoft.graph', description: `A ${name}.`, sources: [at(line++)], abstract: false, openType: false, properties, ...extra };
}

const PRIMITIVE_NAMES: PrimitiveName[] = [
  'String', 'Boolean', 'Byte', 'SByte', 'Int16', 'Int32', 'Int64', 'Single', 'Double', 'Decimal',
  'DateTimeOffset', 'Date', 'TimeOfDay', 'Duration', 'Guid', 'Binary', 'Stream', 'Untyped',
];

const RULES_MODEL: Model = {
  namespaces: [
    {
      name: 'microsoft.graph',
      types: [
        { kind: 'enum', name: 'access', fullName: 'microsoft.graph.access', namespace: 'microsoft.graph', description: 'Flags.', sources: [at(900)], flags: true,
          members: ['read', 'write', 'x+y'].map((name, index) => ({ name, value: 2 ** index, description: '', source: at(901 + index) })) },
        { kind: 'enum', name: 'color', fullName: 'microsoft.graph.color', namespace: 'microsoft.graph', description: 'Colours.', sources: [at(910)], flags: false,
          members: ['red', 'green'].map((name) => ({ name, description: '', source: at(911) })) },
        structured('gadget', [property('gadgetOnly', primitive('Int32'))], { baseType: 'microsoft.graph.widget' }),
        structured('item', [
          property('id', primitive('String')),
          property('parent', named('microsoft.graph.item')),
          property('children', named('microsoft.graph.item'), { collection: true }),
        ], { abstract: true, keyProperty: 'id' }),
        structured('other', [], { kind: 'complex' }),
        structured('sprocket', [property('teeth', primitive('Int32'))], { baseType: 'microsoft.graph.item' }),
        structured('widget', [
          ...PRIMITIVE_NAMES.map((name) => property(`p${name}`, primitive(name))),
          property('required', primitive('String'), { nullable: false }),
          property('anything', primitive('Untyped'), { nullable: false }),
          property('bag', primitive('Untyped'), { collection: true }),
          property('tags', primitive('String'), { collection: true }),
          property('mystery', { kind: 'unresolved', text: 'mysteryType' }),
          property('color', named('microsoft.graph.color')),
          property('access', named('microsoft.graph.access')),
        ], { baseType: 'microsoft.graph.item' }),
      ],
    },
  ],
  operations: [],
};

let work: string;
let rules: Ajv2020;
let validators: Record<string, Validate>;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'docgen-schemas-'));
  const { files } = emitProject(RULES_MODEL, { outputs: ['models', 'validators', 'schemas'], naming: { typePrefix: '', typeSuffix: '' } });
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(work, file)), { recursive: true });
    await writeFile(path.join(work, file), text);
  }
  rules = ajvWith(new Map([...files].filter(([file]) => file.startsWith('schemas/')).map(([file, text]) => [file.slice('schemas/'.length), text])));
  validators = (await import(pathToFileURL(path.join(work, 'index.ts')).href)) as Record<string, Validate>;
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** The schema's verdict, checked against the validator generated beside it (its warnings counted as errors). */
function judge(type: string, value: unknown): { valid: boolean; pointers: string[] } {
  const validate = compiled(rules, `${type}.schema.json`);
  const valid = validate(value);
  const schemaPointers = pointers(validate.errors);
  const verdict = validatorFinds(validators[`validate${type}`]!(value));
  expect(verdict, `the validator's verdict on ${JSON.stringify(value)}`).toEqual({ valid, pointers: schemaPointers });
  return { valid, pointers: schemaPointers };
}

const GUID = '0f8fad5b-d9cb-469f-a165-70867728950e';
// Good values, then bad ones, per primitive.
const PRIMITIVE_CASES: Record<PrimitiveName, [good: unknown[], bad: unknown[]]> = {
  String: [['', 'x'], [42, true, {}]],
  Boolean: [[true, false], ['true', 0]],
  Byte: [[0, 255], [256, -1, 1.5, '1']],
  SByte: [[-128, 127], [128, -129]],
  Int16: [[-32768, 32767], [32768, -32769]],
  Int32: [[-2147483648, 2147483647], [2147483648, 1.5, '7']],
  Int64: [[9007199254740991, -5, 2 ** 63, -(2 ** 63)], [1.5, '5', 1e300, 2 ** 63 + 2048, -(2 ** 63) - 2048]],
  Single: [[1.5, 'NaN', 'INF', '-INF', 3.4028235e38, -3.4028235e38], ['nan', 'Infinity', '1.5', true, 3.5e38, -1e300]],
  Double: [[0, -3.25, 'NaN', 1e300], ['inf', '1e3']],
  Decimal: [[12.5, '-INF'], ['12.5']],
  DateTimeOffset: [
    [
      '2024-03-14T09:26:53.1234567Z',
      '2024-03-14T09:26:53.123456789012Z',
      '2024-03-14T09:26:53-07:00',
      '2024-03-14t09:26:53z',
      '2024-03-14T09:26:53+05:30',
      '2021-07-16T10:20Z',
      '2024-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2016-12-31T23:59:60+01:00',
      '-0001-12-31T00:00Z',
      '12024-02-29T00:00Z',
    ],
    [
      '2024-03-14T09:26:53',
      '2024-03-14T09:26:53.1234567890123Z',
      '2024-03-14',
      '2024-03-14 09:26:53Z',
      '2024-13-01T00:00:00Z',
      '2024-03-14T24:00:00Z',
      '2023-02-29T00:00:00Z',
      '2024-02-30T00:00:00Z',
      '2024-04-31T10:00:00Z',
      '2100-02-29T00:00:00Z',
      '2024-03-14T09:26:60Z',
      '2024-03-14T23:58:60Z',
      '024-03-14T09:26Z',
      1,
    ],
  ],
  Date: [
    ['2024-03-14', '2024-12-31', '2024-02-29', '2000-02-29', '0000-02-29', '-0004-02-29', '2021-04-30'],
    ['2024-3-14', '2024-03-14T00:00:00Z', '20240314', '2024-00-10', '2023-02-29', '1900-02-29', '2100-02-29', '2021-04-31', '2021-11-31', '-0100-02-29'],
  ],
  TimeOfDay: [
    ['09:26', '09:26:53', '23:59:59.1234567', '23:59:59.123456789012', '23:59:60'],
    ['24:00:00', '09:26:53Z', '9:26', '09:26:53.1234567890123', '09:26:53+01:00', '09:26:60'],
  ],
  Duration: [
    ['PT1H30M', 'P1D', '-P1D', 'PT0.5S', '-P1DT2H', '+PT1M', 'P1DT2H3M4.5S'],
    ['P', 'PT', '1H', 'P1.5D', 'PT1H30', 7, 'P1Y', 'P1M', 'P1W', 'P1Y2M3DT4H5M6S', 'P1DT'],
  ],
  Guid: [[GUID, GUID.toUpperCase()], [`urn:uuid:${GUID}`, GUID.replace(/-/g, ''), `{${GUID}}`]],
  Binary: [['', 'AAEC', 'AA==', 'AAE=', 'AAE', 'AA', 'a-_z', '+/+/'], ['A', '####', 'AA=A', 5, 'AB==', 'AAF=', 'a-+z', 'AA=']],
  Stream: [['x'], [1]],
  Untyped: [[1, 'x', {}, [], null, true], []],
};

describe('the rules, schema and validator side by side', () => {
  it('compiles every schema of a model made for the rules', () => {
    for (const type of ['Access', 'Color', 'Gadget', 'Item', 'Other', 'Sprocket', 'Widget']) expect(typeof compiled(rules, `${type}.schema.json`)).toBe('function');
  });

  it.each(PRIMITIVE_NAMES)('%s: good values pass, bad ones fail at the property', (name) => {
    const [good, bad] = PRIMITIVE_CASES[name];
    for (const value of good) expect(judge('Widget', { [`p${name}`]: value }).valid, JSON.stringify(value)).toBe(true);
    for (const value of bad) expect(judge('Widget', { [`p${name}`]: value }), JSON.stringify(value)).toEqual({ valid: false, pointers: [`/p${name}`] });
  });

  it('dates: the pattern checks the calendar as the validator does, on real and impossible dates alike', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const date = fc
      .tuple(fc.oneof(fc.integer({ min: 1580, max: 2500 }), fc.integer({ min: -9999, max: 99999 }), fc.constantFrom(0, 1900, 2000, 2100, 2400)), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${two(m)}-${two(d)}`);
    let impossible = 0;
    fc.assert(
      fc.property(date, (text) => {
        if (!judge('Widget', { pDate: text, pDateTimeOffset: `${text}T23:59:60Z` }).valid) impossible++;
      }),
      { seed: 20261204, numRuns: 1000 },
    );
    expect(impossible).toBeGreaterThan(5);
  });

  it('dates and times have no format keyword, whose ajv-formats reading would disagree, but a note', async () => {
    const widget = JSON.parse(await readFile(path.join(work, 'schemas', 'Widget.schema.json'), 'utf8')) as { $defs: { properties: { properties: Record<string, Json> } } };
    for (const name of ['pDate', 'pDateTimeOffset']) {
      const schema = widget.$defs.properties.properties[name] as Record<string, Json>;
      const rule = (schema['anyOf'] as Record<string, Json>[] | undefined)?.find((branch) => branch['pattern']) ?? schema;
      expect(rule['format'], name).toBeUndefined();
      expect(String(rule['$comment']), name).toMatch(/calendar/);
    }
  });

  it('enums: a documented member only; flags: one or more members joined by commas', () => {
    expect(judge('Widget', { color: 'red' }).valid).toBe(true);
    for (const bad of ['Red', 'blue', '', 1]) expect(judge('Widget', { color: bad }), JSON.stringify(bad)).toEqual({ valid: false, pointers: ['/color'] });
    for (const good of ['read', 'read,write', 'write,read', 'read, write', 'x+y']) expect(judge('Widget', { access: good }).valid, good).toBe(true);
    for (const bad of ['', 'read,', ',read', 'xxy', 'x+', 'read,execute', 'read;write', 3]) {
      expect(judge('Widget', { access: bad }), JSON.stringify(bad)).toEqual({ valid: false, pointers: ['/access'] });
    }
  });

  it('null: allowed unless the docs say "not nullable", never for the key, never for an item', () => {
    expect(judge('Widget', { pString: null, pInt32: null, color: null, tags: null, parent: null, children: null, mystery: null }).valid).toBe(true);
    expect(judge('Widget', { id: null })).toEqual({ valid: false, pointers: ['/id'] });
    expect(judge('Widget', { required: null })).toEqual({ valid: false, pointers: ['/required'] });
    expect(judge('Widget', { tags: ['a', null] })).toEqual({ valid: false, pointers: ['/tags/1'] });
  });

  it('types no page defines: anything, with a note naming the type', async () => {
    const widget = JSON.parse(await readFile(path.join(work, 'schemas', 'Widget.schema.json'), 'utf8')) as { $defs: { properties: { properties: Record<string, Json> } } };
    expect(widget.$defs.properties.properties['mystery']).toEqual({
      description: 'The mystery.',
      $comment: 'The docs name the type `mysteryType`, which no page defines.',
    });
    expect(judge('Widget', { mystery: { any: ['thing'] } }).valid).toBe(true);
  });

  it('free-form JSON: anything, but not null where the docs say "not nullable"', () => {
    for (const value of [1, 'x', {}, [null], false]) expect(judge('Widget', { anything: value, mystery: value }).valid, JSON.stringify(value)).toBe(true);
    expect(judge('Widget', { anything: null })).toEqual({ valid: false, pointers: ['/anything'] });
    // A collection of free-form JSON: an array of anything, null items included.
    expect(judge('Widget', { bag: [1, null, 'x', {}] }).valid).toBe(true);
    expect(judge('Widget', { bag: 'x' })).toEqual({ valid: false, pointers: ['/bag'] });
  });

  it('collections: an array, each item checked at its own pointer', () => {
    expect(judge('Widget', { tags: [] }).valid).toBe(true);
    expect(judge('Widget', { tags: 'a' })).toEqual({ valid: false, pointers: ['/tags'] });
    expect(judge('Widget', { tags: ['a', 2, 'c', false] })).toEqual({ valid: false, pointers: ['/tags/1', '/tags/3'] });
  });

  it('@odata.type: a subtype is checked as that subtype, at any depth of inheritance', () => {
    // item → widget → gadget: gadget's own rule and widget's inherited one.
    expect(judge('Item', { '@odata.type': '#microsoft.graph.gadget', gadgetOnly: 5, pInt32: 5 }).valid).toBe(true);
    expect(judge('Item', { '@odata.type': '#microsoft.graph.gadget', gadgetOnly: 'x' })).toEqual({ valid: false, pointers: ['/gadgetOnly'] });
    expect(judge('Item', { '@odata.type': '#microsoft.graph.gadget', pInt32: 'x' })).toEqual({ valid: false, pointers: ['/pInt32'] });
    expect(judge('Widget', { '@odata.type': '#microsoft.graph.gadget', gadgetOnly: 'x' })).toEqual({ valid: false, pointers: ['/gadgetOnly'] });
    // The form without `#` that request bodies use.
    expect(judge('Item', { '@odata.type': 'microsoft.graph.sprocket', teeth: 'many' })).toEqual({ valid: false, pointers: ['/teeth'] });
    // Without @odata.type (or with the type's own), the type's own rules: gadgetOnly is unknown to an item, so allowed.
    expect(judge('Item', { gadgetOnly: 'x' }).valid).toBe(true);
    expect(judge('Item', { '@odata.type': '#microsoft.graph.item', id: 'a' }).valid).toBe(true);
  });

  it('@odata.type: a type that is neither the type nor one of its subtypes is an error at /@odata.type', () => {
    for (const foreign of ['#microsoft.graph.other', '#microsoft.graph.unknown', '#microsoft.graph.GADGET', 'gadget', null, 5]) {
      expect(judge('Item', { '@odata.type': foreign, id: 'a' }), JSON.stringify(foreign)).toEqual({ valid: false, pointers: ['/@odata.type'] });
    }
    // A base type, or a sibling, is not a subtype.
    expect(judge('Widget', { '@odata.type': '#microsoft.graph.item' })).toEqual({ valid: false, pointers: ['/@odata.type'] });
    expect(judge('Widget', { '@odata.type': '#microsoft.graph.sprocket' })).toEqual({ valid: false, pointers: ['/@odata.type'] });
    expect(judge('Gadget', { '@odata.type': '#microsoft.graph.widget' })).toEqual({ valid: false, pointers: ['/@odata.type'] });
  });

  it('recursive references (item → item, base → subtype → base) terminate and point deep', () => {
    const value = {
      children: [
        { '@odata.type': '#microsoft.graph.widget', parent: { '@odata.type': '#microsoft.graph.gadget', gadgetOnly: 'bad', children: [{ id: 3 }] } },
      ],
    };
    expect(judge('Item', value)).toEqual({ valid: false, pointers: ['/children/0/parent/children/0/id', '/children/0/parent/gadgetOnly'] });
    expect(judge('Gadget', { parent: { parent: { parent: { '@odata.type': '#microsoft.graph.sprocket', teeth: 1 } } } }).valid).toBe(true);
  });

  it('rejects what is not an object, and accepts unknown properties and annotations (open world)', () => {
    for (const value of [null, [], 'x', 1]) expect(judge('Item', value), JSON.stringify(value)).toEqual({ valid: false, pointers: [''] });
    expect(judge('Widget', { futureProperty: 1, '@odata.etag': 'W/"1"', 'pString@odata.nextLink': 'x' }).valid).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile docs

const HOSTILE = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));

const { model: hostile } = await buildFromDocs([HOSTILE]);
const hostileSchemas = emitProject(hostile, { outputs: ['schemas'], naming: { typePrefix: '', typeSuffix: '' } }).files;
const schemas = new Map([...hostileSchemas].filter(([file]) => file.startsWith('schemas/')).map(([file, text]) => [file.slice('schemas/'.length), text]));
const { names: hostileNames } = assignNames(hostile);
const types = hostile.namespaces.flatMap((ns) => ns.types);

describe('schemas for hostile docs', () => {
  it('are valid JSON that ajv compiles in strict mode, one per type', () => {
    expect(schemas.size).toBe(types.length + 1);
    const compiler = ajvWith(schemas);
    for (const file of schemas.keys()) if (file !== 'index.json') expect(typeof compiled(compiler, file), file).toBe('function');
  });

  it('keep doc text as it is, only inside strings, with invisible and bidi characters escaped', () => {
    for (const type of types) {
      const text = schemas.get(`${hostileNames.types.get(type.fullName)!}.schema.json`)!;
      expect(text).not.toMatch(RAW_FORBIDDEN);
      const schema = JSON.parse(text) as Json & { $defs?: { properties: { properties: Record<string, Json> } } };
      expect(schema['title']).toBe(type.fullName);
      expect(schema['description']).toBe(type.description || undefined);
      if (type.kind === 'enum') {
        expect(schema['enum'] ?? schema['pattern']).toBeDefined();
        continue;
      }
      const properties = schema.$defs!.properties.properties;
      expect(Object.keys(properties)).toEqual(type.properties.map((p) => p.name));
      for (const p of type.properties) if (!p.deprecated) expect(properties[p.name]!['description']).toBe(p.description || undefined);
    }
  });

  it('check properties named like Object.prototype members only where the object has them', () => {
    const compiler = ajvWith(schemas);
    const klass = compiled(compiler, `${hostileNames.types.get('microsoft.graph.class')!}.schema.json`);
    expect(klass({})).toBe(true);
    expect(klass(JSON.parse('{"__proto__": "a", "constructor": true, "toString": "s"}'))).toBe(true);
    // The schema states the rule for `__proto__` as an own key; ajv skips that name (its guard against prototype pollution).
    const own = JSON.parse(schemas.get(`${hostileNames.types.get('microsoft.graph.class')!}.schema.json`)!) as { $defs: { properties: { properties: Json } } };
    expect(Object.hasOwn(own.$defs.properties.properties, '__proto__')).toBe(true);
    expect(own.$defs.properties.properties['__proto__']).toMatchObject({ type: ['string', 'null'] });
    expect(klass(JSON.parse('{"__proto__": 1}'))).toBe(true);
    expect(klass({ constructor: 'no' })).toBe(false);
    expect(pointers(klass.errors)).toEqual(['/constructor']);
    const date = compiled(compiler, `${hostileNames.types.get('microsoft.graph.Date')!}.schema.json`);
    expect(date('__proto__')).toBe(true);
    expect(date('hasOwnProperty')).toBe(false);
  });
});
