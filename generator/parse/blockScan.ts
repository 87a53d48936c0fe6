// A line scan that finds the blocks docgen can read without remark, at the
// top level of the page: fenced code, pipe tables, HTML comments (the docs'
// annotations), ATX headings, one-line paragraphs and the YAML front matter.
// Together they are over three quarters of the docs' bytes. The scan is
// conservative: a block it is unsure of is left to remark, and once the page
// does something the scan cannot follow, it stops.
/** Line indexes are 0-based, `end` inclusive. */
export type ScannedBlock =
  | { kind: 'code'; start: number; end: number; lang: string | null; meta: string | null }
  | { kind: 'table' | 'comment' | 'heading' | 'paragraph' | 'yaml'; start: number; end: number };

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})([^]*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const HEADING_AT_START = /^#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
// Other HTML blocks run to a blank line, or (<pre>, <script>, <style>, <textarea>) to their end tag.
const HTML_OPEN = /^ {0,3}</;
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[ \t>]|$)/i;
// A paragraph's first character: none that may start another block (lists, quotes, tables, link definitions, …).
const PARAGRAPH_START = /^[^\s#>\-+*=_|<`~[\d\\!&]/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The blocks of a page's lines that docgen reads itself, in order (see the file comment). */
export function scanBlocks(lines: readonly string[]): ScannedBlock[] {
  const blocks: ScannedBlock[] = [];
  // Whether the previous line ended every block before it: only then may a table or a paragraph start.
  let clear = true;
  let index = skipFrontMatter(lines);
  if (index > 0) blocks.push({ kind: 'yaml', start: 0, end: index - 1 });
  while (index < lines.length) {
    const line = lines[index]!;
    const fence = FENCE_OPEN.exec(line);
    if (fence && !(fence[2]!.startsWith('`') && fence[3]!.includes('`'))) {
      const [, indent, marker, info] = fence as unknown as [string, string, string, string];
      const end = closingFence(lines, index + 1, marker, indent.length > 0);
      if (end === undefined) return blocks;
      // An info string with escapes or character references is left to remark to decode.
      if (indent === '' && !/[\\&]/.test(info)) blocks.push({ kind: 'code', start: index, end, ...infoOf(info) });
      index = end + 1;
      clear = true;
      continue;
    }
    if (COMMENT_OPEN.test(line)) {
      const opened = line.indexOf('<!--');
      const end = lineWith(lines, index, '-->', opened + 2);
      if (end === undefined) return blocks;
      // `<!-->` and `<!--->` are left to remark, which may or may not end the comment there.
      if (opened === 0 && (end > index || line.indexOf('-->', opened + 2) >= opened + 4)) blocks.push({ kind: 'comment', start: index, end });
      index = end + 1;
      clear = true;
      continue;
    }
    if (HTML_OPEN.test(line)) {
      const raw = RAW_HTML_OPEN.exec(line);
      const end = raw ? lineWith(lines, index, `</${raw[1]!.toLowerCase()}`, 0, true) : nextBlank(lines, index);
      if (end === undefined) return blocks;
      index = end + 1;
      clear = !raw;
      continue;
    }
    if (clear && line.startsWith('|') && DELIMITER_ROW.test(lines[index + 1] ?? '') && lines[index + 1]!.includes('-')) {
      let end = index + 1;
      while (lines[end + 1]?.startsWith('|')) end++;
      if (endsBlock(lines[end + 1])) blocks.push({ kind: 'table', start: index, end });
      index = end + 1;
      clear = false;
      continue;
    }
    if (HEADING_AT_START.test(line)) blocks.push({ kind: 'heading', start: index, end: index });
    else if (clear && PARAGRAPH_START.test(line) && endsBlock(lines[index + 1])) blocks.push({ kind: 'paragraph', start: index, end: index });
    clear = BLANK.test(line) || ATX_HEADING.test(line);
    index++;
  }
  return blocks;
}

/** remark-frontmatter's YAML block: `---` on the first line up to the next `---`. */
function skipFrontMatter(lines: readonly string[]): number {
  if (lines[0] !== '---') return 0;
  const end = lines.indexOf('---', 1);
  return end === -1 ? 0 : end + 1;
}

/**
 * The line that closes a fence opened by `marker`. A fence indented by one to
 * three spaces may sit in a list item, which a line at column 1 would end;
 * the scan cannot tell, so it gives up (undefined) there.
 */
function closingFence(lines: readonly string[], from: number, marker: string, indented: boolean): number | undefined {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    const close = FENCE_CLOSE.exec(line);
    if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) return index;
    if (indented && /^\S/.test(line)) return undefined;
  }
  return undefined;
}

function lineWith(lines: readonly string[], from: number, text: string, firstColumn: number, ignoreCase = false): number | undefined {
  for (let index = from; index < lines.length; index++) {
    const line = ignoreCase ? lines[index]!.toLowerCase() : lines[index]!;
    if (line.indexOf(text, index === from ? firstColumn : 0) !== -1) return index;
  }
  return undefined;
}

function nextBlank(lines: readonly string[], from: number): number {
  let index = from;
  while (index + 1 < lines.length && !BLANK.test(lines[index + 1]!)) index++;
  return index;
}

/**
 * Only these lines end a table or a paragraph for certain; any other line could
 * be one more row, or continue the paragraph (as text, a setext underline or a table).
 */
function endsBlock(next: string | undefined): boolean {
  return next === undefined || BLANK.test(next) || ATX_HEADING.test(next) || COMMENT_OPEN.test(next) || /^(`{3,}|~{3,})/.test(next);
}

/** A fence's language (its first word) and meta (the rest), as remark reads them. */
function infoOf(info: string): { lang: string | null; meta: string | null } {
  const trimmed = info.replace(/^[ \t]+/, '');
  // Only spaces and tabs are white space here: an info string of a no-break space is a language.
  if (BLANK.test(trimmed)) return { lang: null, meta: null };
  const [lang] = /^[^ \t]+/.exec(trimmed) as unknown as [string];
  const meta = trimmed.slice(lang.length).replace(/^[ \t]+/, '');
  return { lang, meta: meta === '' ? null : meta };
}
