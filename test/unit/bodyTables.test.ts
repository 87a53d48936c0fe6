// A request body table that gives a property another type than the resource's
// own table: reported with both places, and the body follows the resource.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/buildModel.js';
import type { Operation } from '../../generator/model/types.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import { resourceAnnotation, resourcePage, simpleApiPage, withCode } from './helpers.js';

const ENTITY = resourcePage('entity', ['| id | String | The identifier. Read-only. |'], {
  after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id" }'),
});
const WIDGET = resourcePage('widget', ['| size | Int32 | How big. |', '| tags | String collection | Labels. |'], {
  intro: ['Inherits from [entity](entity.md).'],
  after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.widget", "baseType": "microsoft.graph.entity" }'),
});
const TABLE = ['| Property | Type | Description |', '|:---|:---|:---|'];
const RETURNS_WIDGET = 'If successful, this method returns a `200 OK` response code and an updated [widget](../resources/widget.md) object in the response body.';

function model(method: 'PATCH' | 'POST', body: string[], response = RETURNS_WIDGET, others: string[] = [], title = 'Update widget') {
  return buildModel([
    parsePage('resources/entity.md', ENTITY).page,
    parsePage('resources/widget.md', WIDGET).page,
    parsePage('api/widget-update.md', simpleApiPage(title, [`${method} /widgets/{id}`], response, body)).page,
    ...others.map((text, index) => parsePage(`api/other-${index}.md`, text).page),
  ]);
}

const NO_CONTENT = 'If successful, this method returns a `204 No Content` response code.';

const bodyOf = (operations: Operation[]) => operations[0]!.body;

describe('request body tables against the resource', () => {
  it('reports a row of a typed body that disagrees with the resource, at the row, naming the resource row', () => {
    const { model: built, diagnostics } = model('PATCH', ['Supply a JSON representation of a [widget](../resources/widget.md) object.', '', ...TABLE, '| size | String | How big. |', '| tags | String collection | Labels. |']);
    const [warning, ...others] = withCode(diagnostics, 'body-property-type');
    expect(others).toEqual([]);
    expect(warning).toEqual({
      code: 'body-property-type',
      severity: 'warning',
      message: 'The request body table types `size` as `String`, but the `widget` resource types it as `Int32` (resources/widget.md:11); the body follows the resource.',
      expected: "`Int32`, as the resource's table at resources/widget.md:11",
      found: '`String`',
      source: { file: 'api/widget-update.md', line: 23, column: 1 },
    });
    expect(bodyOf(built.operations)).toMatchObject({ kind: 'type', type: { kind: 'named', fullName: 'microsoft.graph.widget' } });
  });

  it('compares inherited properties and collections too', () => {
    const { diagnostics } = model('POST', ['Supply a JSON representation of a [widget](../resources/widget.md) object.', '', ...TABLE, '| id | Int64 | Key. |', '| tags | String | Labels. |']);
    expect(withCode(diagnostics, 'body-property-type').map((warning) => [warning.found, warning.expected])).toEqual([
      ['`Int64`', "`String`, as the resource's table at resources/entity.md:10"],
      ['`String`', "`Collection(String)`, as the resource's table at resources/widget.md:12"],
    ]);
  });

  it('types the rows of a PATCH table body that are properties of the returned resource as the resource does', () => {
    const { model: built, diagnostics } = model('PATCH', ['In the request body, supply the values to change.', '', ...TABLE, '| size | String | How big. |', '| tags | String | Labels. |', '| colour | String | Not a widget property. |']);
    const body = bodyOf(built.operations);
    expect(body.kind).toBe('properties');
    if (body.kind !== 'properties') return;
    expect(body.properties.map((property) => [property.name, property.type, property.collection])).toEqual([
      ['size', { kind: 'primitive', name: 'Int32' }, false],
      ['tags', { kind: 'primitive', name: 'String' }, true],
      ['colour', { kind: 'primitive', name: 'String' }, false],
    ]);
    expect(withCode(diagnostics, 'body-property-type').map((warning) => warning.source.line)).toEqual([23, 24]);
  });

  it('leaves agreeing tables, action tables and tables with no resource to follow alone', () => {
    const agreeing = model('PATCH', ['Supply a [widget](../resources/widget.md).', '', ...TABLE, '| size | Int32 | How big. |', '| tags | String collection | Labels. |']);
    expect(withCode(agreeing.diagnostics, 'body-property-type')).toEqual([]);
    // A POST's table is the action's parameters, whatever it returns; a 204 PATCH whose title names no type names no resource.
    for (const [method, response] of [['POST', RETURNS_WIDGET], ['PATCH', NO_CONTENT]] as const) {
      const { model: built, diagnostics } = model(method, ['In the request body, supply these parameters.', '', ...TABLE, '| size | String | How big. |'], response, [], 'Change the size');
      expect(withCode(diagnostics, 'body-property-type')).toEqual([]);
      expect(bodyOf(built.operations)).toMatchObject({ kind: 'properties', properties: [{ name: 'size', type: { kind: 'primitive', name: 'String' } }] });
    }
  });

  it('follows, for a PATCH that answers 204, the resource its title names, else the one a GET of its path reads (user-update.md and otherMails)', () => {
    const get = (path: string, response: string) => simpleApiPage('Get widget', [`GET ${path}`], response);
    const patchOf = (built: ReturnType<typeof model>) => bodyOf(built.model.operations.filter((operation) => operation.method === 'PATCH'));
    const update = (...rows: string[]) => ['In the request body, supply the values to change.', '', ...TABLE, ...rows];
    const untitled = 'Change it';
    // Every row a widget property: the body is the widget, partial; the row that disagrees is reported.
    for (const [others, title] of [[[get('/widgets/{widgetId}', RETURNS_WIDGET)], untitled], [[], 'Update widget']] as const) {
      const read = model('PATCH', update('| tags | String | Labels. |'), NO_CONTENT, [...others], title);
      expect(patchOf(read)).toMatchObject({ kind: 'type', type: { kind: 'named', fullName: 'microsoft.graph.widget' } });
      expect(withCode(read.diagnostics, 'body-property-type').map((warning) => warning.found)).toEqual(['`String`']);
    }
    // A row the widget does not have: the table stays the body, its widget rows typed as the widget's.
    const mixed = model('PATCH', update('| tags | String | Labels. |', '| colour | String | Not a widget property. |'), NO_CONTENT, [get('/widgets/{widgetId}', RETURNS_WIDGET)], untitled);
    expect(patchOf(mixed)).toMatchObject({ kind: 'properties', properties: [{ name: 'tags', collection: true }, { name: 'colour' }] });
    // A GET of another path, or one that lists, tells nothing about what the PATCH updates.
    for (const other of [get('/gadgets/{id}', RETURNS_WIDGET), get('/widgets/{id}', 'If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.')]) {
      expect(patchOf(model('PATCH', update('| tags | String | Labels. |'), NO_CONTENT, [other], untitled))).toMatchObject({ kind: 'properties', properties: [{ name: 'tags', collection: false }] });
    }
  });
});
