// API pages: request lines, permissions, headers, query options, request
// body, response and examples (format guide §7).
import { describe, expect, it } from 'vitest';
import { normalizePath } from '../../generator/parse/httpRequest.js';
import { codes, FENCE, lines, parse, parseApi, withCode } from './helpers.js';

const http = (...requestLines: string[]) => [`${FENCE}http`, ...requestLines, FENCE];
const PERMISSIONS_TABLE = [
  '|Permission type|Permissions (from least to most privileged)|',
  '|:---|:---|',
  '|Delegated (work or school account)|Widget.Read, Widget.ReadWrite|',
  '|Delegated (personal Microsoft account)|Not supported.|',
  '|Application|Widget.Read.All|',
];
const RESPONSE_OBJECT = 'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.';

interface Parts {
  intro?: string[];
  permissions?: string[] | null;
  permissionsHeading?: string;
  http?: string[] | null;
  query?: string[];
  headers?: string[];
  body?: string[] | null;
  response?: string[] | null;
  examples?: string[];
}

/** An API page with sensible defaults; pass `null` to leave a section out. */
function apiPage(parts: Parts = {}): string {
  const section = (heading: string, body: string[] | null | undefined, fallback: string[] | null) => {
    const content = body === undefined ? fallback : body;
    return content === null ? [] : [`## ${heading}`, '', ...content, ''];
  };
  return lines(
    '# Get widget',
    '',
    'Namespace: microsoft.graph',
    '',
    ...(parts.intro ?? ['Read the properties of a widget.']),
    '',
    ...section(parts.permissionsHeading ?? 'Permissions', parts.permissions, PERMISSIONS_TABLE),
    ...section('HTTP request', parts.http, http('GET /widgets/{id}')),
    ...section('Optional query parameters', parts.query, null),
    ...section('Request headers', parts.headers, null),
    ...section('Request body', parts.body, ['Do not supply a request body for this method.']),
    ...section('Response', parts.response, [RESPONSE_OBJECT]),
    ...section('Example', parts.examples, null),
  );
}

const api = (parts: Parts = {}) => parseApi('api/widget-get.md', apiPage(parts));

/** The scopes of the page's first permissions table. */
function firstTable(page: ReturnType<typeof api>['page']) {
  const [entry] = page.permissions;
  if (entry?.kind !== 'table') throw new Error(`expected a permissions table, found ${JSON.stringify(entry)}`);
  return entry.permissions;
}
const scopes = (leastPrivileged: string[], higherPrivileged: string[] = []) => ({ leastPrivileged, higherPrivileged });
const NONE = scopes([]);

describe('a complete page', () => {
  it('parses without diagnostics', () => {
    const { page, diagnostics } = api();
    expect(diagnostics).toEqual([]);
    expect(page.title).toBe('Get widget');
    expect(page.description).toBe('Read the properties of a widget.');
    expect(page.namespace).toBe('microsoft.graph');
  });
});

