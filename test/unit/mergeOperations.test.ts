// One operation per endpoint: pages documenting one method and path merge
// (paths, permissions per kind, headers, parameters and examples united; the
// hand-written page's name, title and description preferred); pages that send
// or return subtypes of one base merge into one builder whose body is one of
// them; Intune's pages yield to a hand-written page's; pages that document
// unrelated bodies or responses for it stay apart.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/buildModel.js';
import { unitePermissions } from '../../generator/model/mergeOperations.js';
import { endpointKey, parsePathTemplate } from '../../generator/model/paths.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import { FENCE, lines, resourcePage, simpleApiPage, withCode } from './helpers.js';

const SOURCE = { file: 'x.md', line: 1, column: 1 };
const LIST = 'If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.';
const ONE = 'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.';

function page(file: string, title: string, requests: string[], options: { description?: string; permissions?: string[]; response?: string; headers?: string[] } = {}) {
  const text = lines(
    `# ${title}`,
    '',
    'Namespace: microsoft.graph',
    '',
    options.description ?? `${title}, as ${file} says.`,
    '',
    '## Permissions',
    '',
    '|Permission type|Permissions (from least to most privileged)|',
    '|:---|:---|',
    ...(options.permissions ?? ['|Application|User.Read.All|']),
    '',
    '## HTTP request',
    '',
    `${FENCE}http`,
    ...requests,
    FENCE,
    '',
    ...(options.headers ? ['## Request headers', '', '|Header|Value|', '|:---|:---|', ...options.headers, ''] : []),
    '## Request body',
    '',
    'Do not supply a request body for this method.',
    '',
    '## Response',
    '',
    options.response ?? LIST,
  );
  return parsePage(file, text).page;
}

describe('endpoint keys', () => {
  it('name the method and route, parameters unnamed, letter case and a trailing slash ignored', () => {
    const key = (template: string) => endpointKey('GET', parsePathTemplate(template, SOURCE));
    expect(key('/users/{id | userPrincipalName}')).toBe('GET /users/{}');
    expect(key('/users/{usersId}')).toBe('GET /users/{}');
    expect(key('/Users/{id}/')).toBe('GET /users/{}');
    expect(key('/me/drive/root:/{item-path}:/content')).toBe(key('/me/drive/root:/{path}:/content'));
    expect(key('/users/{id}/events')).not.toBe(key('/users/{id}'));
  });

  it('name a fixed query string, its parameters unnamed: another request on the path', () => {
    const key = (template: string) => endpointKey('GET', parsePathTemplate(template, SOURCE));
    expect(key("/me/events/{id}?$expand=extensions($filter=id eq '{extensionId}')")).toBe("GET /me/events/{}?$expand=extensions($filter=id eq '{}')");
    expect(key("/me/events/{id}?$expand=extensions($filter=id eq '{name}')")).toBe(key("/me/events/{id}?$expand=extensions($filter=id eq '{extensionId}')"));
    expect(key('/me/events/{id}?$expand=extensions')).not.toBe(key('/me/events/{id}'));
  });
});

