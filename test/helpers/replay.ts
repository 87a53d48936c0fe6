// Replaying the docs' example requests through the generated SDK: each example
// URL is matched against its operation's documented paths to recover the
// builder's input (path, parameters, query options, body); a real HTTP server
// on 127.0.0.1 checks that what the client sends equals the example, and
// answers with the example's response.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { HttpExample, Operation, OperationPath, PathPart } from '../../generator/model/types.js';

/** Why an example could not be turned into a builder call; `docs` when the example itself is at fault. */
export interface Unbuildable {
  reason: 'not-graph' | 'method' | 'no-path' | 'unexpected-body';
  docs: boolean;
  detail: string;
}

/** What the builder is called with, and what the server must receive. */
export interface ReplayPlan {
  input: { path?: string; params?: Record<string, string>; cast?: string; query?: Record<string, unknown>; body?: unknown };
  /** The example asks for the count (`/$count`): the built request goes through `countOf`. */
  count: boolean;
  expected: ExpectedRequest;
  /** Query keys the builder's type does not declare (the call works, but only untyped). */
  untypedQuery: string[];
}

export interface ExpectedRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  body?: unknown;
}

const GRAPH_ROOT = /^(?:https?:\/\/graph\.microsoft\.com)?\/?(?:beta|v1\.0)(?=\/|$|\?)/i;
const SYSTEM_OPTIONS = new Set(['$select', '$expand', '$filter', '$orderby', '$search', '$top', '$skip', '$count', '$format']);
const LIST_OPTIONS = new Set(['$select', '$expand', '$orderby']);

/** `decodeURIComponent`, keeping what does not decode (`%` on its own) as written. */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%[0-9a-f]{2}/gi, (escape) => {
      try {
        return decodeURIComponent(escape);
      } catch {
        return escape;
      }
    });
  }
}

/** `GET https://graph.microsoft.com/beta/me?$select=id HTTP/1.1` → method, path and raw query, relative to the service root. */
export function parseRequestLine(startLine: string): { method: string; path: string; query: string } | undefined {
  const match = /^([A-Za-z]+)\s+(.*?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(startLine);
  if (!match) return undefined;
  const url = match[2]!.trim();
  if (!GRAPH_ROOT.test(url) && !url.startsWith('/')) return undefined;
  const relative = url.replace(GRAPH_ROOT, '');
  const [path, query = ''] = splitOnce(relative, '?');
  return { method: match[1]!.toUpperCase(), path: path.startsWith('/') ? path : `/${path}`, query };
}

/** The query string as decoded `[name, value]` pairs, in order. */
export function queryPairs(query: string): Array<[string, string]> {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [name, value = ''] = splitOnce(pair, '=');
      return [decode(name), decode(value)];
    });
}

/** Matches an example request against the operation's paths and builds the builder's input, or says why it cannot. */
export function planReplay(operation: Operation, example: HttpExample): ReplayPlan | Unbuildable {
  const line = parseRequestLine(example.startLine);
  if (!line) return { reason: 'not-graph', docs: false, detail: example.startLine };
  if (line.method !== operation.method) return { reason: 'method', docs: true, detail: `${line.method}, the page documents ${operation.method}` };
  const body = example.body ?? example.bodyText;
  if (body !== undefined && (operation.body.kind === 'none' || operation.method === 'GET')) {
    return { reason: 'unexpected-body', docs: true, detail: `a ${line.method} example with a body: ${String(example.bodyText ?? JSON.stringify(body)).slice(0, 80)}` };
  }
  const pairs = queryPairs(line.query);
  const path = decode(line.path).replace(/(.)\/$/, '$1');
  const expected: ExpectedRequest = { method: line.method, path, query: pairs };
  if (body !== undefined) expected.body = body;
  // OData's own path conventions on a documented path: `/$count`, and a cast to a derived type.
  const count = /\/\$count$/i.test(path);
  const uncounted = count ? path.slice(0, -'/$count'.length) : path;
  const cast = /\/(microsoft\.graph\.[\w.]+)$/i.exec(uncounted)?.[1];
  const readings = [{ path, count: false }, ...(count ? [{ path: uncounted, count: true }] : []), ...(cast ? [{ path: uncounted.slice(0, -cast.length - 1), count, cast }] : [])];
  for (const reading of readings) {
    const plan = planFor(operation, reading.path, pairs, expected);
    if (!plan) continue;
    if (reading.cast) plan.input.cast = reading.cast;
    plan.count = reading.count;
    return plan;
  }
  return { reason: 'no-path', docs: true, detail: `${path} matches none of ${operation.paths.map((p) => p.template).join(', ')}` };
}

