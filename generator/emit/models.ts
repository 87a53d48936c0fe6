// View data for models/: one interface per entity or complex type, one union
// type and value list per enum.
import type { EnumType, StructuredType } from '../model/types.js';
import { deprecatedLine, docLines, propertyDoc, sourceFiles, sourceLines, withGap } from './docLines.js';
import { ImportSet } from './imports.js';
import { type EmitContext, propertyType } from './typeExpressions.js';

export function structuredModelView(type: StructuredType, ctx: EmitContext) {
  const name = ctx.typeNames.get(type.fullName)!;
  const imports = new ImportSet(`./${name}.js`);
  const base = type.baseType && ctx.typeNames.get(type.baseType);
  if (base) imports.add(`./${base}.js`, base, true);
  const properties = type.properties.map((property) => {
    const notes = property.type.kind === 'unresolved' ? [{ text: `The docs name the type \`${property.type.text}\`, which no page defines.` }] : [];
    return {
      name: property.name,
      readOnly: property.readOnly,
      type: propertyType(property, ctx, imports, './', property.name === type.keyProperty),
      doc: propertyDoc(property, notes),
    };
  });
  return {
    sources: sourceFiles(type.sources),
    imports: imports.lines(),
    doc: withGap(docLines(type.description), [...deprecatedLine(type.deprecated), ...sourceLines(type.sources)]),
    name,
    fullName: type.fullName,
    extends: base,
    // Root types declare the `@odata.type` annotation, unless the docs list it as a property.
    odataType: !base && !type.properties.some((property) => property.name === '@odata.type'),
    open: type.openType,
    properties,
  };
}

export function enumModelView(type: EnumType, ctx: EmitContext) {
  const name = ctx.typeNames.get(type.fullName)!;
  const memberLines = type.members.map((member) => ({
    text: `- \`${member.name}\`${member.value === undefined ? '' : ` (${member.value})`}${member.description ? `: ${member.description}` : ''}`,
  }));
  const summary = docLines(type.description, type.flags ? [{ text: 'A flags enum: a value may combine members, separated by commas.' }] : []);
  return {
    sources: sourceFiles(type.sources, type.members),
    doc: withGap([...summary, ...(memberLines.length ? [{ text: '' }, { text: 'Members:' }, ...memberLines] : [])], [
      ...deprecatedLine(type.deprecated),
      ...sourceLines(type.sources),
    ]),
    name,
    valuesName: `${name}Values`,
    members: type.members.map((member) => ({ name: member.name })),
  };
}
