// Property and relationship tables (`|Property|Type|Description|`).
import type { RootContent } from 'mdast';
import { type PageContext, report } from './context.js';
import { cellAt, columnIndex, readTable, rowName, tablesIn } from './tables.js';
import { readTypeRef } from './typeCell.js';
import type { RawProperty } from './types.js';
import { squash } from './text.js';

const NAME_COLUMNS = ['property', 'property name', 'name', 'relationship', 'relationship name', 'parameter'];
const PROPERTY_NAME = /^[@A-Za-z_][\w.@-]*$/;

export function readPropertyTables(ctx: PageContext, nodes: RootContent[], navigation: boolean): RawProperty[] {
  const properties: RawProperty[] = [];
  for (const node of tablesIn(ctx, nodes)) {
    const table = readTable(ctx, node);
    const typeColumn = columnIndex(table, ['type']);
    if (!NAME_COLUMNS.includes(table.columns[0] ?? '') || typeColumn === -1) {
      report(ctx, 'error', 'table-columns', 'A property table needs a name column first and a Type column.', table.source, {
        expected: 'Property | Type | Description',
        found: table.columns.join(' | '),
      });
      continue;
    }
    const descriptionColumn = columnIndex(table, ['description']);
    for (const row of table.rows) {
      const nameCell = row.cells[0]!;
      const name = rowName(ctx, row, PROPERTY_NAME, {
        code: 'property-name',
        message: 'A property row must start with a property name.',
        expected: 'an identifier such as `displayName`',
      });
      if (name === undefined) continue;
      const typeCell = cellAt(row, typeColumn);
      const type = typeCell && readTypeRef(ctx, typeCell.nodes, typeCell.text, typeCell.source);
      if (!type) {
        report(ctx, 'error', 'property-type', `Property \`${name}\` has no type.`, (typeCell ?? nameCell).source, {
          expected: 'a type such as `String` or `[x](x.md)`',
          found: 'an empty cell',
        });
        continue;
      }
      const description = squash(cellAt(row, descriptionColumn)?.text ?? '');
      properties.push({ name, type, description, navigation, source: nameCell.source });
    }
  }
  return properties;
}
