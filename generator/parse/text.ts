// Turning mdast nodes into the plain text the extractors compare and keep.
import type { Nodes } from 'mdast';

// NBSP, zero-width space and BOM appear inside names and headings in the docs.
const INVISIBLE_SPACES = /[\u00a0\u200b\ufeff]/g;

export function normalizeSpaces(text: string): string {
  return text.replace(INVISIBLE_SPACES, ' ');
}

/** Collapse runs of white space and trim. */
export function squash(text: string): string {
  return normalizeSpaces(text).replace(/\s+/g, ' ').trim();
}

/**
 * The text of a node. Unlike mdast-util-to-string it keeps line breaks that the
 * docs write as `<br>` (or `</br>`) and list items written as `<li>` (both common in table
 * cells), as newlines, so lists inside cells do not run together.
 */
export function nodeText(node: Nodes): string {
  return normalizeSpaces(collect(node));
}

function collect(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return `\`${node.value}\``;
    case 'html':
      // `</br>` too: browsers read it as `<br>`, and the docs write it so.
      return /^<\s*(\/\s*)?br\b|^<\s*(li|p)\b/i.test(node.value) ? '\n' : '';
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? node.children.map((child) => collect(child as Nodes)).join('') : '';
  }
}

/** Lower-case heading text with spaces squashed, for comparing section names. */
export function headingKey(text: string): string {
  return squash(text).toLowerCase();
}
