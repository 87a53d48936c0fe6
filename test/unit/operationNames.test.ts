// Operation names: the verb from the method or the action, then the resource
// the path addresses after the one it belongs to; no articles; a page's name
// does not depend on which other pages exist, and a clash names more of the path
// (numbered only where the paths cannot settle it).
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../generator/diff/compareModels.js';
import { buildModel } from '../../generator/model/buildModel.js';
import { type Nameable, operationName } from '../../generator/model/operationNames.js';
import { parsePathTemplate } from '../../generator/model/paths.js';
import type { HttpMethod } from '../../generator/model/types.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import { resourcePage, simpleApiPage, withCode } from './helpers.js';

const SOURCE = { file: 'x.md', line: 1, column: 1 };
const TYPES = new Set(['user', 'remoteactionaudit', 'androidlobapp', 'driveitem', 'apiconnectorconfiguration']);

function nameOf(request: string, title: string, returns: 'collection' | 'one' | 'none' = 'one', types = TYPES): string {
  const space = request.indexOf(' ');
  const [method, template] = [request.slice(0, space) as HttpMethod, request.slice(space + 1)];
  const operation: Nameable = {
    title,
    method,
    paths: [parsePathTemplate(template, SOURCE)],
    response: { status: 200, source: SOURCE, ...(returns === 'none' ? {} : { body: { type: { kind: 'primitive', name: 'Untyped' }, collection: returns === 'collection' } }) },
  };
  return operationName(operation, (name) => types.has(name.toLowerCase()));
}

describe('operation names', () => {
  it.each([
    // The method's verb, then the resource: a title's articles and prose do not count.
    ['GET /users/{id | userPrincipalName}', 'Get a user', 'one', 'getUser'],
    ['DELETE /users/{id | userPrincipalName}', 'Delete a user', 'none', 'deleteUser'],
    ['GET /users', 'List users', 'collection', 'listUsers'],
    ['POST /users', 'Create user', 'one', 'createUser'],
    ['PATCH /deviceManagement/remoteActionAudits/{remoteActionAuditId}', 'Update remoteActionAudit', 'one', 'updateRemoteActionAudit'],
    ['POST /drives/{drive-id}/items/{parent-item-id}/children', 'Create a new folder in a drive', 'one', 'createItemChild'],
    ['GET /sites/{site-id}/pages', 'List the pages in the site pages list of a site', 'collection', 'listSitePages'],
    ['GET /teams/{teamId}/schedule/openShifts', 'List openShift', 'one', 'listScheduleOpenShifts'],
    ['GET /x/series/{id}/points', 'List points', 'collection', 'listSeriesPoints'],
    ['GET /widgets/{id}', 'Get widget (deprecated)', 'one', 'getWidget'],
    ['PUT /me/activities/{id}', 'Create or replace an activity', 'one', 'setMyActivity'],
    // $ref, $value, $count.
    ['POST /administrativeUnits/{id}/members/$ref', 'Add a member', 'none', 'addAdministrativeUnitMember'],
    ['POST /groups/{id}/members/$ref', 'Add member', 'none', 'addGroupMember'],
    ['PATCH /users/{id}', 'Update user', 'one', 'updateUser'],
    ['DELETE /groups/{id}/members/{memberId}/$ref', 'Remove member', 'none', 'removeGroupMember'],
    ['PUT /users/{id}/manager/$ref', 'Assign a manager', 'none', 'setUserManager'],
    ['GET /me/photo/$value', 'Get photo', 'one', 'getMyPhotoContent'],
    ['GET /users/$count', 'Count users', 'one', 'getUsersCount'],
    // The resource it belongs to: an item, a singleton under one, `/me`; not the service root.
    ['GET /groups/{id}/members', 'List members', 'collection', 'listGroupMembers'],
    ['GET /me/events', 'List events', 'collection', 'listMyEvents'],
    ['GET /me/calendar/events', 'List events', 'collection', 'listCalendarEvents'],
    ['GET /education/classes/{id}/members', 'List members', 'collection', 'listClassMembers'],
    ['GET /identity/b2xUserFlows/{id}/languages', 'List languages', 'collection', 'listB2xUserFlowLanguages'],
    ['GET /identity/b2cUserFlows/{id}/apiConnectorConfiguration', 'Get userFlowApiConnectorConfiguration', 'one', 'getB2cUserFlowApiConnectorConfiguration'],
    ['DELETE /drives/{drive-id}/items/{item-id}', 'Delete a DriveItem', 'none', 'deleteDriveItem'],
    ['GET /me', 'Get signed-in user', 'one', 'getMe'],
    // A title that names a documented type after its verb names the resource; another verb does not.
    ['GET /deviceManagement/mobileApps/{mobileAppId}', 'Get androidLobApp', 'one', 'getAndroidLobApp'],
    ['DELETE /me/drive/following/{item-id}', 'Unfollow drive item', 'none', 'deleteDriveFollowing'],
    // Actions and functions: the action's first word, the resource, the rest; a function reads `get`.
    ['POST /users/{id | userPrincipalName}/assignLicense', 'user: assignLicense', 'one', 'assignUserLicense'],
    ['POST /me/sendMail', 'Send mail', 'none', 'sendMyMail'],
    ['POST /teams/{id}/archive', 'Archive team', 'none', 'archiveTeam'],
    ['POST /drives/{driveId}/items/{itemId}/copy', 'Copy a DriveItem', 'none', 'copyDriveItem'],
    ['POST /accessReviews/{reviewId}/resetDecisions', 'Reset accessReview', 'none', 'resetAccessReviewDecisions'],
    ['POST /deviceManagement/managedDevices/{managedDeviceId}/retire', 'retire action', 'none', 'retireManagedDevice'],
    ['POST /me/drive/items/{id}/workbook/tables/add', 'Create table', 'one', 'addWorkbookTables'],
    ['POST /directory/deletedItems/getUserOwnedObjects', 'List deleted items owned by a user', 'collection', 'getDeletedItemsUserOwnedObjects'],
    ['POST /x/charts/{name}/series/ItemAt', 'ChartSeriesCollection: ItemAt', 'one', 'itemChartSeriesAt'],
    ["GET /reports/getEmailActivityCounts(period='{period_value}')", 'reportRoot: getEmailActivityCounts', 'one', 'getReportsEmailActivityCounts'],
    ['GET /users/delta', 'user: delta', 'collection', 'getUsersDelta'],
    ['GET /me/drive/root/microsoft.graph.delta()', 'Track changes', 'collection', 'getDriveRootDelta'],
    ["GET /deviceManagement/templates/{id}/compare(templateId='{templateId}')", 'compare function', 'collection', 'getTemplateCompare'],
    ['POST /x/{id}/3dView', 'x: 3dView', 'none', 'operation3dXView'],
    // A key in parentheses picks an item.
    ["GET /workbook/worksheets('{id}')/charts", 'List charts', 'collection', 'listWorksheetCharts'],
  ] as const)('%s (%j, returning %s) is %s', (request, title, returns, name) => {
    expect(nameOf(request, title, returns)).toBe(name);
  });

  it('never keeps an article of the title', () => {
    const titles = ['Get a user', 'Add an owner', 'List the pages of a site', 'Create an educationSynchronizationProfile', 'Delete a educationSynchronizationProfile'];
    for (const title of titles) expect(nameOf('GET /x/{id}/items/{itemId}', title)).not.toMatch(/(?:A|An|The)(?=[A-Z]|$)/);
  });
});

