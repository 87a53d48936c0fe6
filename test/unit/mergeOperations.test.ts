// One operation per endpoint: pages documenting one method and path merge
// (paths, permissions per kind, headers, parameters and examples united; the
// hand-written page's name, title and description preferred); pages that
// document another body or response for it stay apart.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/buildModel.js';
import { endpointKey, unitePermissions } from '../../generator/model/mergeOperations.js';
import { parsePathTemplate } from '../../generator/model/paths.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import { FENCE, lines, withCode } from './helpers.js';

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
