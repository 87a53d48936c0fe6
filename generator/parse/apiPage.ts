// API pages: one operation, from its `## HTTP request` block, permissions,
// headers, request body, response and examples.
import type { RootContent } from 'mdast';
import type { HeaderSpec } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import { readExamples } from './examples.js';
import { readRequestLines } from './httpRequest.js';
import { readPageInfo } from './pageInfo.js';
import { readPermissionEntries } from './permissions.js';
import { readPropertyTables } from './properties.js';
import { readRequestBody } from './requestBody.js';
import { readResponse, typeFromExamples } from './response.js';
import { findSection, HTTP_REQUEST_KEY, type PageOutline, requestSections, type Section, untilHeading } from './sections.js';
import { readTable } from './tables.js';
import { headingKey, nodeText, squash } from './text.js';
import type { ApiPage, HttpRequestLine } from './types.js';

const QUERY_OPTIONS = /(?<!(?:not|n't)\s+)supports?\s+(some of\s+)?the\s+(\[)?OData query parameters/i;

export function readApiPage(ctx: PageContext, outline: PageOutline, frontMatter: Record<string, string>): ApiPage {
  const info = readPageInfo(ctx, outline, frontMatter);
  const { sections: httpSections, unread } = requestSections(outline);
  const read = httpSections.map((section) => ({ section, lines: readRequestLines(ctx, section.nodes) }));
  const requests: HttpRequestLine[] = read.flatMap((each) => each.lines);
  // An empty section among others that hold lines is reported alone; all empty, the page yields no operation (below).
  for (const { section, lines } of requests.length > 0 ? read : []) {
    if (lines.length > 0) continue;
    report(ctx, 'warning', 'http-section', `The section \`${section.title}\` holds no request line; it is not read.`, sourceOf(ctx, section.heading), {
      expected: 'a code block with `METHOD /path`',
      found: 'none',
    });
  }
  if (requests.length === 0) {
    report(ctx, 'error', 'http-request', 'The HTTP request section holds no request line.', sourceOf(ctx, httpSections[0]!.heading), {
      expected: 'a code block with `METHOD /path`',
      found: 'none',
    });
  }
  for (const section of unread) {
    report(ctx, 'warning', 'http-section', `The \`${section.title}\` under \`${section.under.title}\` documents another request than the page's \`## HTTP request\`; one operation cannot hold it, so it is not read.`, sourceOf(ctx, section.heading), {
      expected: 'one request per page, in `## HTTP request` sections',
      found: `a request under \`## ${section.under.title}\``,
    });
  }
  const methods = new Set(requests.map((request) => request.method));
  if (methods.size > 1) {
    report(ctx, 'warning', 'http-methods', 'The HTTP request block mixes methods; the first one is used.', requests[0]!.source, {
      expected: 'one method',
      found: [...methods].join(', '),
    });
  }

  const page: ApiPage = {
    kind: 'api',
    file: ctx.file,
    ...info,
    requests,
    headers: readHeaders(ctx, findSection(outline, /^(optional )?request headers$/)),
    supportsQueryOptions: outline.sections.some((section) => section.nodes.some((node) => QUERY_OPTIONS.test(nodeText(node)))),
    ...readParameters(ctx, outline),
    permissions: [],
    body: { kind: 'none' },
    examples: readExamples(ctx, findSection(outline, /^examples?\b/)?.nodes ?? []),
  };

  const permissionsSection = findSection(outline, /^(permissions|prerequisites)$/);
  // Permission includes stand in the section; on a page without one, wherever they are.
  const includes = outline.includes.filter((include) => include.permissions && (!permissionsSection || include.section === permissionsSection.key));
  page.permissions = readPermissionEntries(ctx, permissionsSection?.nodes ?? [], includes);
  if (page.permissions.length === 0) {
    report(ctx, 'warning', 'permissions', 'The page has no permissions table.', sourceOf(ctx, permissionsSection?.heading), {
      expected: 'a `## Permissions` section with a `Permission type` table or a `[!INCLUDE [permissions-table](…)]` line',
      found: permissionsSection ? 'a section without either' : 'no such section',
    });
  }

  const bodySection = sectionOrSubsection(outline, 'request body');
  if (bodySection) page.body = readRequestBody(ctx, bodySection.nodes, bodySection.heading);
  else if (requests[0] && !['GET', 'DELETE'].includes(requests[0].method)) {
    report(ctx, 'warning', 'request-body', 'The page has no Request body section; the body is typed as unknown.', info.source, {
      expected: 'a `## Request body` section',
      found: 'none',
    });
    // A write without a documented body still takes one (the examples show it), untyped.
    page.body = { kind: 'described', properties: [], source: info.source };
  }

  const responseNodes = sectionOrSubsection(outline, 'response');
  const annotated = typeFromExamples(page.examples);
  const response = responseNodes && readResponse(ctx, responseNodes.nodes, responseNodes.heading, annotated);
  if (response) {
    page.response = response.type === annotated && annotated ? { ...response, collection: annotated.collection } : response;
  } else if (annotated) {
    page.response = { type: annotated, collection: annotated.collection, empty: false, source: annotated.source };
  } else if (!responseNodes) {
    report(ctx, 'warning', 'response', 'The page has no Response section.', info.source, { expected: 'a `## Response` section', found: 'none' });
  }
  return page;
}

/** `## Response` (or `## Request body`), or such a `### Response` filed under another section before the examples (it happens). */
function sectionOrSubsection(outline: PageOutline, key: string): { heading: RootContent; nodes: RootContent[] } | undefined {
  const section = outline.sections.find((candidate) => candidate.key === key);
  if (section) return { heading: section.heading, nodes: section.nodes };
  for (const other of outline.sections) {
    if (/^examples?\b/.test(other.key)) break;
    const index = other.nodes.findIndex((node) => node.type === 'heading' && headingKey(nodeText(node)) === key);
    if (index !== -1) return { heading: other.nodes[index]!, nodes: untilHeading(other.nodes.slice(index + 1), (other.nodes[index] as { depth: number }).depth) };
  }
  return undefined;
}

const PARAMETER_SECTION = /^(?:optional )?(?:query|function|path|url|request)? ?parameters$/;

/** Tables under `## Function parameters`, `## Query parameters` (and the like), or such an H3 inside `## HTTP request`; whether a heading says `Function`. */
function readParameters(ctx: PageContext, outline: PageOutline): Pick<ApiPage, 'parameters' | 'functionParameters'> {
  const nodes: RootContent[] = [];
  let functionParameters = false;
  const take = (key: string, section: RootContent[]) => {
    nodes.push(...section);
    functionParameters ||= key.startsWith('function');
  };
  for (const section of outline.sections) {
    if (PARAMETER_SECTION.test(section.key)) take(section.key, untilHeading(section.nodes, 2));
    else if (HTTP_REQUEST_KEY.test(section.key)) {
      const start = section.nodes.findIndex((node) => node.type === 'heading' && PARAMETER_SECTION.test(headingKey(nodeText(node))));
      if (start !== -1) take(headingKey(nodeText(section.nodes[start]!)), untilHeading(section.nodes.slice(start + 1), 3));
    }
  }
  return { parameters: readPropertyTables(ctx, nodes, { parameters: true }), functionParameters };
}

function readHeaders(ctx: PageContext, section: Section | undefined): HeaderSpec[] {
  const headers: HeaderSpec[] = [];
  for (const node of section?.nodes ?? []) {
    if (node.type !== 'table') continue;
    for (const row of readTable(ctx, node).rows) {
      const name = squash(row.cells[0]?.text ?? '').replace(/`/g, '');
      if (name) headers.push({ name, value: squash(row.cells[1]?.text ?? ''), source: row.source });
    }
  }
  return headers;
}
