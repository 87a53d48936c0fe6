// outlinePage: the title H1, the intro, H2 sections; tab headings and
// `[!INCLUDE]` lines are presentation, not structure.
import type { Heading, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../generator/parse/markdown.js';
import { findSection, isTabHeading, outlinePage, untilHeading } from '../../generator/parse/sections.js';
import { nodeText } from '../../generator/parse/text.js';
import { FENCE, lines, parseApi } from './helpers.js';

const outline = (...text: string[]) => outlinePage(parseMarkdown(lines(...text)));
const texts = (nodes: RootContent[]) => nodes.map((node) => nodeText(node).trim());

describe('outlinePage: good input', () => {
  it('takes the first H1 as the title, the paragraphs before the first H2 as intro, and splits on H2', () => {
    const result = outline('---', 'title: t', '---', '', '# Get widget', '', 'Namespace: microsoft.graph', '', 'Gets a widget.', '', '## Permissions', '', 'Some.', '', '## HTTP request', '', 'More.');
    expect(result.frontMatter).toBe('title: t');
    expect(result.titleNode && nodeText(result.titleNode)).toBe('Get widget');
    expect(texts(result.intro)).toEqual(['Namespace: microsoft.graph', 'Gets a widget.']);
    expect(result.sections.map((section) => section.key)).toEqual(['permissions', 'http request']);
    expect(texts(result.sections[1]!.nodes)).toEqual(['More.']);
  });

  it('skips tab headings so they do not end the section they sit in', () => {
    const result = outline(
      '# Get widget',
      '',
      '## Example',
      '',
      '### Request',
      '',
      '# [HTTP](#tab/http)',
      '',
      `${FENCE}http`,
      'GET /widgets',
      FENCE,
      '',
      '# [C#](#tab/csharp)',
      '',
      'Snippet.',
      '',
      '# [Objective-C](#tab/objc)',
      '',
      '---',
      '',
      '### Response',
    );
    expect(result.sections.map((section) => section.title)).toEqual(['Example']);
    const kinds = result.sections[0]!.nodes.map((node) => node.type);
    expect(result.sections[0]!.nodes.filter((node) => node.type === 'heading' && node.depth === 1)).toEqual([]);
    expect(kinds).toContain('code');
    expect(texts(result.sections[0]!.nodes)).toContain('Snippet.');
  });

  it('recognises tab headings by their link, and only those', () => {
    const heading = (text: string) => parseMarkdown(text).children[0] as Heading;
    expect(isTabHeading(heading('# [HTTP](#tab/http)'))).toBe(true);
    expect(isTabHeading(heading('# [JavaScript](#tab/javascript)'))).toBe(true);
    expect(isTabHeading(heading('# [Widget](widget.md)'))).toBe(false);
    expect(isTabHeading(heading('# Widget [HTTP](#tab/http)'))).toBe(false);
  });

  it('matches headings with trailing spaces and other case', () => {
    const result = outline('# Get widget', '', '## Response ', '', 'A.', '', '## HTTP Request', '', 'B.', '', '## Request  Body', '', 'C.');
    expect(result.sections.map((section) => section.key)).toEqual(['response', 'http request', 'request body']);
    expect(findSection(result, /^response$/)?.title).toBe('Response');
    expect(findSection(result, /^http requests?\b/)?.nodes.length).toBe(1);
    expect(findSection(result, /^request body$/)).toBeDefined();
  });

  it('normalises a non-breaking space in a heading', () => {
    const result = outline('# Title', '', '## HTTP\u00a0request', '', 'x');
    expect(result.sections[0]?.key).toBe('http request');
  });

  it('records INCLUDE lines in `includes`, with the section key', () => {
    const result = outline(
      '# Get widget',
      '',
      '[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]',
      '',
      'Gets a widget.',
      '',
      '## Permissions ',
      '',
      '[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]',
    );
    expect(result.includes.map(({ node, ...include }) => ({ ...include, line: node.position?.start.line }))).toEqual([
      { name: 'beta-disclaimer', target: '../../includes/beta-disclaimer.md', permissions: false, line: 3 },
      { name: 'permissions-table', target: '../includes/permissions/widget-get-permissions.md', permissions: true, section: 'permissions', line: 9 },
    ]);
  });

  it('leaves INCLUDE lines out of the intro and sections', () => {
    const result = outline(
      '# Get widget',
      '',
      '[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]',
      '',
      'Gets a widget.',
      '',
      '## Permissions',
      '',
      '[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]',
    );
    expect(texts(result.intro)).toEqual(['Gets a widget.']);
    expect(result.sections[0]!.nodes).toEqual([]);
  });

  it('does not take an INCLUDE line as the page description', () => {
    const { page } = parseApi(
      'api/widget-get.md',
      lines('# Get widget', '', '[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]', '', 'Gets a widget.', '', '## HTTP request', '', `${FENCE}http`, 'GET /widgets/{id}', FENCE),
    );
    expect(page.description).toBe('Gets a widget.');
  });

  it('untilHeading stops at the first H3 but not at deeper headings', () => {
    const result = outline('# T', '', '## Properties', '', 'Table here.', '', '#### Deep note', '', 'Still in.', '', '### widget values', '', 'Enum table.');
    const nodes = result.sections[0]!.nodes;
    expect(texts(untilHeading(nodes, 3))).toEqual(['Table here.', 'Deep note', 'Still in.']);
    expect(texts(untilHeading(nodes, 4))).toEqual(['Table here.']);
  });

  it('untilHeading returns every node when there is no such heading', () => {
    const result = outline('# T', '', '## Properties', '', 'A.', '', 'B.');
    expect(untilHeading(result.sections[0]!.nodes, 3)).toHaveLength(2);
  });
});

describe('outlinePage: malformed input', () => {
  it('keeps everything in the intro when the page has no H1 (headings then do not open sections)', () => {
    const result = outline('Intro text.', '', '## Properties', '', 'x');
    expect(result.titleNode).toBeUndefined();
    expect(result.sections).toEqual([]);
    expect(result.intro.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('treats a second H1 after the title as a section, not a second title', () => {
    const result = outline('# First', '', 'a', '', '# Second', '', 'b');
    expect(result.titleNode && nodeText(result.titleNode)).toBe('First');
    expect(result.sections.map((section) => section.title)).toEqual(['Second']);
  });

  it('keeps the first of two sections with the same heading for findSection', () => {
    const result = outline('# T', '', '## Properties', '', 'first', '', '## Properties', '', 'second');
    expect(result.sections).toHaveLength(2);
    expect(texts(findSection(result, /^properties$/)!.nodes)).toEqual(['first']);
  });

  it('drops reference-link definitions from the sections', () => {
    const result = outline('# T', '', '## Properties', '', 'See [widget][].', '', '[widget]: widget.md');
    expect(result.sections[0]!.nodes.map((node) => node.type)).toEqual(['paragraph']);
  });
});
