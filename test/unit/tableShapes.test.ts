// Which tables are read as property, parameter and members tables, on pages
// written as the docs are today (issue 14): a table of another shape in a
// query, request-body or Properties section is prose, skipped with a note;
// enums.md's header variants (FORMAT-GUIDE §12) all give their members.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../generator/parse/parsePage.js';
import { codes, lines, parseApi, parseResource, simpleApiPage, withCode } from './helpers.js';

const RESPONSE = 'If successful, this method returns a `200 OK` response code and a [gadget](../resources/gadget.md) object in the response body.';

/** A GET page whose Optional query parameters section holds `query`. */
function getPageWithQuery(query: string[]): string {
  const page = simpleApiPage('Get gadget', ['GET /gadgets/{id}'], RESPONSE);
  return page.replace('## Request body', lines('## Optional query parameters', '', ...query, '', '## Request body').trimEnd());
}

describe('tables that are not property tables', () => {
  it('skips a two-column note table among the query parameters with an info, and reads the parameter table beside it (user-get, user-list)', () => {
    const { page, diagnostics } = parseApi(
      'api/gadget-get.md',
      getPageWithQuery([
        'Add-on fields answer query options as follows:',
        '',
        '| Kind of add-on | Remarks |',
        '|---|---|',
        '| Numbered attributes 1-9 | Come back only when `$select` names them. |',
        '| Open add-ons | Come back only from their own endpoint. |',
        '',
        // A parameter table may lack a Type column: its name column says what it is.
        '| Name | Description |',
        '|---|---|',
        '| top | How many. |',
      ]),
    );
    expect(page.parameters.map(({ name, type }) => [name, type.name])).toEqual([['top', 'String']]);
    expect(codes(diagnostics)).toEqual(['table-skipped']);
    const [note] = diagnostics;
    expect(note?.severity).toBe('info');
    expect(note?.found).toBe('kind of add-on | remarks');
  });

  it('skips a comparison table in the request body, reads the property table beside it, and still reports a bad property header (group-post-groups)', () => {
    const body = [
      '| Property | Type | Description |',
      '|:---|:---|:---|',
      '| displayName | String | The name. |',
      '',
      'How the kinds of gadget group fill up:',
      '',
      '| Kind of gadget group | Fixed members | Rule-based members |',
      '|---|---|---|',
      '| Shared | Yes | No |',
      '| Private | Yes | Yes |',
      '',
      // A Type column makes it a property table, with a header docgen cannot read.
      '| Required field | Type | Description |',
      '|---|---|---|',
      '| roleId | String | The role. |',
    ];
    const text = simpleApiPage('Create gadget', ['POST /gadgets'], RESPONSE, body);
    const { page, diagnostics } = parseApi('api/gadget-post.md', text);
    expect(page.body.kind === 'described' && page.body.properties.map((property) => property.name)).toEqual(['displayName']);
    expect(diagnostics.map(({ code, severity, source }) => [code, severity, source.line])).toEqual([
      ['table-skipped', 'info', text.split('\n').indexOf(body[6]!) + 1],
      ['table-columns', 'error', text.split('\n').indexOf(body[11]!) + 1],
    ]);
  });

  it('skips a table of derived types (`Type | Description`) under Properties; a name-first table without Type is still `table-columns`', () => {
    const { page, diagnostics } = parseResource(
      'resources/gadget.md',
      lines('# gadget resource type', '', '## Properties', '', '| Type | Description |', '|---|---|', '| [bigGadget](biggadget.md) | A larger one. |', '', '| Name | Value |', '|---|---|', '| size | 4 |'),
    );
    expect(page.properties).toEqual([]);
    expect(diagnostics.map(({ code, severity }) => [code, severity])).toEqual([
      ['table-skipped', 'info'],
      ['table-columns', 'error'],
    ]);
  });
});

describe("enums.md's header variants", () => {
  const section = (name: string, ...table: string[]) => [`### ${name} values`, '', ...table, ''];
  const ENUMS = lines(
    '# Enum values',
    '',
    'Namespace: microsoft.graph',
    '',
    ...section('gadgetColor', '| Member |', '|:---|', '| red |', '| blue |'),
    ...section('gadgetSize', '| Member | Value | Description |', '|---|---|---|', '| small | 0 | Small. |', '| large | 1 | Large. |'),
    ...section('gadgetMode', '| Member | Int value | Description |', '|---|---|---|', '| Off | 0 | Off. |', '| On | 1 | On. |'),
    ...section('gadgetKind', '| Value |', '|---|', '| plain |', '| fancy |'),
    ...section('gadgetTrust', '| Member | Member | Description |', '|---|---|---|', '| unknown | -1 | Not known. |', '| trusted | 0 | Trusted. |'),
  );

  it('reads every variant with its members, and values where a column holds them (a repeated Member column too)', () => {
    const { page, diagnostics } = parsePage('resources/enums.md', ENUMS);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
    expect(page.enumSections.map((enumSection) => [enumSection.name, enumSection.members.map((member) => `${member.name}=${member.value ?? ''}`)])).toEqual([
      ['gadgetColor', ['red=', 'blue=']],
      ['gadgetSize', ['small=0', 'large=1']],
      ['gadgetMode', ['Off=0', 'On=1']],
      ['gadgetKind', ['plain=', 'fancy=']],
      ['gadgetTrust', ['unknown=-1', 'trusted=0']],
    ]);
  });

  it('reports a repeated Member column that holds words, not values, as `member-value`, keeping the members; a table without a Member column first is still `table-columns`', () => {
    const text = lines(
      '# Enum values',
      '',
      ...section('gadgetShade', '| Member | Member | Description |', '|---|---|---|', '| dark | deep | Dark. |'),
      ...section('gadgetTone', '| Description | Member |', '|---|---|', '| Warm. | warm |'),
    );
    const { page, diagnostics } = parsePage('resources/enums.md', text);
    expect(page.enumSections.map((enumSection) => [enumSection.name, enumSection.members.map((member) => [member.name, member.value])])).toEqual([['gadgetShade', [['dark', undefined]]]]);
    expect(withCode(diagnostics, 'member-value').map((d) => d.found)).toEqual(['"deep"']);
    expect(withCode(diagnostics, 'table-columns').map((d) => d.severity)).toEqual(['error']);
  });
});
