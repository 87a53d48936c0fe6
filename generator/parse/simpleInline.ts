// The inline content of one line (a table cell, a heading, a one-line
// paragraph), read without remark when it is one of the shapes that fill almost
// all of them in the docs: plain text, code spans and `[text](url)` links.
// Anything else (emphasis, escapes, entities, HTML, URLs and e-mail addresses
// that GFM links by itself, images, references) returns undefined, and remark
// reads it. Positions are remark's, on one line.
import type { InlineCode, Link, PhrasingContent, Text } from 'mdast';

/** Characters that may start a construct other than the three read here. */
const OTHER_SYNTAX = /[\\*_<>&!~@]|www\.|[a-z]:\/\//i;
/** `[text](url)`: plain text, and a destination without spaces, brackets or parentheses. */
const SIMPLE_LINK = /^\[([^\][`]+)\]\(([^\s()<>[\]`]+)\)/;

/**
 * `text` is the content without its surrounding white space, starting at
 * `column` (1-based) of `line`.
 */
export function readSimpleInline(text: string, line: number, column: number): PhrasingContent[] | undefined {
  if (OTHER_SYNTAX.test(text)) return undefined;
  const nodes: PhrasingContent[] = [];
  const point = (index: number) => ({ line, column: column + index });
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) nodes.push({ type: 'text', value: text.slice(textStart, end), position: { start: point(textStart), end: point(end) } } satisfies Text);
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '`') {
      const span = codeSpanAt(text, index);
      if (!span) return undefined;
      flushText(index);
      nodes.push({ type: 'inlineCode', value: span.value, position: { start: point(index), end: point(span.end) } } satisfies InlineCode);
      index = textStart = span.end;
    } else if (char === '[') {
      const link = SIMPLE_LINK.exec(text.slice(index));
      if (!link) return undefined;
      const [whole, label, url] = link as unknown as [string, string, string];
      flushText(index);
      const labelNode: Text = { type: 'text', value: label, position: { start: point(index + 1), end: point(index + 1 + label.length) } };
      nodes.push({ type: 'link', title: null, url, children: [labelNode], position: { start: point(index), end: point(index + whole.length) } } satisfies Link);
      index = textStart = index + whole.length;
    } else if (char === ']') {
      return undefined;
    } else index++;
  }
  flushText(text.length);
  return nodes;
}

/** A code span opening at `start`: the next run of exactly as many backticks closes it. */
function codeSpanAt(text: string, start: number): { value: string; end: number } | undefined {
  let open = start;
  while (text[open] === '`') open++;
  const size = open - start;
  for (let at = text.indexOf('`', open); at !== -1; at = text.indexOf('`', at)) {
    let close = at;
    while (text[close] === '`') close++;
    if (close - at === size) {
      const raw = text.slice(open, at);
      // One space is stripped from each side when both have one and the span is not all spaces.
      const value = raw.length >= 2 && raw.startsWith(' ') && raw.endsWith(' ') && /[^ ]/.test(raw) ? raw.slice(1, -1) : raw;
      return { value, end: close };
    }
    at = close;
  }
  return undefined;
}
