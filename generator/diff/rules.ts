// What each kind of API change means for the SDK's users: the semver bump it
// calls for (major = breaking) and why. docs/diff.md tables the same rules;
// a test keeps the two in step.
import type { PrimitiveName, TypeRef } from '../model/types.js';

export type Bump = 'major' | 'minor' | 'patch';

export interface Rule {
  bump: Bump;
  /** How a report line says it; `{from}` and `{to}` stand for the change's values. */
  text: string;
  /** One line: why the bump. */
  reason: string;
}

// Declaration order is report order within a type or operation.
export const RULES = {
  // Types
  'type-added': { bump: 'minor', text: 'added ({to})', reason: 'A new interface or union; nothing existing changes.' },
  'type-removed': { bump: 'major', text: 'removed (was {from})', reason: 'Code that imports the type no longer compiles.' },
  'kind-changed': { bump: 'major', text: 'kind changed from {from} to {to}', reason: 'An enum became an object type or the reverse: a string union and an interface have nothing in common.' },
  'base-type-added': { bump: 'minor', text: 'now derives from {to}', reason: 'The type gains the base\'s (optional) properties and stays assignable wherever it was.' },
  'base-type-derived': { bump: 'minor', text: 'base type changed from {from} to {to}, which derives from it', reason: 'The new base derives from the old one, so every inherited property stays and more may come.' },
  'base-type-changed': { bump: 'major', text: 'base type changed from {from} to {to}', reason: 'Properties inherited from the old base may be gone, and the type is no longer assignable to it.' },
  'base-type-removed': { bump: 'major', text: 'no longer derives from {from}', reason: 'Inherited properties are gone, and the type is no longer assignable to its old base.' },
  'open-type-added': { bump: 'minor', text: 'now an open type', reason: 'The interface gains an index signature: any extra property is accepted.' },
  'open-type-removed': { bump: 'major', text: 'no longer an open type', reason: 'Code that sets properties the docs do not list no longer compiles.' },
  'flags-added': { bump: 'major', text: 'now a flags enum', reason: 'Values may now combine members (`a,b`), which code matching single members misses.' },
  'flags-removed': { bump: 'patch', text: 'no longer a flags enum', reason: 'Values are single members, which code handling combinations already handles.' },
  // Properties, enum members, parameters
  'property-added': { bump: 'minor', text: 'added ({to})', reason: 'Every property of a model interface is optional, so existing objects stay valid.' },
  'property-removed': { bump: 'major', text: 'removed (was {from})', reason: 'Code that reads or sets the property no longer compiles.' },
  'member-added': { bump: 'minor', text: 'added', reason: 'The union widens; Graph enums evolve, so clients must already tolerate members they do not know.' },
  'member-removed': { bump: 'major', text: 'removed', reason: 'Code that uses the member no longer compiles, and the service no longer accepts it.' },
  'member-value-changed': { bump: 'patch', text: 'value changed from {from} to {to}', reason: 'The wire format and the SDK use member names; the number is documentation.' },
  'parameter-added': { bump: 'minor', text: 'added ({to})', reason: 'An optional parameter: existing calls stay valid.' },
  'required-parameter-added': { bump: 'major', text: 'added, required ({to})', reason: 'Existing calls lack it, and the service rejects them.' },
  'parameter-removed': { bump: 'major', text: 'removed (was {from})', reason: 'Calls that pass it send something the service no longer takes.' },
  'parameter-now-required': { bump: 'major', text: 'now required', reason: 'Existing calls that omit it are rejected.' },
  'parameter-now-optional': { bump: 'minor', text: 'now optional', reason: 'Calls may omit it; existing calls stay valid.' },
  'type-changed': { bump: 'major', text: 'type changed from {from} to {to}', reason: 'The TypeScript type changes, or the new type does not hold every value of the old one (a narrowed type).' },
  'type-widened': { bump: 'patch', text: 'type widened from {from} to {to}', reason: 'The new type holds every old value and the TypeScript type stays the same (Int32 → Int64, Guid → String, unknown → unknown).' },
  'type-resolved': { bump: 'minor', text: 'type now documented as {to} (was {from})', reason: 'No page defined the old type, so the SDK typed it `unknown`; the API did not change, the docs caught up.' },
  'collection-changed': { bump: 'major', text: 'changed from {from} to {to}', reason: 'A value and an array of values are different TypeScript types.' },
  'now-nullable': { bump: 'major', text: 'now nullable (from {from} to {to})', reason: 'The TypeScript type gains `| null`, which code reading the value must now handle.' },
  'no-longer-nullable': { bump: 'patch', text: 'no longer nullable (from {from} to {to})', reason: 'The TypeScript type loses `| null`; readers keep compiling, and the service rejected null anyway.' },
  'nullability-noted': { bump: 'patch', text: 'nullability noted (from {from} to {to})', reason: '"Nullable" and silence both give `| null`; only the wording changed.' },
  'now-read-only': { bump: 'major', text: 'now read-only', reason: 'The property becomes `readonly`: code that sets it no longer compiles, and the service ignores or rejects it.' },
  'now-writable': { bump: 'minor', text: 'now writable', reason: 'Clients may now set it; reading is unchanged.' },
  // Operations
  'operation-added': { bump: 'minor', text: 'added', reason: 'A new request builder; nothing existing changes.' },
  'operation-removed': { bump: 'major', text: 'removed', reason: 'Its request builder is gone, and the docs no longer document the request.' },
  'operation-merged': { bump: 'major', text: 'page removed; the same operation is documented as {to}', reason: 'A second page of the same operation is gone, and the builder named after it: callers must switch to the other one.' },
  'duplicate-removed': { bump: 'patch', text: 'page removed; the same operation is still documented as {to}', reason: 'A second page of the same operation is gone, but a builder of the same name and shape remains.' },
  'operation-renamed': { bump: 'major', text: 'renamed from {from} to {to}', reason: 'The SDK exports the request builder under the operation\'s name (made from its method and path, see docs/model.md), so callers must switch to the new one.' },
  'method-changed': { bump: 'major', text: 'method changed from {from} to {to}', reason: 'The request does something else (PUT replaces what PATCH merged), and the body type may change with it.' },
  'path-added': { bump: 'minor', text: 'added', reason: 'One more way to reach the operation.' },
  'path-removed': { bump: 'major', text: 'removed', reason: 'Requests to it fail.' },
  'primary-path-changed': { bump: 'patch', text: 'primary path changed from {from} to {to}', reason: 'The builder calls another documented path of the same operation; both are served.' },
  'path-parameters-changed': { bump: 'major', text: 'path parameters changed from {from} to {to}', reason: 'The builder takes path parameters by name, so `params` changes shape (`{id}` → `{userId}` included).' },
  'body-added': { bump: 'major', text: 'request body added ({to})', reason: 'The builder gains a `body` argument that existing calls do not pass.' },
  'body-removed': { bump: 'major', text: 'request body removed (was {from})', reason: 'The builder loses its `body` argument; existing calls pass one too many.' },
  'body-changed': { bump: 'major', text: 'request body changed from {from} to {to}', reason: 'A documented type and a table of parameters give different body types.' },
  'body-variant-added': { bump: 'minor', text: 'request body may also be {to}', reason: 'Pages of one endpoint send one more type: the body type is a wider union, which existing calls still fit.' },
  'body-variant-removed': { bump: 'major', text: 'request body may no longer be {from}', reason: 'No page sends that type to the endpoint any more: the union loses a member, and calls that send it break.' },
  'response-body-added': { bump: 'minor', text: 'response body added ({to})', reason: 'The builder\'s response type goes from void to a value, which existing callers ignore.' },
  'response-body-removed': { bump: 'major', text: 'response body removed (was {from})', reason: 'Code that reads the response gets nothing.' },
  'response-status-changed': { bump: 'patch', text: 'response status changed from {from} to {to}', reason: 'The request builders do not use the status code; it is documentation.' },
  'query-options-added': { bump: 'minor', text: 'now supports OData query options', reason: 'The GET builder gains an optional `query` argument.' },
  'query-options-removed': { bump: 'major', text: 'no longer supports OData query options', reason: 'Code that passes `$select`, `$filter`, … (the GET builder\'s `query` argument) breaks.' },
  'permissions-changed': { bump: 'patch', text: 'permissions changed from {from} to {to}', reason: 'Scopes are granted to the app, not written in code; a release note, not an SDK change.' },
  // Anything that has them
  deprecated: { bump: 'minor', text: 'deprecated', reason: 'Still works; semver calls a deprecation a minor release.' },
  undeprecated: { bump: 'patch', text: 'no longer deprecated', reason: 'Nothing changes for code that uses it.' },
  'description-changed': { bump: 'patch', text: 'description changed', reason: 'Documentation only.' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isBreaking(rule: RuleId): boolean {
  return RULES[rule].bump === 'major';
}

// Pairs whose new type holds every value of the old one and that emit the same
// TypeScript type (number, or string).
const WIDENINGS: Partial<Record<PrimitiveName, readonly PrimitiveName[]>> = {
  Byte: ['Int16', 'Int32', 'Int64'],
  SByte: ['Int16', 'Int32', 'Int64'],
  Int16: ['Int32', 'Int64'],
  Int32: ['Int64'],
  Single: ['Double'],
  Guid: ['String'],
  DateTimeOffset: ['String'],
  Date: ['String'],
  TimeOfDay: ['String'],
  Duration: ['String'],
  Binary: ['String'],
};

/** Both emit `unknown`: free-form JSON, or a name no page defines. */
const isUnknown = (ref: TypeRef) => ref.kind === 'unresolved' || (ref.kind === 'primitive' && ref.name === 'Untyped');

export function sameTypeRef(a: TypeRef, b: TypeRef): boolean {
  return a.kind === b.kind && typeRefText(a) === typeRefText(b);
}

/** The rule for a type reference that changed (callers check `sameTypeRef` first). */
export function typeChangeRule(from: TypeRef, to: TypeRef): 'type-changed' | 'type-widened' | 'type-resolved' {
  if (from.kind === 'unresolved' && !isUnknown(to)) return 'type-resolved';
  if (isUnknown(from) && isUnknown(to)) return 'type-widened';
  if (from.kind === 'primitive' && to.kind === 'primitive' && WIDENINGS[from.name]?.includes(to.name)) return 'type-widened';
  return 'type-changed';
}

/** `Int32`, `microsoft.graph.user`, or a name no page defines as `unresolvedName?`. */
export function typeRefText(ref: TypeRef): string {
  return ref.kind === 'primitive' ? ref.name : ref.kind === 'named' ? ref.fullName : `${ref.text}?`;
}
