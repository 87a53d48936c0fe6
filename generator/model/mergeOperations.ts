// One operation per endpoint. Graph documents some endpoints on several pages
// (`GET /users` on `user-list.md` and on three Intune pages); their operations
// are merged into one: the paths united, the permissions united per kind (the
// least privileged kept apart), headers, parameters and examples united, and
// the rest (name, title, description, body, response) from the preferred page:
// a hand-written one before an Intune one (`intune-…`), then the plainer path,
// then the file. Only operations that agree on what they send and return merge:
// pages that document different bodies or responses for one endpoint (Intune's
// subtypes over one collection, file and item attachments) stay apart.
import type { DiagnosticSink } from './symbols.js';
import type { HeaderSpec, Operation, OperationPath, Permissions, Property, RequestBody, ResponseSpec, Scopes, TypeRef } from './types.js';

/** `GET /users/{}`: the method and a path's route, its parameters unnamed, in lower case (Graph ignores case), without a trailing `/`. */
export function endpointKey(method: string, path: OperationPath): string {
  const route = path.segments
    .map((parts) => parts.map((part) => (part.kind === 'literal' ? part.text.toLowerCase() : '{}')).join(''))
    .filter((segment) => segment !== '')
    .join('/');
  return `${method} /${route}`;
}

/** Intune's generated pages (`intune-shared-user-get.md`): their facts give way to a hand-written page's. */
function generated(operation: Operation): boolean {
  return /(?:^|\/)intune-[^/]*$/i.test(operation.source.file);
}

/** The preferred page first: hand-written, then the plainer primary path, then by file. */
function preference(a: Operation, b: Operation): number {
  return (
    Number(generated(a)) - Number(generated(b)) ||
    (a.paths[0]?.segments.length ?? 0) - (b.paths[0]?.segments.length ?? 0) ||
    (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0)
  );
}

export function mergeOperations(operations: Operation[], report: DiagnosticSink): Operation[] {
  const clusters: Operation[][] = [];
  const byKey = new Map<string, Operation[][]>();
  for (const operation of [...operations].sort(preference)) {
    const keys = [...new Set(operation.paths.map((path) => endpointKey(operation.method, path)))];
    const cluster = keys.flatMap((key) => byKey.get(key) ?? []).find((candidate) => agree(candidate[0]!, operation));
    const target = cluster ?? [];
    if (!cluster) clusters.push(target);
    target.push(operation);
    for (const key of keys) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(target)) list.push(target);
      byKey.set(key, list);
    }
  }
  const merged = clusters.map((cluster) => (cluster.length === 1 ? cluster[0]! : mergeCluster(cluster, report)));
  // Keep the input's order (pages by file) for the naming that follows.
  const order = new Map(operations.map((operation, index) => [operation, index]));
  return merged.sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * The same response and body. `unknown` (Untyped) agrees only with itself: a
 * page that names no type may document another request on the path (an open
 * extension posted to `/me/messages`), and its examples would be read as the
 * other page's type.
 */
function agree(a: Operation, b: Operation): boolean {
  return responseKey(a.response) === responseKey(b.response) && bodyKey(a.body) === bodyKey(b.body);
}

function typeKey(type: TypeRef): string {
  if (type.kind === 'primitive') return type.name === 'Untyped' ? '*' : type.name;
  return type.kind === 'named' ? type.fullName.toLowerCase() : `?${type.text.toLowerCase()}`;
}

function responseKey(response: ResponseSpec): string {
  if (!response.body) return 'none';
  const key = typeKey(response.body.type);
  return key === '*' ? key : `${key}${response.body.collection ? '[]' : ''}`;
}

function bodyKey(body: RequestBody): string {
  if (body.kind === 'type') return typeKey(body.type);
  return body.kind;
}

function mergeCluster(cluster: Operation[], report: DiagnosticSink): Operation {
  const [primary, ...others] = cluster as [Operation, ...Operation[]];
  const paths: OperationPath[] = [];
  const seen = new Set<string>();
  for (const path of cluster.flatMap((operation) => operation.paths)) {
    const key = endpointKey(primary.method, path) + (path.query ? `?${path.query.map((pair) => pair.name).join('&')}` : '');
    if (seen.has(key)) continue;
    seen.add(key);
    paths.push(path);
  }
  const merged: Operation = {
    ...primary,
    description: primary.description || (others.find((operation) => operation.description)?.description ?? ''),
    paths,
    permissions: unitePermissions(cluster.map((operation) => operation.permissions)),
    headers: uniteBy<HeaderSpec>(cluster.map((operation) => operation.headers), (header) => header.name.toLowerCase()),
    supportsQueryOptions: cluster.some((operation) => operation.supportsQueryOptions),
    parameters: uniteBy<Property>(cluster.map((operation) => operation.parameters), (parameter) => parameter.name.toLowerCase()),
    examples: cluster.flatMap((operation) => operation.examples),
    sources: cluster.map((operation) => operation.source),
  };
  // Deprecated only where every page says so.
  if (!cluster.every((operation) => operation.deprecated)) delete merged.deprecated;
  for (const other of others) {
    report({
      code: 'operation-merged',
      severity: 'info',
      message: `The page documents ${other.method} ${other.paths[0]?.template ?? ''}, as \`${primary.source.file}\` does; its operation is merged into \`${primary.name}\` (paths and permissions united, the description from \`${primary.source.file}\`).`,
      expected: 'one page per endpoint',
      found: `${cluster.length} pages`,
      source: other.source,
    });
  }
  return merged;
}

function uniteBy<T>(lists: T[][], key: (item: T) => string): T[] {
  const united = new Map<string, T>();
  for (const item of lists.flat()) if (!united.has(key(item))) united.set(key(item), item);
  return [...united.values()];
}

/** Tables of one label (or none) are united per kind: a scope least privileged on any page stays least privileged, the others higher privileged. */
export function unitePermissions(lists: Permissions[][]): Permissions[] {
  const byLabel = new Map<string, Permissions>();
  for (const table of lists.flat()) {
    const key = table.label?.toLowerCase() ?? '';
    const before = byLabel.get(key);
    byLabel.set(key, before ? { ...before, delegatedWork: unite(before.delegatedWork, table.delegatedWork), delegatedPersonal: unite(before.delegatedPersonal, table.delegatedPersonal), application: unite(before.application, table.application) } : table);
  }
  return [...byLabel.values()];
}

function unite(a: Scopes, b: Scopes): Scopes {
  const least = [...new Set([...a.leastPrivileged, ...b.leastPrivileged])];
  const higher = [...new Set([...a.higherPrivileged, ...b.higherPrivileged])].filter((scope) => !least.includes(scope));
  return { leastPrivileged: least, higherPrivileged: higher };
}