function planFor(operation: Operation, path: string, pairs: Array<[string, string]>, expected: ExpectedRequest): ReplayPlan | undefined {
  for (const [index, candidate] of operation.paths.entries()) {
    const params = matchPath(candidate, path, pairs);
    if (!params) continue;
    const input: ReplayPlan['input'] = {};
    if (index > 0 && candidate.template !== operation.paths[0]!.template) input.path = candidate.template;
    if (Object.keys(params.values).length) input.params = params.values;
    const { query, untyped } = queryInput(operation, params.rest);
    if (Object.keys(query).length) input.query = query;
    if (expected.body !== undefined) input.body = expected.body;
    return { input, expected, untypedQuery: untyped, count: false };
  }
  return undefined;
}

/** The parameter values an example path gives a template, and the query pairs the template's own query string does not take. */
function matchPath(path: OperationPath, text: string, pairs: Array<[string, string]>): { values: Record<string, string>; rest: Array<[string, string]> } | undefined {
  const names: Placeholder[] = [];
  let pattern = '';
  for (const segment of path.segments) pattern += `/${partsPattern(segment, names)}`;
  const match = new RegExp(`^${pattern || '/'}$`, 'i').exec(text);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((placeholder, index) => (values[placeholder.name] = unquote(match[index + 1]!, placeholder)));
  const rest = [...pairs];
  const overrides: Array<[string, string]> = [];
  for (const part of path.query ?? []) {
    const partNames: Placeholder[] = [];
    const valuePattern = new RegExp(`^${partsPattern(part.value, partNames)}$`, 'i');
    const index = rest.findIndex(([name]) => name.toLowerCase() === part.name.toLowerCase());
    if (index === -1) return undefined;
    const found = valuePattern.exec(rest[index]![1]);
    // A fixed option of the documented path (`$expand=manager`) that the example sets otherwise is the caller's to replace.
    if (!found && (partNames.length > 0 || !part.name.startsWith('$'))) return undefined;
    if (found) partNames.forEach((placeholder, i) => (values[placeholder.name] = unquote(found[i + 1]!, placeholder)));
    else overrides.push(rest[index]!);
    rest.splice(index, 1);
  }
  rest.push(...overrides);
  return { values, rest };
}

type Placeholder = Extract<PathPart, { kind: 'parameter' }>;

/** A regular expression for the parts, each placeholder a group; the placeholders are pushed to `names` in order. */
function partsPattern(parts: PathPart[], names: Placeholder[]): string {
  return parts
    .map((part, index) => {
      if (part.kind === 'literal') return escapeRegExp(part.text);
      names.push(part);
      if (part.encoding === 'string') return "((?:[^']|'')*)";
      if (part.encoding === 'value') return '([^,)]*)';
      if (part.encoding === 'path') return '(.+?)';
      return index === parts.length - 1 ? '([^/]+)' : '([^/]+?)';
    })
    .join('');
}

/** An OData string literal's doubled quotes stand for one. */
function unquote(value: string, placeholder: Placeholder): string {
  return placeholder.encoding === 'string' ? value.replace(/''/g, "'") : value;
}

/** Query pairs → the builder's `query` option: lists split at top-level commas, numbers and booleans typed. */
function queryInput(operation: Operation, pairs: Array<[string, string]>): { query: Record<string, unknown>; untyped: string[] } {
  const query: Record<string, unknown> = {};
  const untyped: string[] = [];
  const documented = new Set(operation.parameters.map((parameter) => parameter.name.toLowerCase()));
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    const system = SYSTEM_OPTIONS.has(key) && operation.method === 'GET';
    if (!system && !documented.has(key)) untyped.push(name);
    const option = system ? key : name;
    if (LIST_OPTIONS.has(option) && system) query[option] = splitTopLevel(value);
    else if ((option === '$top' || option === '$skip') && /^\d+$/.test(value)) query[option] = Number(value);
    else if (option === '$count' && /^(true|false)$/.test(value)) query[option] = value === 'true';
    else query[option] = value;
  }
  return { query, untyped };
}

