// The old yardstick, kept as a reference row: remark-parse + remark-gfm over every
// page under the tsx loader, one `await readFile` per page. The baseline (a) itself
// is bench/child.mjs's `remark`: plain node, synchronous reads.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Reads and parses every `*.md` below `dir`; returns how many. */
export async function parseEveryPage(dir: string): Promise<number> {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const pages = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  let nodes = 0;
  for (const page of pages) nodes += processor.parse(await readFile(path.join(dir, page), 'utf8')).children.length;
  // Keeps the trees' use observable, so no engine can skip the parse.
  if (nodes === 0 && pages.length > 0) throw new Error(`no Markdown nodes in ${dir}`);
  return pages.length;
}
