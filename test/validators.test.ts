// The generated validators against the docs' own JSON examples: every example
// passes, and a copy with one property broken fails with that property's
// JSON Pointer.
import { describe, expect, it } from 'vitest';
import type { StructuredType } from '../generator/model/types.js';
import * as fc from 'fast-check';
import * as sdk from '../generated/index.js';
import * as rt from '../generated/runtime/validation.js';
import { collectRemoteActionAudit } from '../generated/validators/RemoteActionAudit.js';
import { type DocExample, loadDocsInput, objectsOf as objectsOfExample } from './helpers/examples.js';

const { model, examples } = await loadDocsInput();
type Validate = (value: unknown, options?: sdk.ValidationOptions) => sdk.ValidationResult;

function validatorFor(type: StructuredType): Validate {
  const name = type.name.charAt(0).toUpperCase() + type.name.slice(1);
  const validate = (sdk as unknown as Record<string, Validate>)[`validate${name}`];
  if (!validate) throw new Error(`no validator for ${type.fullName}`);
  return validate;
}

const objectsOf = (example: DocExample) => objectsOfExample(model, example);

const withBodies = examples.filter((example) => objectsOf(example).length > 0);

describe('validators over the docs-input examples', () => {
  it('has examples to check (request and response bodies of every operation with one)', () => {
    expect(withBodies.map((example) => example.label).length).toBeGreaterThanOrEqual(6);
    expect(new Set(withBodies.map((example) => example.example.role))).toEqual(new Set(['request', 'response']));
  });

  it.each(withBodies.map((example) => [example.label, example] as const))('%s is valid, even in strict mode', (_label, example) => {
    for (const { value, type } of objectsOf(example)) {
      const result = validatorFor(type)(value, { mode: 'strict' });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  // A wrong value for each kind of property, and what the error must say.
  const breakages: Record<string, { wrong: unknown; message: RegExp }> = {
    String: { wrong: 42, message: /expected a string, found number 42/ },
    DateTimeOffset: { wrong: '2024-13-01 10:00', message: /RFC 3339/ },
    enum: { wrong: 'notAMember', message: /member, found the string "notAMember"/ },
    collection: { wrong: { not: 'an array' }, message: /expected an array, found an object/ },
    item: { wrong: ['not an object'], message: /expected an object, found the string/ },
  };

  it.each(withBodies.map((example) => [example.label, example] as const))('%s, mutated, fails at the right pointer', (_label, example) => {
    let mutations = 0;
    for (const { value, type } of objectsOf(example)) {
      for (const property of type.properties) {
        if (!(property.name in value)) continue;
        const target = model.namespaces.flatMap((ns) => ns.types).find((t) => property.type.kind === 'named' && t.fullName === property.type.fullName);
        const kind = property.collection
          ? (Array.isArray(value[property.name]) && (value[property.name] as unknown[]).length ? 'item' : 'collection')
          : target?.kind === 'enum'
            ? 'enum'
            : property.type.kind === 'primitive'
              ? property.type.name
              : undefined;
        const breakage = kind ? breakages[kind] : undefined;
        if (!breakage) continue;
        // Strict, so that an unknown enum member is an error and not a warning.
        const result = validatorFor(type)({ ...value, [property.name]: breakage.wrong }, { mode: 'strict' });
        const pointer = `/${property.name}${kind === 'item' ? '/0' : ''}`;
        expect(result.valid, `${property.name} broken`).toBe(false);
        expect(result.errors).toEqual([expect.objectContaining({ path: pointer, message: expect.stringMatching(breakage.message) })]);
        mutations++;
      }
    }
    expect(mutations).toBeGreaterThan(0);
  });
});

describe('validator rules', () => {
  it('checks inherited properties (id from entity) and nested pointers', () => {
    const result = sdk.validateRemoteActionAudit({ id: 7, deviceActionDetails: [{}, 'x'] });
    expect(result.errors).toEqual([
      { path: '/id', message: 'expected a string, found number 7', expected: 'a string', found: 'number 7', source: 'resources/entity.md:20' },
      {
        path: '/deviceActionDetails/1',
        message: 'expected an object, found the string "x"',
        expected: 'an object',
        found: 'the string "x"',
        source: 'resources/intune-devices-remoteactionaudit.md:45',
      },
    ]);
  });

  it('rejects null for the key and accepts it for nullable properties', () => {
    expect(sdk.validateRemoteActionAudit({ id: null }).errors).toEqual([
      expect.objectContaining({ path: '/id', message: 'expected a value (the property is not nullable), found null' }),
    ]);
    expect(sdk.validateRemoteActionAudit({ deviceDisplayName: null }).valid).toBe(true);
  });

  it('rejects what is not an object, and accepts unknown and @odata properties (open world)', () => {
    expect(sdk.validateRemoteActionAudit([]).errors).toEqual([
      expect.objectContaining({ path: '', message: 'expected an object, found an array', source: 'resources/intune-devices-remoteactionaudit.md:11' }),
    ]);
    expect(sdk.validateRemoteActionAudit({ '@odata.etag': 'W/"1"', futureProperty: 1 }).valid).toBe(true);
  });

  it('checks DateTimeOffset: offset or Z, seconds optional, up to 12 fractional digits, a day the month has', () => {
    const at = (requestDateTime: string) => sdk.validateRemoteActionAudit({ requestDateTime }).valid;
    expect(at('2024-03-14T09:26:53.1234567Z')).toBe(true);
    expect(at('2024-03-14T09:26:53.123456789012Z')).toBe(true);
    expect(at('2024-03-14T09:26:53-07:00')).toBe(true);
    expect(at('2021-07-16T10:20Z')).toBe(true);
    expect(at('2024-02-29T00:00:00Z')).toBe(true);
    expect(at('2000-02-29T00:00:00Z')).toBe(true);
    expect(at('2016-12-31T23:59:60Z')).toBe(true);
    expect(at('2024-03-14T09:26:53')).toBe(false);
    expect(at('2024-03-14T09:26:53.1234567890123Z')).toBe(false);
    expect(at('2024-03-14')).toBe(false);
    // issue 17: days that do not exist, and a leap second at another minute
    for (const impossible of ['2023-02-29T00:00:00Z', '2024-02-30T00:00:00Z', '2024-04-31T10:00:00Z', '2100-02-29T00:00:00Z', '2024-03-14T09:26:60Z']) {
      expect(at(impossible), impossible).toBe(false);
    }
  });

  it('has type guards and enum validators', () => {
    expect(sdk.isRemoteActionAudit({ action: 'rebootNow' })).toBe(true);
    expect(sdk.isRemoteActionAudit({ action: 'RebootNow' })).toBe(false);
    expect(sdk.isActionState('done')).toBe(true);
    expect(sdk.validateDeviceActionCategory('many')).toMatchObject({
      valid: true,
      warnings: [{ path: '', message: 'expected a DeviceActionCategory member, found the string "many"' }],
    });
    expect(sdk.validateDeviceActionCategory('many', { mode: 'strict' }).errors).toEqual([
      expect.objectContaining({ path: '', message: 'expected a DeviceActionCategory member, found the string "many"' }),
    ]);
  });
});

describe('one pass over an invalid object', () => {
  // validate() hands over from the fast test to the collector at the property rule where the test failed,
  // and the collector hands the rest back to the test after each failing property; the answer must be the
  // one a collector started at the first rule gives, and the one worked out by hand below.
  const fullCollect = (value: unknown, strict: boolean): sdk.ValidationResult => {
    const report = new rt.Report(strict);
    collectRemoteActionAudit(value, '', report, 'resources/intune-devices-remoteactionaudit.md:11');
    return report.result();
  };
  const pick = (...values: unknown[]) => fc.constantFrom(...values);
  const remoteActionAudit = fc.record(
    {
      '@odata.type': pick('#microsoft.graph.remoteActionAudit', '#microsoft.graph.user'),
      id: pick('a', 7, null),
      deviceDisplayName: pick('laptop', null, false),
      action: pick('rebootNow', 'RebootNow', 3),
      requestDateTime: pick('2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', null),
      deviceIMEI: pick('356938035643809', 356938035643809),
      actionState: pick('done', 'someday'),
      deviceActionDetails: pick([{ name: 'a', value: 'b' }], [{ name: 1 }], 'x', [null]),
      bulkDeviceActionId: pick('b', {}),
      undocumented: pick(1),
    },
    { requiredKeys: [] },
  );

  // What each pick above breaks, worked out by hand from the seed's docs: the oracle the resumed test must agree with.
  const ruleOrder = ['id', 'deviceDisplayName', 'action', 'requestDateTime', 'deviceIMEI', 'actionState', 'deviceActionDetails', 'bulkDeviceActionId'];
  const expectedProblems = (value: Record<string, unknown>, strict: boolean) => {
    const errors: string[] = [];
    const warnings: string[] = [];
    if (value['@odata.type'] === '#microsoft.graph.user') return { errors: ['/@odata.type'], warnings };
    const bad: Record<string, (v: unknown) => string | undefined> = {
      id: (v) => (v === 7 || v === null ? 'error' : undefined),
      deviceDisplayName: (v) => (v === false ? 'error' : undefined),
      action: (v) => (v === 3 ? 'error' : v === 'RebootNow' ? 'member' : undefined),
      requestDateTime: (v) => (v === '2023-02-29T00:00:00Z' ? 'error' : undefined),
      deviceIMEI: (v) => (typeof v === 'number' ? 'error' : undefined),
      actionState: (v) => (v === 'someday' ? 'member' : undefined),
      bulkDeviceActionId: (v) => (typeof v === 'object' ? 'error' : undefined),
    };
    for (const name of ruleOrder) {
      if (!(name in value)) continue;
      const found = value[name];
      if (name === 'deviceActionDetails') {
        // The nested keyValuePair documents no property: a non-array or a null item is wrong, and in strict mode every key.
        if (found === 'x') errors.push('/deviceActionDetails');
        else if ((found as unknown[])[0] === null) errors.push('/deviceActionDetails/0');
        else if (strict) errors.push(...Object.keys((found as object[])[0]!).map((key) => `/deviceActionDetails/0/${key}`));
        continue;
      }
      const verdict = bad[name]!(found);
      if (verdict === 'error' || (verdict === 'member' && strict)) errors.push(`/${name}`);
      else if (verdict === 'member') warnings.push(`/${name}`);
    }
    if (strict && 'undocumented' in value) errors.push('/undocumented');
    return { errors, warnings };
  };

  it('reports every problem, in rule order, and only those, in both modes', () => {
    fc.assert(
      fc.property(remoteActionAudit, fc.boolean(), (value, strict) => {
        const result = sdk.validateRemoteActionAudit(value, { mode: strict ? 'strict' : 'lenient' });
        const paths = (issues: sdk.ValidationIssue[]) => issues.map((issue) => issue.path);
        expect({ errors: paths(result.errors), warnings: paths(result.warnings) }).toEqual(expectedProblems(value, strict));
        expect(result.valid).toBe(result.errors.length === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('reports what a collector started at the first rule reports, in both modes', () => {
    fc.assert(
      fc.property(remoteActionAudit, fc.boolean(), (value, strict) => {
        expect(sdk.validateRemoteActionAudit(value, { mode: strict ? 'strict' : 'lenient' })).toEqual(fullCollect(value, strict));
      }),
      { numRuns: 500 },
    );
  });

  it('starts the collector past the properties the test passed', () => {
    // A getter counts the reads of a property the test passed: the test reads it once, a collector starting over would again.
    let reads = 0;
    const value = { deviceDisplayName: 'laptop', deviceIMEI: 356938035643809 };
    Object.defineProperty(value, 'deviceDisplayName', { enumerable: true, get: () => (reads++, 'laptop') });
    expect(sdk.validateRemoteActionAudit(value).errors.map((issue) => issue.path)).toEqual(['/deviceIMEI']);
    expect(reads).toBe(1);
  });

  it('resumes the test after each failing property: every later problem found, each passing property read once', () => {
    const reads: Record<string, number> = {};
    const value: Record<string, unknown> = { id: 'a', deviceDisplayName: false, userName: 'u', deviceIMEI: 1, managedDeviceId: 'm', bulkDeviceActionId: 2 };
    for (const name of ['id', 'userName', 'managedDeviceId']) {
      Object.defineProperty(value, name, { enumerable: true, get: () => ((reads[name] = (reads[name] ?? 0) + 1), 'text') });
    }
    const result = sdk.validateRemoteActionAudit(value);
    expect(result.errors.map((issue) => issue.path)).toEqual(['/deviceDisplayName', '/deviceIMEI', '/bulkDeviceActionId']);
    expect(reads).toEqual({ id: 1, userName: 1, managedDeviceId: 1 });
  });
});
