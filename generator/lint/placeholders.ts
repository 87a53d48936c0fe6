// Placeholders: the values the docs write where a value of some type goes
// ("String", "String (timestamp)", "Int32", 1024, {"@odata.type":
// "microsoft.graph.x"}, the enum's name). They are not data: `lint --examples`
// takes them out before validating, and checks that the type a placeholder
// names fits the type the table documents.
//
// Which placeholders fit (docs/lint-examples.md says the same):
// - any placeholder fits a property typed Untyped, or with a type no page defines;
// - "String" fits every type JSON carries as a string (String, Guid,
//   DateTimeOffset, Date, TimeOfDay, Duration, Binary, Stream) and every enum;
//   a String property takes every string-carried placeholder ("String
//   (timestamp)", "Guid", "Date"); otherwise a string-carried placeholder must
//   name the documented type, except that Binary and Stream are one, and
//   DateTimeOffset, Date and TimeOfDay fit each other (the docs write
//   "String (timestamp)" for all three);
// - a numeric placeholder (Int32, Int64, Double, 1024, 4.2) fits every numeric type;
// - Boolean (or true/false in a JSON representation) fits Boolean;
// - an enum's name, qualified or not, or a list of its members (`a | b`), fits that enum;
//   a type's bare name ("sharingDetail") stands for it where the docs expect a type;
// - {"@odata.type": "microsoft.graph.x"} or "microsoft.graph.x" fits a property
//   typed x or a base type of x (the validators follow @odata.type down, not up).
import type { PrimitiveName } from '../model/types.js';
import type { Expected, TypeIndex } from './typeIndex.js';

export type Placeholder =
  | { kind: 'primitive'; name: PrimitiveName; text: string }
  /** Names a type: `fullName` when the model has it. */
  | { kind: 'type'; name: string; fullName?: string; text: string }
  /** `notStarted | running | completed`: members of an enum. */
  | { kind: 'members'; members: string[]; text: string };

/** A resource page's JSON representation (every value is a stand-in) or a request or response example (values are data). */
export type PlaceholderContext = 'representation' | 'example';

const WORDS = new Map<string, PrimitiveName>([
  ['string', 'String'], ['url', 'String'], ['uri', 'String'],
  ['boolean', 'Boolean'], ['bool', 'Boolean'],
  ['byte', 'Byte'], ['sbyte', 'SByte'], ['int16', 'Int16'], ['int32', 'Int32'], ['int', 'Int32'], ['integer', 'Int32'],
  ['int64', 'Int64'], ['long', 'Int64'], ['single', 'Single'], ['float', 'Single'], ['double', 'Double'], ['decimal', 'Decimal'],
  ['datetimeoffset', 'DateTimeOffset'], ['datetime', 'DateTimeOffset'], ['timestamp', 'DateTimeOffset'],
  ['date', 'Date'], ['timeofday', 'TimeOfDay'], ['duration', 'Duration'],
  ['guid', 'Guid'], ['uuid', 'Guid'], ['binary', 'Binary'], ['stream', 'Stream'],
  ['json', 'Untyped'], ['untyped', 'Untyped'],
]);

/** What `String (…)` says the string is; anything else (`identifier`, `email`, `url`) leaves it a String. */
const QUALIFIERS: Array<[RegExp, PrimitiveName]> = [
  [/duration/i, 'Duration'],
  [/timestamp|date\s*-?\s*time|datetimeoffset|iso\s*8601|utc/i, 'DateTimeOffset'],
  [/^date$/i, 'Date'],
  [/time\s*of\s*day|^time$/i, 'TimeOfDay'],
  [/guid|uuid/i, 'Guid'],
  [/binary|base\s*64/i, 'Binary'],
];

export const STRING_CARRIED: ReadonlySet<PrimitiveName> = new Set(['String', 'Guid', 'DateTimeOffset', 'Date', 'TimeOfDay', 'Duration', 'Binary', 'Stream']);
/** "String (timestamp)" stands for dates and times of day too. */
const TEMPORAL: ReadonlySet<PrimitiveName> = new Set(['DateTimeOffset', 'Date', 'TimeOfDay']);
export const NUMERIC: ReadonlySet<PrimitiveName> = new Set(['Byte', 'SByte', 'Int16', 'Int32', 'Int64', 'Single', 'Double', 'Decimal']);

