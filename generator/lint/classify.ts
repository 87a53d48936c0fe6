// A validator's issue, or a placeholder that names the wrong type, as a docs
// finding of a named class. The class comes from what the docs say at the
// pointer (the inspection's rule) and what the example holds there.
import type { Source } from '../model/types.js';
import type { DocRule, Inspection, PlaceholderMisfit } from './inspect.js';
import { describePlaceholder, NUMERIC, STRING_CARRIED } from './placeholders.js';
import { describeExpected, type TypeIndex } from './typeIndex.js';
import type { Issue } from './validatorApi.js';

export const FINDING_CLASSES = [
  'placeholder-type',
  'unknown-type',
  'wrong-type',
  'bad-format',
  'not-a-member',
  'not-nullable',
  'collection-mismatch',
  'unknown-property',
  'odata-type',
  'response-shape',
  'other',
] as const;

/**
 * - `placeholder-type`: a placeholder names another type than the table ("Int32" where the table says String);
 * - `unknown-type`: a placeholder or `@odata.type` names a type no page defines;
 * - `wrong-type`: a value of another JSON kind (a string for a Boolean, an object for a String);
 * - `bad-format`: the right JSON kind in the wrong form (a date that is not RFC 3339, a GUID that is not one, an Int32 out of range);
 * - `not-a-member`: a string the enum does not list (a warning in lenient mode);
 * - `not-nullable`: null where the docs say "Not nullable" (or for a key);
 * - `collection-mismatch`: one value where the table says collection, or an array where it does not;
 * - `unknown-property`: a property no table lists (strict mode);
 * - `odata-type`: an `@odata.type` that names neither the type nor one of its subtypes;
 * - `response-shape`: a response that is not shaped as the Response section says (`{"value": [...]}` for a collection, or the other way round);
 * - `other`: anything else the validators report.
 */
export type FindingClass = (typeof FINDING_CLASSES)[number];

export interface Finding {
  severity: 'error' | 'warning';
  class: FindingClass;
  /** JSON Pointer into the example. */
  pointer: string;
  expected: string;
  found: string;
  /** The doc rule that makes it a finding: a page (relative to its input folder) and line. */
  rule?: { file: string; line: number };
  /** A short explanation, when there is more to say than expected and found. */
  hint?: string;
}

/** A validator issue, its pointer already mapped back to the example (see `Inspection.original`). */
export function classifyIssue(
  issue: Issue,
  pointer: string,
  severity: Finding['severity'],
  inspection: Inspection,
  body: unknown,
  index: Pick<TypeIndex, 'lookup' | 'isA'>,
  rootSource?: Source,
): Finding {
  const rule = inspection.rules.get(pointer);
  const value = valueAt(body, pointer);
  const finding: Finding = { severity, class: classOf(pointer, issue, rule, value), pointer, expected: issue.expected, found: issue.found };
  const source = parseRuleSource(issue.source) ?? sourceRule(rule?.property?.source ?? rootSource);
  if (source) finding.rule = source;
  const hint = hintFor(finding.class, pointer, value, rule, inspection, index);
  if (hint) finding.hint = hint;
  return finding;
}

/** What more there is to say: a member in the wrong case, a number in quotes, an `@odata.type` the docs do not derive. */
function hintFor(findingClass: FindingClass, pointer: string, value: unknown, rule: DocRule | undefined, inspection: Inspection, index: Pick<TypeIndex, 'lookup' | 'isA'>): string | undefined {
  if (findingClass === 'not-a-member' && typeof value === 'string' && rule?.expected.kind === 'enum') {
    const same = rule.expected.type.members.find((member) => member.name.toLowerCase() === value.toLowerCase());
    return same ? `differs only in case from the member "${same.name}"` : undefined;
  }
  if (findingClass === 'wrong-type' && typeof value === 'string' && rule?.expected.kind === 'primitive') {
    if (NUMERIC.has(rule.expected.name) && value.trim() !== '' && Number.isFinite(Number(value))) return 'a number written as a string';
    if (rule.expected.name === 'Boolean' && /^(true|false)$/i.test(value.trim())) return 'a Boolean written as a string';
    return undefined;
  }
  if (findingClass === 'unknown-property') return 'no property table of the type lists it';
  if (findingClass !== 'odata-type' || typeof value !== 'string') return undefined;
  const owner = inspection.rules.get(parentOf(pointer))?.expected;
  const named = index.lookup(value);
  if (!named) return `no page defines ${value.replace(/^#/, '')}`;
  if (named !== value.replace(/^#/, '')) return `differs in case from "#${named}"`;
  if (owner?.kind === 'structured' && !index.isA(named, owner.type.fullName)) return `the docs do not say that ${named} derives from ${owner.type.fullName}`;
  return undefined;
}

function classOf(pointer: string, issue: Issue, rule: DocRule | undefined, value: unknown): FindingClass {
  if (pointer.endsWith('/@odata.type') || /@odata\.type/.test(issue.expected)) return 'odata-type';
  if (!rule) return /not list|unknown|strict/i.test(issue.expected) ? 'unknown-property' : 'other';
  if (value === null) return 'not-nullable';
  if (rule.expected.kind !== 'any' && rule.collection !== Array.isArray(value)) return 'collection-mismatch';
  switch (rule.expected.kind) {
    case 'enum':
      return typeof value === 'string' ? 'not-a-member' : 'wrong-type';
    case 'primitive': {
      const name = rule.expected.name;
      if (typeof value === 'string' && STRING_CARRIED.has(name) && name !== 'String') return 'bad-format';
      if (typeof value === 'number' && NUMERIC.has(name)) return 'bad-format';
      return 'wrong-type';
    }
    case 'structured':
      return 'wrong-type';
    default:
      return 'other';
  }
}

/** A placeholder that names another type than the table. */
export function placeholderFinding(misfit: PlaceholderMisfit, rootSource?: Source): Finding {
  const { placeholder, rule } = misfit;
  const unknown = placeholder.kind === 'type' && placeholder.fullName === undefined;
  const says = describePlaceholder(placeholder);
  const table = describeExpected(rule.expected, rule.collection);
  const finding: Finding = {
    severity: 'error',
    class: unknown ? 'unknown-type' : 'placeholder-type',
    pointer: misfit.pointer,
    expected: table,
    found: `the placeholder ${placeholder.text}`,
    hint: unknown ? `it names ${placeholder.kind === 'type' ? placeholder.name : says}, which no page defines` : `the placeholder says ${says}, the table says ${table}`,
  };
  const source = sourceRule(rule.property?.source ?? rootSource);
  if (source) finding.rule = source;
  return finding;
}

/** The value at a JSON Pointer, `undefined` when there is none. */
export function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, key)) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** `resources/user.md:42` → `{ file, line }`. */
export function parseRuleSource(text: string | undefined): Finding['rule'] | undefined {
  const match = text ? /^(.*):(\d+)$/.exec(text) : null;
  return match ? { file: match[1]!, line: Number(match[2]) } : undefined;
}

function sourceRule(source: Source | undefined): Finding['rule'] | undefined {
  return source ? { file: source.file, line: source.line } : undefined;
}
