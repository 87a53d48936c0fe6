// Pages are classified by structure, never by `doc_type` or folder (format guide §2).
import { describe, expect, it } from 'vitest';
import { codes, FENCE, lines, parse, withCode } from './helpers.js';

const frontMatter = (docType: string) => ['---', 'title: "t"', `doc_type: ${docType}`, '---', ''];
const annotation = (json: string) => [`<!-- ${json} -->`, '', `${FENCE}json`, '{}', FENCE];

describe('classification by structure: good input', () => {
  it('a resource annotation makes a resource page even under api/ with doc_type apiPageType', () => {
    const { page } = parse(
      'api/widgetbase.md',
      lines(...frontMatter('apiPageType'), '# widgetBase resource type', '', 'Text.', '', '## JSON representation', '', ...annotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.widgetBase" }')),
    );
    expect(page.kind).toBe('resource');
  });

  it('a resource annotation wins over an HTTP request section', () => {
    const { page } = parse(
      'resources/x.md',
      lines('# x resource type', '', '## HTTP request', '', `${FENCE}http`, 'GET /x', FENCE, '', ...annotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.x" }')),
    );
    expect(page.kind).toBe('resource');
  });

  it('a Properties section alone makes a resource page', () => {
    const { page } = parse('resources/x.md', lines(...frontMatter('conceptualPageType'), '# x resource type', '', '## Properties', '', 'None.'));
    expect(page.kind).toBe('resource');
  });

  it('an HTTP request section makes an API page even with doc_type resourcePageType', () => {
    const { page } = parse('api/widget-update.md', lines(...frontMatter('"resourcePageType"'), '# Update widget', '', '## HTTP request', '', `${FENCE}http`, 'PATCH /widgets/{id}', FENCE));
    expect(page.kind).toBe('api');
  });

  it('response and request annotations do not make an API page a resource page', () => {
    const { page } = parse(
      'api/widget-get.md',
      lines('# Get widget', '', '## HTTP request', '', `${FENCE}http`, 'GET /widgets/{id}', FENCE, '', '## Example', '', '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget", "truncated": true } -->', `${FENCE}http`, 'HTTP/1.1 200 OK', FENCE),
    );
    expect(page.kind).toBe('api');
  });

  it('a Members section makes an enum page even with doc_type resourcePageType', () => {
    const { page } = parse('resources/widgetstate.md', lines(...frontMatter('resourcePageType'), '# widgetState enum type', '', '## Members', '', '|Member|Value|Description|', '|---|---|---|', '|on|0|On.|'));
    expect(page.kind).toBe('enum');
  });

  it('a Members section wins over an enum doc_type typo (`enumTypes`)', () => {
    const { page } = parse('resources/enums-x.md', lines(...frontMatter('enumTypes'), '# x enum type', '', '## Members', '', 'None.'));
    expect(page.kind).toBe('enum');
  });
});

describe('classification by structure: other pages', () => {
  it('a conceptual page is kind `other` with an info `page-kind`', () => {
    const { page, diagnostics } = parse('resources/widgets-overview.md', lines(...frontMatter('conceptualPageType'), '# Working with widgets', '', 'Widgets are useful.', '', '## Scenarios', '', 'Many.'));
    expect(page.kind).toBe('other');
    expect(page.title).toBe('Working with widgets');
    expect(page.description).toBe('Widgets are useful.');
    const [info] = withCode(diagnostics, 'page-kind');
    expect(info?.severity).toBe('info');
  });

  it('a page of `### x values` sections (enums.md) is `other` without a page-kind note: its enums are in the model', () => {
    const { page, diagnostics } = parse('resources/enums.md', lines('# Enum values', '', '### widgetColor values', '', '| Member |', '|---|', '| red |', '', '### Notes', '', 'Prose.'));
    expect(page.kind).toBe('other');
    expect(page.enumSections.map((section) => section.name)).toEqual(['widgetColor']);
    expect(diagnostics).toEqual([]);
  });

  it('doc_type apiPageType without any API structure is still `other`', () => {
    const { page, diagnostics } = parse('api/x.md', lines(...frontMatter('apiPageType'), '# Something', '', 'Text only.'));
    expect(page.kind).toBe('other');
    expect(codes(diagnostics)).toContain('page-kind');
  });

  it('an `ignored` annotation with @odata.type does not make a resource page', () => {
    const { page } = parse('resources/x.md', lines('# x', '', ...annotation('{ "blockType": "ignored", "@odata.type": "microsoft.graph.x" }')));
    expect(page.kind).toBe('other');
  });

  it('a `## Properties` H3 is not a Properties section', () => {
    const { page } = parse('resources/x.md', lines('# x', '', '## Overview', '', '### Properties', '', 'Prose.'));
    expect(page.kind).toBe('other');
  });

  it('an empty file is `other`', () => {
    const { page, diagnostics } = parse('resources/empty.md', '');
    expect(page.kind).toBe('other');
    expect(codes(diagnostics).sort()).toEqual(['missing-title', 'page-kind']);
  });
});
