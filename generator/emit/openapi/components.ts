// openapi.json's components.schemas: one schema per type and enum. OpenAPI 3.1
// schemas are JSON Schema 2020-12, so each property's schema is schemas.ts's
// (the validators' rules), pointing at #/components/schemas/X instead of a file;
// inheritance is `allOf` plus a `discriminator` on `@odata.type`.
import type { Property, Source, StructuredType, TypeDefinition, TypeRef } from '../../model/types.js';
import { enumSchema, propertySchema, type Schema, type SchemaRef, valueSchema } from '../schemas.js';
import type { EmitContext } from '../typeExpressions.js';
import type { Fragment } from './document.js';

export const SOURCE_KEY = 'x-docgen-source';

/** Where OpenAPI keeps a type's schema. */
export const componentRef: SchemaRef = (typeName) => `#/components/schemas/${typeName}`;

/** `api/user-get.md:12`: a fact's page and line, as `x-docgen-source` holds it. */
export function sourceText(source: Source): string {
  return `${source.file}:${source.line}`;
}

/** The schema of a value of type `ref` in openapi.json: a primitive's rules, or a reference to a component. */
export function refSchema(ref: TypeRef, ctx: EmitContext): Schema {
  return valueSchema(ref, ctx, componentRef);
}

/** Every type's schema, by its TypeScript name (sorted): the keys of components.schemas. */
export function componentSchemas(ctx: EmitContext, fragment: Fragment): Record<string, Schema> {
  const entries = [...ctx.types.values()].map(
    (type) => [ctx.typeNames.get(type.fullName)!, fragment(`schema:${type.fullName}`, [`type:${type.fullName}`], (ctx) => componentSchema(type, ctx))] as const,
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function componentSchema(type: TypeDefinition, ctx: EmitContext): Schema {
  const head: Schema = {
    title: type.fullName,
    ...(type.description && { description: type.description }),
    ...(type.deprecated && { deprecated: true }),
  };
  const body = type.kind === 'enum' ? enumSchema(type) : structuredSchema(type, ctx);
  return { ...head, ...body, [SOURCE_KEY]: sourceText(type.sources[0]!) };
}

/**
 * A structured type: `allOf` its base (where the docs name one that exists), its own
 * properties beside it, and, where it has subtypes, a discriminator on `@odata.type`
 * that maps each documented name (its own and its subtypes') to its schema. The root
 * of a hierarchy declares `@odata.type`; its subtypes inherit it.
 */
function structuredSchema(type: StructuredType, ctx: EmitContext): Schema {
  const base = type.baseType ? ctx.typeNames.get(type.baseType) : undefined;
  const subtypes = ctx.subtypes.get(type.fullName) ?? [];
  const own = type.properties.filter((property) => !(base && property.name === '@odata.type'));
  const properties: Record<string, Schema> = {};
  if (!base && !own.some((property) => property.name === '@odata.type')) {
    properties['@odata.type'] = { description: 'The type of the object, as OData names it (`#microsoft.graph.user`).', type: 'string' };
  }
  for (const property of own) properties[property.name] = propertyComponent(property, property.name === type.keyProperty, ctx);
  const mapping = Object.fromEntries([type.fullName, ...subtypes].map((fullName) => [`#${fullName}`, componentRef(ctx.typeNames.get(fullName)!)]));
  return {
    ...(base && { allOf: [{ $ref: componentRef(base) }] }),
    type: 'object',
    properties,
    ...(subtypes.length > 0 && { discriminator: { propertyName: '@odata.type', mapping } }),
  };
}

/** A property's (or a body parameter's) schema, with its doc line. */
export function propertyComponent(property: Property, key: boolean, ctx: EmitContext): Schema {
  return { ...propertySchema(property, key, ctx, componentRef), [SOURCE_KEY]: sourceText(property.source) };
}
