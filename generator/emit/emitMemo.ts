// Emitting only the files a change reaches. Each output file is a pure function of
// the model facts its view reads, so the emitter records, per file, every fact it
// read (a type, a type's TypeScript name, its subtypes, an operation) with a token
// of its value; a later run over a changed model re-renders a file only when one of
// those tokens differs, and reuses its text otherwise (a verifying trace, as build
// systems keep). A view that reads a whole map (an index over every type) gets no
// trace and is rendered every time.
import { createHash } from 'node:crypto';
import type { Operation } from '../model/types.js';
import type { EmitContext } from './typeExpressions.js';

/** One file's (or fragment's) last rendering: each fact read (`type:microsoft.graph.user`) with its token then, and what it made. */
interface MemoEntry {
  reads: ReadonlyArray<readonly [read: string, token: string]>;
  content: unknown;
}

/**
 * What one emit keeps for the next, by output path (or a fragment's key, `openapi.json#…`).
 * `key` names the emit options it was made with; `texts`, the JSON text of fragments
 * reused as they were (see openApiText), by identity.
 */
export interface EmitMemo {
  key: string;
  files: Map<string, MemoEntry>;
  texts: WeakMap<object, string>;
}

export function createEmitMemo(key = ''): EmitMemo {
  return { key, files: new Map(), texts: new WeakMap() };
}

/** The facts of one emit: a token for each, computed once, from which every file's trace is checked. */
export interface Facts {
  token(read: string): string;
}

const digest = (value: unknown) => createHash('sha1').update(JSON.stringify(value) ?? '').digest('base64');

export function modelFacts(ctx: EmitContext, operations: ReadonlyMap<string, { operation: Operation; name: string }>): Facts {
  const tokens = new Map<string, string>();
  const compute = (read: string): string => {
    const colon = read.indexOf(':');
    const kind = read.slice(0, colon);
    const key = read.slice(colon + 1);
    if (kind === 'type') return digest(ctx.types.get(key));
    if (kind === 'name') return ctx.typeNames.get(key) ?? '';
    if (kind === 'sub') return (ctx.subtypes.get(key) ?? []).join('\u0000');
    if (kind === 'union') return ctx.unions.get(key) ?? '';
    if (kind === 'op') return digest(operations.get(key));
    throw new Error(`emitMemo: no fact "${read}"`);
  };
  return {
    token: (read) => {
      let token = tokens.get(read);
      if (token === undefined) tokens.set(read, (token = compute(read)));
      return token;
    },
  };
}

/**
 * What `render` makes for `path`: the memo's when every fact its last rendering read is
 * unchanged, else `render`'s, which gets a context that records what it reads. `inputs`
 * are the facts handed to the view directly rather than read through the context.
 */
export function memoized<T>(memo: EmitMemo | undefined, facts: Facts, ctx: EmitContext, path: string, inputs: string[], render: (ctx: EmitContext) => T): T {
  if (!memo) return render(ctx);
  const last = memo.files.get(path);
  if (last && last.reads.every(([read, token]) => facts.token(read) === token)) return last.content as T;
  const reads = new Set<string>(inputs);
  let whole = false;
  const content = render(tracedContext(ctx, (read) => (read === undefined ? (whole = true) : reads.add(read))));
  if (whole) memo.files.delete(path);
  else memo.files.set(path, { reads: [...reads].map((read) => [read, facts.token(read)] as const), content });
  return content;
}

/** `ctx`, with every lookup reported as a fact read (`undefined`: the view read a whole map). */
function tracedContext(ctx: EmitContext, report: (read: string | undefined) => void): EmitContext {
  return {
    types: traced(ctx.types, 'type:', report),
    typeNames: traced(ctx.typeNames, 'name:', report),
    subtypes: traced(ctx.subtypes, 'sub:', report),
    unions: traced(ctx.unions, 'union:', report),
  };
}

function traced<V>(map: ReadonlyMap<string, V>, prefix: string, report: (read: string | undefined) => void): ReadonlyMap<string, V> {
  const whole = () => (report(undefined), map);
  return {
    get: (key) => (report(prefix + key), map.get(key)),
    has: (key) => (report(prefix + key), map.has(key)),
    get size() {
      return whole().size;
    },
    forEach: (callback, thisArg) => whole().forEach(callback, thisArg),
    keys: () => whole().keys(),
    values: () => whole().values(),
    entries: () => whole().entries(),
    [Symbol.iterator]: () => whole()[Symbol.iterator](),
  };
}

/** Keeps only the files and fragments this emit produced: a type or operation gone from the docs leaves no entry behind. */
export function pruneMemo(memo: EmitMemo, kept: ReadonlySet<string>): void {
  for (const path of memo.files.keys()) if (!kept.has(path)) memo.files.delete(path);
}
