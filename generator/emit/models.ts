// View data for models/: one interface per entity or complex type, one union
// type and value list per enum.
import type { EnumType, StructuredType } from '../model/types.js';
import { deprecatedLine, docLines, propertyDoc, sourceFiles, sourceLines, withGap } from './docLines.js';
import { stringLiteral } from './escape.js';
import { ImportSet } from './imports.js';
import { type EmitContext, propertyType } from './typeExpressions.js';

export function structuredModelView(type: StructuredType, ctx: EmitContext) {
  const name = ctx.typeNames.get(type.fullName)!;
  const imports = new ImportSet(`./${name}.js`);
  const base = type.baseType && ctx.typeNames.get(type.baseType);
  if (base) imports.add(`./${base}.js`, base, true);
  // `@odata.type` is declared by every type, as the literal names it may hold (see odataTypeView); a row for it only lends its doc.
  const properties = type.properties.filter((property) => property.name !== ODATA_TYPE).map((property) => {
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
    doc: withGap(docLines(type.description, type.openType ? OPEN_TYPE_NOTE : []), [...deprecatedLine(type.deprecated), ...sourceLines(type.sources)]),
    name,
    fullName: type.fullName,
    extends: base,
    odataType: odataTypeView(type, ctx),
    properties,
  };
}

const ODATA_TYPE = '@odata.type';

// The interface stays closed, so that a misspelt property is an error and completions list the documented ones.
const OPEN_TYPE_NOTE = [
  { text: '' },
  { text: 'An open type: the service may send properties the docs do not list, which the validators accept in lenient' },
  { text: "mode. Read one as `(value as Record<string, unknown>)['name']`." },
];

/**
 * `'@odata.type'?: '#microsoft.graph.directoryObject' | '#microsoft.graph.user' | …`: the names
 * a value of this type may carry, its own and every documented subtype's, so that a subtype's
 * narrower literal still extends its base and a switch on it narrows a union of subtypes.
 */
function odataTypeView(type: StructuredType, ctx: EmitContext) {
  const names = [type.fullName, ...(ctx.subtypes.get(type.fullName) ?? [])].map((name) => stringLiteral(`#${name}`));
  const documented = type.properties.find((property) => property.name === ODATA_TYPE);
  const subtypes = names.length > 1 ? ', or one of its subtypes' : '';
  const doc = documented?.description ? propertyDoc(documented) : docLines(`The type of the object, as OData names it: \`#${type.fullName}\`${subtypes}.`);
  // More than a few names go one to a line, as the TypeScript formatter keeps them.
  return { doc, literals: names.length > 3 ? names.map((name) => ({ name })) : undefined, type: names.join(' | ') };
}

/** The union module of a type with documented subtypes (`AnyDirectoryObject`): the type and each subtype, told apart by `@odata.type`. */
export function unionModelView(type: StructuredType, unionName: string, ctx: EmitContext) {
  const imports = new ImportSet();
  const members = [type.fullName, ...ctx.subtypes.get(type.fullName)!].map((fullName) => {
    const name = ctx.typeNames.get(fullName)!;
    imports.add(`./${name}.js`, name, true);
    return { type: name, literal: stringLiteral(`#${fullName}`) };
  });
  return { sources: sourceFiles(type.sources), imports: imports.lines(), name: unionName, fullName: type.fullName, members };
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
