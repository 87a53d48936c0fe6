// Property and relationship tables (`|Property|Type|Description|`).
import type { RootContent } from 'mdast';
import { type PageContext, report } from './context.js';
import { cellAt, columnIndex, isDeprecatedRow, readTable, rowName, tablesIn } from './tables.js';
import { findLink, readTypeRef } from './typeCell.js';
import type { PhrasingContent } from 'mdast';
import type { Source } from '../model/types.js';
import type { RawProperty, RawTypeRef } from './types.js';
import { nodeText, squash } from './text.js';

const NAME_COLUMNS = ['property', 'property name', 'name', 'relationship', 'relationship name', 'parameter', 'query parameter', 'parameter name'];
const PROPERTY_NAME = /^[@A-Za-z_][\w.@-]*$/;

/** The link right after "Inherited from" in a description cell. */
function readInheritedFrom(ctx: PageContext, nodes: PhrasingContent[], source: Source): RawTypeRef | undefined {
  let seen = '';
  for (const [index, node] of nodes.entries()) {
    if (/\binherited from\s*$/i.test(seen)) {
      const link = findLink(ctx, [node]);
      return link ? { name: link.text, link: link.url, collection: false, source } : undefined;
    }
    seen += nodeText(node);
    if (index > 200) break;
  }
  return undefined;
}

export interface TableOptions {
  /** Relationships rows are navigation properties. */
  navigation?: boolean;
  /** Query and function parameter tables: names may start with `$`, and a table may lack a Type column (then String). */
  parameters?: boolean;
}

const PARAMETER_NAME = /^[$@A-Za-z_][\w.@-]*$/;

export function readPropertyTables(ctx: PageContext, nodes: RootContent[], options: TableOptions = {}): RawProperty[] {
  const navigation = options.navigation ?? false;
  const properties: RawProperty[] = [];
  for (const node of tablesIn(ctx, nodes)) {
    const table = readTable(ctx, node);
    const typeColumn = columnIndex(table, ['type']);
    const named = NAME_COLUMNS.includes(table.columns[0] ?? '');
    // Shaped like a property or parameter table: a name column first, or a Type column after the first.
    // Any other table here (examples, a comparison, derived types) is prose to docgen.
    if (!named && typeColumn < 1) {
      report(ctx, 'info', 'table-skipped', 'This table is not a property table (no name column first, no Type column); it is skipped.', table.source, {
        expected: 'Property | Type | Description',
        found: table.columns.join(' | '),
      });
      continue;
    }
    if (!named || (typeColumn === -1 && !options.parameters)) {
      report(ctx, 'error', 'table-columns', 'A property table needs a name column first and a Type column.', table.source, {
        expected: 'Property | Type | Description',
        found: table.columns.join(' | '),
      });
      continue;
    }
    const descriptionColumn = columnIndex(table, ['description']);
    for (const row of table.rows) {
      const nameCell = row.cells[0]!;
      const name = rowName(ctx, row, options.parameters ? PARAMETER_NAME : PROPERTY_NAME, {
        code: 'property-name',
        message: 'A property row must start with a property name.',
        expected: 'an identifier such as `displayName`',
      });
      if (name === undefined) continue;
      const typeCell = cellAt(row, typeColumn);
      const type =
        typeColumn === -1 ? { name: 'String', collection: false, source: nameCell.source } : typeCell && readTypeRef(ctx, typeCell.nodes, typeCell.text, typeCell.source);
      if (!type) {
        report(ctx, 'error', 'property-type', `Property \`${name}\` has no type.`, (typeCell ?? nameCell).source, {
          expected: 'a type such as `String` or `[x](x.md)`',
          found: 'an empty cell',
        });
        continue;
      }
      const descriptionCell = cellAt(row, descriptionColumn);
      const property: RawProperty = { name, type, description: squash(descriptionCell?.text ?? ''), navigation, source: nameCell.source };
      const inheritedFrom = descriptionCell && readInheritedFrom(ctx, descriptionCell.nodes, descriptionCell.source);
      if (inheritedFrom) property.inheritedFrom = inheritedFrom;
      if (isDeprecatedRow(row)) property.deprecated = true;
      properties.push(property);
    }
  }
  return properties;
}
