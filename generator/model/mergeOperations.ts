// One operation per endpoint. Graph documents some endpoints on several pages
// (`GET /users` on `user-list.md` and on three Intune pages); their operations
// are merged into one: the paths united, the permissions united per kind (the
// least privileged kept apart), headers, parameters and examples united, and
// the rest (name, title, description, body, response) from the preferred page:
// a hand-written one before an Intune one (`intune-…`), then the plainer path,
// then the file. Operations merge where they send and return the same, or
// where one page's types are base types of the others' (Intune's subtype pages
// over one collection; file, item and reference attachments posted to one
// `attachments`): the base types are the response, and the body is one of the
// types the pages send. Pages that send or return unrelated types stay apart.
import { documented, operationName } from './operationNames.js';
import { endpointKey } from './paths.js';
import type { DiagnosticSink } from './symbols.js';
import type { HeaderSpec, Operation, OperationPath, Permissions, Property, RequestBody, ResponseSpec, Scopes, StructuredType, TypeRef } from './types.js';


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

/** A documented type's full name, then its base's, and so on up: what it may stand in for. */
type Lineage = (fullName: string) => string[];

function lineageOf(types: ReadonlyMap<string, StructuredType>): Lineage {
  const byName = new Map([...types.values()].map((type) => [type.fullName.toLowerCase(), type]));
  return (fullName) => {
    const chain = [byName.get(fullName.toLowerCase())?.fullName ?? fullName];
    for (let type = byName.get(fullName.toLowerCase()); type?.baseType && !chain.includes(type.baseType); type = byName.get(type.baseType.toLowerCase())) {
      chain.push(type.baseType);
    }
    return chain;
  };
}

/** The pages of one endpoint, and what they send and return in common: a type, or a base type of theirs. */
interface Cluster {
  members: Operation[];
  body: TypeRef | undefined;
  response: TypeRef | undefined;
  /** Intune's pages of the endpoint that send or return other types than the hand-written page's: theirs yield. */
  yielded: Operation[];
}

export function mergeOperations(operations: Operation[], types: ReadonlyMap<string, StructuredType>, report: DiagnosticSink): Operation[] {
  const lineage = lineageOf(types);
  const depth = (operation: Operation) => [bodyType(operation), operation.response.body?.type].reduce((sum, type) => sum + (type?.kind === 'named' ? lineage(type.fullName).length : 0), 0);
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster[]>();
  // The most general pages first (a base type's before its subtypes'), so that a subtype's page finds the cluster its base's page began.
  for (const operation of [...operations].sort((a, b) => depth(a) - depth(b) || preference(a, b))) {
    const keys = [...new Set(operation.paths.map((path) => endpointKey(operation.method, path)))];
    const candidates = [...new Set(keys.flatMap((key) => byKey.get(key) ?? []))].filter((candidate) => joined(candidate, operation, lineage));
    const target: Cluster = candidates[0] ?? { members: [], body: bodyType(operation), response: operation.response.body?.type, yielded: [] };
    if (candidates.length === 0) clusters.push(target);
    else Object.assign(target, joined(target, operation, lineage));
    target.members.push(operation);
    // A page whose paths are two endpoints' (`chatmessage-post.md`: a channel's messages and a chat's) joins their clusters into one.
    for (const other of candidates.slice(1)) {
      const union = joinedClusters(target, other, lineage);
      if (!union) continue;
      Object.assign(target, union, { members: [...target.members, ...other.members] });
      clusters.splice(clusters.indexOf(other), 1);
      for (const key of other.members.flatMap((member) => member.paths.map((path) => endpointKey(member.method, path)))) {
        byKey.set(key, [...new Set(byKey.get(key)!.map((cluster) => (cluster === other ? target : cluster)))]);
      }
    }
    for (const key of keys) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(target)) list.push(target);
      byKey.set(key, list);
    }
  }
  const kept = clusters.filter((cluster) => !yieldToHandWritten(cluster, byKey));
  reportConflicts(kept, byKey, report);
  const merged = kept.map((cluster) => (cluster.members.length === 1 && cluster.yielded.length === 0 ? cluster.members[0]! : mergeCluster(cluster, report)));
  // Keep the input's order (pages by file) for the naming that follows.
  const order = new Map(operations.map((operation, index) => [operation, index]));
  return merged.sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * Intune's pages (generated from its own view of Graph) that document an
 * endpoint a hand-written page documents yield to it, whatever they send and
 * return: `intune-shared-user-update.md` sends a whole user and has it back,
 * `user-update.md` a table of properties and 204. Returns whether the cluster
 * yielded.
 */
