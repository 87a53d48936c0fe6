// Members tables (`|Member|Value|Description|`), on enum pages and under `### x values` headings.
import type { RootContent } from 'mdast';
import type { EnumMember } from '../model/types.js';
import { type PageContext, report } from './context.js';
import { cellAt, columnIndex, readTable, rowName, tablesIn } from './tables.js';
import { squash } from './text.js';

const MEMBER_NAME = /^[A-Za-z_][\w]*$/;

export function readMemberTables(ctx: PageContext, nodes: RootContent[]): EnumMember[] {
  const members: EnumMember[] = [];
  for (const node of tablesIn(ctx, nodes)) {
    const table = readTable(ctx, node);
    const nameColumn = columnIndex(table, ['member', 'name', 'value']);
    if (nameColumn !== 0) {
      report(ctx, 'error', 'table-columns', 'A members table needs a Member column first.', table.source, {
        expected: 'Member | Value | Description',
        found: table.columns.join(' | '),
      });
      continue;
    }
    // `| Member | Member | Description |` (enums.md, 2024): the repeated name heads the values.
    const valueColumn = table.columns.findIndex((column, index) => index > 0 && (/^(int )?value$/.test(column) || column === table.columns[0]));
    const descriptionColumn = columnIndex(table, ['description']);
    for (const row of table.rows) {
      const name = rowName(ctx, row, MEMBER_NAME, {
        code: 'member-name',
        message: 'An enum member must be an identifier.',
        expected: 'a name such as `notStarted`',
      });
      if (name === undefined) continue;
      const valueCell = cellAt(row, valueColumn);
      const valueText = squash(valueCell?.text ?? '');
      const value = /^-?\d+$/.test(valueText) ? Number(valueText) : undefined;
      if (value === undefined && valueCell && valueText !== '') {
        report(ctx, 'warning', 'member-value', `Enum member \`${name}\` has a value that is not an integer.`, valueCell.source, {
          expected: 'a decimal integer',
          found: JSON.stringify(valueText),
        });
      }
      const description = squash(cellAt(row, descriptionColumn)?.text ?? '');
      members.push({ name, ...(value === undefined ? {} : { value }), description, source: row.cells[0]!.source });
    }
  }
  return members;
}
