// Validation throughput on the seed type, remoteActionAudit: docgen's generated
// validator against ajv (compiled from the JSON Schema docgen emits, with
// ajv-formats; default options and tuned for speed), zod 4 (an equivalent
// hand-written schema) and a plain hand-written check, on a valid and an
// invalid object, measured in one run and printed as ratios.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { RemoteActionValues } from '../generated/models/RemoteAction.js';
import { ActionStateValues } from '../generated/models/ActionState.js';
import { DeviceActionCategoryValues } from '../generated/models/DeviceActionCategory.js';
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

async function ajvValidator(tuned: boolean) {
  const ajv = tuned
    ? new Ajv2020({ allErrors: false, messages: false, validateSchema: false, strict: false, code: { optimize: true } })
    : new Ajv2020({ strict: false });
  addFormats.default(ajv, tuned ? { mode: 'fast' } : undefined);
  for (const file of (await readdir(SCHEMAS)).filter((name) => name.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(await readFile(path.join(SCHEMAS, file), 'utf8')));
  }
  const schema = JSON.parse(await readFile(path.join(SCHEMAS, 'RemoteActionAudit.schema.json'), 'utf8')) as { $id: string };
  return ajv.getSchema(schema.$id)!;
}

const zodSchema = (() => {
  const optional = <T extends z.ZodType>(type: T) => type.nullable().optional();
  return z.looseObject({
    '@odata.type': z.string().optional(),
    id: z.string().optional(),
    deviceDisplayName: optional(z.string()),
    userName: optional(z.string()),
    initiatedByUserPrincipalName: optional(z.string()),
    action: optional(z.enum(RemoteActionValues)),
    requestDateTime: optional(z.iso.datetime({ offset: true })),
    deviceOwnerUserPrincipalName: optional(z.string()),
    deviceIMEI: optional(z.string()),
    actionState: optional(z.enum(ActionStateValues)),
    managedDeviceId: optional(z.string()),
    deviceActionDetails: optional(z.array(z.looseObject({ name: optional(z.string()), value: optional(z.string()) }))),
    deviceActionCategory: optional(z.enum(DeviceActionCategoryValues)),
    bulkDeviceActionId: optional(z.string()),
  });
})();

const ACTIONS = new Set<string>(RemoteActionValues);
const STATES = new Set<string>(ActionStateValues);
const CATEGORIES = new Set<string>(DeviceActionCategoryValues);
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(Z|[+-]\d\d:\d\d)$/i;
const text = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const member = (value: unknown, members: Set<string>) => value === undefined || value === null || (typeof value === 'string' && members.has(value));

/** What a careful programmer would write by hand, inlined: the ceiling. */
function handWritten(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const details = v['deviceActionDetails'];
  return (
    text(v['id']) && text(v['deviceDisplayName']) && text(v['userName']) && text(v['initiatedByUserPrincipalName']) &&
    member(v['action'], ACTIONS) &&
    (v['requestDateTime'] == null || (typeof v['requestDateTime'] === 'string' && DATE_TIME.test(v['requestDateTime']))) &&
    text(v['deviceOwnerUserPrincipalName']) && text(v['deviceIMEI']) && member(v['actionState'], STATES) && text(v['managedDeviceId']) &&
    (details == null || (Array.isArray(details) && details.every((item) => typeof item === 'object' && item !== null && text(item.name) && text(item.value)))) &&
    member(v['deviceActionCategory'], CATEGORIES) && text(v['bulkDeviceActionId'])
  );
}

export interface ValidatorBench {
  valid: Throughput[];
  invalid: Throughput[];
}

export async function benchValidators(): Promise<ValidatorBench> {
  const ajvDefault = await ajvValidator(false);
  const ajvTuned = await ajvValidator(true);
  const contenders = (value: unknown) => [
    { name: 'docgen (generated)', fn: () => validateRemoteActionAudit(value).valid },
    { name: 'ajv, default options', fn: () => ajvDefault(value) },
    { name: 'ajv, tuned for speed', fn: () => ajvTuned(value) },
    { name: 'zod 4', fn: () => zodSchema.safeParse(value).success },
    { name: 'hand-written check', fn: () => handWritten(value) },
  ];
  // Every contender must agree on the verdicts, or the race means nothing.
  for (const [value, expected] of [[VALID, true], [INVALID, false]] as const) {
    for (const { name, fn } of contenders(value)) if (Boolean(fn()) !== expected) throw new Error(`${name} says ${!expected} for the ${expected ? 'valid' : 'invalid'} object`);
  }
  return { valid: compare(contenders(VALID)), invalid: compare(contenders(INVALID)) };
}

export function formatValidatorBench({ valid, invalid }: ValidatorBench): string {
  const ours = (list: Throughput[]) => list[0]!.perSecond;
  const rows = valid.map((row, index) => {
    const bad = invalid[index]!;
    return `| ${row.name} | ${formatRate(row.perSecond)} | ${(ours(valid) / row.perSecond).toFixed(2)}× | ${formatRate(bad.perSecond)} | ${(ours(invalid) / bad.perSecond).toFixed(2)}× |`;
  });
  const fastestAjv = Math.max(valid[1]!.perSecond, valid[2]!.perSecond);
  const zodInvalid = invalid[3]!.perSecond;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    '## Validation throughput: remoteActionAudit (median of 7 turns)',
    '',
    '| validator | valid object | docgen ÷ it | invalid object | docgen ÷ it |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `Target: docgen on valid objects ≥ the fastest ajv: ${(ours(valid) / fastestAjv).toFixed(2)}× (${verdict(ours(valid) >= fastestAjv)}).`,
    `Target: docgen on invalid objects ≥ 10× zod: ${(ours(invalid) / zodInvalid).toFixed(1)}× (${verdict(ours(invalid) >= 10 * zodInvalid)}).`,
    '',
  ].join('\n');
}
