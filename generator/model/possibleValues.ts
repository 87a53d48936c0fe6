// "Possible values are: `a`, `b`." in a property's description defines or
// extends the enum the property is typed with: where no page defines it, the
// list is its only definition; where a page does, the two are merged.
import type { ParsedPage, RawProperty } from '../parse/types.js';
import { readPossibleValues } from './descriptionNotes.js';
import type { EnumDefinition } from './enumTypes.js';
import { primitiveFor } from './primitives.js';
import { DEFAULT_NAMESPACE } from './structuredTypes.js';

/** Enum definitions from the possible-values lists of rows typed with a name that is not a primitive or a structured type. */
export function possibleValuesDefinitions(pages: readonly ParsedPage[], isStructured: (fullName: string) => boolean): EnumDefinition[] {
  const definitions: EnumDefinition[] = [];
  for (const page of pages) {
    const rows: RawProperty[] =
      page.kind === 'resource' ? page.properties : page.kind === 'api' && page.body.kind === 'described' ? page.body.properties : [];
    const namespace = page.namespace ?? DEFAULT_NAMESPACE;
    for (const row of rows) {
      const name = row.type.name.replace(/^#?microsoft\.graph\./i, '');
      if (primitiveFor(name) || !/^[A-Za-z_][\w.]*$/.test(name)) continue;
      const fullName = name.includes('.') ? `${DEFAULT_NAMESPACE}.${name}` : `${namespace}.${name}`;
      if (isStructured(fullName.toLowerCase())) continue;
      const values = readPossibleValues(row.description);
      if (!values) continue;
      definitions.push({
        file: page.file,
        name: fullName.slice(fullName.lastIndexOf('.') + 1),
        namespace: fullName.slice(0, fullName.lastIndexOf('.')),
        description: '',
        members: values.map((value) => ({ name: value, description: '', source: row.source })),
        source: row.source,
        role: 'list',
      });
    }
  }
  return definitions;
}
