// A doc file as read: where it is, and its text with BOM and CRLF normalised.

export interface DocFile {
  /** The input root as given. */
  root: string;
  /** POSIX path relative to the root: what sources and output name. */
  path: string;
  text: string;
  /** The bytes were not valid UTF-8; `text` has U+FFFD where they were. */
  invalidUtf8?: boolean;
  /** A permission include file that a page names (see includes.ts): read with the pages, but no page. */
  include?: boolean;
}

/** How many of `docs` are pages, include files aside. */
export function pageCount(docs: readonly DocFile[]): number {
  return docs.filter((doc) => !doc.include).length;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export function decode(bytes: Uint8Array): { text: string; invalidUtf8?: boolean } {
  try {
    return { text: normalizeText(strict.decode(bytes)) };
  } catch {
    return { text: normalizeText(lenient.decode(bytes)), invalidUtf8: true };
  }
}

/** Line and column numbers must not depend on a BOM or on CRLF line endings. */
export function normalizeText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}