describe('merging the pages of one endpoint', () => {
  const userList = page('api/user-list.md', 'List users', ['GET /users'], { permissions: ['|Delegated (work or school account)|User.ReadBasic.All, User.Read.All|', '|Application|User.Read.All|'], headers: ['|ConsistencyLevel|eventual|'] });
  const intune = (n: number, permissions: string[]) => page(`api/intune-shared-user-list-${n}.md`, 'List users', ['GET /users'], { description: 'List properties and relationships of the user objects.', permissions, headers: ['|consistencylevel|eventual|', '|Prefer|x|'] });

  it('gives one operation, named and described by the hand-written page, every page a source', () => {
    const { model, diagnostics } = buildModel([intune(1, ['|Application|DeviceManagementApps.Read.All|']), userList, intune(2, ['|Application|User.ReadWrite.All|'])]);
    expect(model.operations).toHaveLength(1);
    const [operation] = model.operations;
    expect(operation).toMatchObject({ name: 'listUsers', title: 'List users', description: 'List users, as api/user-list.md says.', source: { file: 'api/user-list.md' } });
    expect(operation!.sources!.map((source) => source.file)).toEqual(['api/user-list.md', 'api/intune-shared-user-list-1.md', 'api/intune-shared-user-list-2.md']);
    expect(operation!.paths.map((path) => path.template)).toEqual(['/users']);
    expect(operation!.headers.map((header) => header.name)).toEqual(['ConsistencyLevel', 'Prefer']);
    expect(withCode(diagnostics, 'operation-name')).toEqual([]);
    const merged = withCode(diagnostics, 'operation-merged');
    expect(merged.map((diagnostic) => [diagnostic.severity, diagnostic.source.file])).toEqual([
      ['info', 'api/intune-shared-user-list-1.md'],
      ['info', 'api/intune-shared-user-list-2.md'],
    ]);
  });

  it('unites the permissions per kind, a least privileged scope kept apart from the higher privileged', () => {
    const { model } = buildModel([userList, intune(1, ['|Delegated (work or school account)|User.Read.All|', '|Application|DeviceManagementApps.Read.All|'])]);
    const [table] = model.operations[0]!.permissions;
    expect(table!.delegatedWork).toEqual({ leastPrivileged: ['User.ReadBasic.All', 'User.Read.All'], higherPrivileged: [] });
    expect(table!.application).toEqual({ leastPrivileged: ['User.Read.All', 'DeviceManagementApps.Read.All'], higherPrivileged: [] });
  });

  it('unites the paths: one page aliases an endpoint another documents alone; the same route under other parameter names is said once', () => {
    const { model } = buildModel([
      page('api/widget-get.md', 'Get widget', ['GET /widgets/{id}', 'GET /me/widgets/{id}'], { response: ONE }),
      page('api/intune-widget-get.md', 'Get widget', ['GET /widgets/{widgetId}', 'GET /deviceManagement/widgets/{widgetId}'], { response: ONE }),
    ]);
    expect(model.operations.map((operation) => [operation.name, operation.paths.map((path) => path.template)])).toEqual([
      ['getWidget', ['/widgets/{id}', '/me/widgets/{id}', '/deviceManagement/widgets/{widgetId}']],
    ]);
  });

  it('keeps pages apart that document another response for the endpoint (Intune subtypes over one collection)', () => {
    const { model, diagnostics } = buildModel([
      page('api/widget-get.md', 'Get widget', ['GET /widgets/{id}'], { response: ONE }),
      page('api/gadget-get.md', 'Get gadget', ['GET /widgets/{id}'], { response: 'If successful, this method returns a `200 OK` response code and a [gadget](../resources/gadget.md) object in the response body.' }),
    ]);
    expect(model.operations).toHaveLength(2);
    expect(withCode(diagnostics, 'operation-merged')).toEqual([]);
  });

  it('joins two endpoints into one operation where a page documents both (a channel\'s messages and a chat\'s, on chatmessage-post.md)', () => {
    const { model } = buildModel([
      page('api/chat-post-messages.md', 'Send message in a chat', ['POST /chats/{chat-id}/messages'], { response: ONE }),
      page('api/channel-post-messages.md', 'Send message in a channel', ['POST /teams/{team-id}/channels/{channel-id}/messages'], { response: ONE }),
      page('api/chatmessage-post.md', 'Send message', ['POST /teams/{team-id}/channels/{channel-id}/messages', 'POST /chats/{chat-id}/messages'], { response: ONE }),
    ]);
    expect(model.operations.map((operation) => [operation.name, operation.paths.map((path) => path.template), operation.sources?.map((source) => source.file)])).toEqual([
      ['createChatMessage', ['/chats/{chat-id}/messages', '/teams/{team-id}/channels/{channel-id}/messages'], ['api/chat-post-messages.md', 'api/channel-post-messages.md', 'api/chatmessage-post.md']],
    ]);
  });

  it('keeps apart a page that names no response type: it may document another request on the path (an open extension posted to /me/messages)', () => {
    const { model } = buildModel([
      page('api/message-post.md', 'Create message', ['POST /me/messages'], { response: ONE }),
      page('api/opentypeextension-post.md', 'Create open extension', ['POST /me/messages', 'POST /me/events'], { response: 'If successful, this method returns `201 Created`.' }),
    ]);
    expect(model.operations).toHaveLength(2);
  });

  it('does not merge another method or another path', () => {
    const { model } = buildModel([page('api/a.md', 'List users', ['GET /users']), page('api/b.md', 'List users', ['GET /users/{id}/users']), page('api/c.md', 'Delete user', ['DELETE /users'], { response: 'Returns `204 No Content`.' })]);
    expect(model.operations).toHaveLength(3);
  });

  it('merges routes that differ only in letter case, the plainer file first', () => {
    const { model } = buildModel([page('api/a.md', 'Get widget', ['GET /x/{id}/Widget'], { response: ONE }), page('api/b.md', 'Get widget', ['GET /x/{id}/widget'], { response: ONE })]);
    expect(model.operations.map((operation) => [operation.name, operation.source.file])).toEqual([['getXWidget', 'api/a.md']]);
  });
});