const QUALIFIED = /^(?:@odata\.type\s*:\s*)?(#?microsoft\.graph(?:\.[A-Za-z_]\w*)+)$/i;
const MEMBER_LIST = /^\s*[A-Za-z_]\w*(\s*\|\s*[A-Za-z_]\w*)+\s*$/;

/**
 * The primitive a placeholder string names, if any: `String`, `Edm.Int32`,
 * `String (timestamp)`, `<Unknown Primitive Type Edm.Stream>`, and the
 * `<something>-value` of generated examples (`datetime-value`; `id-value` is a String).
 */
export function primitivePlaceholder(text: string): PrimitiveName | undefined {
  const unknown = /^<unknown primitive type\s+(.*)>$/i.exec(text.trim());
  const trimmed = (unknown ? unknown[1]! : text).trim();
  const generated = /^([A-Za-z]\w*)-value$/i.exec(trimmed);
  if (generated) return WORDS.get(generated[1]!.toLowerCase()) ?? 'String';
  const match = /^(?:edm\.)?([A-Za-z]\w*)\s*(?:\(([^()]*)\))?$/i.exec(trimmed);
  if (!match) return undefined;
  const base = WORDS.get(match[1]!.toLowerCase());
  const qualifier = match[2]?.trim();
  if (!base || !qualifier || base !== 'String') return base;
  return QUALIFIERS.find(([pattern]) => pattern.test(qualifier))?.[1] ?? 'String';
}

/** `Collection(microsoft.graph.x)`, `collection(string)`, `[String]`: a stand-in for a whole collection, and what its items are. */
export function collectionPlaceholder(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(?:collection\(\s*([^()]+?)\s*\)|\[\s*([^[\]]+?)\s*\])\s*$/i.exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * `value` as a placeholder, given what the docs expect there; `undefined` when it is data.
 * A documented enum member is data; so, in an example, is any string the docs
 * type as String (a String property may hold "Int32"). Numbers and booleans are
 * placeholders only in a JSON representation.
 */
export function recognisePlaceholder(value: unknown, context: PlaceholderContext, expected: Expected, index: Pick<TypeIndex, 'lookup'>): Placeholder | undefined {
  if (typeof value === 'string') {
    if (expected.kind === 'enum' && isMemberValue(value, expected)) return undefined;
    if (context === 'example' && (expected.kind === 'any' || (expected.kind === 'primitive' && expected.name === 'String'))) return undefined;
    const text = value.trim();
    const primitive = primitivePlaceholder(text);
    const json = JSON.stringify(value);
    if (primitive) return { kind: 'primitive', name: primitive, text: json };
    const qualified = QUALIFIED.exec(text);
    if (qualified) return typePlaceholder(qualified[1]!, json, index);
    if ((expected.kind === 'enum' || expected.kind === 'structured') && /^[A-Za-z_]\w*$/.test(text)) {
      // A bare type name: the documented type's own anywhere, any type's in a representation ("lastShared": "sharingDetail").
      if (text.toLowerCase() === expected.type.name.toLowerCase()) return { kind: 'type', name: text, fullName: expected.type.fullName, text: json };
      const named = context === 'representation' ? index.lookup(text) : undefined;
      if (named) return { kind: 'type', name: text, fullName: named, text: json };
    }
    if (MEMBER_LIST.test(text)) return { kind: 'members', members: text.split('|').map((member) => member.trim()), text: json };
    return undefined;
  }
  if (context === 'representation' && typeof value === 'number') return { kind: 'primitive', name: Number.isInteger(value) ? 'Int64' : 'Double', text: String(value) };
  if (context === 'representation' && typeof value === 'boolean') return { kind: 'primitive', name: 'Boolean', text: String(value) };
  if (isODataTypeOnly(value)) return typePlaceholder(value['@odata.type'], JSON.stringify(value), index);
  return undefined;
}

function typePlaceholder(name: string, text: string, index: Pick<TypeIndex, 'lookup'>): Placeholder {
  const primitive = primitivePlaceholder(name);
  if (primitive) return { kind: 'primitive', name: primitive, text };
  const fullName = index.lookup(name);
  const placeholder: Placeholder = { kind: 'type', name: name.trim().replace(/^#/, ''), text };
  if (fullName) placeholder.fullName = fullName;
  return placeholder;
}

/** `{"@odata.type": "microsoft.graph.x"}` and nothing else. */
function isODataTypeOnly(value: unknown): value is { '@odata.type': string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '@odata.type' && typeof (value as Record<string, unknown>)['@odata.type'] === 'string';
}

function isMemberValue(value: string, expected: Extract<Expected, { kind: 'enum' }>): boolean {
  const members = new Set(expected.type.members.map((member) => member.name));
  return expected.type.flags ? value.split(',').every((member) => members.has(member.trim())) : members.has(value);
}

/** Does the type the placeholder names fit the documented one? (The rules are at the top of this file.) */
export function placeholderFits(placeholder: Placeholder, expected: Expected, index: Pick<TypeIndex, 'isA'>): boolean {
  if (expected.kind === 'any') return true;
  if (placeholder.kind === 'primitive' && placeholder.name === 'Untyped') return true;
  switch (expected.kind) {
    case 'primitive': {
      const documented = expected.name;
      if (placeholder.kind === 'members') return documented === 'String';
      if (placeholder.kind === 'type') return false;
      const named = placeholder.name;
      if (documented === 'String') return STRING_CARRIED.has(named);
      if (STRING_CARRIED.has(documented)) return named === documented || named === 'String' || (isBinary(named) && isBinary(documented)) || (TEMPORAL.has(named) && TEMPORAL.has(documented));
      if (NUMERIC.has(documented)) return NUMERIC.has(named);
      return named === documented;
    }
    case 'enum': {
      if (placeholder.kind === 'primitive') return placeholder.name === 'String';
      if (placeholder.kind === 'members') return placeholder.members.every((member) => expected.type.members.some((known) => known.name === member));
      return placeholder.fullName === expected.type.fullName;
    }
    case 'structured':
      return placeholder.kind === 'type' && placeholder.fullName !== undefined && index.isA(placeholder.fullName, expected.type.fullName);
  }
}

function isBinary(name: PrimitiveName): boolean {
  return name === 'Binary' || name === 'Stream';
}

/** What the placeholder says the value is: `Int32`, `microsoft.graph.identitySet`, `members of an enum`. */
export function describePlaceholder(placeholder: Placeholder): string {
  if (placeholder.kind === 'primitive') return placeholder.name;
  if (placeholder.kind === 'members') return `the enum members ${placeholder.members.join(', ')}`;
  return placeholder.fullName ?? `${placeholder.name} (no page defines it)`;
}
