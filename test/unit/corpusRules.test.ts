// Rules added for the real corpus: enums from values sections, anchored
// links and possible-values lists (merged, with drift reported); free-text
// type cells; response types from bold names, plain words and example
// annotations.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/buildModel.js';
import { readPossibleValues } from '../../generator/model/descriptionNotes.js';
import { parsePathTemplate } from '../../generator/model/paths.js';
import { cleanTypeName } from '../../generator/model/resolveType.js';
import type { EnumType, Model, StructuredType } from '../../generator/model/types.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import { codes, FENCE, lines, parseApi, resourcePage, withCode } from './helpers.js';

const model = (...pages: Array<[string, string]>) => buildModel(pages.map(([file, text]) => parsePage(file, text).page));
const typeNamed = (m: Model, fullName: string) => m.namespaces.flatMap((ns) => ns.types).find((t) => t.fullName === fullName);

const ENUMS_MD = lines(
  '# Enum values',
  '',
  'Namespace: microsoft.graph',
  '',
  '### riskLevel values',
  '',
  '|Member|',
  '|:---|',
  '|low|',
  '|high|',
  '',
  '### `alertSeverity` values ',
  '',
  '|Member|Value|Description|',
  '|:---|:---|:---|',
  '|informational|0|Note.|',
  '|severe|1|Act.|',
);

describe('enums from `### x values` sections', () => {
  it('reads every section of enums.md, with values where given', () => {
    const { page, diagnostics } = parsePage('resources/enums.md', ENUMS_MD);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(page.enumSections.map((section) => [section.name, section.anchor, section.members.map((m) => `${m.name}=${m.value ?? ''}`)])).toEqual([
      ['riskLevel', 'risklevel-values', ['low=', 'high=']],
      ['alertSeverity', 'alertseverity-values', ['informational=0', 'severe=1']],
    ]);
  });

  it('resolves unlinked names and links into enums.md by anchor, even with the wrong link text', () => {
    const { model: m, diagnostics } = model(
      ['resources/enums.md', ENUMS_MD],
      ['resources/alert.md', resourcePage('alert', ['|risk|riskLevel|How risky.|', '|severity|[severity](enums.md#alertseverity-values)|How bad.|'])],
    );
    expect(withCode(diagnostics, 'unresolved-type')).toEqual([]);
    const alert = typeNamed(m, 'microsoft.graph.alert') as StructuredType;
    expect(alert.properties.map((p) => p.type)).toEqual([
      { kind: 'named', fullName: 'microsoft.graph.riskLevel' },
      { kind: 'named', fullName: 'microsoft.graph.alertSeverity' },
    ]);
  });

  it('reads a values section inside a resource page, and a section with no table is not an enum', () => {
    const page = resourcePage('printer', ['|orientation|printOrientation|Which way.|'], {
      after: ['### printOrientation values', '', '|Member|Description|', '|:---|:---|', '|portrait|Tall.|', '|landscape|Wide.|', '', '### Other values', '', 'Prose only.'],
    });
    const { model: m } = model(['resources/printer.md', page]);
    const orientation = typeNamed(m, 'microsoft.graph.printOrientation') as EnumType;
    expect(orientation.members.map((member) => member.name)).toEqual(['portrait', 'landscape']);
    expect(typeNamed(m, 'microsoft.graph.Other')).toBeUndefined();
  });
});

