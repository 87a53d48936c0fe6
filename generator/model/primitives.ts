// The docs spell primitives many ways (`String`, `string`, `Edm.String`,
// `int`, `datetime`, `GUID`); map them to OData's Edm names.
import type { PrimitiveName } from './types.js';

// A Map, not an object: doc text such as `constructor` must not find Object.prototype's members.
const SPELLINGS = new Map<string, PrimitiveName>(Object.entries({
  string: 'String',
  str: 'String',
  url: 'String',
  'string (url)': 'String',
  boolean: 'Boolean',
  bool: 'Boolean',
  byte: 'Byte',
  sbyte: 'SByte',
  int16: 'Int16',
  int32: 'Int32',
  int: 'Int32',
  integer: 'Int32',
  int64: 'Int64',
  long: 'Int64',
  single: 'Single',
  float: 'Single',
  double: 'Double',
  number: 'Double',
  numeric: 'Double',
  decimal: 'Decimal',
  datetimeoffset: 'DateTimeOffset',
  datetime: 'DateTimeOffset',
  timestamp: 'DateTimeOffset',
  date: 'Date',
  timeofday: 'TimeOfDay',
  duration: 'Duration',
  guid: 'Guid',
  uuid: 'Guid',
  binary: 'Binary',
  stream: 'Stream',
  json: 'Untyped',
  'json object': 'Untyped',
  'untyped json': 'Untyped',
  object: 'Untyped',
  untyped: 'Untyped',
} satisfies Record<string, PrimitiveName>));

/** The primitive a type name stands for, or `undefined` when it names no primitive. */
export function primitiveFor(name: string): PrimitiveName | undefined {
  const key = name.trim().toLowerCase().replace(/^edm\./, '');
  return SPELLINGS.get(key);
}
