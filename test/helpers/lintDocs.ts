// A small docs folder for `lint --examples`: one good and one bad JSON example
// of each kind (representation, request with a type, request with a table,
// single response, collection response), plus a truncated response, a response
// typed only by its annotation, and examples that are skipped.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildModel } from '../../generator/model/buildModel.js';
import type { Model } from '../../generator/model/types.js';
import { parsePage } from '../../generator/parse/parsePage.js';

const FENCE = '```';
const page = (...lines: string[]) => `${lines.join('\n')}\n`;

const PERMISSIONS = ['## Permissions', '', '|Permission type|Permissions (from least to most privileged)|', '|:---|:---|', '|Application|Widget.ReadWrite.All|', ''];

function resource(name: string, rows: string[], annotation: string, json: string[], intro: string[] = []): string {
  return page(
    `# ${name} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    ...intro,
    '',
    '## Properties',
    '',
    '| Property | Type | Description |',
    '|:---|:---|:---|',
    ...rows,
    '',
    '## JSON representation',
    '',
    `<!-- ${annotation} -->`,
    '',
    `${FENCE}json`,
    ...json,
    FENCE,
  );
}

interface Example {
  annotation?: string;
  lines: string[];
}

function api(title: string, request: string, body: string[], response: string, examples: Example[]): string {
  return page(
    `# ${title}`,
    '',
    'Namespace: microsoft.graph',
    '',
    ...PERMISSIONS,
    '## HTTP request',
    '',
    `${FENCE}http`,
    request,
    FENCE,
    '',
    '## Request body',
    '',
    ...body,
    '',
    '## Response',
    '',
    response,
    '',
    '## Examples',
    '',
    ...examples.flatMap((example) => [...(example.annotation ? [`<!-- ${example.annotation} -->`] : []), `${FENCE}http`, ...example.lines, FENCE, '']),
  );
}

const request = (line: string, ...json: string[]): Example => ({ annotation: '{ "blockType": "request" }', lines: [line, 'Content-Type: application/json', '', ...json] });
const response = (json: string[], annotation = '{ "blockType": "response" }', status = 'HTTP/1.1 200 OK'): Example => ({
  annotation,
  lines: [status, 'Content-Type: application/json', '', ...json],
});

