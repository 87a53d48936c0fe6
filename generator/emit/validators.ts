// View data for validators/: a validate/is/check trio per type.
import type { EnumType, StructuredType } from '../model/types.js';
import { sourceFiles } from './docLines.js';
import { ImportSet } from './imports.js';
import { asControlInformation, checkFor, type EmitContext, isNullable } from './typeExpressions.js';

export function structuredValidatorView(type: StructuredType, ctx: EmitContext) {
  const typeName = ctx.typeNames.get(type.fullName)!;
  const imports = new ImportSet(`./${typeName}.js`);
  imports.add(`../models/${typeName}.js`, typeName, true);
  const base = type.baseType && ctx.typeNames.get(type.baseType);
  if (base) imports.add(`./${base}.js`, `checkPropertiesOf${base}`);
  const properties = type.properties.map(asControlInformation).map((property) => ({
    name: property.name,
    check: checkFor(property.type, ctx, imports),
    nullable: isNullable(property, property.name === type.keyProperty),
    collection: property.collection,
  }));
  return { sources: sourceFiles(type.sources), imports: imports.lines(), typeName, base, properties, checksNothing: !base && properties.length === 0 };
}

export function enumValidatorView(type: EnumType, ctx: EmitContext) {
  const imports = new ImportSet();
  const typeName = ctx.typeNames.get(type.fullName)!;
  const valuesName = `${typeName}Values`;
  imports.add(`../models/${typeName}.js`, typeName, true);
  imports.add(`../models/${typeName}.js`, valuesName);
  return { sources: sourceFiles(type.sources, type.members), imports: imports.lines(), typeName, valuesName, flags: type.flags };
}