function yieldToHandWritten(cluster: Cluster, byKey: ReadonlyMap<string, Cluster[]>): boolean {
  if (!cluster.members.every(generated)) return false;
  const keys = new Set(cluster.members.flatMap((operation) => operation.paths.map((path) => endpointKey(operation.method, path))));
  const handWritten = [...keys].flatMap((key) => byKey.get(key) ?? []).find((other) => other !== cluster && !other.members.every(generated));
  handWritten?.yielded.push(...cluster.members);
  return handWritten !== undefined;
}

/**
 * Pages that document one endpoint but send or return unrelated types stay
 * apart (two builders on one route); each pair is said once, at the later
 * page, so the docs can be fixed.
 */
function reportConflicts(kept: Cluster[], byKey: ReadonlyMap<string, Cluster[]>, report: DiagnosticSink): void {
  const said = new Set<string>();
  const first = (cluster: Cluster) => [...cluster.members].sort(preference)[0]!;
  for (const [key, clusters] of byKey) {
    // The page that names what it sends and returns is the one the other is held against.
    const apart = clusters.filter((cluster) => kept.includes(cluster)).sort((a, b) => documented(first(b)) - documented(first(a)) || preference(first(a), first(b)));
    for (const later of apart.slice(1)) {
      const [one, other] = [first(apart[0]!), first(later)];
      const pair = `${one.source.file} ${other.source.file}`;
      if (said.has(pair)) continue;
      said.add(pair);
      report({
        code: 'endpoint-conflict',
        severity: 'warning',
        message: `The page documents ${other.method} ${other.paths.find((path) => endpointKey(other.method, path) === key)?.template ?? key}, as \`${one.source.file}\` does, but sends or returns something else (${describe(other)}) than that page (${describe(one)}), neither the same type nor subtypes of one base; the two stay separate builders.`,
        expected: 'the pages of one endpoint sending and returning one type, or subtypes of one base',
        found: `${describe(other)} against ${describe(one)}`,
        source: other.source,
      });
    }
  }
}

function bodyType(operation: Operation): TypeRef | undefined {
  return operation.body.kind === 'type' ? operation.body.type : undefined;
}

/**
 * What the cluster sends and returns once the page joins it, or nothing where
 * it does not: the page must send and return what the cluster does, or types
 * that share a base with it (Intune's subtype pages over one collection, file
 * and item attachments posted to one `attachments`). `entity`, which every
 * entity derives from, is no such base. `unknown` (Untyped) agrees only with itself: a
 * page that names no type may document another request on the path (an open
 * extension posted to `/me/messages`), and its examples would be read as the
 * other page's type.
 */
function joined(cluster: Cluster, operation: Operation, lineage: Lineage): Pick<Cluster, 'body' | 'response'> | undefined {
  const first = cluster.members[0]!;
  if (responseShape(first.response) !== responseShape(operation.response)) return undefined;
  // A table and a documented type may describe one body (a subtype's page lists its own rows): the type is the body.
  const table = (kind: RequestBody['kind'], other: TypeRef | undefined) => kind === 'properties' && (other === undefined || other.kind === 'named');
  if (first.body.kind !== operation.body.kind && !table(first.body.kind, bodyType(operation)) && !table(operation.body.kind, cluster.body)) return undefined;
  const body = operation.body.kind === 'properties' ? cluster.body : first.body.kind === 'properties' && !cluster.body ? bodyType(operation) : common(cluster.body, bodyType(operation), lineage);
  const response = common(cluster.response, operation.response.body?.type, lineage);
  return body !== null && response !== null ? { body, response } : undefined;
}

/** What two clusters send and return in common, or nothing where they send or return unrelated things. */
function joinedClusters(a: Cluster, b: Cluster, lineage: Lineage): Pick<Cluster, 'body' | 'response'> | undefined {
  return joined(a, b.members[0]!, lineage) && joined(b, a.members[0]!, lineage) ? { body: common(a.body, b.body, lineage) ?? undefined, response: common(a.response, b.response, lineage) ?? undefined } : undefined;
}

/** What every entity derives from: sharing it says nothing about two types. */
const ENTITY = 'microsoft.graph.entity';

/** The type both stand for (the same, or the nearest base they share below the root), `undefined` for neither, `null` for none. */
function common(a: TypeRef | undefined, b: TypeRef | undefined, lineage: Lineage): TypeRef | undefined | null {
  if (!a || !b) return a === b ? undefined : null;
  if (typeKey(a) === typeKey(b)) return a;
  if (a.kind !== 'named' || b.kind !== 'named') return null;
  const above = new Set(lineage(b.fullName).map((name) => name.toLowerCase()));
  const chain = lineage(a.fullName);
  const index = chain.findIndex((name) => above.has(name.toLowerCase()));
  if (index < 0) return null;
  const shared = chain[index]!;
  const named = shared.toLowerCase() === a.fullName.toLowerCase() || shared.toLowerCase() === b.fullName.toLowerCase();
  return named || shared.toLowerCase() !== ENTITY ? { kind: 'named', fullName: shared } : null;
}

