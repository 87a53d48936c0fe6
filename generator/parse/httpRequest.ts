// The `## HTTP request` block: one `METHOD /path` line per documented path.
import type { RootContent } from 'mdast';
import type { HttpMethod, Source } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import type { HttpRequestLine } from './types.js';
import { singular } from './words.js';

// `DELETE/identity/…` (no space) occurs once; "Getting started" must not read as `GET ting`.
export const REQUEST_LINE = /^(GET|POST|PATCH|PUT|DELETE)(?:\s+|(?=\/))(\S.*)$/;
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
      lines.push({ method: match[1] as HttpMethod, path: withoutLiteralIds(ctx, path, raw, source), source });
    });
  }
  return lines;
}

// A GUID, with or without its dashes: an example's id, never a name Graph gives a segment.
const LITERAL_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

/**
 * `/cases/4c8f8f70-…/custodians` → `/cases/{caseId}/custodians`: a page that
 * copied an example's id into its request line means a parameter there, named
 * after the collection before it (singular), else `id`. Each is reported.
 */
function withoutLiteralIds(ctx: PageContext, path: string, raw: string, source: Source): string {
  const [route, ...query] = path.split('?');
  let searchFrom = 0;
  const segments = route!.split('/').map((segment, index, all) => {
    if (!LITERAL_ID.test(segment)) return segment;
    const previous = all[index - 1] ?? '';
    const name = /^[A-Za-z]\w*$/.test(previous) ? `${singular(previous)}Id` : 'id';
    const at = raw.indexOf(segment, searchFrom);
    searchFrom = at + segment.length;
    report(ctx, 'warning', 'literal-id', `\`${segment}\` in the request line is an example's id where a parameter belongs; it is read as \`{${name}}\`.`, { ...source, column: at + 1 }, {
      expected: `a \`{parameter}\` such as \`{${name}}\``,
      found: `the id \`${segment}\``,
    });
    return `{${name}}`;
  });
  return [segments.join('/'), ...query].join('?');
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
