// What every page has: title, namespace line and a lead description.
import type { Deprecation, Source } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import { readEnumSections } from './enumSections.js';
import type { PageOutline } from './sections.js';
import type { EnumSection } from './types.js';
import { nodeText, squash } from './text.js';

export interface PageInfo {
  enumSections: EnumSection[];
  title: string;
  namespace?: string;
  description: string;
  deprecated?: Deprecation;
  source: Source;
}

const NAMESPACE_LINE = /^Namespace:\s*(microsoft\.graph(?:\.\w+)*)\.?\s*$/i;

export function readPageInfo(ctx: PageContext, outline: PageOutline, frontMatter: Record<string, string>): PageInfo {
  const source = sourceOf(ctx, outline.titleNode);
  let title = outline.titleNode ? squash(nodeText(outline.titleNode)) : '';
  if (!title) {
    title = frontMatter['title'] ?? '';
    report(ctx, 'warning', 'missing-title', 'The page has no `# Title` heading.', source, {
      expected: 'a level-1 heading',
      found: title ? `front matter title ${JSON.stringify(title)}` : 'none',
    });
  }
  let namespace: string | undefined;
  let description = '';
  for (const node of outline.intro) {
    if (node.type !== 'paragraph') continue;
    const text = nodeText(node);
    // Only the first line: without a blank line after it, the next sentence joins the paragraph.
    const [firstLine = '', ...rest] = text.split('\n');
    const first = NAMESPACE_LINE.exec(squash(firstLine));
    if (first) namespace ??= first[1];
    const prose = squash(first ? rest.join(' ') : text);
    if (!description && prose) description = prose;
  }
  const info: PageInfo = { title, description, source, enumSections: readEnumSections(ctx, outline, namespace) };
  if (namespace) info.namespace = namespace;
  if (/\(deprecated\)/i.test(title)) info.deprecated = { message: 'The page title marks it deprecated.', source };
  return info;
}

/** The page title without a trailing `(deprecated)` or similar remark. */
export function bareTitle(title: string): string {
  return title.replace(/\s*\([^)]*\)\s*$/, '').trim();
}
