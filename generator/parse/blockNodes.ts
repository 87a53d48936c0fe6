// The mdast of the one-piece blocks `scanBlocks` finds (tables are in
// tableNode.ts), with remark's values and positions.
import type { Code, Heading, Html, Paragraph, Yaml } from 'mdast';
import type { ScannedBlock } from './blockScan.js';
import { readSimpleInline } from './simpleInline.js';

type Node = Code | Heading | Html | Paragraph | Yaml;

/** Undefined: a block remark must read after all (a heading or paragraph with more than plain text, code spans and links). */
export function blockNode(lines: readonly string[], block: ScannedBlock): Node | undefined {
  const position = { start: { line: block.start + 1, column: 1 }, end: { line: block.end + 1, column: lines[block.end]!.length + 1 } };
  const inner = () => lines.slice(block.start + 1, block.end).join('\n');
  switch (block.kind) {
    case 'code':
      return { type: 'code', lang: block.lang, meta: block.meta, value: inner(), position };
    case 'yaml':
      return { type: 'yaml', value: inner(), position };
    case 'comment':
      return { type: 'html', value: lines.slice(block.start, block.end + 1).join('\n'), position };
    case 'heading':
      return headingNode(lines[block.start]!, block.start + 1);
    case 'paragraph':
      return paragraphNode(lines[block.start]!, block.start + 1);
    case 'table':
      return undefined;
  }
}

/** `## Title`, with an optional closing run of `#` (after white space) left out. */
function headingNode(line: string, lineNumber: number): Heading | undefined {
  const [, marks, rest] = /^(#{1,6})([^]*)$/.exec(line) as unknown as [string, string, string];
  const lead = rest.length - rest.replace(/^[ \t]+/, '').length;
  const content = rest
    .slice(lead)
    .replace(/(?:^|[ \t]+)#+[ \t]*$/, '')
    .replace(/[ \t]+$/, '');
  const children = content === '' ? [] : readSimpleInline(content, lineNumber, marks.length + lead + 1);
  if (!children) return undefined;
  const depth = marks.length as Heading['depth'];
  return { type: 'heading', depth, children, position: { start: { line: lineNumber, column: 1 }, end: { line: lineNumber, column: line.length + 1 } } };
}

/** A paragraph on one line, starting at column 1; white space at its end is the paragraph's, not its text's. */
function paragraphNode(line: string, lineNumber: number): Paragraph | undefined {
  const children = readSimpleInline(line.replace(/[ \t]+$/, ''), lineNumber, 1);
  if (!children) return undefined;
  return { type: 'paragraph', children, position: { start: { line: lineNumber, column: 1 }, end: { line: lineNumber, column: line.length + 1 } } };
}
