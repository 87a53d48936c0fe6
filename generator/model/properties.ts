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
    navigation: raw.navigation,
    source: raw.source,
  };
  if (notes.deprecated) property.deprecated = { message: raw.description, source: raw.source };
  return property;
}

/** Properties by name, first occurrence kept; later ones reported. */
export function uniqueProperties(properties: Property[], owner: string, report: DiagnosticSink): Property[] {
  const seen = new Map<string, Property>();
  for (const property of properties) {
    const first = seen.get(property.name);
    if (!first) {
      seen.set(property.name, property);
      continue;
    }
    report({
      code: 'duplicate-property',
      severity: 'warning',
      message: `\`${owner}\` documents \`${property.name}\` twice; the first (${first.source.file}:${first.source.line}) is kept.`,
      expected: 'each property once',
      found: 'a second row with the same name',
      source: property.source,
    });
  }
  return [...seen.values()];
}
