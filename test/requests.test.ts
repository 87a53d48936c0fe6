// The committed request builders (generated/ from docs-input/): every example
// request of the docs replays exactly through its builder and the client
// against a real HTTP server; path parameters stay inside their segment; query
// options are encoded; the documented facts ride along as data.
import { describe, expect, it } from 'vitest';
import * as sdk from '../generated/index.js';
import { assignNames } from '../generator/emit/naming.js';
import { loadDocsInput } from './helpers/examples.js';
import { replayExamples } from './helpers/replay.js';

const { model } = await loadDocsInput();
const { names } = assignNames(model);

describe('the example requests of docs-input/', () => {
  it('each replays exactly through its builder and the client, and its response validates', async () => {
    const outcomes = await replayExamples(model.operations, sdk, (operation) => names.operations.get(operation.name)!);
    const examples = model.operations.flatMap((operation) => operation.examples.filter((example) => example.role === 'request'));
    expect(outcomes).toHaveLength(examples.length);
    expect(new Set(outcomes.map((outcome) => outcome.operation))).toEqual(new Set(model.operations.map((operation) => operation.name)));
    for (const outcome of outcomes) {
      expect(outcome, outcome.source).toMatchObject({ request: 'exact', response: 'valid', untypedQuery: [] });
    }
  });
});

describe('path parameters', () => {
  const get = (id: string) => sdk.getRemoteActionAudit({ params: { remoteActionAuditId: id } }).url;

  it('are percent-encoded as one segment', () => {
    expect(get('a/b?c#d%e')).toBe('/deviceManagement/remoteActionAudits/a%2Fb%3Fc%23d%25e');
  });

  it('cannot walk up the path: `.` and `..` are refused with a DotSegmentError naming the parameter', () => {
    expect(() => sdk.deleteRemoteActionAudit({ params: { remoteActionAuditId: '..' } })).toThrow(sdk.DotSegmentError);
    expect(() => get('.')).toThrow(sdk.DotSegmentError);
    expect(() => get('..')).toThrow("Path parameter remoteActionAuditId cannot hold a dot segment: '..'");
    expect(() => sdk.pathSegment('..', 'id')).toThrow(sdk.DotSegmentError);
    expect(get('%2E%2E')).toBe('/deviceManagement/remoteActionAudits/%252E%252E');
  });

  it('must not be empty or missing', () => {
    expect(() => get('')).toThrow(/remoteActionAuditId must be a non-empty string/);
    expect(() => sdk.getRemoteActionAudit({} as never)).toThrow(/remoteActionAuditId must be a non-empty string/);
  });
});

