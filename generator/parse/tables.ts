// Reading GFM tables into rows of cells, repairing what hand-edited tables
// break: group rows, rows split by a hard newline, and stray `|` in text.
import type { PhrasingContent, Table, TableCell as MdTableCell } from 'mdast';
import type { Source } from '../model/types.js';
import { type PageContext, sourceOf } from './context.js';
import { headingKey, nodeText, squash } from './text.js';

export interface Cell {
  /** The cell's content, for reading links and code spans. */
  nodes: PhrasingContent[];
  /** Plain text; `<br>` and `<li>` become newlines. */
  text: string;
  source: Source;
}

export interface Row {
  cells: Cell[];
  source: Source;
}

export interface TableData {
  /** Header texts, lower case. */
  columns: string[];
  rows: Row[];
  source: Source;
}

const IDENTIFIER_LIKE = /^[@\w][\w.@-]*$/;

export function readTable(ctx: PageContext, table: Table): TableData {
  const [header, ...body] = table.children;
  const columns = (header?.children ?? []).map((cell) => headingKey(nodeText(cell)));
  const rows: Row[] = [];
  for (const row of body) {
    const cells = row.children.map((cell) => toCell(ctx, cell));
    if (cells.every((cell) => cell.text.trim() === '') || isGroupRow(row.children)) continue;
    const previous = rows[rows.length - 1];
    if (cells.length < columns.length && previous && !IDENTIFIER_LIKE.test(squash(cells[0]!.text))) {
      // The tail of the previous row, cut off by a hard newline in its last cell.
      appendText(previous.cells[previous.cells.length - 1]!, cells);
      continue;
    }
    if (columns.length > 0 && cells.length > columns.length) {
      // An unescaped `|` in the last column split it; put it back together.
      const last = cells[columns.length - 1]!;
      appendText(last, cells.splice(columns.length), ' | ');
    }
    rows.push({ cells, source: sourceOf(ctx, row) });
  }
  return { columns, rows, source: sourceOf(ctx, table) };
}

function toCell(ctx: PageContext, cell: MdTableCell): Cell {
  return { nodes: cell.children, text: nodeText(cell), source: sourceOf(ctx, cell) };
}

function appendText(target: Cell, extra: Cell[], separator = ' '): void {
  for (const cell of extra) {
    target.nodes = [...target.nodes, ...cell.nodes];
    target.text = `${target.text}${separator}${cell.text}`;
  }
}

/** `|**Device management**|||`: a bold label that groups the rows below it. */
function isGroupRow(cells: MdTableCell[]): boolean {
  const filled = cells.filter((cell) => squash(nodeText(cell)) !== '');
  if (filled.length !== 1) return false;
  const content = filled[0]!.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.length === 1 && content[0]!.type === 'strong';
}

/** Index of the first column whose header is one of `names` (lower case), or -1. */
export function columnIndex(table: TableData, names: readonly string[]): number {
  return table.columns.findIndex((column) => names.includes(column));
}

export function cellAt(row: Row, index: number): Cell | undefined {
  return index < 0 ? undefined : row.cells[index];
}