describe('HTTP request lines', () => {
  it('reads one method and several alias paths, in order', () => {
    const { page, diagnostics } = api({ http: http('GET /me/widgets/{id}', 'GET /users/{id | userPrincipalName}/widgets/{id}', '', 'GET /widgets/{id}?$select=name') });
    expect(page.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /me/widgets/{id}',
      'GET /users/{id | userPrincipalName}/widgets/{id}',
      'GET /widgets/{id}?$select=name',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('records the source line of each request line', () => {
    const { page } = api({ http: http('GET /a', 'GET /b') });
    const [first, second] = page.requests;
    expect(second!.source.line - first!.source.line).toBe(1);
  });

  it('strips absolute https://graph.microsoft.com/{beta,v1.0} roots and adds a missing leading slash', () => {
    const { page } = api({ http: http('GET https://graph.microsoft.com/beta/widgets', 'GET https://graph.microsoft.com/v1.0/gadgets/{id}', 'GET policies/widgetPolicies', 'DELETE/identity/widgets/{id}') });
    expect(page.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /widgets',
      'GET /gadgets/{id}',
      'GET /policies/widgetPolicies',
      'DELETE /identity/widgets/{id}',
    ]);
  });

  it('normalizePath leaves relative paths and other hosts alone apart from the slash', () => {
    expect(normalizePath(' /a/b ')).toBe('/a/b');
    expect(normalizePath('a/b')).toBe('/a/b');
    expect(normalizePath('https://example.com/a')).toBe('/https://example.com/a');
  });

  it('normalizePath strips a version root written without the host (`/beta/teams/{id}`), but not a segment merely starting so', () => {
    expect(normalizePath('/beta/teams/{id}')).toBe('/teams/{id}');
    expect(normalizePath('/v1.0/me')).toBe('/me');
    expect(normalizePath('/betaFeatures/x')).toBe('/betaFeatures/x');
  });

  it('reports a junk line as `http-line` and keeps the good lines', () => {
    const { page, diagnostics } = api({ http: http('GET /widgets/{id}', 'or', 'GET /me/widget') });
    expect(page.requests.map((request) => request.path)).toEqual(['/widgets/{id}', '/me/widget']);
    const [warning] = withCode(diagnostics, 'http-line');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toBe('"or"');
  });

  it('does not read a line that merely starts with a method word ("Getting …") as a request', () => {
    const { page, diagnostics } = api({ http: http('GET /widgets/{id}', 'Getting the widget is easy.') });
    expect(page.requests.map((request) => request.path)).toEqual(['/widgets/{id}']);
    expect(codes(diagnostics)).toContain('http-line');
  });

  it('does not accept the Intune "Collection URI … not found" line as a path', () => {
    const { page } = api({ http: http('GET ** Collection URI for microsoft.management.services.api.widget not found') });
    expect(page.requests).toEqual([]);
  });

  it('reports mixed methods as `http-methods` and keeps every line', () => {
    const { page, diagnostics } = api({ http: http('PUT /widgets/{id}', 'PATCH /widgets/{id}') });
    expect(page.requests.map((request) => request.method)).toEqual(['PUT', 'PATCH']);
    const [warning] = withCode(diagnostics, 'http-methods');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toBe('PUT, PATCH');
  });

  it('reports a section without a code block as `http-request` (error)', () => {
    const { page, diagnostics } = api({ http: ['GET /widgets/{id}'] });
    expect(page.requests).toEqual([]);
    const [error] = withCode(diagnostics, 'http-request');
    expect(error?.severity).toBe('error');
  });

  it('reads request lines from every code block of the section, even unlabelled fences', () => {
    const { page } = api({ http: [...http('GET /a'), '', FENCE, 'GET /b', FENCE] });
    expect(page.requests.map((request) => request.path)).toEqual(['/a', '/b']);
  });

  it('finds the section under "## HTTP Request" and "## HTTP requests"', () => {
    for (const heading of ['## HTTP Request', '## HTTP requests ']) {
      const { page } = parseApi('api/x.md', lines('# Get x', '', heading, '', ...http('GET /x'), '', '## Response', '', 'Returns `204 No Content`.'));
      expect(page.requests.map((request) => request.path)).toEqual(['/x']);
    }
  });
});

describe('several HTTP request sections', () => {
  const page = (...body: string[]) => lines('# Upload widget file', '', 'Namespace: microsoft.graph', '', ...body, '', '## Response', '', RESPONSE_OBJECT);

  it('reads every `## HTTP request (…)` section, in order, as paths of the one operation', () => {
    const { page: read, diagnostics } = parseApi(
      'api/widget-put-content.md',
      page('## HTTP request (to replace an existing item)', '', ...http('PUT /me/drive/items/{item-id}/content'), '', '## HTTP request (to upload a new file)', '', ...http('PUT /me/drive/items/{parent-id}:/{filename}:/content'), '', '## Request body', '', 'The file.'),
    );
    expect(read.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['PUT /me/drive/items/{item-id}/content', 'PUT /me/drive/items/{parent-id}:/{filename}:/content']);
    expect(codes(diagnostics).filter((code) => code.startsWith('http'))).toEqual([]);
  });

  it('reports an empty one among several as `http-section` and keeps the others', () => {
    const { page: read, diagnostics } = parseApi('api/x.md', page('## HTTP request (one)', '', ...http('GET /a'), '', '## HTTP request (two)', '', 'Prose only.'));
    expect(read.requests.map((request) => request.path)).toEqual(['/a']);
    const [warning] = withCode(diagnostics, 'http-section');
    expect(warning).toMatchObject({ severity: 'warning', message: expect.stringContaining('`HTTP request (two)`') });
    expect(withCode(diagnostics, 'http-request')).toEqual([]);
  });

  it('reports all empty as one `http-request` error, not per section', () => {
    const { page: read, diagnostics } = parseApi('api/x.md', page('## HTTP request (one)', '', 'Prose.', '', '## HTTP request (two)', '', 'Prose.'));
    expect(read.requests).toEqual([]);
    expect(codes(diagnostics).filter((code) => code.startsWith('http'))).toEqual(['http-request']);
  });

  it('mixing methods across sections is `http-methods`, as within one', () => {
    const { diagnostics } = parseApi('api/x.md', page('## HTTP request (read)', '', ...http('GET /a'), '', '## HTTP request (write)', '', ...http('PATCH /a')));
    expect(withCode(diagnostics, 'http-methods')).toHaveLength(1);
  });

  it('on a page without one, reads each `### HTTP request` under another H2 (`## Get a user\'s drive`)', () => {
    const { page: read, diagnostics } = parseApi(
      'api/drive-get.md',
      page('## Get the signed-in user\'s drive', '', '### HTTP request', '', ...http('GET /me/drive'), '', "## Get a user's drive", '', '### HTTP request', '', ...http('GET /users/{idOrUserPrincipalName}/drive'), '', '### Path parameters', '', FENCE, 'GET /not/a/request', FENCE),
    );
    expect(read.requests.map((request) => request.path)).toEqual(['/me/drive', '/users/{idOrUserPrincipalName}/drive']);
    expect(codes(diagnostics).filter((code) => code.startsWith('http'))).toEqual([]);
  });

  it('on such a page, also reads an H2 that gives only a block of bare request lines (`## List a site\'s drives`), never the examples\' full URLs', () => {
    const { page: read, diagnostics } = parseApi(
      'api/drive-list.md',
      page(
        "## List a group's drives", '', '### HTTP request', '', ...http('GET /groups/{groupId}/drives'), '',
        "## List a site's drives", '', 'Each site has drives of its own.', '', ...http('GET /sites/{siteId}/drives'), '',
        "## List a user's drives", '', ...http('GET /users/{id | userPrincipalName}/drives'), '',
        '## Response', '', FENCE, 'HTTP/1.1 200 OK', FENCE, '',
        '## Example', '', ...http('GET https://graph.microsoft.com/v1.0/me/drives'),
      ),
    );
    expect(read.requests.map((request) => request.path)).toEqual(['/groups/{groupId}/drives', '/sites/{siteId}/drives', '/users/{id | userPrincipalName}/drives']);
    expect(codes(diagnostics).filter((code) => code.startsWith('http'))).toEqual([]);
  });

  it('reads no H2 of bare lines beside a `## HTTP request`, nor a block that mixes in other text', () => {
    const beside = parseApi('api/x.md', page('## HTTP request', '', ...http('GET /me/drives'), '', "## List a site's drives", '', ...http('GET /sites/{siteId}/drives')));
    expect(beside.page.requests.map((request) => request.path)).toEqual(['/me/drives']);
    const mixed = parseApi(
      'api/x.md',
      page("## List a group's drives", '', '### HTTP request', '', ...http('GET /groups/{groupId}/drives'), '', '## Notes', '', FENCE, 'GET /sites/{siteId}/drives', 'then page through the results', FENCE),
    );
    expect(mixed.page.requests.map((request) => request.path)).toEqual(['/groups/{groupId}/drives']);
  });

  it('never reads `### HTTP request` under the examples', () => {
    const result = parse('api/x.md', page('## Example', '', '### HTTP request', '', ...http('GET /me/drive')));
    expect(result.page.kind).toBe('other');
  });

  it('reports a `### HTTP request` beside the page\'s `## HTTP request` as `http-section`: it documents another request, not read', () => {
    const { page: read, diagnostics } = parseApi(
      'api/x.md',
      page('## HTTP request', '', ...http('GET /me/drive/items/{id}/thumbnails'), '', '## Get a single thumbnail', '', '### HTTP request', '', ...http('GET /me/drive/items/{id}/thumbnails/{thumb-id}'), '', '## Example', '', '### HTTP request', '', ...http('GET /me/drive/items/1/thumbnails')),
    );
    expect(read.requests.map((request) => request.path)).toEqual(['/me/drive/items/{id}/thumbnails']);
    const warnings = withCode(diagnostics, 'http-section');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('`Get a single thumbnail`') });
  });
});