describe('unitePermissions', () => {
  const scopes = (leastPrivileged: string[], higherPrivileged: string[] = []) => ({ leastPrivileged, higherPrivileged });
  const table = (label: string | undefined, least: string[], higher: string[] = []) => ({
    ...(label === undefined ? {} : { label }),
    delegatedWork: scopes(least, higher),
    delegatedPersonal: scopes([]),
    application: scopes([]),
    source: SOURCE,
  });

  it('unites tables of one label; a scope least privileged anywhere is not also higher privileged', () => {
    const [united] = unitePermissions([[table(undefined, ['A'], ['B'])], [table(undefined, ['B'], ['C', 'A'])]]);
    expect(united!.delegatedWork).toEqual(scopes(['A', 'B'], ['C']));
  });

  it('keeps tables of other labels apart, matching labels case-insensitively', () => {
    const united = unitePermissions([[table('Permissions for chat', ['A']), table('Permissions for channel', ['B'])], [table('permissions for chat', ['C'])]]);
    expect(united.map((each) => [each.label, each.delegatedWork.leastPrivileged])).toEqual([
      ['Permissions for chat', ['A', 'C']],
      ['Permissions for channel', ['B']],
    ]);
  });

  it('an empty list unites to none', () => {
    expect(unitePermissions([[], []])).toEqual([]);
  });
});

describe('merged operations in docgen diff', () => {
  it('reports the builder of a merged page as operation-merged into the one that lives on, not as removed', async () => {
    const { compareModels } = await import('../../generator/diff/compareModels.js');
    const userList = page('api/user-list.md', 'List users', ['GET /users']);
    const intune = page('api/intune-shared-user-list.md', 'List user objects', ['GET /users'], { description: 'Intune says it.' });
    const alone = [buildModel([userList]).model, buildModel([intune]).model];
    // As an older docgen saw them: one builder per page, the second numbered.
    const before = { ...alone[0]!, operations: [alone[0]!.operations[0]!, { ...alone[1]!.operations[0]!, name: 'listUsers2' }] };
    const after = buildModel([userList, intune]).model;
    const changes = compareModels(before, after).changes.map((change) => [change.rule, change.subject.name, change.breaking]);
    expect(changes).toContainEqual(['operation-merged', 'listUsers2', true]);
    expect(changes.filter(([rule]) => rule === 'operation-removed' || rule === 'operation-renamed')).toEqual([]);
  });
});

