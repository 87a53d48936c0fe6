// Front matter is read line by line (`key: value`), not as strict YAML.
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../generator/parse/frontMatter.js';
import { codes, lines, parse, withCode } from './helpers.js';

describe('readFrontMatter: good input', () => {
  it('reads double-quoted, unquoted and single-quoted values', () => {
    const fields = readFrontMatter(['title: "Get widget"', 'author: someone', "doc_type: 'apiPageType'"].join('\n'));
    expect(fields).toEqual({ title: 'Get widget', author: 'someone', doc_type: 'apiPageType' });
  });

  it('keeps dotted and underscored keys', () => {
    const fields = readFrontMatter(['ms.prod: "intune"', 'localization_priority: Normal', 'ms.localizationpriority: medium'].join('\n'));
    expect(fields['ms.prod']).toBe('intune');
    expect(fields['localization_priority']).toBe('Normal');
    expect(fields['ms.localizationpriority']).toBe('medium');
  });

  it('keeps an unquoted colon inside the value', () => {
    expect(readFrontMatter('title: driveItem: createUploadSession')['title']).toBe('driveItem: createUploadSession');
  });

  it('keeps a quoted colon inside the value', () => {
    expect(readFrontMatter('title: "user: reprocessLicenseAssignment"')['title']).toBe('user: reprocessLicenseAssignment');
  });

  it('trims trailing spaces, outside and inside the quotes', () => {
    const fields = readFrontMatter(['doc_type: "apiPageType" ', 'title: widget   ', 'description: " padded "'].join('\n'));
    expect(fields['doc_type']).toBe('apiPageType');
    expect(fields['title']).toBe('widget');
    expect(fields['description']).toBe('padded');
  });

  it('tolerates CRLF line endings', () => {
    expect(readFrontMatter('title: widget\r\nauthor: someone\r\n')).toEqual({ title: 'widget', author: 'someone' });
  });

  it('reads an empty value as the empty string', () => {
    expect(readFrontMatter('description:\nauthor: ""')).toEqual({ description: '', author: '' });
  });
});

describe('readFrontMatter: malformed input', () => {
  it('returns no fields for empty input', () => {
    expect(readFrontMatter('')).toEqual({});
  });

  it('skips lines that are not `key: value` (lists, comments, indented continuation)', () => {
    const fields = readFrontMatter(['title: widget', '- item', '# a comment', '  nested: value', 'no colon here'].join('\n'));
    expect(fields).toEqual({ title: 'widget' });
  });

  it('does not strip mismatched quotes', () => {
    expect(readFrontMatter(`title: "widget'`)['title']).toBe(`"widget'`);
  });

  it('keeps the last of two identical keys', () => {
    expect(readFrontMatter('title: first\ntitle: second')['title']).toBe('second');
  });
});

describe('front matter through parsePage', () => {
  it('is not mistaken for a heading, and its title is not the page title when there is an H1', () => {
    const { page, diagnostics } = parse('api/x.md', lines('---', 'title: "From front matter"', '---', '', '# From heading', '', 'Text.'));
    expect(page.title).toBe('From heading');
    expect(withCode(diagnostics, 'missing-title')).toEqual([]);
  });

  it('supplies the title (with a missing-title warning) when the H1 is missing', () => {
    const { page, diagnostics } = parse('api/x.md', lines('---', 'title: driveItem: createUploadSession', '---', '', 'Just text.'));
    expect(page.title).toBe('driveItem: createUploadSession');
    const [warning] = withCode(diagnostics, 'missing-title');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toContain('driveItem: createUploadSession');
  });

  it('accepts an opening `--- ` with a trailing space', () => {
    const { page } = parse('api/x.md', lines('--- ', 'title: Spaced fence', '---', '', 'Just text.'));
    expect(page.title).toBe('Spaced fence');
  });

  it('without front matter and without an H1, reports missing-title with found "none"', () => {
    const { page, diagnostics } = parse('api/x.md', lines('Just text, no heading.'));
    expect(page.title).toBe('');
    expect(codes(diagnostics)).toContain('missing-title');
    expect(withCode(diagnostics, 'missing-title')[0]?.found).toBe('none');
  });

  it('without front matter, still reads the H1 and does not warn', () => {
    const { page, diagnostics } = parse('api/x.md', lines('# Plain page', '', 'Text.'));
    expect(page.title).toBe('Plain page');
    expect(codes(diagnostics)).not.toContain('missing-title');
  });
});
