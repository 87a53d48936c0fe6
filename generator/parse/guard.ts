// What a page must be before remark sees it. Pages come from anyone: a binary
// file, a 10 MB page or 20,000 nested quotes must cost a diagnostic, not a
// crash, a hang or gigabytes of memory. The largest real page is about 120 KB.
import type { Diagnostic } from '../model/types.js';

export const MAX_PAGE_BYTES = 1024 * 1024;
export const MAX_PAGE_LINES = 20_000;
/** Nesting deeper than this (quotes, lists) is no documentation page; remark recurses once per level. */
export const MAX_NESTING = 64;

/** A reason to skip the page whole, or `undefined` when remark may read it. */
export function rejectPage(file: string, text: string): Diagnostic | undefined {
  const at = { file, line: 1, column: 1 };
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PAGE_BYTES) {
    return problem('page-too-large', 'The page is too large to be a doc page; it is skipped.', at, `at most ${MAX_PAGE_BYTES} bytes`, `${bytes} bytes`);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return problem('binary-file', 'The page holds NUL bytes: it is not text; it is skipped.', position(file, text, nul), 'UTF-8 text', 'a NUL byte');
  let lines = 0;
  let deepest = 0;
  let deepestAt = 0;
  for (let start = 0; start < text.length; lines++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const depth = nesting(line);
    if (depth > deepest) [deepest, deepestAt] = [depth, start];
    start = end === -1 ? text.length : end + 1;
  }
  if (lines > MAX_PAGE_LINES) {
    return problem('page-too-large', 'The page has too many lines to be a doc page; it is skipped.', at, `at most ${MAX_PAGE_LINES} lines`, `${lines} lines`);
  }
  if (deepest > MAX_NESTING) {
    return problem('page-too-deep', 'The page nests quotes or lists too deeply; it is skipped.', position(file, text, deepestAt), `at most ${MAX_NESTING} levels`, `${deepest} levels`);
  }
  return undefined;
}

/** Bytes that were not UTF-8 (the reader left U+FFFD for them): reported, and the page still read. */
export function encodingProblem(file: string, text: string): Diagnostic {
  const bad = Math.max(0, text.indexOf('\ufffd'));
  return { ...problem('encoding', 'The page holds bytes that are not UTF-8; they are read as U+FFFD.', position(file, text, bad), 'UTF-8 text', 'invalid bytes'), severity: 'warning' };
}

/** Quote markers and list-item indentation at the start of a line, as nesting levels. */
function nesting(line: string): number {
  const prefix = /^[\s>]*/.exec(line)![0];
  const quotes = prefix.split('>').length - 1;
  const listIndent = /^(?:\s*[-*+]\s+|\s*\d+[.)]\s+)*/.exec(line)![0].length / 2;
  return Math.max(quotes, Math.floor(listIndent));
}

function position(file: string, text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - before.lastIndexOf('\n') };
}

function problem(code: string, message: string, source: Diagnostic['source'], expected: string, found: string): Diagnostic {
  return { code, severity: 'error', message, expected, found, source };
}
