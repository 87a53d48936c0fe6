// The pages a worker thread is handed to parse (see ../workers.ts).
import { serveShare } from '../workers.js';
import { parsePage } from './parsePage.js';
import type { PageResult } from './types.js';

export interface PageToParse {
  path: string;
  text: string;
  invalidUtf8: boolean;
}

export function parsePages(pages: readonly PageToParse[]): PageResult[] {
  return pages.map((page) => parsePage(page.path, page.text, { invalidUtf8: page.invalidUtf8 }));
}

serveShare(parsePages);