describe('merging the pages of one endpoint that send or return subtypes', () => {
  const parsed = (file: string, text: string) => parsePage(file, text).page;
  const entity = parsed('resources/entity.md', resourcePage('entity', ['| id | String | The key. Read-only. |']));
  const resource = (name: string, base: string, rows: string[] = []) => parsed(`resources/${name.toLowerCase()}.md`, resourcePage(name, rows, { intro: [`Inherits from [${base}](${base.toLowerCase()}.md).`] }));
  const widget = resource('widget', 'entity', ['| size | Int32 | x |']);
  const gadget = resource('gadget', 'widget', ['| gear | String | x |']);
  const gizmo = resource('gizmo', 'widget', ['| spring | String | x |']);
  const sprocket = resource('sprocket', 'entity');
  const returns = (type: string, status = '201 Created') => `If successful, this method returns a \`${status}\` response code and a [${type}](../resources/${type.toLowerCase()}.md) object in the response body.`;
  const create = (file: string, type: string, path = 'POST /widgets') =>
    parsed(file, simpleApiPage(`Create ${type}`, [path], returns(type), [`In the request body, supply a JSON representation of a [${type}](../resources/${type.toLowerCase()}.md) object.`]));
  const get = (file: string, type: string) => parsed(file, simpleApiPage(`Get ${type}`, ['GET /widgets/{id}'], returns(type, '200 OK')));

  it("merges a subtype's page into its base's: one builder, named and typed by the base's page", () => {
    const { model, diagnostics } = buildModel([entity, widget, gadget, get('api/gadget-get.md', 'gadget'), get('api/widget-get.md', 'widget')]);
    expect(model.operations.map((operation) => [operation.name, operation.response.body?.type, operation.sources?.map((source) => source.file)])).toEqual([
      ['getWidget', { kind: 'named', fullName: 'microsoft.graph.widget' }, ['api/widget-get.md', 'api/gadget-get.md']],
    ]);
    expect(withCode(diagnostics, 'operation-merged').map((diagnostic) => diagnostic.source.file)).toEqual(['api/gadget-get.md']);
  });

  it('merges sibling subtypes with no page of their base: the base is returned, the body is one of theirs, the name and title from the request line', () => {
    const { model, diagnostics } = buildModel([entity, widget, gadget, gizmo, create('api/gizmo-create.md', 'gizmo'), create('api/gadget-create.md', 'gadget')]);
    expect(model.operations).toHaveLength(1);
    const [operation] = model.operations;
    expect(operation).toMatchObject({ name: 'createWidget', title: 'POST /widgets', description: '', response: { status: 201, body: { type: { kind: 'named', fullName: 'microsoft.graph.widget' }, collection: false } } });
    expect(operation!.body).toMatchObject({
      kind: 'type',
      type: { kind: 'named', fullName: 'microsoft.graph.widget' },
      variants: [
        { kind: 'named', fullName: 'microsoft.graph.gadget' },
        { kind: 'named', fullName: 'microsoft.graph.gizmo' },
      ],
    });
    expect(withCode(diagnostics, 'operation-name')).toEqual([]);
  });

  it('keeps apart types that share only entity, the base of every entity', () => {
    const { model } = buildModel([entity, widget, gadget, sprocket, create('api/gadget-create.md', 'gadget'), create('api/sprocket-create.md', 'sprocket')]);
    expect(model.operations.map((operation) => [operation.name, operation.body.kind === 'type' && 'variants' in operation.body])).toEqual([
      ['createGadget', false],
      ['createSprocket', false],
    ]);
  });

  it("reads a type an Intune page names without a link as the body, where the table lists that type's properties", () => {
    const table = (rows: string[]) => ['In the request body, supply a JSON representation for the gadget object.', '', '|Property|Type|Description|', '|:---|:---|:---|', ...rows];
    const body = (rows: string[]) => buildModel([entity, widget, gadget, parsed('api/intune-gadget-create.md', simpleApiPage('Create gadget', ['POST /widgets'], returns('gadget'), table(rows)))]).model.operations[0]!.body;
    expect(body(['|gear|String|x|', '|size|Int32|x|'])).toMatchObject({ kind: 'type', type: { kind: 'named', fullName: 'microsoft.graph.gadget' } });
    // A row the type does not have: the table is the body.
    expect(body(['|gear|String|x|', '|force|Boolean|x|'])).toMatchObject({ kind: 'properties' });
  });

  it('keeps an unlinked name that is no documented type out of the body, and says so where there is no table', () => {
    const page = simpleApiPage('Create thing', ['POST /things'], 'If successful, this method returns a `204 No Content` response code.', ['In the request body, supply a JSON representation for the thing object.']);
    const { model, diagnostics } = buildModel([entity, parsed('api/intune-thing-create.md', page)]);
    expect(model.operations[0]!.body).toEqual({ kind: 'type', type: { kind: 'primitive', name: 'Untyped' }, source: expect.anything() });
    expect(withCode(diagnostics, 'request-body').map((diagnostic) => diagnostic.found)).toEqual(['"thing"']);
    expect(withCode(diagnostics, 'unresolved-type')).toEqual([]);
  });

  it("makes an Intune page yield to the hand-written page of its endpoint, whatever it sends and returns, with a warning", () => {
    const user = parsed('resources/user.md', resourcePage('user', ['| displayName | String | x |'], { intro: ['Inherits from [entity](entity.md).'] }));
    const handWritten = parsed('api/user-update.md', simpleApiPage('Update user', ['PATCH /users/{id | userPrincipalName}'], 'If successful, this method returns a `204 No Content` response code.', ['|Property|Type|Description|', '|:---|:---|:---|', '|displayName|String|x|']));
    const intune = parsed('api/intune-shared-user-update.md', simpleApiPage('Update user', ['PATCH /users/{usersId}'], returns('user', '200 OK'), ['In the request body, supply a JSON representation for the user object.']));
    const { model, diagnostics } = buildModel([entity, user, intune, handWritten]);
    expect(model.operations.map((operation) => [operation.name, operation.body.kind, operation.response.status, operation.sources?.map((source) => source.file)])).toEqual([
      ['updateUser', 'type', 204, ['api/user-update.md', 'api/intune-shared-user-update.md']],
    ]);
    const [merged] = withCode(diagnostics, 'operation-merged');
    expect(merged).toMatchObject({ severity: 'warning', source: { file: 'api/intune-shared-user-update.md' } });
    expect(merged!.message).toContain('yields to that page');
  });

  it("merges a subtype's page whose body is a table with its base's typed page: the type is the body", () => {
    const returnsWidget = returns('widget', '200 OK');
    const typed = parsed('api/widget-update.md', simpleApiPage('Update widget', ['PATCH /widgets/{id}'], returnsWidget, ['In the request body, supply a JSON representation of a [widget](../resources/widget.md) object.']));
    const table = parsed('api/gadget-update.md', simpleApiPage('Change gadget', ['PATCH /widgets/{id}'], returnsWidget, ['|Property|Type|Description|', '|:---|:---|:---|', '|gear|String|x|', '|colour|String|Not a widget property.|']));
    const untyped = parsed('api/thing-update.md', simpleApiPage('Change thing', ['PATCH /widgets/{id}'], returnsWidget, ['In the request body, supply the values.']));
    const { model } = buildModel([entity, widget, gadget, table, typed]);
    expect(model.operations.map((operation) => [operation.name, operation.body.kind, operation.sources?.length])).toEqual([['updateWidget', 'type', 2]]);
    // A body docgen cannot read (unknown) is no table: it stays apart.
    expect(buildModel([entity, widget, gadget, untyped, typed]).model.operations).toHaveLength(2);
  });

  it('keeps apart hand-written pages that send unrelated types to one endpoint, with an `endpoint-conflict` warning at the page that documents less', () => {
    const untyped = parsed('api/a-thing-extension.md', simpleApiPage('Add extension', ['POST /things', 'POST /others'], 'If successful, this method returns `201 Created`.', ['In the request body, supply the values.']));
    const { model, diagnostics } = buildModel([entity, widget, sprocket, create('api/widget-create.md', 'widget', 'POST /things'), create('api/sprocket-create.md', 'sprocket', 'POST /things'), untyped]);
    expect(model.operations.map((operation) => [operation.name, operation.paths[0]!.template])).toEqual([
      ['createSprocket', '/things'],
      ['createThing', '/things'],
      ['createWidget', '/things'],
    ]);
    const conflicts = withCode(diagnostics, 'endpoint-conflict');
    expect(conflicts.map((conflict) => [conflict.severity, conflict.source.file])).toEqual([
      ['warning', 'api/widget-create.md'],
      ['warning', 'api/a-thing-extension.md'],
    ]);
    expect(conflicts[1]!.message).toBe(
      'The page documents POST /things, as `api/sprocket-create.md` does, but sends or returns something else (Untyped; 201, no content) than that page (microsoft.graph.sprocket; 201, microsoft.graph.sprocket), neither the same type nor subtypes of one base; the two stay separate builders.',
    );
    // Merged pages are no conflict.
    expect(withCode(buildModel([entity, widget, gadget, create('api/gadget-create.md', 'gadget'), create('api/widget-create.md', 'widget')]).diagnostics, 'endpoint-conflict')).toEqual([]);
  });
});
