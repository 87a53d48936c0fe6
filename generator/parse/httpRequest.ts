// The `## HTTP request` block: one `METHOD /path` line per documented path.
import type { RootContent } from 'mdast';
import type { HttpMethod } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import type { HttpRequestLine } from './types.js';

// `DELETE/identity/…` (no space) occurs once; "Getting started" must not read as `GET ting`.
const REQUEST_LINE = /^(GET|POST|PATCH|PUT|DELETE)(?:\s+|(?=\/))(\S.*)$/;
const GRAPH_ROOT = /^(?:https:\/\/graph\.microsoft\.com)?\/(?:beta|v1\.0)(?=\/)/i;

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
      const path = normalizePath(match[2]!);
      if (!isPath(path)) {
        report(ctx, 'warning', 'http-line', 'The request line holds no usable path.', source, {
          expected: 'a path such as `/users/{id}`',
          found: JSON.stringify(match[2]!.trim()),
        });
        return;
      }
      lines.push({ method: match[1] as HttpMethod, path, source });
    });
  }
  return lines;
}

/** A path has no spaces outside `{…}` placeholders and `(…)` arguments, before any query string (Intune's "** Collection URI … not found" has). */
function isPath(path: string): boolean {
  const bare = path.split('?')[0]!.replace(/\{[^}]*\}|\([^)]*\)/g, 'x');
  return /^\/[^\s*]*$/.test(bare);
}

/** `https://graph.microsoft.com/beta/x`, `/beta/x` and `x` all mean `/x`. */
export function normalizePath(path: string): string {
  const bare = path.trim().replace(GRAPH_ROOT, '');
  return bare.startsWith('/') ? bare : `/${bare}`;
}