export const LINT_DOCS: Record<string, string> = {
  'resources/entity.md': resource(
    'entity',
    ['| id | String | The identifier. Read-only. Not nullable. |'],
    '{ "blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id" }',
    ['{', '  "id": "String (identifier)"', '}'],
  ),
  // Good: every value a placeholder of the documented type, or data.
  'resources/widget.md': resource(
    'widget',
    [
      '| name | String | The name. |',
      '| size | Int32 | The size. |',
      '| createdDateTime | DateTimeOffset | When it was made. |',
      '| color | [color](color.md) | Its colour. |',
      '| tags | String collection | Tags. |',
      '| owner | [person](person.md) | Who owns it. |',
    ],
    '{ "blockType": "resource", "@odata.type": "microsoft.graph.widget", "baseType": "microsoft.graph.entity", "keyProperty": "id" }',
    [
      '{',
      '  "id": "String (identifier)",',
      '  "name": "String",',
      '  "size": 1024,',
      '  "createdDateTime": "String (timestamp)",',
      '  "color": "red",',
      '  "tags": ["String"],',
      '  "owner": {"@odata.type": "microsoft.graph.person"}',
      '}',
    ],
  ),
  // Bad: a placeholder that names another type (line 19), and a wrong value (line 20).
  'resources/gadget.md': resource(
    'gadget',
    ['| label | String | The label. |', '| weight | Double | The weight. |'],
    '{ "blockType": "resource", "@odata.type": "microsoft.graph.gadget" }',
    ['{', '  "label": "Int32",', '  "weight": "heavy"', '}'],
  ),
  'resources/person.md': resource(
    'person',
    ['| displayName | String | The name. |'],
    '{ "blockType": "resource", "@odata.type": "microsoft.graph.person" }',
    ['{', '  "displayName": "String"', '}'],
  ),
  'resources/color.md': page('# color enum type', '', 'Namespace: microsoft.graph', '', '## Members', '', '|Member|Value|Description|', '|:---|:---|:---|', '|red|0|Red.|', '|green|1|Green.|'),

  'api/widget-get.md': api(
    'Get widget',
    'GET /widgets/{id}',
    ['Do not supply a request body for this method.'],
    'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.',
    [
      request('GET https://graph.microsoft.com/v1.0/widgets/1'),
      response(['{', '  "id": "1",', '  "name": "Sprocket",', '  "size": 3,', '  "owner": { "displayName": "Ada" }', '}']),
      request('GET https://graph.microsoft.com/v1.0/widgets/2'),
      // Bad: the size is a string, the owner's name a number.
      response(['{', '  "id": "2",', '  "size": "large",', '  "owner": { "displayName": 7 }', '}']),
      // Truncated: most properties left out; fine.
      response(['{', '  "name": "Cog"', '}'], '{ "blockType": "response", "truncated": true }'),
      // An error response: skipped.
      response(['{', '  "error": { "code": "notFound" }', '}'], '{ "blockType": "response" }', 'HTTP/1.1 404 Not Found'),
    ],
  ),
  'api/widget-list.md': api(
    'List widgets',
    'GET /widgets',
    ['Do not supply a request body for this method.'],
    'If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.',
    [
      response(['{', '  "value": [', '    { "id": "1", "color": "green", "tags": ["a", "b"] }', '  ]', '}']),
      // Bad: a colour the enum does not list (a warning), a date that is not one, tags not a collection.
      response(['{', '  "value": [', '    { "id": "1" },', '    { "id": "2", "color": "purple", "createdDateTime": "yesterday", "tags": "a" }', '  ]', '}']),
      // Not JSON: skipped.
      { annotation: '{ "blockType": "response" }', lines: ['HTTP/1.1 200 OK', 'Content-Type: application/json', '', '{ "value": [ … ] }'] },
    ],
  ),
  'api/widget-update.md': api(
    'Update widget',
    'PATCH /widgets/{id}',
    ['In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.'],
    'If successful, this method returns a `204 No Content` response code.',
    [
      request('PATCH https://graph.microsoft.com/v1.0/widgets/1', '{', '  "name": "Gear"', '}'),
      // Bad: a number written as a string.
      request('PATCH https://graph.microsoft.com/v1.0/widgets/1', '{', '  "size": "10"', '}'),
    ],
  ),
  'api/widget-paint.md': api(
    'widget: paint',
    'POST /widgets/{id}/paint',
    ['In the request body, provide a JSON object with the following parameters.', '', '| Parameter | Type | Description |', '|:---|:---|:---|', '| color | [color](../resources/color.md) | The colour. |', '| coats | Int32 | How many coats. |'],
    'If successful, this method returns a `204 No Content` response code.',
    [
      request('POST https://graph.microsoft.com/v1.0/widgets/1/paint', '{', '  "color": "red",', '  "coats": 2', '}'),
      // Bad: half a coat.
      request('POST https://graph.microsoft.com/v1.0/widgets/1/paint', '{', '  "color": "green",', '  "coats": 2.5', '}'),
    ],
  ),
  // The Response section names a type no page defines; the example's annotation names the type.
  'api/gizmo-get.md': api(
    'Get gizmo',
    'GET /gizmos/{id}',
    ['Do not supply a request body for this method.'],
    'If successful, this method returns a `200 OK` response code and a [gizmo](../resources/gizmo.md) object in the response body.',
    [
      response(['{', '  "name": "Gizmo",', '  "size": 1', '}'], '{ "blockType": "response", "@odata.type": "microsoft.graph.widget" }'),
      // No annotation: the type does not resolve, skipped.
      response(['{', '  "name": "Gizmo"', '}']),
    ],
  ),
};

/** Line numbers of interest in the pages above (1-based), computed so the tests do not hard-code layout. */
export function lineOf(file: string, text: string, occurrence = 1): number {
  const lines = LINT_DOCS[file]!.split('\n');
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (line.includes(text) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`${file} has no line with ${text} (#${occurrence})`);
}

export function lintDocsModel(): Model {
  const pages = Object.entries(LINT_DOCS).map(([file, text]) => parsePage(file, text).page);
  return buildModel(pages).model;
}

export async function writeLintDocs(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-lint-docs-'));
  for (const [file, text] of Object.entries(LINT_DOCS)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}