/** `a,b($select=c,d),e` → `a`, `b($select=c,d)`, `e`. */
export function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items;
}

export type Verdict = 'exact' | 'case-only' | 'method' | 'path' | 'query' | 'body';

/** Compares what the server received with what the example shows: `case-only` when only the letter case of the path differs (Graph's paths are case-insensitive). */
export function compareRequest(expected: ExpectedRequest, received: { method: string; url: string; body: string }): { verdict: Verdict; detail?: string } {
  if (received.method !== expected.method) return { verdict: 'method', detail: received.method };
  const [rawPath, rawQuery = ''] = splitOnce(received.url, '?');
  const path = decode(rawPath).replace(/(.)\/$/, '$1');
  const query = queryPairs(rawQuery);
  const sort = (pairs: Array<[string, string]>, caseless = false) => pairs.map(([name, value]) => `${caseless && name.startsWith('$') ? name.toLowerCase() : name}=${value}`).sort();
  const queryCaseOnly = !isDeepStrictEqual(sort(query), sort(expected.query));
  // OData's system query options are case-insensitive (`$orderBy`): the builder writes them in lower case.
  if (queryCaseOnly && !isDeepStrictEqual(sort(query, true), sort(expected.query, true))) return { verdict: 'query', detail: `${rawQuery} ≠ ${JSON.stringify(expected.query)}` };
  if (expected.body === undefined ? received.body !== '' : !bodyEquals(expected.body, received.body)) return { verdict: 'body', detail: received.body.slice(0, 120) };
  if (path === expected.path && !queryCaseOnly) return { verdict: 'exact' };
  if (path === expected.path) return { verdict: 'case-only', detail: `${rawQuery} ≠ ${JSON.stringify(expected.query)}` };
  if (path.toLowerCase() === expected.path.toLowerCase()) return { verdict: 'case-only', detail: `${path} ≠ ${expected.path}` };
  return { verdict: 'path', detail: `${path} ≠ ${expected.path}` };
}

function bodyEquals(expected: unknown, text: string): boolean {
  if (typeof expected === 'string' && text === expected) return true;
  try {
    return isDeepStrictEqual(JSON.parse(text), expected);
  } catch {
    return false;
  }
}

/** The status code, body and its Content-Type (JSON unless the example says otherwise) a response example shows. */
export function responseOf(example: HttpExample | undefined): ReplayResponse {
  const status = Number(/\b(\d{3})\b/.exec(example?.startLine ?? '')?.[1] ?? 200);
  if (!example || status === 204) return { status };
  const body = example.body !== undefined ? JSON.stringify(example.body) : example.bodyText;
  const documented = example.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const contentType = documented !== undefined && /^[\x20-\x7e]+$/.test(documented) ? documented : 'application/json';
  // A redirect's Location would send the client elsewhere; the content stands in for it.
  return { status: status >= 300 && status < 400 ? 200 : status, ...(body !== undefined ? { body, contentType } : {}) };
}

export interface ReplayResponse {
  status: number;
  body?: string;
  contentType?: string;
}

export interface ReplayCase {
  expected: ExpectedRequest;
  response: ReplayResponse;
}

