// A worker thread's share of the pages to parse (see ../workers.ts).
import { serveShare } from '../workers.js';
import { parsePage } from './parsePage.js';
import type { PageResult } from './types.js';

export interface PageToParse {
  path: string;
  text: string;
  invalidUtf8: boolean;
}

export function parsePages(pages: readonly PageToParse[], onPage?: (done: number) => void): PageResult[] {
  return pages.map((page, index) => {
    onPage?.(index);
    return parsePage(page.path, page.text, { invalidUtf8: page.invalidUtf8 });
  });
}

serveShare((pages: PageToParse[]) => parsePages(pages));
