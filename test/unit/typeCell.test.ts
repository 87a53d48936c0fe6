// readTypeRef: a type as written in a Type cell. The link text, not the
// target, names the type (format guide §5.5).
import { describe, expect, it } from 'vitest';
import { readTable } from '../../generator/parse/tables.js';
import { findLink, readTypeRef } from '../../generator/parse/typeCell.js';
import type { RawTypeRef } from '../../generator/parse/types.js';
import { firstTable, lines, parseResource, withCode } from './helpers.js';

/** Reads the Type cell of a one-row property table; `extra` lines follow the table (link definitions). */
function typeOf(cell: string, ...extra: string[]): RawTypeRef | undefined {
  const { ctx, table } = firstTable(lines('| Property | Type | Description |', '|---|---|---|', `| p | ${cell} | d |`, '', ...extra));
  const typeCell = readTable(ctx, table).rows[0]!.cells[1]!;
  return readTypeRef(ctx, typeCell.nodes, typeCell.text, typeCell.source);
}

const shape = (ref: RawTypeRef | undefined) => ref && { name: ref.name, link: ref.link, collection: ref.collection };

describe('readTypeRef: good input', () => {
  it.each([
    ['String', { name: 'String', link: undefined, collection: false }],
    ['string', { name: 'string', link: undefined, collection: false }],
    ['String collection', { name: 'String', link: undefined, collection: true }],
    ['String Collection', { name: 'String', link: undefined, collection: true }],
    ['Collection(String)', { name: 'String', link: undefined, collection: true }],
    ['collection(Edm.Guid)', { name: 'Edm.Guid', link: undefined, collection: true }],
    ['modality collection', { name: 'modality', link: undefined, collection: true }],
    ['[identitySet](identityset.md)', { name: 'identitySet', link: 'identityset.md', collection: false }],
    ['[identitySet](../resources/identityset.md) collection', { name: 'identitySet', link: '../resources/identityset.md', collection: true }],
    ['Collection([columnDefinition](columndefinition.md))', { name: 'columnDefinition', link: 'columndefinition.md', collection: true }],
    ['[**driveItem**](driveitem.md)', { name: 'driveItem', link: 'driveitem.md', collection: false }],
    ['**[driveItem](driveitem.md)**', { name: 'driveItem', link: 'driveitem.md', collection: false }],
    ['[`thumbnail`](thumbnail.md)', { name: 'thumbnail', link: 'thumbnail.md', collection: false }],
    ['[microsoft.graph.callRecords.session](callrecords-session.md)', { name: 'microsoft.graph.callRecords.session', link: 'callrecords-session.md', collection: false }],
  ])('reads %s', (cell, expected) => {
    expect(shape(typeOf(cell))).toEqual(expected);
  });

  it('keeps the link text as the name even when the target is another file', () => {
    expect(shape(typeOf('[accessPackage](accesspackagecatalog.md)'))).toEqual({ name: 'accessPackage', link: 'accesspackagecatalog.md', collection: false });
  });

  it('reads a collapsed reference link `[x][]` through its definition', () => {
    expect(shape(typeOf('[identitySet][]', '[identitySet]: identityset.md'))).toEqual({ name: 'identitySet', link: 'identityset.md', collection: false });
  });

  it('reads a full reference link with bold text, in any definition case', () => {
    expect(shape(typeOf('[**driveItem**][DriveItem] collection', '[driveitem]: ../resources/driveitem.md'))).toEqual({
      name: 'driveItem',
      link: '../resources/driveitem.md',
      collection: true,
    });
  });

  it('reads `Collection([x][])`', () => {
    expect(shape(typeOf('Collection([columnDefinition][])', '[columnDefinition]: columndefinition.md'))).toEqual({
      name: 'columnDefinition',
      link: 'columndefinition.md',
      collection: true,
    });
  });

  it('reads a backticked type without the backticks', () => {
    expect(typeOf('`String`')?.name).toBe('String');
    expect(typeOf('`Edm.String`')?.collection).toBe(false);
  });

  it('keeps `Edm.` in the name (the model strips it when it maps primitives)', () => {
    expect(typeOf('`Edm.String`')?.name).toBe('Edm.String');
  });

  it('records where the cell is', () => {
    const ref = typeOf('String');
    expect(ref?.source).toEqual({ file: 'table.md', line: 3, column: expect.any(Number) as number });
  });

  it('findLink finds the first link depth-first, and none in plain text', () => {
    const { ctx, table } = firstTable(lines('| a | b |', '|---|---|', '| **[x](x.md)** or [y](y.md) | plain |'));
    const row = readTable(ctx, table).rows[0]!;
    expect(findLink(ctx, row.cells[0]!.nodes)).toEqual({ text: 'x', url: 'x.md' });
    expect(findLink(ctx, row.cells[1]!.nodes)).toBeUndefined();
  });
});

describe('readTypeRef: malformed input', () => {
  it('returns undefined for an empty cell', () => {
    expect(typeOf(' ')).toBeUndefined();
  });

  it('reads a reference link with no definition as a name without a target', () => {
    // remark only makes a linkReference when the definition exists; otherwise the text stays.
    const ref = typeOf('[identitySet][]');
    expect(ref?.name.replace(/[[\]]/g, '')).toBe('identitySet');
    expect(ref?.link ?? '').toBe('');
  });

  it('takes the first link of `[a](a.md) or [b](b.md)`', () => {
    expect(shape(typeOf('[a](a.md) or [b](b.md)'))).toEqual({ name: 'a', link: 'a.md', collection: false });
  });

  it('reports an empty Type cell as `property-type` and drops the row', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      lines('# widget resource type', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', '| good | String | ok |', '| bad |  | no type |'),
    );
    expect(page.properties.map((property) => property.name)).toEqual(['good']);
    const [error] = withCode(diagnostics, 'property-type');
    expect(error?.severity).toBe('error');
    expect(error?.message).toContain('bad');
    expect(error?.source.line).toBe(8);
  });

  it('reports a row with no Type cell at all as `property-type`', () => {
    const { diagnostics } = parseResource('resources/widget.md', lines('# widget resource type', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', '| lonely |'));
    expect(withCode(diagnostics, 'property-type')).toHaveLength(1);
  });
});
