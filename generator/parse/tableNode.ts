// A GFM pipe table's mdast, built from its lines the way remark-gfm builds it:
// cells split at every unescaped pipe (code spans included), each cell spanning
// from its opening pipe to the next, the last one taking the closing pipe.
// Cell content is read by `readSimpleInline`; a cell it cannot read is handed
// back as `deferred`, for remark to read as a paragraph.
import type { AlignType, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { readSimpleInline } from './simpleInline.js';

export interface DeferredCell {
  cell: TableCell;
  /** The cell's content without its surrounding white space. */
  text: string;
  line: number;
  column: number;
}

/**
 * Content that a paragraph would read otherwise than a cell: block syntax at
 * its start (headings, quotes, lists, HTML, fences, thematic breaks) or a link
 * definition.
 */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<|`{3}|~{3}|([-*_])(?:[ \t]*\1){2,}[ \t]*$|=+[ \t]*$|\[[^\]]*\]:)/;

/** `lines` are the table's, from its header row on; `firstLine` is the header's 1-based line number. Undefined: not a table this reads. */
export function buildTable(lines: readonly string[], firstLine: number): { table: Table; deferred: DeferredCell[] } | undefined {
  if (lines.some((line) => line.includes('\\|'))) return undefined;
  const header = cellRanges(lines[0]!);
  const delimiter = cellRanges(lines[1]!);
  if (header.length !== delimiter.length) return undefined;
  const align = delimiter.map(([from, to]) => alignOf(lines[1]!.slice(from, to)));
  const deferred: DeferredCell[] = [];
  const rows: TableRow[] = [];
  for (const [index, line] of lines.entries()) {
    if (index === 1) continue;
    const lineNumber = firstLine + index;
    const cells: TableCell[] = [];
    for (const [from, to, end] of cellRanges(line)) {
      const cell = cellAt(line, from, to, end, lineNumber, deferred);
      if (!cell) return undefined;
      cells.push(cell);
    }
    const rowEnd = cells.at(-1)?.position?.end ?? { line: lineNumber, column: 1 };
    rows.push({ type: 'tableRow', children: cells, position: { start: { line: lineNumber, column: 1 }, end: rowEnd } });
  }
  // A table without body rows ends with its delimiter row.
  const end = { line: firstLine + lines.length - 1, column: lines.at(-1)!.length + 1 };
  const table: Table = { type: 'table', align, children: rows, position: { start: rows[0]!.position!.start, end } };
  return { table, deferred };
}

/**
 * Each cell's content range, [from, to), and where the cell ends: at the next
 * pipe, or for the last cell at the end of the line (closing pipe and trailing
 * white space included). A row starts with a pipe here.
 */
function cellRanges(line: string): Array<[from: number, to: number, end: number]> {
  const content = line.replace(/[ \t]+$/, '');
  const pipes: number[] = [];
  for (let index = content.indexOf('|'); index !== -1; index = content.indexOf('|', index + 1)) pipes.push(index);
  const closed = pipes.at(-1) === content.length - 1 && pipes.length > 1;
  const bounds = closed ? pipes : [...pipes, content.length];
  const ranges: Array<[number, number, number]> = [];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const last = index + 2 === bounds.length;
    ranges.push([bounds[index]! + 1, bounds[index + 1]!, last ? line.length : bounds[index + 1]!]);
  }
  return ranges;
}

function alignOf(cell: string): AlignType {
  const text = cell.trim();
  const left = text.startsWith(':');
  const right = text.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function cellAt(line: string, from: number, to: number, end: number, lineNumber: number, deferred: DeferredCell[]): TableCell | undefined {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.replace(/^[ \t]+/, '').length;
  const text = /^[ \t]*$/.test(raw) ? '' : raw.slice(lead).replace(/[ \t]+$/, '');
  const column = from + lead + 1;
  const cell: TableCell = { type: 'tableCell', children: [], position: { start: { line: lineNumber, column: from }, end: { line: lineNumber, column: end + 1 } } };
  if (text === '') return cell;
  const children: PhrasingContent[] | undefined = readSimpleInline(text, lineNumber, column);
  if (children) cell.children = children;
  else if (BLOCK_START.test(text)) return undefined;
  else deferred.push({ cell, text, line: lineNumber, column });
  return cell;
}
