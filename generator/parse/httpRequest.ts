// The `## HTTP request` block: one `METHOD /path` line per documented path.
import type { RootContent } from 'mdast';
import type { HttpMethod } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import type { HttpRequestLine } from './types.js';

const REQUEST_LINE = /^(GET|POST|PATCH|PUT|DELETE)\s*(\S.*)$/i;
const GRAPH_ROOT = /^https:\/\/graph\.microsoft\.com\/(?:beta|v1\.0)/i;

export function readRequestLines(ctx: PageContext, nodes: RootContent[]): HttpRequestLine[] {
  const lines: HttpRequestLine[] = [];
  for (const node of nodes) {
    if (node.type !== 'code') continue;
    node.value.split('\n').forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') return;
      const source = sourceOf(ctx, node, index + 1);
      const match = REQUEST_LINE.exec(line);
      if (!match) {
        report(ctx, 'warning', 'http-line', 'Not a request line in the HTTP request block.', source, {
          expected: '`METHOD /path`, e.g. `GET /users/{id}`',
          found: JSON.stringify(line),
        });
        return;
      }
      lines.push({ method: match[1]!.toUpperCase() as HttpMethod, path: normalizePath(match[2]!), source });
    });
  }
  return lines;
}

/** `https://graph.microsoft.com/beta/x` and `x` both mean `/x`. */
export function normalizePath(path: string): string {
  const bare = path.trim().replace(GRAPH_ROOT, '');
  return bare.startsWith('/') ? bare : `/${bare}`;
}
