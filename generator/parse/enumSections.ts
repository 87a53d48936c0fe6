// Enums documented as sections rather than pages: `### riskLevel values` in
// enums.md (and enums-callrecords.md, …), and the same headings inside
// resource pages, each followed by a members table.
import type { Heading, RootContent } from 'mdast';
import { type PageContext, sourceOf } from './context.js';
import { readMemberTables } from './members.js';
import type { PageOutline } from './sections.js';
import { nodeText, squash } from './text.js';
import type { EnumSection } from './types.js';

const VALUES_HEADING = /^`?([A-Za-z_]\w*)`?\s+(?:property\s+|enumeration\s+)?values?$/i;

/** `### riskLevel values`: a heading whose table is an enum's members. */
export function isValuesHeading(text: string): boolean {
  return VALUES_HEADING.test(squash(text));
}

export function readEnumSections(ctx: PageContext, outline: PageOutline, namespace: string | undefined): EnumSection[] {
  const blocks: RootContent[] = [...outline.intro, ...outline.sections.flatMap((section) => [section.heading, ...section.nodes])];
  const found: EnumSection[] = [];
  blocks.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth < 2) return;
    const match = VALUES_HEADING.exec(squash(nodeText(node)));
    if (!match) return;
    const body = blocks.slice(index + 1);
    const end = body.findIndex((next) => next.type === 'heading');
    const members = readMemberTables(ctx, end === -1 ? body : body.slice(0, end));
    if (members.length === 0) return;
    const section: EnumSection = {
      file: ctx.file,
      name: match[1]!,
      anchor: slug(node),
      description: '',
      members,
      source: sourceOf(ctx, node),
    };
    if (namespace) section.namespace = namespace;
    found.push(section);
  });
  return found;
}

/** The anchor docs link to (`enums.md#risklevel-values`): the heading text, lower case, spaces as hyphens. */
function slug(heading: Heading): string {
  return squash(nodeText(heading))
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/\s+/g, '-');
}
