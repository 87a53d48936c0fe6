// Validation throughput on the seed type, remoteActionAudit: docgen's generated
// validator against ajv (compiled from the JSON Schema docgen emits, with
// ajv-formats; default options and tuned for speed), zod 4 (a schema stating
// the same rules) and a plain hand-written check, on a valid and an invalid
// object, measured in one run and printed as ratios. A contender that gives
// another verdict than docgen on any edge input is reported and not raced.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { validateRemoteActionAudit } from '../generated/validators/RemoteActionAudit.js';
import { compare, formatRate, type Throughput } from './measure.js';

const VALID = {
  '@odata.type': '#microsoft.graph.remoteActionAudit',
  id: '7c1a2f2e-0b6a-4b8e-9d3e-5f8b1c2d3e4f',
  deviceDisplayName: 'Contoso laptop 042',
  userName: 'Adele Vance',
  initiatedByUserPrincipalName: 'admin@contoso.com',
  action: 'rebootNow',
  requestDateTime: '2024-03-14T09:26:53.1234567Z',
  deviceOwnerUserPrincipalName: 'adelev@contoso.com',
  deviceIMEI: '356938035643809',
  actionState: 'done',
  managedDeviceId: '0f2c3d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  deviceActionDetails: [{ name: 'reason', value: 'user request' }],
  deviceActionCategory: 'single',
  bulkDeviceActionId: null,
};
/** One property of the wrong type, as a client bug would send. */
const INVALID = { ...VALID, deviceIMEI: 356938035643809 };

const SCHEMAS = path.join(import.meta.dirname, '..', 'generated', 'schemas');

/** `lenient`: each enum type's schema opened to any string, as lenient validation reads an unlisted member (a warning). */
async function ajvValidator(tuned: boolean, lenient = false) {
  const ajv = tuned
    ? new Ajv2020({ allErrors: false, messages: false, validateSchema: false, strict: false, code: { optimize: true } })
    : new Ajv2020({ strict: false });
  addFormats.default(ajv, tuned ? { mode: 'fast' } : undefined);
  for (const file of (await readdir(SCHEMAS)).filter((name) => name.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(await readFile(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
    if (lenient && schema['type'] === 'string') delete schema['enum'];
    ajv.addSchema(schema);
  }
  const schema = JSON.parse(await readFile(path.join(SCHEMAS, 'RemoteActionAudit.schema.json'), 'utf8')) as { $id: string };
  return ajv.getSchema(schema.$id)!;
}

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,12})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A DateTimeOffset as OData defines it: a real calendar day, seconds optional, a leap second only as 23:59:60. */
function dateTimeOffset(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute] = [+match[1]!, +match[2]!, +match[3]!, +match[4]!, +match[5]!];
  const second = match[6] === undefined ? 0 : +match[6];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
  return day >= 1 && day <= days && hour <= 23 && minute <= 59 && (second <= 59 || (second === 60 && hour === 23 && minute === 59));
}

// The rules docgen's lenient validator states, written for zod and by hand: strings nullable but the key;
// an enum member unknown to the docs is a warning, not an error (Graph adds members); the nested
// keyValuePair documents no property, so only its @odata.type is checked; undocumented properties pass.
const ODATA_TYPE = '#microsoft.graph.remoteActionAudit';
const PAIR_TYPE = '#microsoft.graph.keyValuePair_2OfString_String';

const zodSchema = (() => {
  const optional = <T extends z.ZodType>(type: T) => type.nullable().optional();
  return z.looseObject({
    '@odata.type': z.literal(ODATA_TYPE).optional(),
    id: z.string().optional(),
    deviceDisplayName: optional(z.string()),
    userName: optional(z.string()),
    initiatedByUserPrincipalName: optional(z.string()),
    action: optional(z.string()),
    requestDateTime: optional(z.string().refine(dateTimeOffset)),
    deviceOwnerUserPrincipalName: optional(z.string()),
    deviceIMEI: optional(z.string()),
    actionState: optional(z.string()),
    managedDeviceId: optional(z.string()),
    deviceActionDetails: optional(z.array(z.looseObject({ '@odata.type': z.literal(PAIR_TYPE).optional() }))),
    deviceActionCategory: optional(z.string()),
    bulkDeviceActionId: optional(z.string()),
  });
})();

const text = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** What a careful programmer would write by hand, inlined: the ceiling. */
function handWritten(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const details = v['deviceActionDetails'];
  const when = v['requestDateTime'];
  return (
    (v['@odata.type'] === undefined || v['@odata.type'] === ODATA_TYPE) &&
    (v['id'] === undefined || typeof v['id'] === 'string') && text(v['deviceDisplayName']) && text(v['userName']) && text(v['initiatedByUserPrincipalName']) &&
    text(v['action']) && (when == null || (typeof when === 'string' && dateTimeOffset(when))) &&
    text(v['deviceOwnerUserPrincipalName']) && text(v['deviceIMEI']) && text(v['actionState']) && text(v['managedDeviceId']) &&
    (details == null ||
      (Array.isArray(details) &&
        details.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && (item['@odata.type'] === undefined || item['@odata.type'] === PAIR_TYPE)))) &&
    text(v['deviceActionCategory']) && text(v['bulkDeviceActionId'])
  );
}

