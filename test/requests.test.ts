// The generated request builders reproduce the docs' own example requests,
// and keep every path parameter inside its one segment.
import { describe, expect, it } from 'vitest';
import type { Operation } from '../generator/model/types.js';
import * as sdk from '../generated/index.js';
import { loadDocsInput } from './helpers/examples.js';

const { model, examples } = await loadDocsInput();
const requests = examples.filter((example) => example.example.role === 'request');
type Builder = (...args: unknown[]) => sdk.HttpRequest<unknown, unknown>;

/** Parameter values taken from an example URL by matching it against the operation's path template. */
function parametersFrom(operation: Operation, url: string): Record<string, string> {
  const segments = url.replace(/^https:\/\/graph\.microsoft\.com\/(beta|v1\.0)/, '').split('?')[0]!.split('/').slice(1);
  const path = operation.paths[0]!;
  expect(segments.length).toBe(path.segments.length);
  const params: Record<string, string> = {};
  path.segments.forEach((parts, index) => {
    const [part] = parts;
    if (parts.length === 1 && part!.kind === 'parameter') params[part!.name] = decodeURIComponent(segments[index]!);
    else expect(segments[index]).toBe(parts.map((p) => (p.kind === 'literal' ? p.text : '')).join(''));
  });
  return params;
}

describe('builders reproduce the example requests of docs-input/', () => {
  it('covers every operation', () => {
    expect(new Set(requests.map((example) => example.operation.name))).toEqual(new Set(model.operations.map((op) => op.name)));
  });

  it.each(requests.map((example) => [example.label, example] as const))('%s', (_label, { operation, example }) => {
    const [method, url] = example.startLine.split(/\s+/) as [string, string];
    const builder = (sdk as unknown as Record<string, Builder>)[operation.name]!;
    const params = parametersFrom(operation, url);
    const args: unknown[] = [];
    if (operation.paths[0]!.parameters.length) args.push(params);
    if (operation.body.kind !== 'none') args.push(example.body);
    const request = builder(...args);
    expect(request.method).toBe(method);
    expect(`https://graph.microsoft.com/beta${request.url}`).toBe(url);
    expect(request.body).toEqual(example.body);
    if (example.body !== undefined) expect(request.headers['Content-Type']).toBe('application/json');
  });
});

describe('path parameters', () => {
  it('are percent-encoded as one segment', () => {
    expect(sdk.getRemoteActionAudit({ remoteActionAuditId: 'a/b?c#d%e' }).url).toBe('/deviceManagement/remoteActionAudits/a%2Fb%3Fc%23d%25e');
  });

  it('cannot walk up the path with dot segments', () => {
    expect(sdk.deleteRemoteActionAudit({ remoteActionAuditId: '..' }).url).toBe('/deviceManagement/remoteActionAudits/%2E%2E');
    expect(sdk.deleteRemoteActionAudit({ remoteActionAuditId: '.' }).url).toBe('/deviceManagement/remoteActionAudits/%2E');
  });

  it('must not be empty', () => {
    expect(() => sdk.getRemoteActionAudit({ remoteActionAuditId: '' })).toThrow(/remoteActionAuditId must be a non-empty string/);
  });
});

describe('query options and metadata', () => {
  it('adds OData query options to list requests, encoded', () => {
    const request = sdk.listRemoteActionAudits({ $select: ['id', 'action'], $filter: "actionState eq 'done'", $top: 5 });
    expect(request.url).toBe("/deviceManagement/remoteActionAudits?$select=id%2Caction&$filter=actionState%20eq%20'done'&$top=5");
    expect(sdk.listRemoteActionAudits().url).toBe('/deviceManagement/remoteActionAudits');
  });

  it('carries the documented permissions, least privileged first, and the doc page', () => {
    expect(sdk.updateRemoteActionAuditOperation.permissions.application).toEqual([
      'DeviceManagementConfiguration.ReadWrite.All',
      'DeviceManagementManagedDevices.ReadWrite.All',
    ]);
    expect(sdk.updateRemoteActionAuditOperation.permissions.delegatedPersonal).toEqual([]);
    expect(sdk.updateRemoteActionAuditOperation.docPage).toBe('api/intune-devices-remoteactionaudit-update.md');
  });
});
