// Reading GFM tables into rows of cells, repairing what hand-edited tables
// break: group rows, rows split by a hard newline, and stray `|` in text.
import type { Nodes, Paragraph, PhrasingContent, RootContent, Table, TableCell as MdTableCell } from 'mdast';
import type { Source } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import { parseMarkdown } from './markdown.js';
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

// A name starts a row; a lone word ending in a period (`updated.`) is the tail of a sentence.
const IDENTIFIER_LIKE = /^[@\w](?:[\w.@-]*[\w@-])?$/;

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

const DEPRECATED_SUFFIX = /\s*\(deprecated\)$/i;

/** `name (deprecated)` in a row's first cell. */
export function isDeprecatedRow(row: Row): boolean {
  return DEPRECATED_SUFFIX.test(squash(row.cells[0]?.text ?? ''));
}

/** The name in a row's first cell (backticks and a `(deprecated)` mark dropped), or `undefined`, reported, when it does not match `pattern`. */
export function rowName(ctx: PageContext, row: Row, pattern: RegExp, problem: { code: string; message: string; expected: string }): string | undefined {
  const cell = row.cells[0]!;
  const name = squash(cell.text).replace(/`/g, '').replace(DEPRECATED_SUFFIX, '');
  if (pattern.test(name)) return name;
  report(ctx, 'error', problem.code, problem.message, cell.source, { expected: problem.expected, found: JSON.stringify(name) });
  return undefined;
}

export function cellAt(row: Row, index: number): Cell | undefined {
  return index < 0 ? undefined : row.cells[index];
}

/**
 * The tables among `nodes`, including two that remark reads as paragraphs:
 * rows that follow a commented-out row (a `<!--` line ends a GFM table), and
 * a table whose delimiter row has the wrong number of cells. Both are read
 * again from the page's own lines, keeping their line numbers.
 */
export function tablesIn(ctx: PageContext, nodes: readonly RootContent[]): Table[] {
  const tables: Table[] = [];
  let previous: Table | undefined;
  for (const node of nodes) {
    if (node.type === 'table') {
      tables.push(node);
      previous = node;
      continue;
    }
    if (node.type === 'html') continue; // a comment between a table and its continuation
    const recovered = node.type === 'paragraph' ? recoverTable(ctx, node, previous) : undefined;
    if (recovered) tables.push(recovered);
    previous = undefined;
  }
  return tables;
}

function recoverTable(ctx: PageContext, paragraph: Paragraph, previous: Table | undefined): Table | undefined {
  const start = paragraph.position?.start.line;
  const end = paragraph.position?.end.line;
  if (start === undefined || end === undefined) return undefined;
  const lines = ctx.lines.slice(start - 1, end);
  if (!lines[0]?.trim().startsWith('|')) return undefined;
  const source = { file: ctx.file, line: start, column: 1 };
  const unreadable = () =>
    report(ctx, 'warning', 'table-unreadable', 'These lines look like table rows but could not be read as a table; they are skipped.', source, {
      expected: 'a header row, a delimiter row with as many cells, then rows',
      found: JSON.stringify(lines[0]!.trim().slice(0, 80)),
    });
  let head: string[];
  let body: string[];
  let firstBodyLine: number;
  if (previous?.position && !isDelimiterRow(lines[1])) {
    // Rows cut off from `previous` by a comment: give them its header again.
    const headerLine = previous.position.start.line;
    head = ctx.lines.slice(headerLine - 1, headerLine + 1);
    body = lines;
    firstBodyLine = start;
  } else if (isDelimiterRow(lines[1])) {
    // A header whose delimiter row has the wrong cell count: write a matching one.
    head = [lines[0]!, cellsOf(lines[0]!).map(() => '---').join('|').replace(/^/, '|').replace(/$/, '|')];
    body = lines.slice(2);
    firstBodyLine = start + 2;
  } else return void unreadable();
  const root = parseMarkdown([...head, ...body].join('\n'));
  const table = root.children.find((child): child is Table => child.type === 'table');
  if (!table || table.children.length - 1 !== body.length) return void unreadable();
  shiftLines(table, firstBodyLine - 3);
  report(ctx, 'info', 'table-repaired', 'Rows remark did not read as a table (after a comment, or under a bad delimiter row) were read again.', source);
  return table;
}

function isDelimiterRow(line: string | undefined): boolean {
  return line !== undefined && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

function cellsOf(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

/** Moves positions of the re-parsed body rows (snippet line 3 on) to the page's line numbers. */
function shiftLines(node: Nodes, offset: number): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (point && point.line >= 3) point.line += offset;
  }
  if ('children' in node) for (const child of node.children) shiftLines(child as Nodes, offset);
}