describe('possible-values lists', () => {
  it.each([
    ['Possible values are: `low`, `medium`, `high`, `unknownFutureValue`.', ['low', 'medium', 'high', 'unknownFutureValue']],
    ['The possible values are `a` or `b`.', ['a', 'b']],
    ['Valid values are `on`, and `off`. Other text with `code`.', ['on', 'off']],
    ['Possible values are: none, mobile, email.', ['none', 'mobile', 'email']],
  ])('reads %j', (text, values) => {
    expect(readPossibleValues(text)).toEqual(values);
  });

  it.each([
    ['No list here.'],
    ['Possible values are: 0 - `Not Ready`, 1 - `Ready`.'],
    ['Valid values 0 to 4294967295.'],
  ])('reads nothing from %j', (text) => {
    expect(readPossibleValues(text)).toBeUndefined();
  });

  it('defines an enum no page defines', () => {
    const { model: m, diagnostics } = model(['resources/x.md', resourcePage('x', ['|mode|syncMode|How. Possible values are: `full`, `delta`.|'])]);
    expect((typeNamed(m, 'microsoft.graph.syncMode') as EnumType).members.map((member) => member.name)).toEqual(['full', 'delta']);
    expect(withCode(diagnostics, 'unresolved-type')).toEqual([]);
  });

  it('merges with the enum page when they disagree, naming both places', () => {
    const enumPage = lines('# syncMode enum type', '', 'Namespace: microsoft.graph', '', '## Members', '', '|Member|Value|Description|', '|:---|:---|:---|', '|full|0|All.|', '|delta|1|Changes.|');
    const { model: m, diagnostics } = model(
      ['resources/syncmode.md', enumPage],
      ['resources/x.md', resourcePage('x', ['|mode|[syncMode](syncmode.md)|How. Possible values are: `full`, `delta`, `incremental`.|'])],
    );
    const mode = typeNamed(m, 'microsoft.graph.syncMode') as EnumType;
    expect(mode.members.map((member) => `${member.name}=${member.value ?? ''}`)).toEqual(['full=0', 'delta=1', 'incremental=']);
    expect(mode.sources.map((source) => source.file)).toEqual(['resources/syncmode.md']);
    const [drift] = withCode(diagnostics, 'enum-drift');
    expect(drift?.source.file).toBe('resources/syncmode.md');
    expect(drift?.message).toMatch(/lacks `incremental`, listed at resources\/x\.md:\d+/);
  });

  it('leaves string properties with a list (pseudo-enums) as strings', () => {
    const { model: m } = model(['resources/x.md', resourcePage('x', ['|state|String|Possible values are: `on`, `off`.|'])]);
    expect((typeNamed(m, 'microsoft.graph.x') as StructuredType).properties[0]!.type).toEqual({ kind: 'primitive', name: 'String' });
  });
});

describe('free-text type cells', () => {
  it.each([
    ['string, maximum size 20', 'string'],
    ['String (optional)', 'String'],
    ['(Optional) String', 'String'],
    ['**widget**', 'widget'],
    ['error object', 'error'],
    ['String (enum)', 'String'],
  ])('%j names %j', (text, name) => {
    expect(cleanTypeName(text)).toBe(name);
  });

  it('types unions and Intune unknown types as any JSON, with a note', () => {
    const { model: m, diagnostics } = model([
      'resources/x.md',
      resourcePage('x', ['|value|(boolean or string or number)|Anything.|', '|other|** Unknown Type `foo` **|Unknown.|', '|size|string, maximum size 20|Short.|']),
    ]);
    expect((typeNamed(m, 'microsoft.graph.x') as StructuredType).properties.map((p) => p.type)).toEqual([
      { kind: 'primitive', name: 'Untyped' },
      { kind: 'primitive', name: 'Untyped' },
      { kind: 'primitive', name: 'String' },
    ]);
    expect(codes(diagnostics).sort()).toEqual(['type-union', 'unknown-type']);
  });
});

