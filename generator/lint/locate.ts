// Where a JSON Pointer is in a page: the example's text re-read with a tolerant
// scanner (JSON, and the JSON5 of representations: comments, single quotes,
// bare keys, trailing commas) that notes the line and column of every member's
// key and every array item.
import type { Source } from '../model/types.js';
import { escapePointer } from './inspect.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Pointer → position, for the JSON value in the code block that opens at
 * `fence` (1-based line): the first line after it that starts with `{` or `[`
 * (after an HTTP example's request or status line and headers). Empty when the
 * text cannot be scanned.
 */
export function locatePointers(lines: readonly string[], fence: number): Map<string, Position> {
  const positions = new Map<string, Position>();
  let start = -1;
  for (let index = fence; index < lines.length; index++) {
    const text = lines[index]!.trim();
    if (text.startsWith('```') || text.startsWith('~~~')) break;
    if (text.startsWith('{') || text.startsWith('[')) {
      start = index;
      break;
    }
  }
  if (start === -1) return positions;
  const text = lines.slice(start).join('\n');
  // Offset → line and column.
  const lineStarts = [0];
  for (let offset = 0; offset < text.length; offset++) if (text[offset] === '\n') lineStarts.push(offset + 1);
  const at = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: start + 1 + low, column: offset - lineStarts[low]! + 1 };
  };

  let offset = 0;
  const skip = () => {
    for (;;) {
      while (offset < text.length && /\s/.test(text[offset]!)) offset++;
      if (text.startsWith('//', offset)) {
        const end = text.indexOf('\n', offset);
        offset = end === -1 ? text.length : end;
      } else if (text.startsWith('/*', offset)) {
        const end = text.indexOf('*/', offset + 2);
        offset = end === -1 ? text.length : end + 2;
      } else return;
    }
  };
  const string = (): string => {
    const quote = text[offset]!;
    let result = '';
    offset++;
    while (offset < text.length && text[offset] !== quote) {
      if (text[offset] === '\\') {
        const escaped = text[offset + 1] ?? '';
        if (escaped === 'u') {
          result += String.fromCharCode(parseInt(text.slice(offset + 2, offset + 6), 16));
          offset += 6;
          continue;
        }
        result += { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[escaped] ?? escaped;
        offset += 2;
        continue;
      }
      result += text[offset];
      offset++;
    }
    offset++;
    return result;
  };
  const bare = (): string => {
    const begin = offset;
    while (offset < text.length && !/[\s,:{}[\]]/.test(text[offset]!)) offset++;
    return text.slice(begin, offset);
  };
  const value = (pointer: string, depth: number): void => {
    skip();
    if (!positions.has(pointer)) positions.set(pointer, at(offset));
    if (depth > 200 || offset >= text.length) return;
    const open = text[offset];
    if (open === '{' || open === '[') {
      offset++;
      for (let item = 0; ; item++) {
        skip();
        if (offset >= text.length) return;
        if (text[offset] === '}' || text[offset] === ']') {
          offset++;
          return;
        }
        if (open === '{') {
          const keyAt = at(offset);
          const key = text[offset] === '"' || text[offset] === "'" ? string() : bare();
          const child = `${pointer}/${escapePointer(key)}`;
          positions.set(child, keyAt);
          skip();
          if (text[offset] === ':') offset++;
          value(child, depth + 1);
        } else value(`${pointer}/${item}`, depth + 1);
        skip();
        if (text[offset] === ',') offset++;
        else if (text[offset] !== '}' && text[offset] !== ']') return;
      }
    }
    if (open === '"' || open === "'") string();
    else bare();
  };
  try {
    value('', 0);
  } catch {
    // A position is a convenience; the example's own location stands in.
  }
  return positions;
}

/** The position of `pointer`, or of its nearest ancestor the scan found, else the block itself. */
export function positionOf(positions: Map<string, Position>, pointer: string, block: Source): Position {
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const found = positions.get(at);
    if (found) return found;
    if (at === '') return { line: block.line, column: block.column };
  }
}
