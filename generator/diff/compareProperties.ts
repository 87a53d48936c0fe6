// Properties of a type, parameters of an operation and of its request body:
// matched by name, then compared fact by fact. Deprecation and description
// are compared the same way for everything that has them.
import type { Deprecation, Property, Source } from '../model/types.js';
import type { Item, Reporter } from './compareModels.js';
import { sameTypeRef, typeChangeRule, typeRefText } from './rules.js';

export type PropertyRole = 'property' | 'parameter' | 'body parameter';

/** What a type inherits from its bases, by name: a property that moved between a type and its base is compared, not removed and added. */
export interface Inherited {
  before: ReadonlyMap<string, Property>;
  after: ReadonlyMap<string, Property>;
}

/** A reporter whose changes are about `item`. */
export function aboutItem(report: Reporter, item: Item): Reporter {
  return (rule, source, details = {}) => report(rule, source, { ...details, item });
}

const NONE: Inherited = { before: new Map(), after: new Map() };

export function compareProperties(before: readonly Property[], after: readonly Property[], role: PropertyRole, report: Reporter, inherited = NONE): void {
  const now = new Map(after.map((property) => [property.name, property]));
  const was = new Set(before.map((property) => property.name));
  for (const old of before) {
    const current = now.get(old.name) ?? inherited.after.get(old.name);
    const at = aboutItem(report, { kind: role, name: old.name });
    if (current) compareProperty(old, current, role, at);
    else at(role === 'property' ? 'property-removed' : 'parameter-removed', old.source, { from: valueType(old) });
  }
  for (const added of after) {
    if (was.has(added.name)) continue;
    const at = aboutItem(report, { kind: role, name: added.name });
    const previous = inherited.before.get(added.name);
    if (previous) compareProperty(previous, added, role, at);
    else at(role === 'property' ? 'property-added' : isRequired(added) ? 'required-parameter-added' : 'parameter-added', added.source, { to: valueType(added) });
  }
}

function compareProperty(old: Property, now: Property, role: PropertyRole, report: Reporter): void {
  compareValueType(old, now, report, now.source);
  const nullable = (value: boolean | null) => value !== false; // what the SDK emits: `| null` unless "Not nullable"
  if (nullable(old.nullable) !== nullable(now.nullable)) {
    report(nullable(now.nullable) ? 'now-nullable' : 'no-longer-nullable', now.source, { from: nullability(old.nullable), to: nullability(now.nullable) });
  } else if (old.nullable !== now.nullable) {
    report('nullability-noted', now.source, { from: nullability(old.nullable), to: nullability(now.nullable) });
  }
  if (old.readOnly !== now.readOnly) report(now.readOnly ? 'now-read-only' : 'now-writable', now.source);
  if (role !== 'property' && isRequired(old) !== isRequired(now)) report(isRequired(now) ? 'parameter-now-required' : 'parameter-now-optional', now.source);
  compareNotes(old, now, report, now.source);
}

/** A value's item type and collection-ness: a property, or a response body. */
export function compareValueType(
  old: Pick<Property, 'type' | 'collection'>,
  now: Pick<Property, 'type' | 'collection'>,
  report: Reporter,
  source: Source,
): void {
  if (!sameTypeRef(old.type, now.type)) report(typeChangeRule(old.type, now.type), source, { from: typeRefText(old.type), to: typeRefText(now.type) });
  if (old.collection !== now.collection) report('collection-changed', source, { from: valueType(old), to: valueType(now) });
}

/** Deprecation and description. */
export function compareNotes(
  old: { description: string; deprecated?: Deprecation },
  now: { description: string; deprecated?: Deprecation },
  report: Reporter,
  source: Source,
): void {
  if (!old.deprecated && now.deprecated) report('deprecated', now.deprecated.source);
  if (old.deprecated && !now.deprecated) report('undeprecated', source);
  if (old.description !== now.description) report('description-changed', source);
}

/** `String`, or `Collection(String)`. */
export function valueType(value: Pick<Property, 'type' | 'collection'>): string {
  const type = typeRefText(value.type);
  return value.collection ? `Collection(${type})` : type;
}

function nullability(value: boolean | null): string {
  return value === null ? 'not stated' : value ? 'Nullable' : 'Not nullable';
}

// "Required." in the description; "Optional." (or "Not required") wins over it.
const REQUIRED = /(?<!\bnot\s)\brequired\b/i;
const OPTIONAL = /\boptional\b/i;

/** The docs mark a parameter required only in its description. */
export function isRequired(parameter: Property): boolean {
  return REQUIRED.test(parameter.description) && !OPTIONAL.test(parameter.description);
}
