// Enum pages: `# x enum type` and a `## Members` table (`|Member|Value|Description|`).
import type { PageContext } from './context.js';
import { readMemberTables } from './members.js';
import { bareTitle, readPageInfo } from './pageInfo.js';
import { findSection, type PageOutline } from './sections.js';
import type { EnumPage } from './types.js';

export function readEnumPage(ctx: PageContext, outline: PageOutline, frontMatter: Record<string, string>): EnumPage {
  const info = readPageInfo(ctx, outline, frontMatter);
  const name = bareTitle(info.title).replace(/\s+enum(\s+type)?$/i, '').trim();
  const members = readMemberTables(ctx, findSection(outline, /^members$/)?.nodes ?? []);
  return { kind: 'enum', file: ctx.file, ...info, name, members };
}
