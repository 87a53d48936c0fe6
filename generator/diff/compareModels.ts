// Two models → what changed in the API between them, each change classed by
// docs/diff.md's rules, and the semver bump the whole calls for. Pure: the
// same two models always give the same diff, in the same order.
import type { HttpMethod, Model, Source } from '../model/types.js';
import { compareOperations } from './compareOperations.js';
import { compareTypes } from './compareTypes.js';
import { type Bump, isBreaking, RULE_IDS, RULES, type RuleId } from './rules.js';

/** What a change is about: a type (by full name) or an operation (by its primary path, method and name). */
export type Subject = { kind: 'type'; name: string } | { kind: 'operation'; name: string; method: HttpMethod; path: string };

export type ItemKind = 'property' | 'member' | 'parameter' | 'body parameter' | 'path' | 'request body' | 'response';

/** The part of the subject that changed; absent when it is the subject itself. */
export interface Item {
  kind: ItemKind;
  name?: string;
}

export interface Change {
  rule: RuleId;
  breaking: boolean;
  bump: Bump;
  subject: Subject;
  item?: Item;
  from?: string;
  to?: string;
  /** Where the docs say so: the new fact, or the old one for a removal. */
  source: Source;
}

export interface ModelDiff {
  bump: Bump | 'none';
  summary: { breaking: number; nonBreaking: number; byRule: Partial<Record<RuleId, number>> };
  changes: Change[];
}

export interface Details {
  item?: Item;
  from?: string;
  to?: string;
}

/** Records one change about a subject. */
export type Reporter = (rule: RuleId, source: Source, details?: Details) => void;

export function compareModels(before: Model, after: Model): ModelDiff {
  const changes: Change[] = [];
  const at =
    (subject: Subject): Reporter =>
    (rule, source, details = {}) =>
      changes.push(change(rule, subject, source, details));
  compareTypes(before, after, at);
  compareOperations(before.operations, after.operations, at);
  return summarise(changes.sort(byPosition));
}

// One key order, so that the JSON is the same every time.
function change(rule: RuleId, subject: Subject, source: Source, { item, from, to }: Details): Change {
  return {
    rule,
    breaking: isBreaking(rule),
    bump: RULES[rule].bump,
    subject,
    ...(item && { item: { kind: item.kind, ...(item.name !== undefined && { name: item.name }) } }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    source: { file: source.file, line: source.line, column: source.column },
  };
}

function summarise(changes: Change[]): ModelDiff {
  const breaking = changes.filter((c) => c.breaking).length;
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const rule of RULE_IDS) {
    const count = changes.filter((c) => c.rule === rule).length;
    if (count > 0) byRule[rule] = count;
  }
  const bump = breaking > 0 ? 'major' : changes.some((c) => c.bump === 'minor') ? 'minor' : changes.length > 0 ? 'patch' : 'none';
  return { bump, summary: { breaking, nonBreaking: changes.length - breaking, byRule }, changes };
}

const ITEM_ORDER: ItemKind[] = ['path', 'parameter', 'request body', 'body parameter', 'response', 'property', 'member'];

/** Types (by full name) before operations (by path, method, name); within one, the subject's own changes, then items by kind and name; then rule order. */
function byPosition(a: Change, b: Change): number {
  return compare(positionKey(a), positionKey(b));
}

function positionKey(change: Change): Array<string | number> {
  const { subject, item } = change;
  const where = subject.kind === 'type' ? [0, subject.name, '', ''] : [1, subject.path, subject.method, subject.name];
  return [...where, item ? ITEM_ORDER.indexOf(item.kind) + 1 : 0, item?.name ?? '', RULE_IDS.indexOf(change.rule)];
}

function compare(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}
