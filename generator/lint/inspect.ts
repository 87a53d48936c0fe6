// One example against the docs, before validation: the documented rule at each
// JSON Pointer (to name the finding a validator error stands for), and the
// example with its placeholders taken out (what the validators check).
import type { Property } from '../model/types.js';
import { collectionPlaceholder, type Placeholder, type PlaceholderContext, placeholderFits, recognisePlaceholder } from './placeholders.js';
import type { Expected, TypeIndex } from './typeIndex.js';

/** What the docs say about the value at a pointer: its type, whether it is a collection, and the table row that says so. */
export interface DocRule {
  expected: Expected;
  collection: boolean;
  /** Absent at the root. */
  property?: Property;
}

export interface PlaceholderMisfit {
  pointer: string;
  placeholder: Placeholder;
  rule: DocRule;
}

export interface Inspection {
  /** The example without its placeholders (fitting or not): what the validators are given. */
  value: unknown;
  /** Original JSON Pointer → the rule the docs give there; pointers with no rule (unlisted properties) are absent. */
  rules: Map<string, DocRule>;
  /** Placeholders that fit their documented type. */
  fits: number;
  /** Placeholders that name another type. */
  misfits: PlaceholderMisfit[];
  /** A pointer into `value` → the same place in the example (array items may have moved up). */
  original(pointer: string): string;
}

const REMOVED = Symbol('removed');

export function inspectExample(value: unknown, root: Expected, context: PlaceholderContext, index: TypeIndex): Inspection {
  const rules = new Map<string, DocRule>();
  const misfits: PlaceholderMisfit[] = [];
  // Original pointer of an array → original index of each item kept.
  const kept = new Map<string, number[]>();
  let fits = 0;

  const visit = (node: unknown, rule: DocRule, pointer: string): unknown => {
    rules.set(pointer, rule);
    if (rule.collection) {
      if (!Array.isArray(node)) return collectionStandIn(node, rule, pointer);
      const items: unknown[] = [];
      const positions: number[] = [];
      node.forEach((item, position) => {
        const result = visit(item, { ...rule, collection: false }, `${pointer}/${position}`);
        if (result === REMOVED) return;
        items.push(result);
        positions.push(position);
      });
      if (positions.length !== node.length) kept.set(pointer, positions);
      return items;
    }
    const placeholder = recognisePlaceholder(node, context, rule.expected, index);
    if (placeholder) {
      if (placeholderFits(placeholder, rule.expected, index)) fits++;
      else misfits.push({ pointer, placeholder, rule });
      return REMOVED;
    }
    if (rule.expected.kind !== 'structured' || !isObject(node)) return node;
    const properties = index.properties(subtypeOf(node, rule.expected, index));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      const property = key.includes('@') ? undefined : properties.get(key);
      const child = property ? visit(item, { expected: index.expected(property.type), collection: property.collection, property }, `${pointer}/${escapePointer(key)}`) : item;
      if (child !== REMOVED) Object.defineProperty(result, key, { value: child, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };

  /** `"Collection(microsoft.graph.x)"` or `"[String]"` in a representation, where the table says collection. */
  const collectionStandIn = (node: unknown, rule: DocRule, pointer: string): unknown => {
    const items = context === 'representation' ? collectionPlaceholder(node) : undefined;
    const placeholder = items === undefined ? undefined : recognisePlaceholder(items, context, rule.expected, index);
    if (!placeholder) return node;
    const whole = { ...placeholder, text: JSON.stringify(node) };
    if (placeholderFits(whole, rule.expected, index)) fits++;
    else misfits.push({ pointer, placeholder: whole, rule });
    return REMOVED;
  };

  const scrubbed = visit(value, { expected: root, collection: false }, '');
  return {
    value: scrubbed === REMOVED ? {} : scrubbed,
    rules,
    fits,
    misfits,
    original(pointer) {
      if (kept.size === 0) return pointer;
      let at = '';
      for (const segment of pointer.split('/').slice(1)) {
        const positions = kept.get(at);
        at += `/${positions && /^\d+$/.test(segment) ? String(positions[Number(segment)] ?? segment) : segment}`;
      }
      return at;
    },
  };
}

/** The type an object's `@odata.type` names, when it is the documented type or derives from it (as the validators choose it); else the documented type. */
function subtypeOf(node: Record<string, unknown>, expected: Extract<Expected, { kind: 'structured' }>, index: TypeIndex) {
  const named = node['@odata.type'];
  const fullName = typeof named === 'string' ? index.lookup(named) : undefined;
  const type = fullName && index.isA(fullName, expected.type.fullName) ? index.get(fullName) : undefined;
  return type && type.kind !== 'enum' ? type : expected.type;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