/** The agreement gate: what docgen's lenient validator says of each, which every contender must say too. */
const EDGES: Array<{ input: string; value: unknown; valid: boolean }> = [
  { input: 'the valid object', value: VALID, valid: true },
  { input: 'a string property sent as a number', value: INVALID, valid: false },
  { input: '29 February of a common year', value: { ...VALID, requestDateTime: '2023-02-29T00:00:00Z' }, valid: false },
  { input: '30 February of a leap year', value: { ...VALID, requestDateTime: '2024-02-30T00:00:00Z' }, valid: false },
  { input: '31 April', value: { ...VALID, requestDateTime: '2024-04-31T10:00:00Z' }, valid: false },
  { input: '29 February 2100 (no leap year)', value: { ...VALID, requestDateTime: '2100-02-29T00:00:00Z' }, valid: false },
  { input: '29 February 2024', value: { ...VALID, requestDateTime: '2024-02-29T00:00:00Z' }, valid: true },
  { input: 'a time without seconds', value: { ...VALID, requestDateTime: '2021-07-16T10:20Z' }, valid: true },
  { input: 'a leap second before 23:59', value: { ...VALID, requestDateTime: '2024-06-30T10:20:60Z' }, valid: false },
  { input: 'an enum member the docs do not list (lenient: a warning)', value: { ...VALID, action: 'selfDestruct' }, valid: true },
  { input: 'a nested item of the wrong type', value: { ...VALID, deviceActionDetails: [42] }, valid: false },
  { input: 'null for the key, which is not nullable', value: { ...VALID, id: null }, valid: false },
  { input: "another type's @odata.type", value: { ...VALID, '@odata.type': '#microsoft.graph.user' }, valid: false },
  { input: 'an undocumented property', value: { ...VALID, addedLater: true }, valid: true },
];

export interface ValidatorBench {
  valid: Throughput[];
  invalid: Throughput[];
  /** Contenders that give another verdict than docgen on some edge input: not raced. */
  wrong: Array<{ name: string; inputs: string[] }>;
}

export async function benchValidators(): Promise<ValidatorBench> {
  const ajvDefault = await ajvValidator(false);
  const ajvTuned = await ajvValidator(true);
  const ajvLenient = await ajvValidator(false, true);
  const ajvTunedLenient = await ajvValidator(true, true);
  const contenders = [
    { name: 'docgen (generated)', check: (value: unknown) => validateRemoteActionAudit(value).valid },
    { name: 'ajv, default options', check: (value: unknown) => ajvDefault(value) },
    { name: 'ajv, tuned for speed', check: (value: unknown) => ajvTuned(value) },
    { name: 'ajv, default options, enums open', check: (value: unknown) => ajvLenient(value) },
    { name: 'ajv, tuned for speed, enums open', check: (value: unknown) => ajvTunedLenient(value) },
    { name: 'zod 4', check: (value: unknown) => zodSchema.safeParse(value).success },
    { name: 'hand-written check', check: (value: unknown) => handWritten(value) },
  ];
  // Every contender must give each edge input the verdict docgen's rules give it, or its speed means nothing.
  const docgenWrong = EDGES.filter((edge) => contenders[0]!.check(edge.value) !== edge.valid).map((edge) => edge.input);
  if (docgenWrong.length) throw new Error(`docgen's own validator disagrees with its rules on: ${docgenWrong.join('; ')}`);
  const wrong = contenders
    .map(({ name, check }) => ({ name, inputs: EDGES.filter((edge) => Boolean(check(edge.value)) !== edge.valid).map((edge) => edge.input) }))
    .filter((contender) => contender.inputs.length > 0);
  const raced = contenders.filter(({ name }) => !wrong.some((bad) => bad.name === name));
  const race = (value: unknown) => compare(raced.map(({ name, check }) => ({ name, fn: () => check(value) })));
  return { valid: race(VALID), invalid: race(INVALID), wrong };
}

export function formatValidatorBench({ valid, invalid, wrong }: ValidatorBench): string {
  const ours = (list: Throughput[]) => list[0]!.perSecond;
  const rows = valid.map((row, index) => {
    const bad = invalid[index]!;
    return `| ${row.name} | ${formatRate(row.perSecond)} | ${(ours(valid) / row.perSecond).toFixed(2)}× | ${formatRate(bad.perSecond)} | ${(ours(invalid) / bad.perSecond).toFixed(2)}× |`;
  });
  const rate = (list: Throughput[], prefix: string) => Math.max(0, ...list.filter((row) => row.name.startsWith(prefix)).map((row) => row.perSecond));
  const fastestAjv = rate(valid, 'ajv');
  const zodInvalid = rate(invalid, 'zod');
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const target = (label: string, against: number, ratio: (against: number) => string, ok: (against: number) => boolean) =>
    against > 0 ? `Target: ${label}: ${ratio(against)} (${verdict(ok(against))}).` : `Target: ${label}: no correct contender to race.`;
  return [
    '## Validation throughput: remoteActionAudit (median of 7 turns)',
    '',
    `Agreement gate: ${EDGES.length} edge inputs (impossible dates, a time without seconds, a misplaced leap second, an unlisted enum member, a nested item of the wrong type, null for the key, another type's @odata.type, an undocumented property), each given docgen's verdict by every contender raced.`,
    ...wrong.map(({ name, inputs }) => `- ${name}: WRONG on ${inputs.join('; ')}; not raced.`),
    '',
    '| validator | valid object | docgen ÷ it | invalid object | docgen ÷ it |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    target('docgen on valid objects ≥ the fastest correct ajv', fastestAjv, (a) => `${(ours(valid) / a).toFixed(2)}×`, (a) => ours(valid) >= a),
    target('docgen on invalid objects ≥ 10× zod', zodInvalid, (a) => `${(ours(invalid) / a).toFixed(1)}×`, (a) => ours(invalid) >= 10 * a),
    '',
  ].join('\n');
}