function typeKey(type: TypeRef): string {
  if (type.kind === 'primitive') return type.name === 'Untyped' ? '*' : type.name;
  return type.kind === 'named' ? type.fullName.toLowerCase() : `?${type.text.toLowerCase()}`;
}

function responseShape(response: ResponseSpec): string {
  return !response.body ? 'none' : response.body.collection ? 'many' : 'one';
}

/**
 * The cluster's first page is the most general; of the pages as general as it,
 * the preferred one names and describes the operation. Where the pages send
 * other (derived) types, the body is one of them.
 */
function mergeCluster({ members: cluster, body, response, yielded }: Cluster, report: DiagnosticSink): Operation {
  const general = typesKey(body, response);
  const sameTypes = (operation: Operation) => typesKey(bodyType(operation), operation.response.body?.type) === general;
  const [primary, ...rest] = [...cluster].sort((a, b) => Number(!sameTypes(a)) - Number(!sameTypes(b)) || preference(a, b)) as [Operation, ...Operation[]];
  const others = [...rest, ...[...yielded].sort(preference)];
  const paths: OperationPath[] = [];
  const seen = new Set<string>();
  for (const path of [primary, ...others].flatMap((operation) => operation.paths)) {
    const key = endpointKey(primary.method, path);
    if (seen.has(key)) continue;
    seen.add(key);
    paths.push(path);
  }
  // Where no page sends and returns the shared base types, no page's title or name speaks for them all: the request line does.
  const spoken = sameTypes(primary) ? {} : { title: `${primary.method} ${paths[0]!.template}`, description: '' };
  const merged: Operation = {
    ...primary,
    description: primary.description || (others.find((operation) => operation.description)?.description ?? ''),
    ...spoken,
    paths,
    permissions: unitePermissions([primary, ...others].map((operation) => operation.permissions)),
    headers: uniteBy<HeaderSpec>([primary, ...others].map((operation) => operation.headers), (header) => header.name.toLowerCase()),
    supportsQueryOptions: [primary, ...others].some((operation) => operation.supportsQueryOptions),
    parameters: uniteBy<Property>([primary, ...others].map((operation) => operation.parameters), (parameter) => parameter.name.toLowerCase()),
    body: unitedBody(primary, body, cluster),
    response: response && primary.response.body ? { ...primary.response, body: { ...primary.response.body, type: response } } : primary.response,
    examples: [primary, ...others].flatMap((operation) => operation.examples),
    sources: [primary, ...others].map((operation) => operation.source),
  };
  // Deprecated only where every page says so.
  if (![primary, ...others].every((operation) => operation.deprecated)) delete merged.deprecated;
  if (!sameTypes(primary)) merged.name = operationName({ ...merged, title: '' }, () => false);
  for (const other of others) {
    const yields = yielded.includes(other);
    report({
      code: 'operation-merged',
      severity: yields ? 'warning' : 'info',
      message: `The page documents ${other.method} ${other.paths[0]?.template ?? ''}, as \`${primary.source.file}\` does; its operation is merged into \`${merged.name}\` (paths and permissions united, the description from \`${primary.source.file}\`)${yields ? `, and what it sends and returns (${describe(other)}) yields to that page's (${describe(primary)})` : ''}.`,
      expected: 'one page per endpoint',
      found: `${cluster.length + yielded.length} pages`,
      source: other.source,
    });
  }
  return merged;
}

function describe(operation: Operation): string {
  const body = operation.body.kind === 'type' ? typeName(operation.body.type) : operation.body.kind === 'properties' ? 'a table of properties' : 'nothing';
  const returned = operation.response.body ? `${operation.response.body.collection ? 'a collection of ' : ''}${typeName(operation.response.body.type)}` : 'no content';
  return `${body}; ${operation.response.status}, ${returned}`;
}

function typeName(type: TypeRef): string {
  return type.kind === 'named' ? type.fullName : type.kind === 'primitive' ? type.name : type.text;
}

function typesKey(body: TypeRef | undefined, response: TypeRef | undefined): string {
  return [body, response].map((type) => (type ? typeKey(type) : '')).join(' ');
}

/** The primary page's body, or where the pages send other types: their shared base, and each type a page sends, by name. */
function unitedBody(primary: Operation, general: TypeRef | undefined, cluster: Operation[]): RequestBody {
  const sent = new Map(cluster.flatMap((operation) => { const type = bodyType(operation); return type ? [[typeKey(type), type] as const] : []; }));
  if (!general || primary.body.kind !== 'type' || sent.size < 2) return primary.body;
  return { ...primary.body, type: general, variants: [...sent].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, type]) => type) };
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
