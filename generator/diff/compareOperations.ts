// Operations, once matched (matchOperations.ts): name, method, paths and path
// parameters, permissions, query options, parameters, request body, response.
import type { Operation, OperationPath, Permissions, RequestBody, ResponseSpec, Source, TypeRef } from '../model/types.js';
import type { Reporter, Subject } from './compareModels.js';
import { aboutItem, compareNotes, compareProperties, compareValueType, valueType } from './compareProperties.js';
import { matchOperations, pathKey, twinOf } from './matchOperations.js';
import { sameTypeRef, typeChangeRule, typeRefText } from './rules.js';

export function compareOperations(before: readonly Operation[], after: readonly Operation[], at: (subject: Subject) => Reporter): void {
  const { pairs, removed, added } = matchOperations(before, after);
  for (const operation of removed) {
    // Two pages documented one operation and one is gone: whether that costs a builder depends on which name lives on.
    const twin = twinOf(operation, after);
    const rule = !twin ? 'operation-removed' : twin.name === operation.name ? 'duplicate-removed' : 'operation-merged';
    at(subject(operation))(rule, operation.source, twin && { to: twin.name });
  }
  for (const operation of added) at(subject(operation))('operation-added', operation.source);
  for (const [a, b] of pairs) compareOperation(a, b, at(subject(b)));
}

function subject(operation: Operation): Subject {
  return { kind: 'operation', name: operation.name, method: operation.method, path: operation.paths[0]!.template };
}

function compareOperation(a: Operation, b: Operation, report: Reporter): void {
  if (a.name !== b.name) report('operation-renamed', b.source, { from: a.name, to: b.name });
  if (a.method !== b.method) report('method-changed', b.source, { from: a.method, to: b.method });
  comparePaths(a, b, report);
  compareNotes(a, b, report, b.source);
  comparePermissions(a.permissions, b.permissions, report, b.source);
  if (a.supportsQueryOptions !== b.supportsQueryOptions) report(b.supportsQueryOptions ? 'query-options-added' : 'query-options-removed', b.source);
  compareProperties(a.parameters, b.parameters, 'parameter', report);
  compareBody(a.body, b.body, report);
  compareResponse(a.response, b.response, report);
}

function comparePaths(a: Operation, b: Operation, report: Reporter): void {
  const was = new Map(a.paths.map((path) => [pathKey(path), path]));
  const now = new Map(b.paths.map((path) => [pathKey(path), path]));
  for (const [key, path] of was) if (!now.has(key)) aboutItem(report, { kind: 'path', name: path.template })('path-removed', path.source);
  for (const [key, path] of now) if (!was.has(key)) aboutItem(report, { kind: 'path', name: path.template })('path-added', path.source);
  const [oldPrimary, newPrimary] = [a.paths[0]!, b.paths[0]!];
  if (pathKey(oldPrimary) !== pathKey(newPrimary)) report('primary-path-changed', newPrimary.source, { from: oldPrimary.template, to: newPrimary.template });
  // The builder's `params` object: one field per parameter of the primary path.
  const names = (path: OperationPath) => path.parameters.map((parameter) => parameter.name).join(', ') || 'none';
  if (names(oldPrimary) !== names(newPrimary)) report('path-parameters-changed', newPrimary.source, { from: names(oldPrimary), to: names(newPrimary) });
}

function compareBody(a: RequestBody, b: RequestBody, report: Reporter): void {
  if (a.kind === 'none') {
    if (b.kind !== 'none') report('body-added', b.source, { to: bodyText(b) });
  } else if (b.kind === 'none') report('body-removed', a.source, { from: bodyText(a) });
  else if (a.kind === 'type' && b.kind === 'type') {
    if (!sameTypeRef(a.type, b.type)) aboutItem(report, { kind: 'request body' })(typeChangeRule(a.type, b.type), b.source, { from: typeRefText(a.type), to: typeRefText(b.type) });
    else compareVariants(a.variants ?? [a.type], b.variants ?? [b.type], a.source, b.source, report);
  } else if (a.kind === 'properties' && b.kind === 'properties') compareProperties(a.properties, b.properties, 'body parameter', report);
  else report('body-changed', b.source, { from: bodyText(a), to: bodyText(b) });
}

/** The types the pages of one endpoint send (file and item attachments): one more is a wider body, one fewer a narrower one. */
function compareVariants(a: TypeRef[], b: TypeRef[], aSource: Source, bSource: Source, report: Reporter): void {
  const names = (types: TypeRef[]) => new Set(types.map(typeRefText));
  const [before, after] = [names(a), names(b)];
  for (const name of after) if (!before.has(name)) report('body-variant-added', bSource, { to: name });
  for (const name of before) if (!after.has(name)) report('body-variant-removed', aSource, { from: name });
}

/** `microsoft.graph.user`, one of the types the pages of an endpoint send, or the parameters of a body table. */
function bodyText(body: RequestBody): string {
  if (body.kind === 'type') return body.variants ? `one of ${body.variants.map(typeRefText).join(', ')}` : typeRefText(body.type);
  if (body.kind === 'properties') return `parameters ${body.properties.map((property) => property.name).join(', ')}`;
  return 'none';
}

function compareResponse(a: ResponseSpec, b: ResponseSpec, report: Reporter): void {
  if (a.status !== b.status) report('response-status-changed', b.source, { from: String(a.status), to: String(b.status) });
  if (!a.body && b.body) report('response-body-added', b.source, { to: valueType(b.body) });
  else if (a.body && !b.body) report('response-body-removed', a.source, { from: valueType(a.body) });
  else if (a.body && b.body) compareValueType(a.body, b.body, aboutItem(report, { kind: 'response' }), b.source);
}

const PERMISSION_KINDS = ['delegatedWork', 'delegatedPersonal', 'application'] as const;

/**
 * The tables matched by label, and in each the scopes of each kind as sets (pages
 * list them in either order), least privileged apart from higher privileged.
 */
function comparePermissions(a: Permissions[], b: Permissions[], report: Reporter, source: Source): void {
  const byLabel = (tables: Permissions[]) => new Map(tables.map((table) => [table.label ?? '', table]));
  const [before, after] = [byLabel(a), byLabel(b)];
  const sorted = (scopes: string[]) => [...scopes].sort().join('\n');
  const key = (table: Permissions | undefined, kind: (typeof PERMISSION_KINDS)[number]) =>
    table ? `${sorted(table[kind].leastPrivileged)}\u0000${sorted(table[kind].higherPrivileged)}` : undefined;
  const changed = [...new Set([...before.keys(), ...after.keys()])].flatMap((label) =>
    PERMISSION_KINDS.filter((kind) => key(before.get(label), kind) !== key(after.get(label), kind)).map((kind) => [label, kind] as const),
  );
  // `application: A (least privileged), B; for chat, delegatedWork: none recorded`, for what changed.
  const text = (tables: Map<string, Permissions>) =>
    changed
      .map(([label, kind]) => {
        const scopes = tables.get(label)?.[kind];
        const list = !scopes ? 'none recorded' : [...scopes.leastPrivileged.map((scope) => `${scope} (least privileged)`), ...scopes.higherPrivileged].join(', ') || 'not supported';
        return `${label ? `${label}, ` : ''}${kind}: ${list}`;
      })
      .join('; ');
  if (changed.length > 0) report('permissions-changed', source, { from: text(before), to: text(after) });
}