describe('response types beyond links', () => {
  const page = (response: string[], extra: string[] = []) =>
    lines('# Get widget', '', '## HTTP request', '', `${FENCE}http`, 'GET /widgets/{id}', FENCE, '', '## Response', '', ...response, '', ...extra);

  it.each([
    ['If successful, this method returns a `200 OK` response code and a **widget** object in the response body.', 'widget', false],
    ['If successful, this function returns a `200 OK` response code and a String collection in the response body.', 'String', true],
    ['If successful, this action returns a `200 OK` response code and a Boolean value in the response body.', 'Boolean', false],
    ['If successful, this method returns a 200-series response code and a collection of gadget objects in the response body.', 'gadget', true],
  ])('%j', (text, name, collection) => {
    const { page: api } = parseApi('api/x.md', page([text]));
    expect(api.response?.type?.name).toBe(name);
    expect(api.response?.collection).toBe(collection);
    expect(api.response?.status).toBe(200);
  });

  it('reads "returns a `201 Created` response code." as no body', () => {
    const { page: api } = parseApi('api/x.md', page(['If successful, this method returns a `201 Created` response code.']));
    expect(api.response).toMatchObject({ status: 201, empty: true });
  });

  it('reads a 302 as a redirect to the content (a stream)', () => {
    const { page: api } = parseApi('api/x.md', page(['If successful, this method returns a `302 Found` response that redirects to a download URL.']));
    expect(api.response?.type?.name).toBe('Stream');
  });

  it('falls back to the response example annotation', () => {
    const example = ['## Example', '', '### Response', '', '<!-- { "blockType": "response", "@odata.type": "Collection(microsoft.graph.gadget)", "truncated": true } -->', `${FENCE}http`, 'HTTP/1.1 200 OK', FENCE];
    const { page: api } = parseApi('api/x.md', page(['If successful, this method returns a `200 OK` response code and the things you asked for in the response body.'], example));
    expect(api.response?.type).toMatchObject({ name: 'gadget', collection: true });
    expect(api.examples[0]?.annotation).toEqual({ type: 'Collection(microsoft.graph.gadget)', truncated: true });
  });

  it('finds a `### Response` filed under another section', () => {
    const text = lines('# Get widget', '', '## HTTP request', '', `${FENCE}http`, 'GET /widgets', FENCE, '', '## Request body', '', 'Do not supply a request body for this method.', '', '### Response', '', 'If successful, this method returns a `200 OK` response code and a [widget](widget.md) object.');
    const { page: api, diagnostics } = parseApi('api/x.md', text);
    expect(api.response?.type?.name).toBe('widget');
    expect(withCode(diagnostics, 'response')).toEqual([]);
  });
});

describe('inheritance and merging', () => {
  it('takes the base from Intune "Inherited from" row tags when the page states none', () => {
    const { model: m } = model(
      ['resources/intune-apps-mobileapp.md', resourcePage('mobileApp', ['|id|String|Key.|', '|name|String|Name.|'])],
      [
        'resources/intune-apps-iosapp.md',
        resourcePage('iosApp', [
          '|id|String|Key. Inherited from [mobileApp](intune-apps-mobileapp.md)|',
          '|name|String|Name. Inherited from [mobileApp](intune-apps-mobileapp.md)|',
          '|bundleId|String|Bundle.|',
        ]),
      ],
    );
    const ios = typeNamed(m, 'microsoft.graph.iosApp') as StructuredType;
    expect(ios.baseType).toBe('microsoft.graph.mobileApp');
    expect(ios.properties.map((p) => p.name)).toEqual(['bundleId']);
  });

  it('reports pages of one type that disagree on a property type (merge-conflict), keeping the first', () => {
    const { model: m, diagnostics } = model(
      ['resources/a-settings.md', resourcePage('settings', ['|size|Int32|Size.|'])],
      ['resources/b-settings.md', resourcePage('settings', ['|size|String|Size.|', '|name|String|Name.|'])],
    );
    const settings = typeNamed(m, 'microsoft.graph.settings') as StructuredType;
    expect(settings.properties.map((p) => `${p.name}:${p.type.kind === 'primitive' ? p.type.name : ''}`)).toEqual(['size:Int32', 'name:String']);
    const [conflict] = withCode(diagnostics, 'merge-conflict');
    expect(conflict?.source.file).toBe('resources/b-settings.md');
    expect(conflict?.message).toMatch(/is `String` here but `Int32` at resources\/a-settings\.md:\d+/);
  });

  it('keys an entity that lists id by it', () => {
    const page = resourcePage('widget', ['|id|String|Key.|'], { after: ['## Relationships', '', '|Relationship|Type|Description|', '|:---|:---|:---|', '|parts|[widget](widget.md) collection|Parts.|'] });
    const { model: m } = model(['resources/widget.md', page]);
    expect(typeNamed(m, 'microsoft.graph.widget')).toMatchObject({ kind: 'entity', keyProperty: 'id' });
  });
});

