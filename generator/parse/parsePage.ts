// One page in, its facts and diagnostics out. Pages are classified by their
// structure, never by `doc_type` or folder (both are wrong on real pages).
import type { RootContent } from 'mdast';
import { readAnnotation } from './annotations.js';
import { readApiPage } from './apiPage.js';
import { createContext, type PageContext, report, sourceOf } from './context.js';
import { readEnumPage } from './enumPage.js';
import { readFrontMatter } from './frontMatter.js';
import { parseMarkdown } from './markdown.js';
import { readPageInfo } from './pageInfo.js';
import { type LocatedAnnotation, readResourcePage } from './resourcePage.js';
import { findSection, outlinePage, type PageOutline, requestSections } from './sections.js';
import { encodingProblem, rejectPage } from './guard.js';
import { readPermissionEntries } from './permissions.js';
import type { PageResult, ParsedInclude } from './types.js';

/** Never throws: a page docgen cannot read yields an empty page of kind `other` and an error diagnostic. */
export function parsePage(file: string, text: string, options: { invalidUtf8?: boolean } = {}): PageResult {
  return guarded(file, text, options, emptyPage(file), () => readPage(file, text));
}

/** `read`'s result, or `empty` and why: a page too large, binary or too deep is not read, and an exception is an error, not a crash. */
function guarded<Page>(file: string, text: string, options: { invalidUtf8?: boolean }, empty: Page, read: () => PageResult<Page>): PageResult<Page> {
  const rejected = rejectPage(file, text);
  if (rejected) return { page: empty, diagnostics: [rejected] };
  try {
    const result = read();
    return options.invalidUtf8 ? { ...result, diagnostics: [encodingProblem(file, text), ...result.diagnostics] } : result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      page: empty,
      diagnostics: [
        { code: 'page-unreadable', severity: 'error', message: 'docgen could not read the page; it is skipped.', expected: 'a Markdown page', found: message, source: { file, line: 1, column: 1 } },
      ],
    };
  }
}

/**
 * An include file (see read/includes.ts): no page, so no title or page kind to
 * report; its permission tables, and the permission includes it names in turn.
 */
export function parseInclude(file: string, text: string, options: { invalidUtf8?: boolean } = {}): PageResult<ParsedInclude> {
  return guarded(file, text, options, { kind: 'include', file, permissions: [] }, () => {
    const root = parseMarkdown(text);
    const ctx = createContext(file, root, text);
    const outline = outlinePage(root);
    const nodes = root.children.filter((node) => node.type !== 'yaml');
    const page: ParsedInclude = { kind: 'include', file, permissions: readPermissionEntries(ctx, nodes, outline.includes.filter((include) => include.permissions)) };
    if (page.permissions.length === 0) {
      report(ctx, 'warning', 'include-empty', 'The permissions include holds no permissions table.', { file, line: 1, column: 1 }, {
        expected: 'a `Permission type` table',
        found: 'none',
      });
    }
    return { page, diagnostics: ctx.diagnostics };
  });
}

function emptyPage(file: string): PageResult['page'] {
  return { kind: 'other', file, title: '', description: '', enumSections: [], source: { file, line: 1, column: 1 } };
}

function readPage(file: string, text: string): PageResult {
  const root = parseMarkdown(text);
  const ctx = createContext(file, root, text);
  const outline = outlinePage(root);
  const frontMatter = outline.frontMatter === undefined ? {} : readFrontMatter(outline.frontMatter);
  const resourceAnnotation = findResourceAnnotation(ctx, outline);

  let page;
  if (resourceAnnotation || findSection(outline, /^properties$/)) {
    page = readResourcePage(ctx, outline, frontMatter, resourceAnnotation);
  } else if (requestSections(outline).sections.length > 0) {
    page = readApiPage(ctx, outline, frontMatter);
  } else if (findSection(outline, /^members$/)) {
    page = readEnumPage(ctx, outline, frontMatter);
  } else {
    page = { kind: 'other' as const, file, ...readPageInfo(ctx, outline, frontMatter) };
    // enums.md is such a page, yet its `### x values` sections are enums of the model.
    if (page.enumSections.length === 0) {
      report(ctx, 'info', 'page-kind', 'The page is not a resource, enum or API page; it is not part of the model.', page.source, {
        expected: 'a resource annotation, `## Properties`, `## HTTP request` or `## Members`',
        found: 'none of them',
      });
    }
  }
  return { page, diagnostics: ctx.diagnostics };
}

/** The first `"blockType": "resource"` annotation (and the node after it); unreadable annotations are reported. */
function findResourceAnnotation(ctx: PageContext, outline: PageOutline): LocatedAnnotation | undefined {
  const nodes: RootContent[] = [...outline.intro, ...outline.sections.flatMap((section) => section.nodes)];
  let found: LocatedAnnotation | undefined;
  for (const [index, node] of nodes.entries()) {
    if (node.type !== 'html') continue;
    const result = readAnnotation(node);
    if (!result) continue;
    if ('error' in result) {
      report(ctx, 'warning', 'annotation', 'An annotation comment could not be read.', sourceOf(ctx, node), {
        expected: 'a JSON object',
        found: result.error,
      });
      continue;
    }
    if (found || result.annotation['blockType'] !== 'resource') continue;
    found = { annotation: result.annotation, node };
    const next = nodes[index + 1];
    if (next?.type === 'code') found.block = next;
  }
  return found;
}
