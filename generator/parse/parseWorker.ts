// The pages a worker thread is handed to parse (see ../workers.ts).
import { serveShare } from '../workers.js';
import { parseInclude, parsePage } from './parsePage.js';
import type { PageResult, ParsedInclude, ParsedPage } from './types.js';

export interface PageToParse {
  path: string;
  text: string;
  invalidUtf8: boolean;
  /** An include file, not a page (see read/includes.ts). */
  include: boolean;
}

export function parsePages(pages: readonly PageToParse[]): Array<PageResult<ParsedPage | ParsedInclude>> {
  return pages.map((page) => (page.include ? parseInclude : parsePage)(page.path, page.text, { invalidUtf8: page.invalidUtf8 }));
}

serveShare(parsePages);
