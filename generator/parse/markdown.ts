// Markdown → mdast, with the plugins the Graph docs need: GFM tables and YAML
// front matter (without it, remark reads the YAML as a thematic break and an H2).
//
// remark reads about 0.7 MB/s, and over half the docs' bytes are top-level
// tables and fenced code, which it reads slowest. So the page's lines are
// scanned first (blockScan): those blocks, and the comments, headings,
// one-line paragraphs and front matter around them, are built here, and remark reads
// the page with each of them replaced by an empty HTML comment on the same
// lines, which it reads at once. Each comment must come back as a top-level
// node on exactly its lines, or the page is read again by remark alone; the
// tree is remark's either way (test/markdownFastPath.test.ts compares them).
import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blockNode } from './blockNodes.js';
import { scanBlocks, type ScannedBlock } from './blockScan.js';
import { buildTable, type DeferredCell } from './tableNode.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** What `parseMarkdown` read itself, for tests and the bench. */
export interface MarkdownStats {
  /** Blocks built without remark. */
  blocks: number;
  /** Table cells remark read, as one batch of paragraphs. */
  deferredCells: number;
  /** Why the page was read by remark alone after all. */
  fallback?: string;
}

export function parseMarkdown(text: string, stats?: MarkdownStats): Root {
  const whole = (reason?: string) => {
    if (stats && reason) stats.fallback = reason;
    return processor.parse(text);
  };
  // Line ends other than \n and a byte-order mark move remark's columns and offsets.
  if (text.includes('\r') || text.startsWith('\uFEFF')) return whole('line endings or BOM');
  const lines = text.split('\n');
  const built = new Map<number, RootContent>();
  const deferred: DeferredCell[] = [];
  const masked = [...lines];
  for (const block of scanBlocks(lines)) {
    const node = block.kind === 'table' ? scannedTable(lines, block, deferred) : blockNode(lines, block);
    if (!node) continue;
    masked.fill('', block.start, block.end);
    masked[block.start] = '<!--';
    masked[block.end] = block.end === block.start ? '<!---->' : '-->';
    built.set(block.start + 1, node);
  }
  if (built.size === 0) return whole();
  if (deferred.some((cell) => cell.text.includes('[')) && text.includes(']:')) return whole('a cell may use a link definition');
  const root = processor.parse(masked.join('\n'));
  let placed = 0;
  root.children = root.children.map((child) => {
    const node = child.type === 'html' ? built.get(child.position!.start.line) : undefined;
    if (!node || child.position!.start.column !== 1 || child.position!.end.line !== node.position!.end.line) return child;
    placed++;
    return node;
  });
  if (placed !== built.size) return whole('a block was not read as a top-level block');
  if (!readDeferred(deferred)) return whole('a deferred cell was not read as one paragraph');
  setOffsets(root, lines);
  if (stats) Object.assign(stats, { blocks: placed, deferredCells: deferred.length });
  return root;
}

function scannedTable(lines: readonly string[], block: ScannedBlock, deferred: DeferredCell[]): RootContent | undefined {
  const built = buildTable(lines.slice(block.start, block.end + 1), block.start + 1);
  if (!built) return undefined;
  deferred.push(...built.deferred);
  return built.table;
}

/** Reads the cells `readSimpleInline` could not, as paragraphs of one batch, and moves them to their lines. */
function readDeferred(deferred: readonly DeferredCell[]): boolean {
  if (deferred.length === 0) return true;
  const batch = processor.parse(deferred.map((cell) => cell.text).join('\n\n'));
  if (batch.children.length !== deferred.length) return false;
  return deferred.every((cell, index) => {
    const paragraph = batch.children[index]!;
    const line = 2 * index + 1;
    if (paragraph.type !== 'paragraph' || paragraph.position?.start.line !== line || paragraph.position.end.line !== line) return false;
    for (const child of paragraph.children) moveTo(child, cell.line, cell.column - 1);
    cell.cell.children = paragraph.children;
    return true;
  });
}

function moveTo(node: Nodes, line: number, columns: number): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (!point) continue;
    point.line = line;
    point.column += columns;
  }
  if ('children' in node) for (const child of node.children) moveTo(child, line, columns);
}

/** Offsets from lines and columns: the placeholders' lines are shorter than the blocks'. */
function setOffsets(root: Root, lines: readonly string[]): void {
  const lineStarts: number[] = [];
  let start = 0;
  for (const line of lines) {
    lineStarts.push(start);
    start += line.length + 1;
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines.at(-1)!.length + 1, offset: start - 1 } };
  const visit = (node: Nodes) => {
    for (const point of [node.position?.start, node.position?.end]) if (point) point.offset = lineStarts[point.line - 1]! + point.column - 1;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const child of root.children) visit(child);
}