const page = (file: string, title: string, request: string) =>
  parsePage(file, simpleApiPage(title, [request], 'If successful, this method returns a `204 No Content` response code.')).page;

describe('unique operation names', () => {
  it('gives a page the same name whatever other pages exist', () => {
    const alone = buildModel([page('api/group-list-members.md', 'List members', 'GET /groups/{id}/members')]);
    const among = buildModel([
      page('api/group-list-members.md', 'List members', 'GET /groups/{id}/members'),
      page('api/directoryrole-list-members.md', 'List members', 'GET /directoryRoles/{id}/members'),
      page('api/user-list-members.md', 'List members', 'GET /me/members'),
    ]);
    expect(alone.model.operations.map((operation) => operation.name)).toEqual(['listGroupMembers']);
    expect(among.model.operations.map((operation) => operation.name)).toEqual(['listDirectoryRoleMembers', 'listGroupMembers', 'listMyMembers']);
    expect(withCode(among.diagnostics, 'operation-name')).toEqual([]);
  });

  it('settles a clash by more of the path: the plainer path keeps the name, the others name their service root, with an `operation-name` note', () => {
    const { model, diagnostics } = buildModel([
      page('api/a-education-list-users.md', 'List users', 'GET /education/users'),
      page('api/b-user-list.md', 'List users', 'GET /users'),
      page('api/c-admin-list-users.md', 'List users', 'GET /admin/users'),
    ]);
    const byFile = Object.fromEntries(model.operations.map((operation) => [operation.source.file, operation.name]));
    expect(byFile).toEqual({ 'api/b-user-list.md': 'listUsers', 'api/a-education-list-users.md': 'listEducationUsers', 'api/c-admin-list-users.md': 'listAdminUsers' });
    const notes = withCode(diagnostics, 'operation-name');
    expect(notes.map((note) => [note.severity, note.source.file])).toEqual([
      ['info', 'api/a-education-list-users.md'],
      ['info', 'api/c-admin-list-users.md'],
    ]);
    expect(notes[0]!.message).toBe('3 pages yield the operation name `listUsers`; a plainer path keeps it, and this one names more of its path: `listEducationUsers`.');
  });

  it('names as many resources as the clash needs, and at last all of them after the resource and Of', () => {
    const { model } = buildModel([
      page('api/a.md', 'Clear fill', 'POST /workbook/names/{name}/range/format/fill/clear'),
      page('api/b.md', 'Clear fill', 'POST /workbook/charts/{name}/format/fill/clear'),
      page('api/c.md', 'List identityProviders', 'GET /identityProviders'),
      page('api/d.md', 'List identityProviders', 'GET /identity/identityProviders'),
    ]);
    expect(model.operations.map((operation) => [operation.source.file, operation.name])).toEqual([
      ['api/b.md', 'clearFormatFill'],
      ['api/a.md', 'clearRangeFormatFill'],
      ['api/c.md', 'listIdentityProviders'],
      ['api/d.md', 'listIdentityProvidersOfIdentity'],
    ]);
  });

  it('numbers a clash the paths cannot settle (one route, two requests), the earlier file first, with an `operation-name` warning', () => {
    const { model, diagnostics } = buildModel([page('api/a.md', 'Get widget', 'GET /x/{id}/Widget'), page('api/b.md', 'Get widget', 'GET /x/{xId}/widget?$select=a')]);
    expect(model.operations.map((operation) => operation.name)).toEqual(['getXWidget', 'getXWidget2']);
    const [warning] = withCode(diagnostics, 'operation-name');
    expect(warning).toMatchObject({ severity: 'warning', source: { file: 'api/b.md' } });
    expect(warning!.message).toBe('2 pages yield the operation name `getXWidget` (the same verb and resource), and nothing in their paths tells this one apart; it is named `getXWidget2`.');
  });

  it('on one route, lets the page that names what it returns keep the name, whatever the file order', () => {
    const typed = parsePage('api/z-message-post.md', simpleApiPage('Create message', ['POST /me/messages'], 'If successful, this method returns a `201 Created` response code and a [message](../resources/message.md) object in the response body.')).page;
    const message = parsePage('resources/message.md', resourcePage('message', ['| subject | String | x |'])).page;
    const { model } = buildModel([message, page('api/a-extended-property-post.md', 'Create extended property', 'POST /me/messages'), typed]);
    expect(Object.fromEntries(model.operations.map((operation) => [operation.source.file, operation.name]))).toEqual({ 'api/z-message-post.md': 'createMyMessage', 'api/a-extended-property-post.md': 'createMyMessage2' });
  });

  it('clashes case-insensitively', () => {
    const { model } = buildModel([page('api/a.md', 'Get widget', 'GET /x/{id}/Widget'), page('api/b.md', 'Get widget', 'GET /y/{id}/x/{id}/widget')]);
    expect(model.operations.map((operation) => operation.name)).toEqual(['getXWidget', 'getYXWidget']);
  });
});

describe('renames in docgen diff', () => {
  const members = (file: string, request: string) => page(file, 'List members', request);

  it('reports none when a page that shares a title is added', () => {
    const before = buildModel([members('api/group-list-members.md', 'GET /groups/{id}/members')]).model;
    const after = buildModel([members('api/group-list-members.md', 'GET /groups/{id}/members'), members('api/directoryrole-list-members.md', 'GET /directoryRoles/{id}/members')]).model;
    expect(compareModels(before, after).changes.map((change) => [change.rule, change.subject.name])).toEqual([['operation-added', 'listDirectoryRoleMembers']]);
  });

  it('reports a builder a saved model names otherwise (an older naming rule) as renamed, breaking', () => {
    const after = buildModel([page('api/user-get.md', 'Get a user', 'GET /users/{id}')]).model;
    const before = { ...after, operations: after.operations.map((operation) => ({ ...operation, name: 'getAUser' })) };
    expect(compareModels(before, after).changes).toMatchObject([{ rule: 'operation-renamed', breaking: true, bump: 'major', from: 'getAUser', to: 'getUser', subject: { path: '/users/{id}' } }]);
  });
});