describe('permissions', () => {
  it('reads a least-to-most table: its first scope is the least privileged; "Not supported." is none', () => {
    const { page } = api();
    expect(firstTable(page)).toEqual({
      delegatedWork: scopes(['Widget.Read'], ['Widget.ReadWrite']),
      delegatedPersonal: NONE,
      application: scopes(['Widget.Read.All']),
      source: { file: 'api/widget-get.md', line: expect.any(Number), column: 1 },
    });
  });

  it('reads today\'s table: least and higher privileged columns, "Not available" without a period, `</br>` lists, a note left out (info)', () => {
    const { page, diagnostics } = api({
      permissions: [
        '|Permission type|Least privileged permission|Higher privileged permissions|',
        '|:---|:---|:---|',
        '|Delegated (work or school account)| Widget.Read | Widget.ReadWrite </br>Widget.Read.All, Widget-Special.All <br><br> Note: Widget.Legacy cannot be used.|',
        '|Delegated (personal Microsoft account)|Not supported.|Not supported.|',
        '|Application| Widget.Read.All, Widget.Owner | Not available |',
      ],
    });
    const prose = api({
      permissions: [
        '|Permission type|Permissions (from least to most privileged)|',
        '|:---|:---|',
        '|Delegated (work or school account)|For user resource:<br/>Widget.Read and Widget.Owner.Read, Widget.All (see below)|',
        '|Delegated (personal Microsoft account)|n/a|',
        '|Application|**TODO: Determine scopes**|',
      ],
    });
    expect(firstTable(prose.page)).toMatchObject({ delegatedWork: scopes(['Widget.Read'], ['Widget.Owner.Read', 'Widget.All']), delegatedPersonal: NONE, application: NONE });
    expect(withCode(prose.diagnostics, 'permission-text').map((d) => d.found)).toEqual(['"For user resource:"', '"TODO: Determine scopes"']);
    expect(firstTable(page)).toMatchObject({
      delegatedWork: scopes(['Widget.Read'], ['Widget.ReadWrite', 'Widget.Read.All', 'Widget-Special.All']),
      delegatedPersonal: NONE,
      application: scopes(['Widget.Read.All', 'Widget.Owner']),
    });
    expect(withCode(diagnostics, 'permission-text').map((d) => [d.severity, d.found])).toEqual([['info', '"Note: Widget.Legacy cannot be used"']]);
  });

  it('keeps every table and include of the section, in order, labelled by the heading over each', () => {
    const { page, diagnostics } = api({
      permissions: [
        'Intro.',
        '',
        '### Permissions for channel',
        '',
        '[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]',
        '',
        '### Permissions for chat',
        '',
        ...PERMISSIONS_TABLE,
        '',
        '[!INCLUDE [permissions-table](../includes/permissions/widget-get-2-permissions.md)]',
        '',
        '[!INCLUDE [national-cloud-support](../../includes/all-clouds.md)]',
      ],
    });
    expect(page.permissions.map((entry) => [entry.kind, entry.kind === 'table' ? entry.permissions.label : entry.label, entry.kind === 'include' ? entry.target : ''])).toEqual([
      ['include', 'Permissions for channel', '../includes/permissions/widget-get-permissions.md'],
      ['table', 'Permissions for chat', ''],
      ['include', 'Permissions for chat', '../includes/permissions/widget-get-2-permissions.md'],
    ]);
    expect(codes(diagnostics)).not.toContain('permissions');
  });

  it('reverses a most-to-least table so the least privileged comes first', () => {
    const { page } = api({
      permissionsHeading: 'Prerequisites',
      permissions: [
        '|Permission type|Permissions (from most to least privileged)|',
        '|:---|:---|',
        '|Delegated (work or school account)|Widget.ReadWrite.All, Widget.Read.All|',
        '|Delegated (personal Microsoft account)|Not supported.|',
        '|Application|Widget.ReadWrite.All, Widget.Read.All|',
      ],
    });
    expect(firstTable(page).delegatedWork).toEqual(scopes(['Widget.Read.All'], ['Widget.ReadWrite.All']));
    expect(firstTable(page).application).toEqual(scopes(['Widget.Read.All'], ['Widget.ReadWrite.All']));
    expect(firstTable(page).delegatedPersonal).toEqual(NONE);
  });

  it('tolerates a missing `)`, an NBSP in the header, trailing `*`/`|`/`.` and `Not applicable.`', () => {
    const { page, diagnostics } = api({
      permissions: [
        '|Permission\u00a0type|Permissions|',
        '|:---|:---|',
        '|Delegated (work or school account)|Widget.Read*, Widget.ReadWrite.|',
        '|Delegated (personal Microsoft account|Not applicable.|',
        '|Application|Widget.Read.All \\||',
      ],
    });
    expect(page.permissions).toEqual([
      { kind: 'table', permissions: { delegatedWork: scopes(['Widget.Read'], ['Widget.ReadWrite']), delegatedPersonal: NONE, application: scopes(['Widget.Read.All']), source: expect.objectContaining({ file: 'api/widget-get.md' }) } },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('adds the scopes of per-workflow sub-rows (Intune) to the permission type above them', () => {
    const { page, diagnostics } = api({ permissions: [...PERMISSIONS_TABLE, '|&nbsp; **Policy Set**|Widget.Policy.All, Widget.Read.All|'] });
    expect(firstTable(page).application).toEqual(scopes(['Widget.Read.All', 'Widget.Policy.All']));
    expect(withCode(diagnostics, 'permission-row')).toEqual([]);
  });

  it('reports a row label that is no permission type and follows none as `permission-row`', () => {
    const table = ['|Permission type|Permissions (from least to most privileged)|', '|:---|:---|', '|Policy Set|Widget.Policy.All|', ...PERMISSIONS_TABLE.slice(2)];
    const { page, diagnostics } = api({ permissions: table });
    expect(firstTable(page).application).toEqual(scopes(['Widget.Read.All']));
    const [warning] = withCode(diagnostics, 'permission-row');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toBe('"policy set"');
  });

  it('skips tables that are not permission tables', () => {
    const { page } = api({ permissions: ['|Scope|Meaning|', '|---|---|', '|a|b|', '', ...PERMISSIONS_TABLE] });
    expect(firstTable(page).delegatedWork).toEqual(scopes(['Widget.Read'], ['Widget.ReadWrite']));
  });

  it('reports a missing Permissions section as `permissions` (warning)', () => {
    const { page, diagnostics } = api({ permissions: null });
    expect(page.permissions).toEqual([]);
    const [warning] = withCode(diagnostics, 'permissions');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toBe('no such section');
  });

  it('reports a Permissions section without a table as `permissions` (warning)', () => {
    const { diagnostics } = api({ permissions: ['Ask your administrator.'] });
    expect(withCode(diagnostics, 'permissions')[0]?.found).toBe('a section without either');
  });

  it('permissions given by `[!INCLUDE [permissions-table](…)]` are an include to resolve, not a missing table', () => {
    const { page, diagnostics } = api({
      permissions: [
        'Choose the permission or permissions marked as least privileged for this API.',
        '',
        '<!-- { "blockType": "permissions", "name": "widget_get" } -->',
        '[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]',
      ],
    });
    expect(page.permissions).toEqual([{ kind: 'include', target: '../includes/permissions/widget-get-permissions.md', source: { file: 'api/widget-get.md', line: expect.any(Number), column: 1 } }]);
    expect(codes(diagnostics)).not.toContain('permissions');
  });
});

describe('request headers and query options', () => {
  it('reads header rows (Name|Description and Header|Value), decoding entities', () => {
    const { page } = api({
      headers: ['| Name | Description |', '|:---|:---|', '| Authorization | Bearer &lt;token&gt;. Required. |', '| Content-Type | application/json |'],
    });
    expect(page.headers.map(({ name, value }) => [name, value])).toEqual([
      ['Authorization', 'Bearer <token>. Required.'],
      ['Content-Type', 'application/json'],
    ]);
  });

  it('reads no headers when the section has no table', () => {
    expect(api({ headers: ['None.'] }).page.headers).toEqual([]);
  });

  it.each([
    'This method supports the [OData query parameters](/graph/query-parameters) to help customize the response.',
    'This method supports some of the OData query parameters to help customize the response.',
    'This method support the OData query parameters.',
  ])('sees query option support in "%s"', (sentence) => {
    expect(api({ query: [sentence] }).page.supportsQueryOptions).toBe(true);
  });

  it('is false when no sentence says so', () => {
    expect(api().page.supportsQueryOptions).toBe(false);
    expect(api({ query: ['In the request URL, provide the following parameters with a valid value.'] }).page.supportsQueryOptions).toBe(false);
  });

  it('is false for "does not support the OData query parameters"', () => {
    const { page } = api({ query: ['This method does not support the [OData query parameters](/graph/query-parameters) to help customize the response.'] });
    expect(page.supportsQueryOptions).toBe(false);
  });
});

describe('parameter tables', () => {
  const TABLE = ['|Parameter|Type|Description|', '|:---|:---|:---|', '|period|String|The period.|'];

  it('reads a table under Optional query parameters; a heading that says Function marks the page as calling a function', () => {
    const query = api({ query: TABLE }).page;
    expect(query.parameters.map((parameter) => parameter.name)).toEqual(['period']);
    expect(query.functionParameters).toBe(false);
    // as an H3 inside the HTTP request section
    const nested = api({ http: [...http('GET /reports/getWidgetReport'), '', '### Function parameters', '', ...TABLE] }).page;
    expect(nested.parameters.map((parameter) => parameter.name)).toEqual(['period']);
    expect(nested.functionParameters).toBe(true);
  });
});

describe('request body', () => {
  it.each([
    'Do not supply a request body for this method.',
    "Don't supply a request body with this method.",
    'No request body should be supplied.',
  ])('"%s" means no body', (sentence) => {
    const { page, diagnostics } = api({ body: [sentence] });
    expect(page.body).toEqual({ kind: 'none' });
    expect(diagnostics).toEqual([]);
  });

  it('reads a JSON representation of a linked type', () => {
    const { page } = api({ body: ['In the request body, supply a JSON representation of a [widget](../resources/widget.md) object.'] });
    expect(page.body.kind).toBe('described');
    if (page.body.kind !== 'described') return;
    expect(page.body.type).toMatchObject({ name: 'widget', link: '../resources/widget.md', collection: false });
    expect(page.body.properties).toEqual([]);
  });

  it("reads the type Intune's pages name without a link; the model takes it only where it resolves", () => {
    for (const sentence of ['In the request body, supply a JSON representation for the androidLobApp object.', 'In the request body, supply a JSON representation of an `androidLobApp` object.']) {
      const { page, diagnostics } = api({ body: [sentence] });
      expect(page.body.kind === 'described' && page.body.type).toMatchObject({ name: 'androidLobApp', collection: false });
      expect(page.body.kind === 'described' && page.body.type && 'link' in page.body.type).toBe(false);
      expect(diagnostics).toEqual([]);
    }
  });

  it('takes no name from a JSON representation that names no object', () => {
    for (const sentence of ['In the request body, supply a JSON representation of the properties to update.', 'In the request body, supply a JSON representation for the object.']) {
      const { page, diagnostics } = api({ body: [sentence] });
      expect(page.body.kind === 'described' && page.body.type).toBeFalsy();
      expect(codes(diagnostics)).toContain('request-body');
    }
  });

  it('does not take a link to the Graph site as the body type', () => {
    const { page, diagnostics } = api({ body: ['In the request body, supply a JSON representation of the [OData](https://www.odata.org/) object.'] });
    expect(page.body.kind === 'described' && page.body.type).toBeFalsy();
    expect(codes(diagnostics)).toContain('request-body');
  });

  it('reads a property table (Property or Parameter header)', () => {
    const { page, diagnostics } = api({
      body: ['In the request body, supply the values for the fields to update.', '', '| Parameter | Type | Description |', '|:---|:---|:---|', '| displayName | String | The name. |', '| tags | String collection | Tags. |'],
    });
    expect(diagnostics).toEqual([]);
    if (page.body.kind !== 'described') throw new Error('expected a described body');
    expect(page.body.type).toBeUndefined();
    expect(page.body.properties.map(({ name, type }) => [name, type.name, type.collection])).toEqual([
      ['displayName', 'String', false],
      ['tags', 'String', true],
    ]);
  });

  it('reports prose it cannot read as `request-body` (warning)', () => {
    const { page, diagnostics } = api({ body: ['In the request body, supply a JSON object with the values you want.'] });
    expect(page.body.kind).toBe('described');
    const [warning] = withCode(diagnostics, 'request-body');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toContain('supply a JSON object');
  });

  it('reports a missing Request body section on a POST page, and takes an untyped body; not on a GET page', () => {
    const post = api({ body: null, http: http('POST /widgets') });
    expect(codes(post.diagnostics)).toContain('request-body');
    expect(post.page.body).toMatchObject({ kind: 'described', properties: [] });
    expect(post.page.body.kind === 'described' && post.page.body.type).toBeUndefined();
    const get = api({ body: null });
    expect(codes(get.diagnostics)).not.toContain('request-body');
    expect(get.page.body).toEqual({ kind: 'none' });
  });

  it('finds a `### Request body` filed under the HTTP request section', () => {
    const { page, diagnostics } = api({
      body: null,
      http: [...http('POST /widgets/{id}/checkin'), '', '### Request body', '', '| Name | Type | Description |', '|:---|:---|:---|', '| comment | String | A note. |'],
    });
    expect(codes(diagnostics)).not.toContain('request-body');
    expect(page.body.kind === 'described' && page.body.properties.map((property) => property.name)).toEqual(['comment']);
  });

  it.each([
    'The contents of the request body should be the binary stream of the file to be uploaded.',
    'In the request body, include the binary data of the photo in the request body.',
  ])('reads "%s" as a Stream body', (sentence) => {
    const { page, diagnostics } = api({ body: [sentence], http: http('PUT /widgets/{id}/content') });
    expect(diagnostics).toEqual([]);
    expect(page.body.kind === 'described' && page.body.type).toMatchObject({ name: 'Stream', collection: false });
  });

  it('does not read a multipart body that mentions binary data as a Stream', () => {
    const { page } = api({ body: ["If you're sending binary data, then you must send a multipart request."], http: http('POST /pages') });
    expect(page.body.kind === 'described' && page.body.type).toBeUndefined();
  });
});

describe('response', () => {
  it('reads `200 OK` with a collection of a linked type', () => {
    const { page } = api({ response: ['If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.'] });
    expect(page.response).toMatchObject({ status: 200, collection: true, empty: false, type: { name: 'widget', link: '../resources/widget.md', collection: true } });
  });

  it('reads a single object as not a collection', () => {
    expect(api().page.response).toMatchObject({ status: 200, collection: false, empty: false, type: { name: 'widget' } });
  });

  it.each([
    ['If successful, this method returns `204 No Content` response code.', 204],
    ['If successful, this method returns a `204, No Content` response code.', 204],
    ['If successful, this method returns `202 Accepted` response code. It does not return anything in the response body.', 202],
  ])('reads "%s" as an empty response', (sentence, status) => {
    const { page } = api({ response: [sentence] });
    expect(page.response).toMatchObject({ status, empty: true });
    expect(page.response?.type).toBeUndefined();
  });

  it.each([
    ['returns a 201 Created response code and a [widget](widget.md) object.', 201],
    ['returns a `HTTP 200 OK` response code and a [widget](widget.md) object.', 200],
    ['returns a `200` response code and a [widget](widget.md) object.', 200],
    ['returns a `200 Ok` response code and a [widget](widget.md) object.', 200],
  ])('reads the status of "%s"', (sentence, status) => {
    expect(api({ response: [`If successful, this method ${sentence}`] }).page.response?.status).toBe(status);
  });

  it('reads a reference-style type link', () => {
    const { page } = api({ response: ['If successful, this method returns a `200 OK` response code and a [widget][] object.', '', '[widget]: ../resources/widget.md'] });
    expect(page.response?.type).toMatchObject({ name: 'widget', link: '../resources/widget.md' });
  });

  it('takes the type from a sentence with a type link but no status code, leaving the status to the method', () => {
    const { page, diagnostics } = api({ response: ['If successful, this method returns a [widget](widget.md) resource.'] });
    expect(page.response?.status).toBeUndefined();
    expect(page.response?.type?.name).toBe('widget');
    expect(withCode(diagnostics, 'response-status')).toEqual([]);
  });

  it('reports a response without a status code or a type as `response-status` and records no response', () => {
    const { page, diagnostics } = api({ response: ['If successful, this method returns what you asked for.'] });
    expect(page.response).toBeUndefined();
    const [warning] = withCode(diagnostics, 'response-status');
    expect(warning?.severity).toBe('warning');
    expect(warning?.found).toContain('returns what you asked for');
  });

  it('reports a missing Response section as `response`', () => {
    const { page, diagnostics } = api({ response: null });
    expect(page.response).toBeUndefined();
    expect(codes(diagnostics)).toEqual(['response']);
  });
});

describe('examples', () => {
  const examples = [
    '### Request',
    '',
    '<!-- { "blockType": "request", "name": "update_widget" } -->',
    `${FENCE}http`,
    'PATCH https://graph.microsoft.com/beta/widgets/{id}',
    'Content-type: application/json',
    '',
    '{',
    '  "displayName": "Blue"',
    '}',
    FENCE,
    '',
    '# [C#](#tab/csharp)',
    '',
    'Snippet.',
    '',
    '---',
    '',
    '### Response',
    '',
    `${FENCE} http`,
    'HTTP/1.1 200 OK',
    'Content-Type: application/json',
    'Content-Length: 42',
    '',
    '{"id": "1", "displayName": "Blue"}',
    FENCE,
  ];

  it('reads a request with headers and a JSON body, and a response with status line and headers', () => {
    const { page, diagnostics } = api({ examples });
    expect(diagnostics).toEqual([]);
    expect(page.examples.map(({ role, startLine, headers, body }) => ({ role, startLine, headers, body }))).toEqual([
      { role: 'request', startLine: 'PATCH https://graph.microsoft.com/beta/widgets/{id}', headers: [['Content-type', 'application/json']], body: { displayName: 'Blue' } },
      {
        role: 'response',
        startLine: 'HTTP/1.1 200 OK',
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', '42'],
        ],
        body: { id: '1', displayName: 'Blue' },
      },
    ]);
  });

  it('reads a request without a body and a bare `HTTP 204` response', () => {
    const { page } = api({ examples: [...http('GET https://graph.microsoft.com/v1.0/widgets'), '', FENCE, 'HTTP 204 No Content', FENCE] });
    expect(page.examples.map(({ role, body, bodyError }) => ({ role, body, bodyError }))).toEqual([
      { role: 'request', body: undefined, bodyError: undefined },
      { role: 'response', body: undefined, bodyError: undefined },
    ]);
  });

  it('ignores code blocks that are neither requests nor responses', () => {
    const { page } = api({ examples: [`${FENCE}csharp`, 'var widget = await client.Widgets.GetAsync();', FENCE] });
    expect(page.examples).toEqual([]);
  });

  it('keeps a body whose Content-Type is not JSON as text, without a diagnostic', () => {
    const { page, diagnostics } = api({ examples: [`${FENCE}http`, 'PUT https://graph.microsoft.com/beta/widgets/1/content', 'Content-Type: text/plain', '', 'The contents of the file.', FENCE] });
    expect(diagnostics).toEqual([]);
    expect(page.examples[0]).toMatchObject({ bodyText: 'The contents of the file.' });
    expect(page.examples[0]!.body).toBeUndefined();
    expect(page.examples[0]!.bodyError).toBeUndefined();
  });

  it('reports an invalid JSON body as `example-json` and keeps the error and the text on the example', () => {
    const { page, diagnostics } = api({ examples: [`${FENCE}http`, 'HTTP/1.1 200 OK', 'Content-type: application/json', '', '{', '  "value": [ ... ]', '}', FENCE] });
    expect(page.examples).toHaveLength(1);
    expect(page.examples[0]!.body).toBeUndefined();
    expect(page.examples[0]!.bodyError).toEqual(expect.any(String));
    expect(page.examples[0]!.bodyText).toBe('{\n  "value": [ ... ]\n}');
    const [warning] = withCode(diagnostics, 'example-json');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('response');
  });
});