describe('table against JSON representation', () => {
  const withJson = (json: string) =>
    resourcePage('widget', ['|id|String|Key.|', '|name|String|Name.|', '|size|Int32|Size.|'], {
      after: ['## JSON representation', '', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->', `${FENCE}json`, json, FENCE],
    });

  it('reports keys the tables do not list (the table wins) and table rows the JSON leaves out', () => {
    const { model: m, diagnostics } = model(['resources/widget.md', withJson('{ "id": "String", "name": "String", "colour": "String", "@odata.type": "x" }')]);
    expect((typeNamed(m, 'microsoft.graph.widget') as StructuredType).properties.map((p) => p.name)).toEqual(['id', 'name', 'size']);
    expect(withCode(diagnostics, 'json-unlisted-property').map((d) => d.message)).toEqual([
      'The JSON representation of `widget` shows `colour`, which no property table lists; the table wins.',
    ]);
    expect(withCode(diagnostics, 'json-missing-property').map((d) => d.message)).toEqual([
      'The JSON representation of `widget` leaves out `size`, which the Properties table lists.',
    ]);
  });

  it('accepts comments and trailing commas, and reports JSON it cannot read', () => {
    const lenient = parsePage('resources/widget.md', withJson('{ "id": "String", // key\n "name": "String", "size": 1, }'));
    expect(lenient.diagnostics).toEqual([]);
    expect(lenient.page.kind === 'resource' && lenient.page.jsonKeys?.keys).toEqual(['id', 'name', 'size']);
    const { page, diagnostics } = parsePage('resources/widget.md', withJson('{ "id": "String", ... }'));
    expect(codes(diagnostics)).toEqual(['json-representation']);
    expect(page.kind === 'resource' && page.jsonKeys).toBeUndefined();
  });
});

describe('path syntaxes (FORMAT-GUIDE §7.3)', () => {
  const source = { file: 'api/x.md', line: 1, column: 1 };
  const shape = (template: string) =>
    parsePathTemplate(template, source).segments.map((parts) => parts.map((part) => (part.kind === 'literal' ? part.text : `{${part.name}}`)).join(''));

  it.each([
    ['/me/drive/root:/{item-path}:/workbook/worksheets', ['me', 'drive', 'root:', '{itemPath}:', 'workbook', 'worksheets']],
    ['/groups/{id}/members/$ref', ['groups', '{id}', 'members', '$ref']],
    ['/groups/{id}/members/microsoft.graph.user/$count', ['groups', '{id}', 'members', 'microsoft.graph.user', '$count']],
    ["/reports/getEmailActivityUserDetail(period='{period_value}')", ["reports", "getEmailActivityUserDetail(period='{period}')"]],
    ['/range(address={address})/resizedRange(deltaRows={n}, deltaColumns={m})', ['range(address={address})', 'resizedRange(deltaRows={deltaRows}, deltaColumns={deltaColumns})']],
    ["/users/{id | userPrincipalName}/photo/$value", ['users', '{idOrUserPrincipalName}', 'photo', '$value']],
    ['/users?$filter=startswith(displayName,%27a%27)', ['users']],
  ])('%s', (template, segments) => {
    expect(shape(template)).toEqual(segments);
  });
});

describe('deprecated rows', () => {
  it('reads `name (deprecated)` as the property `name`, deprecated', () => {
    const { model: m, diagnostics } = model(['resources/x.md', resourcePage('x', ['|tollNumber (deprecated)|String|Use tollNumbers.|', '|tollNumbers|String collection|Numbers.|'])]);
    expect(diagnostics).toEqual([]);
    const [old, current] = (typeNamed(m, 'microsoft.graph.x') as StructuredType).properties;
    expect(old).toMatchObject({ name: 'tollNumber', deprecated: { message: 'Use tollNumbers.' } });
    expect(current!.deprecated).toBeUndefined();
  });
});

describe("names from Object.prototype are plain names", () => {
  it('a type cell `constructor` or `__proto__` is no primitive, and is reported as undefined', () => {
    const { model: m, diagnostics } = model(['resources/x.md', resourcePage('x', ['|owner|constructor|Who.|', '|other|`__proto__`|What.|'])]);
    expect((typeNamed(m, 'microsoft.graph.x') as StructuredType).properties.map((p) => p.type)).toEqual([
      { kind: 'unresolved', text: 'constructor' },
      { kind: 'unresolved', text: '__proto__' },
    ]);
    expect(codes(diagnostics)).toEqual(['unresolved-type', 'unresolved-type']);
  });
});
