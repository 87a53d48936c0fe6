// Splitting a page into its title, intro and H2 sections, leaving out what is
// presentation only: code-sample tab headings and `[!INCLUDE]` lines.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { headingKey, nodeText, squash } from './text.js';
import { REQUEST_LINE } from './httpRequest.js';

export interface Section {
  /** Heading text as written (spaces squashed). */
  title: string;
  /** Lower-case title, for matching. */
  key: string;
  heading: Heading;
  nodes: RootContent[];
}

/** An `[!INCLUDE [name](path)]` line: content that lives in another file. */
export interface Include {
  name: string;
  /** The path as written, relative to the page. */
  target: string;
  /** `[!INCLUDE [permissions-table](…)]`: the file holds the page's permissions table. */
  permissions: boolean;
  /** Key of the section it stands in; absent before the first section. */
  section?: string;
  node: Paragraph;
}

export interface PageOutline {
  frontMatter?: string;
  includes: Include[];
  titleNode?: Heading;
  intro: RootContent[];
  sections: Section[];
}

const TAB_HEADING = /^\[.+\]\(#tab\/[\w-]+\)$/;
const INCLUDE_LINE = /^\s*\[!INCLUDE\s*\[([^\]]*)\]\(([^)]*)\)\s*\]/i;

export function isTabHeading(node: Heading): boolean {
  // The text of `# [HTTP](#tab/http)` is just "HTTP"; look at the link itself.
  const [only] = node.children;
  return node.children.length === 1 && only?.type === 'link' && TAB_HEADING.test(`[x](${only.url})`);
}

/** An `[!INCLUDE [name](path)]` paragraph (remark reads the inner part as a link). */
function readInclude(node: RootContent): Omit<Include, 'section'> | undefined {
  if (node.type !== 'paragraph') return undefined;
  const text = node.children.map((child) => (child.type === 'link' ? `[${nodeText(child)}](${child.url})` : nodeText(child))).join('');
  const match = INCLUDE_LINE.exec(text);
  if (!match) return undefined;
  const name = match[1]!.trim();
  return { name, target: match[2]!.trim(), permissions: name.toLowerCase() === 'permissions-table', node };
}

export function outlinePage(root: Root): PageOutline {
  const outline: PageOutline = { intro: [], sections: [], includes: [] };
  let current: Section | undefined;
  for (const node of root.children) {
    if (node.type === 'yaml') {
      outline.frontMatter ??= node.value;
      continue;
    }
    const include = readInclude(node);
    if (include !== undefined) {
      outline.includes.push(current ? { ...include, section: current.key } : include);
      continue;
    }
    if (node.type === 'definition') continue;
    if (node.type === 'heading' && isTabHeading(node)) continue;
    if (node.type === 'heading' && node.depth === 1 && !outline.titleNode && !current) {
      outline.titleNode = node;
      continue;
    }
    if (node.type === 'heading' && node.depth <= 2 && outline.titleNode) {
      const title = squash(nodeText(node));
      current = { title, key: headingKey(title), heading: node, nodes: [] };
      outline.sections.push(current);
      continue;
    }
    (current ? current.nodes : outline.intro).push(node);
  }
  return outline;
}

/** The first section whose lower-case title matches. */
export function findSection(outline: PageOutline, pattern: RegExp): Section | undefined {
  return outline.sections.find((section) => pattern.test(section.key));
}

/** A section's nodes up to its first heading of the given depth or shallower (property tables end at the first H3). */
export function untilHeading(nodes: RootContent[], depth: number): RootContent[] {
  const end = nodes.findIndex((node) => node.type === 'heading' && node.depth <= depth);
  return end === -1 ? nodes : nodes.slice(0, end);
}

/** A section that documents the page's request lines: `## HTTP request (to upload a new file)`, or a `### HTTP request` on a page without one. */
export interface RequestSection {
  heading: Heading;
  /** Its title as written. */
  title: string;
  nodes: RootContent[];
}

export const HTTP_REQUEST_KEY = /^http requests?\b/;
const EXAMPLES_KEY = /^examples?\b/;

/**
 * Every section of a page that documents its request: each `## HTTP request…`
 * H2 (`(to replace an existing item)`, `(to upload a new file)`); on a page
 * with none, each `### HTTP request` under an H2 other than the examples (`##
 * Get a user's OneDrive` / `### HTTP request`). `unread`: the `### HTTP
 * request` subsections outside the examples on a page that has an H2 one:
 * they document other requests (`## Get a single thumbnail`), which one
 * operation cannot hold. On a page read by its H3s, an H2 outside the examples
 * that holds a block of bare request lines and no such H3 is read too
 * (`drive-list.md`: `## List a site's drives`).
 */
export function requestSections(outline: PageOutline): { sections: RequestSection[]; unread: Array<RequestSection & { under: Section }> } {
  const h2 = outline.sections.filter((section) => HTTP_REQUEST_KEY.test(section.key)).map((section) => ({ heading: section.heading, title: section.title, nodes: section.nodes }));
  const h3: Array<RequestSection & { under: Section }> = [];
  for (const section of outline.sections) {
    if (EXAMPLES_KEY.test(section.key) || HTTP_REQUEST_KEY.test(section.key)) continue;
    section.nodes.forEach((node, index) => {
      if (node.type !== 'heading' || node.depth !== 3 || !HTTP_REQUEST_KEY.test(headingKey(nodeText(node)))) return;
      h3.push({ heading: node, title: squash(nodeText(node)), nodes: untilHeading(section.nodes.slice(index + 1), 3), under: section });
    });
  }
  if (h2.length > 0) return { sections: h2, unread: h3 };
  // Such a page may give a further H2 no `### HTTP request` at all, only its request lines (`## List a site's drives`).
  const under = new Set(h3.map((section) => section.under));
  const bare = outline.sections
    .filter((section) => h3.length > 0 && !under.has(section) && !EXAMPLES_KEY.test(section.key) && section.nodes.some(isRequestBlock))
    .map((section) => ({ heading: section.heading, title: section.title, nodes: section.nodes.filter(isRequestBlock) }));
  return { sections: [...h3, ...bare].sort((a, b) => (a.heading.position?.start.offset ?? 0) - (b.heading.position?.start.offset ?? 0)), unread: [] };
}

/** A code block of bare request lines only (`GET /sites/{siteId}/drives`), never a full URL as examples write. */
function isRequestBlock(node: RootContent): boolean {
  return node.type === 'code' && node.value.trim() !== '' && node.value.split('\n').every((line) => line.trim() === '' || REQUEST_LINE.exec(line.trim())?.[2]!.startsWith('/') === true);
}