export interface ReplayServer {
  baseUrl: string;
  /** Registers a case; the client sends its id in `x-replay-case`. */
  expect(id: string, replayCase: ReplayCase): void;
  /** The verdict on the request received for a case. */
  verdict(id: string): { verdict: Verdict; detail?: string } | undefined;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 that judges each request against its case and answers with the case's response. */
export async function startReplayServer(): Promise<ReplayServer> {
  const cases = new Map<string, ReplayCase>();
  const verdicts = new Map<string, { verdict: Verdict; detail?: string }>();
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = String(request.headers['x-replay-case'] ?? '');
      const replayCase = cases.get(id);
      if (!replayCase) {
        response.writeHead(400).end();
        return;
      }
      const url = request.url!.replace(/^\/root/, '');
      verdicts.set(id, compareRequest(replayCase.expected, { method: request.method!, url, body: Buffer.concat(chunks).toString('utf8') }));
      const { status, body, contentType } = replayCase.response;
      response.writeHead(status, body === undefined ? {} : { 'content-type': contentType ?? 'application/json' });
      response.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/root`,
    expect: (id, replayCase) => cases.set(id, replayCase),
    verdict: (id) => verdicts.get(id),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const index = text.indexOf(separator);
  return index === -1 ? [text] : [text.slice(0, index), text.slice(index + 1)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Sdk = Record<string, unknown>;
type Builder = (input?: unknown) => { url: string };
type CountOf = (request: unknown) => unknown;
interface Client {
  send(request: unknown): Promise<unknown>;
}

/** What became of one example request. */
export interface ReplayOutcome {
  operation: string;
  source: string;
  request: Verdict | Unbuildable['reason'] | 'builder-threw' | 'no-response';
  /** The example is at fault, not docgen. */
  docs: boolean;
  /** What the client made of the example's response: valid per the validator, rejected by it, a GraphError for an error status, not JSON (a docs finding), or a failure of the client. */
  response?: 'valid' | 'invalid' | 'graph-error' | 'example-not-json' | 'client-failed';
  untypedQuery: string[];
  detail?: string;
}

/**
 * Every example request of `operations`, built with the SDK's builder (found
 * by `builderName`), sent with its client to a replay server, judged there,
 * and answered with the example's response, which the client parses and
 * validates.
 */
export async function replayExamples(operations: Operation[], sdk: Sdk, builderName: (operation: Operation) => string, concurrency = 16): Promise<ReplayOutcome[]> {
  const server = await startReplayServer();
  const createClient = sdk['createClient'] as (options: object) => Client;
  const outcomes: ReplayOutcome[] = [];
  const jobs: Array<() => Promise<void>> = [];
  try {
    for (const operation of operations) {
      const builder = sdk[builderName(operation)] as Builder;
      operation.examples.forEach((example, index) => {
        if (example.role !== 'request') return;
        const next = operation.examples.slice(index + 1).find((candidate) => candidate.role === 'request' || candidate.role === 'response');
        const response = next?.role === 'response' ? next : undefined;
        const id = String(jobs.length);
        const base = { operation: operation.name, source: `${example.source.file}:${example.source.line}`, untypedQuery: [] as string[] };
        jobs.push(async () => {
          const plan = planReplay(operation, example);
          if ('reason' in plan) {
            outcomes.push({ ...base, request: plan.reason, docs: plan.docs, detail: plan.detail });
            return;
          }
          server.expect(id, { expected: plan.expected, response: responseOf(response) });
          let request: unknown;
          try {
            request = builder(plan.input);
            if (plan.count) request = (sdk['countOf'] as CountOf)(request);
          } catch (error) {
            outcomes.push({ ...base, request: 'builder-threw', docs: false, detail: (error as Error).message, untypedQuery: plan.untypedQuery });
            return;
          }
          const client = createClient({ baseUrl: server.baseUrl, headers: { 'x-replay-case': id }, maxRetries: 0, validate: (sdk['responseValidation'] as (validators: unknown) => unknown)(sdk['validatorsByType']) });
          let outcome: ReplayOutcome['response'];
          let detail: string | undefined;
          try {
            await client.send(request);
            outcome = 'valid';
          } catch (error) {
            const name = (error as Error).name;
            outcome = name === 'ResponseValidationError' ? 'invalid' : name === 'GraphError' ? 'graph-error' : response?.bodyError ? 'example-not-json' : 'client-failed';
            detail = (error as Error).message.slice(0, 200);
          }
          const verdict = server.verdict(id);
          outcomes.push({
            ...base,
            request: verdict?.verdict ?? 'no-response',
            docs: false,
            response: outcome,
            untypedQuery: plan.untypedQuery,
            ...(verdict?.detail || detail ? { detail: verdict?.detail ?? detail } : {}),
          });
        });
      });
    }
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }));
  } finally {
    await server.close();
  }
  return outcomes.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
