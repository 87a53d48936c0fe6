// readTable: GFM tables into rows of cells, with the row rule of the format
// guide (§4): drop bold group rows, append split-row tails, re-join stray `|`.
import { describe, expect, it } from 'vitest';
import { cellAt, columnIndex, readTable } from '../../generator/parse/tables.js';
import { firstTable, lines, parseResource } from './helpers.js';

function read(...text: string[]) {
  const { ctx, table } = firstTable(lines(...text));
  const data = readTable(ctx, table);
  return { data, ctx, texts: data.rows.map((row) => row.cells.map((cell) => cell.text)) };
}

const HEADER = ['| Property | Type | Description |', '|:---|:---|:---|'];

describe('readTable: good input', () => {
  it('reads lower-case header names and one row of cells per line', () => {
    const { data, texts } = read(...HEADER, '| displayName | String | The name. |', '| size | Int64 | The size. |');
    expect(data.columns).toEqual(['property', 'type', 'description']);
    expect(texts).toEqual([
      ['displayName', 'String', 'The name.'],
      ['size', 'Int64', 'The size.'],
    ]);
  });

  it('reads a table without trailing pipes or alignment colons', () => {
    const { data, texts } = read('Property | Type | Description', '--- | --- | ---', 'displayName | String | The name.');
    expect(data.columns).toEqual(['property', 'type', 'description']);
    expect(texts).toEqual([['displayName', 'String', 'The name.']]);
  });

  it('trims tabs padding the header cells', () => {
    const { data } = read('| Property\t   | Type\t|Description|', '|:---|:---|:---|', '|a|String|x|');
    expect(data.columns).toEqual(['property', 'type', 'description']);
  });

  it('finds columns by header name', () => {
    const { data } = read('| Property | Required (Y/N) | Type | Description |', '|---|---|---|---|', '| a | Y | String | x |');
    expect(columnIndex(data, ['type'])).toBe(2);
    expect(columnIndex(data, ['description'])).toBe(3);
    expect(columnIndex(data, ['default value'])).toBe(-1);
    expect(cellAt(data.rows[0]!, 2)?.text).toBe('String');
    expect(cellAt(data.rows[0]!, -1)).toBeUndefined();
  });

  it('keeps an escaped pipe inside a cell', () => {
    const { texts } = read(...HEADER, '| a | String | either x \\| y |');
    expect(texts).toEqual([['a', 'String', 'either x | y']]);
  });

  it('turns <br> (any spelling) and <li> in a cell into newlines', () => {
    const { texts } = read(...HEADER, '| a | String | one<br>two<br/>three<BR />four |', '| b | String | <ul><li>first</li><li>second</li></ul> |');
    expect(texts[0]![2]).toBe('one\ntwo\nthree\nfour');
    expect(texts[1]![2]!.split('\n').filter(Boolean)).toEqual(['first', 'second']);
  });

  it('normalises NBSP, zero-width space and BOM (raw or as entities) to spaces', () => {
    const { data, texts } = read('| Property\u00a0name | Type | Description |', '|---|---|---|', '| a\u200b | String | one\u00a0two&nbsp;three&#65279;four |');
    expect(data.columns[0]).toBe('property name');
    expect(texts[0]![0]!.trim()).toBe('a');
    expect(texts[0]![2]).toBe('one two three four');
  });

  it('records the source line of each row', () => {
    const { data } = read('Intro.', '', ...HEADER, '| a | String | x |', '| b | String | y |');
    expect(data.source.line).toBe(3);
    expect(data.rows.map((row) => row.source.line)).toEqual([5, 6]);
    expect(data.rows[0]!.source.file).toBe('table.md');
  });
});

describe('readTable: malformed input (row rule)', () => {
  it('drops bold group rows, with or without padding cells', () => {
    const { texts } = read(...HEADER, '|**Device management**|', '| a | String | x |', '| **App role assignments**|||', '| b | String | y |');
    expect(texts.map((row) => row[0])).toEqual(['a', 'b']);
  });

  it('keeps a row whose bold name has a type beside it (not a group row)', () => {
    const { texts } = read(...HEADER, '| **audio** | String | x |');
    expect(texts).toEqual([['audio', 'String', 'x']]);
  });

  it('drops an all-empty row', () => {
    const { texts } = read(...HEADER, '| a | String | x |', '| | | |', '| b | String | y |');
    expect(texts.map((row) => row[0])).toEqual(['a', 'b']);
  });

  it('appends a row split by a hard newline to the previous description', () => {
    const { texts } = read(...HEADER, '| bandwidth | Int32 | Maximum bandwidth, in', 'kilobits per second. |', '| next | String | Next. |');
    expect(texts).toEqual([
      ['bandwidth', 'Int32', 'Maximum bandwidth, in kilobits per second.'],
      ['next', 'String', 'Next.'],
    ]);
  });

  it('appends a two-cell tail as well', () => {
    const { texts } = read(...HEADER, '| a | String | Starts here', 'and goes on | and on. |');
    expect(texts).toEqual([['a', 'String', 'Starts here and goes on and on.']]);
  });

  it('appends a one-word tail ending in a period ("updated.") to the previous row', () => {
    const { texts } = read('| Header | Value |', '|---|---|', '| If-Match | Required. The item will not be', ' updated. |');
    expect(texts).toEqual([['If-Match', 'Required. The item will not be updated.']]);
  });

  it('keeps a short row that starts with an identifier as its own row', () => {
    const { texts } = read(...HEADER, '| a | String | x |', '| b | String |');
    expect(texts).toEqual([
      ['a', 'String', 'x'],
      ['b', 'String'],
    ]);
  });

  it('re-joins a description split by an unescaped pipe', () => {
    const { texts } = read(...HEADER, '| payloadFileName | String | File name (*.mobileconfig | *.xml). |');
    expect(texts).toEqual([['payloadFileName', 'String', 'File name (*.mobileconfig | *.xml).']]);
  });

  it('re-joins several stray pipes and keeps the cells in order', () => {
    const { data, texts } = read(...HEADER, '| a | String | x | y | z |');
    expect(texts).toEqual([['a', 'String', 'x | y | z']]);
    expect(data.rows[0]!.cells).toHaveLength(3);
  });

  it('reads a header-only table as no rows', () => {
    const { data } = read(...HEADER);
    expect(data.columns).toEqual(['property', 'type', 'description']);
    expect(data.rows).toEqual([]);
  });

  it('leaves commented-out rows out of the table', () => {
    const { texts } = read(...HEADER, '| a | String | x |', '<!--| hidden | String | gone |-->');
    expect(texts.map((row) => row[0])).toEqual(['a']);
  });

  it('leaves a multi-line commented-out block out of the table', () => {
    const { texts } = read(...HEADER, '| a | String | x |', '<!--', '| hidden | String | gone |', '| alsoHidden | String | gone |', '-->');
    expect(texts.map((row) => row[0])).toEqual(['a']);
  });

  it('does not silently lose rows that follow a commented-out row', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      lines('# widget resource type', '', '## Properties', '', '| Property | Type | Description |', '|:---|:---|:---|', '| a | String | x |', '<!--| hidden | String | gone |-->', '| c | String | z |'),
    );
    const names = page.properties.map((property) => property.name);
    expect(names).not.toContain('hidden');
    expect(names.includes('c') || diagnostics.length > 0).toBe(true);
  });

  it('does not silently drop a table whose delimiter row has the wrong cell count', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      lines('# widget resource type', '', '## Properties', '', '| Property | Type | Description |', '|:---|:---|', '| a | String | x |'),
    );
    expect(page.properties.length > 0 || diagnostics.length > 0).toBe(true);
  });
});