describe('query options, headers and metadata', () => {
  it('adds OData query options to list requests, each item encoded, in a fixed order', () => {
    const request = sdk.listRemoteActionAudits({ query: { $top: 5, $filter: "actionState eq 'done'", $select: ['id', 'action'], $count: true } });
    expect(request.url).toBe("/deviceManagement/remoteActionAudits?$select=id,action&$filter=actionState%20eq%20'done'&$top=5&$count=true");
    expect(sdk.listRemoteActionAudits().url).toBe('/deviceManagement/remoteActionAudits');
    expect(sdk.listRemoteActionAudits({ query: { $select: [] } }).url).toBe('/deviceManagement/remoteActionAudits');
  });

  it("replaces an option the documented path fixes (`/me?$expand=manager`) with the caller's", () => {
    expect(sdk.withQuery('/me?$expand=manager&x=1', { $expand: ['directReports'] })).toBe('/me?x=1&$expand=directReports');
    expect(sdk.withQuery('/me?%24expand=manager', { $expand: ['directReports'], $top: undefined })).toBe('/me?$expand=directReports');
    expect(sdk.withQuery('/me?$expand=manager', { $select: ['id'] })).toBe('/me?$expand=manager&$select=id');
  });

  it('orders by property names, with a direction', () => {
    expect(sdk.listRemoteActionAudits({ query: { $orderby: ['requestDateTime desc', 'action'] } }).url).toBe('/deviceManagement/remoteActionAudits?$orderby=requestDateTime%20desc,action');
  });

  it('types $select by the resource', () => {
    // @ts-expect-error: not a property of remoteActionAudit
    sdk.listRemoteActionAudits({ query: { $select: ['nope'] } });
    // @ts-expect-error: $top is a number
    sdk.listRemoteActionAudits({ query: { $top: '5' } });
  });

  it('counts a collection through $count', () => {
    const request = sdk.countOf(sdk.listRemoteActionAudits({ query: { $filter: 'x' } }));
    expect(request.url).toBe('/deviceManagement/remoteActionAudits/$count?$filter=x');
    expect(request.response).toEqual({ kind: 'count' });
  });

  it('sends the caller headers over the defaults, and a JSON body on writes', () => {
    const request = sdk.updateRemoteActionAudit({ params: { remoteActionAuditId: '1' }, body: { deviceDisplayName: 'x' }, headers: { 'If-Match': 'W/"1"' } });
    expect(request.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', 'If-Match': 'W/"1"' });
    expect(request.body).toEqual({ deviceDisplayName: 'x' });
    expect(request.response).toEqual({ kind: 'object', type: 'microsoft.graph.remoteActionAudit' });
  });

  it('leaves read-only properties out of create and update bodies', () => {
    // @ts-expect-error: id is read-only
    sdk.updateRemoteActionAudit({ params: { remoteActionAuditId: '1' }, body: { id: 'x' } });
    // @ts-expect-error: id is read-only
    sdk.createRemoteActionAudit({ body: { id: 'x' } });
  });

  it('carries the documented permissions, least privileged first, and the doc page', () => {
    const [table, ...others] = sdk.updateRemoteActionAuditOperation.permissions;
    expect(others).toEqual([]);
    expect(table.application).toEqual({ leastPrivileged: ['DeviceManagementConfiguration.ReadWrite.All'], higherPrivileged: ['DeviceManagementManagedDevices.ReadWrite.All'] });
    expect(table.delegatedPersonal).toEqual({ leastPrivileged: [], higherPrivileged: [] });
    expect(sdk.updateRemoteActionAuditOperation.docPage).toBe('api/intune-devices-remoteactionaudit-update.md');
  });

  it('says that a delete answers with no content', () => {
    expect(sdk.deleteRemoteActionAudit({ params: { remoteActionAuditId: '1' } }).response).toEqual({ kind: 'none' });
  });
});

describe('the path index and builder docs of docs-input/', async () => {
  const { runPipeline } = await import('../generator/pipeline.js');
  const { DOCS_INPUT } = await import('./helpers/paths.js');
  const { files } = await runPipeline([DOCS_INPUT]);

  it('maps each documented request line to its builder, by value and by type', () => {
    const lines = model.operations.flatMap((operation) => operation.paths.map((path) => [`${operation.method} ${path.template}`, names.operations.get(operation.name)!] as const));
    expect(lines).toHaveLength(5);
    const byPath = files.get('requests/byPath.ts')!;
    const types = files.get('requests/paths.ts')!;
    for (const [line, builder] of lines) {
      expect(byPath).toContain(`  '${line}': ${builder},\n`);
      expect(types).toContain(`  readonly '${line}': typeof ${builder};\n`);
    }
    expect(files.get('index.ts')).not.toMatch(/paths|byPath/);
  });

  it("lists each builder's least privileged permissions per kind in its JSDoc", () => {
    expect(files.get('requests/getRemoteActionAudit.ts')).toContain(
      [
        ' * Permissions, least privileged:',
        ' * - delegated (work or school account): `DeviceManagementManagedDevices.Read.All`',
        ' * - delegated (personal Microsoft account): not supported',
        ' * - application: `DeviceManagementManagedDevices.Read.All`',
      ].join('\n'),
    );
  });
});
