// Table rows → model properties: types resolved, notes in the description read.
import type { RawProperty } from '../parse/types.js';
import { readDescriptionNotes } from './descriptionNotes.js';
import { resolveTypeRef } from './resolveType.js';
import type { DiagnosticSink, SymbolTable } from './symbols.js';
import type { Property } from './types.js';

export function toProperty(raw: RawProperty, symbols: SymbolTable, namespace: string, report: DiagnosticSink): Property {
  const notes = readDescriptionNotes(raw.description);
  const property: Property = {
    name: raw.name,
    type: resolveTypeRef(raw.type, symbols, namespace, report),
    collection: raw.type.collection,
    description: raw.description,
    readOnly: notes.readOnly,
    nullable: notes.nullable,
    queryOptions: notes.queryOptions,
    navigation: raw.navigation,
    source: raw.source,
  };
  if (notes.required) property.required = true;
  if (notes.deprecated || raw.deprecated) property.deprecated = { message: raw.description || 'Deprecated.', source: raw.source };
  return property;
}

/** `` `String` ``, `` `Collection(microsoft.graph.x)` ``: how diagnostics write a property's type. */
export function typeKey(property: Property): string {
  const type = property.type;
  const name = type.kind === 'primitive' ? type.name : type.kind === 'named' ? type.fullName : type.text;
  return `\`${property.collection ? `Collection(${name})` : name}\``;
}

/** Properties by name, first occurrence kept; a repeat on the same page, or a disagreeing one on another, is reported. */
export function uniqueProperties(properties: Property[], owner: string, report: DiagnosticSink): Property[] {
  const seen = new Map<string, Property>();
  for (const property of properties) {
    const first = seen.get(property.name);
    if (!first) {
      seen.set(property.name, property);
      continue;
    }
    if (first.source.file === property.source.file) {
      report({
        code: 'duplicate-property',
        severity: 'warning',
        message: `\`${owner}\` documents \`${property.name}\` twice; the first (${first.source.file}:${first.source.line}) is kept.`,
        expected: 'each property once',
        found: 'a second row with the same name',
        source: property.source,
      });
    } else if (typeKey(first) !== typeKey(property)) {
      // A type documented over several pages: they must agree.
      report({
        code: 'merge-conflict',
        severity: 'warning',
        message: `\`${owner}\`.\`${property.name}\` is ${typeKey(property)} here but ${typeKey(first)} at ${first.source.file}:${first.source.line}; the first is kept.`,
        expected: typeKey(first),
        found: typeKey(property),
        source: property.source,
      });
    }
  }
  return [...seen.values()];
}
