// Model type references → TypeScript type expressions and validator checks.
import type { PrimitiveName, Property, TypeDefinition, TypeRef } from '../model/types.js';
import type { ImportSet } from './imports.js';

const PRIMITIVE_TS: Record<PrimitiveName, string> = {
  String: 'string',
  Boolean: 'boolean',
  Byte: 'number',
  SByte: 'number',
  Int16: 'number',
  Int32: 'number',
  Int64: 'number',
  // Graph writes the special floating-point values as strings.
  Single: "number | 'NaN' | 'INF' | '-INF'",
  Double: "number | 'NaN' | 'INF' | '-INF'",
  Decimal: "number | 'NaN' | 'INF' | '-INF'",
  DateTimeOffset: 'string',
  Date: 'string',
  TimeOfDay: 'string',
  Duration: 'string',
  Guid: 'string',
  Binary: 'string',
  Stream: 'string',
  Untyped: 'unknown',
};

/** What emitters need to know about the model to name and import things. */
export interface EmitContext {
  types: ReadonlyMap<string, TypeDefinition>;
  /** Full type name → TypeScript name. */
  typeNames: ReadonlyMap<string, string>;
  /** Full type name → the full names of every type derived from it, directly or not, sorted. */
  subtypes: ReadonlyMap<string, string[]>;
  /** Full type name → the name of the union of it and its subtypes (`AnyDirectoryObject`), for each type that has subtypes. */
  unions: ReadonlyMap<string, string>;
}

/** The type expression for `ref`, importing model types from `modelsDir` (relative, with trailing slash). */
export function tsType(ref: TypeRef, ctx: EmitContext, imports: ImportSet, modelsDir: string): string {
  if (ref.kind === 'primitive') return PRIMITIVE_TS[ref.name];
  if (ref.kind === 'unresolved') return 'unknown';
  const name = ctx.typeNames.get(ref.fullName)!;
  imports.add(`${modelsDir}${name}.js`, name, true);
  return name;
}

/** What a response holds where the docs say `ref`: the union of the type and its subtypes where it has some, so a switch on `@odata.type` narrows it. */
export function responseItemType(ref: TypeRef, ctx: EmitContext, imports: ImportSet, modelsDir: string): string {
  const union = ref.kind === 'named' ? ctx.unions.get(ref.fullName) : undefined;
  if (!union) return tsType(ref, ctx, imports, modelsDir);
  imports.add(`${modelsDir}${union}.js`, union, true);
  return union;
}

/**
 * `@odata.type` is OData control information, a type name string whatever a
 * table says; every root interface declares it so, and a derived type that
 * lists it again must agree.
 */
export function asControlInformation(property: Property): Property {
  return property.name === '@odata.type' ? { ...property, type: { kind: 'primitive', name: 'String' }, collection: false } : property;
}

export function propertyType(documented: Property, ctx: EmitContext, imports: ImportSet, modelsDir: string, key: boolean): string {
  const property = asControlInformation(documented);
  const base = tsType(property.type, ctx, imports, modelsDir);
  const type = property.collection ? (base.includes(' ') ? `Array<${base}>` : `${base}[]`) : base;
  // `unknown` already admits null.
  return isNullable(property, key) && type !== 'unknown' ? `${type} | null` : type;
}

/** Null is allowed unless the docs say "not nullable"; keys and OData control information (`@odata.type`, which every root type also declares) never are. */
export function isNullable(property: Property, key: boolean): boolean {
  return property.nullable !== false && !key && !property.name.startsWith('@odata.');
}
