// Every JSON example of the docs, with the type it documents: resource pages'
// JSON representations, and the request and response examples of API pages.
// Pure: the model in, plain data out.
import { primitiveFor } from '../model/primitives.js';
import type { ExampleAnnotation, HttpExample, Model, Operation, PrimitiveName, Source, TypeRef } from '../model/types.js';
import type { TypeIndex } from './typeIndex.js';

export type ExampleKind = 'representation' | 'request' | 'response';

/** What an example is checked against. */
export type Target =
  /** The validator of a structured type, on the whole body; `source` is the Response section that names it. */
  | { kind: 'type'; fullName: string; label: string; source?: Source }
  /** A response that wraps its content in `value` (a collection, or a primitive or enum value). */
  | { kind: 'value'; type: TypeRef; collection: boolean; source: Source; label: string }
  /** A request body described by a table of properties (action parameters). */
  | { kind: 'properties'; operation: Operation; label: string };

export type SkipReason = 'type-unresolved' | 'not-json' | 'error-response';

export interface CollectedExample {
  kind: ExampleKind;
  /** The code block (its opening fence). */
  source: Source;
  /** The operation of an API page's example. */
  operation?: string;
  /** The type of a JSON representation. */
  type?: string;
  annotation?: ExampleAnnotation;
  /** The parsed body; absent when it is not JSON (`bodyError`). */
  body?: unknown;
  bodyError?: string;
  target?: Target;
  skip?: SkipReason;
  /** Why the target could not be found, for the report. */
  detail?: string;
}

/** Every JSON example: each representation block, and each request or response example with a body. */
export function collectExamples(model: Model, index: TypeIndex): CollectedExample[] {
  const examples: CollectedExample[] = [];
  for (const namespace of model.namespaces) {
    for (const type of namespace.types) {
      if (type.kind === 'enum') continue;
      for (const json of type.jsonExamples ?? []) {
        const example: CollectedExample = { kind: 'representation', source: json.source, type: type.fullName };
        if (json.error !== undefined) Object.assign(example, { bodyError: json.error, skip: 'not-json' as const });
        else Object.assign(example, { body: json.value, target: { kind: 'type', fullName: type.fullName, label: type.fullName } });
        examples.push(example);
      }
    }
  }
  for (const operation of model.operations) {
    for (const http of operation.examples) {
      if (http.body === undefined && http.bodyError === undefined) continue;
      examples.push(collectHttpExample(operation, http, index));
    }
  }
  return examples.sort((a, b) => compareSources(a.source, b.source));
}

function collectHttpExample(operation: Operation, http: HttpExample, index: TypeIndex): CollectedExample {
  const example: CollectedExample = { kind: http.role, source: http.source, operation: operation.name };
  if (http.annotation) example.annotation = http.annotation;
  if (http.bodyError !== undefined) return { ...example, bodyError: http.bodyError, skip: 'not-json' };
  const contentType = http.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (contentType && !/json/i.test(contentType)) return { ...example, bodyError: `Content-Type: ${contentType}`, skip: 'not-json' };
  example.body = http.body;
  const status = statusOf(http.startLine);
  if (http.role === 'response' && status !== undefined && status >= 300) return { ...example, skip: 'error-response', detail: `status ${status}` };
  const target = http.role === 'request' ? requestTarget(operation, index) : responseTarget(operation, index);
  const found = target ?? annotationTarget(http, operation, index);
  if (found) return { ...example, target: found };
  return { ...example, skip: 'type-unresolved', detail: unresolvedDetail(operation, http) };
}

function requestTarget(operation: Operation, index: TypeIndex): Target | undefined {
  const body = operation.body;
  if (body.kind === 'properties') return { kind: 'properties', operation, label: `the request body table of ${operation.name}` };
  if (body.kind === 'type' && body.type.kind === 'named' && index.get(body.type.fullName)?.kind !== 'enum') {
    return { kind: 'type', fullName: body.type.fullName, label: body.type.fullName };
  }
  return undefined;
}

function responseTarget(operation: Operation, index: TypeIndex): Target | undefined {
  const body = operation.response.body;
  return body ? bodyTarget(body.type, body.collection, operation.response.source, index) : undefined;
}

/** The example annotation's `@odata.type` (`microsoft.graph.user`, `Collection(microsoft.graph.user)`), when the operation's type does not resolve. */
function annotationTarget(http: HttpExample, operation: Operation, index: TypeIndex): Target | undefined {
  const stated = http.annotation?.type;
  if (!stated) return undefined;
  const inner = /^collection\((.*)\)$/i.exec(stated.trim());
  const name = inner ? inner[1]! : stated;
  const collection = Boolean(inner) || http.annotation?.collection === true;
  const fullName = index.lookup(name);
  const primitive = fullName ? undefined : primitiveFor(name);
  const type: TypeRef | undefined = fullName ? { kind: 'named', fullName } : primitive ? { kind: 'primitive', name: primitive } : undefined;
  if (!type) return undefined;
  if (http.role === 'request') return type.kind === 'named' && !collection && index.get(type.fullName)?.kind !== 'enum' ? { kind: 'type', fullName: type.fullName, label: type.fullName } : undefined;
  return bodyTarget(type, collection, operation.response.source, index);
}

/** Structured types are checked whole; collections and primitive or enum values as OData wraps them, `{"value": …}`. */
function bodyTarget(type: TypeRef, collection: boolean, source: Source, index: TypeIndex): Target | undefined {
  if (type.kind === 'unresolved' || (type.kind === 'primitive' && UNCHECKABLE.has(type.name))) return undefined;
  const name = type.kind === 'named' ? type.fullName : type.name;
  if (type.kind === 'named' && !collection && index.get(type.fullName)?.kind !== 'enum') return { kind: 'type', fullName: type.fullName, label: name, source };
  return { kind: 'value', type, collection, source, label: collection ? `Collection(${name})` : name };
}

/** No JSON to check: free-form JSON, and content returned as is. */
const UNCHECKABLE: ReadonlySet<PrimitiveName> = new Set(['Untyped', 'Stream', 'Binary']);

function unresolvedDetail(operation: Operation, http: HttpExample): string {
  if (http.role === 'request') {
    const body = operation.body;
    if (body.kind === 'none') return 'the page documents no request body';
    return body.kind === 'type' ? `the request body type ${describeRef(body.type)} does not resolve` : 'no body type';
  }
  const body = operation.response.body;
  if (!body) return 'the Response section says there is no body';
  return `the response type ${describeRef(body.type)} cannot be checked`;
}

function describeRef(ref: TypeRef): string {
  return ref.kind === 'named' ? ref.fullName : ref.kind === 'primitive' ? ref.name : `\`${ref.text}\``;
}

/** `HTTP/1.1 201 Created` → 201. */
export function statusOf(startLine: string): number | undefined {
  const match = /^HTTP(?:\/[\d.]+)?\s+(\d{3})\b/i.exec(startLine.trim());
  return match ? Number(match[1]) : undefined;
}

export function compareSources(a: Source, b: Source): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
