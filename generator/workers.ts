// Spreading pure, independent work (parsing pages, checking files) over the
// machine's cores. The items are cut into small contiguous chunks of about
// equal size; this thread and each worker thread (running `worker`, a module
// that calls `serveShare`) take the next chunk as they finish one, so a slow
// stretch of pages or a worker's start-up does not leave a core idle at the
// end. Results come back in the items' order. On one core, or for a little
// work, everything runs here.
import os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Below this many items, starting a worker (it loads the TypeScript loader and its modules) costs more than it saves. */
const MIN_ITEMS_PER_WORKER = 300;
/** Chunks per thread: enough that the last one to finish ends soon after the others. */
const CHUNKS_PER_THREAD = 64;

type Request<T> = { id: number; items: T[] } | { close: true };
type Reply<R> = { id: number; results: R[] } | { id: number; error: string };

export async function mapInWorkers<T, R>(
  worker: URL,
  items: readonly T[],
  size: (item: T) => number,
  here: (items: readonly T[]) => R[],
  fail: (message: string) => Error,
  /** Called with the number of items done so far, as chunks finish on any thread. */
  onDone?: (done: number) => void,
): Promise<R[]> {
  const threads = Math.min(cores(), Math.floor(items.length / MIN_ITEMS_PER_WORKER), 4);
  const chunks = split(items, Math.min(items.length, Math.max(1, threads) * CHUNKS_PER_THREAD), size);
  const results: R[][] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  const take = () => (!failed && next < chunks.length ? next++ : undefined);
  const finish = (id: number, out: R[]) => {
    results[id] = out;
    done += chunks[id]!.length;
    onDone?.(done);
  };
  const helpers = Array.from({ length: threads - 1 }, () => serveChunks(worker, chunks, take, finish, fail));
  // Noted at once, so that this thread stops taking chunks and no rejection goes unhandled.
  const settled = Promise.all(helpers.map((helper) => helper.done.catch(() => void (failed = true))));
  try {
    for (let id = take(); id !== undefined; id = take()) {
      finish(id, here(chunks[id]!));
      // Lets the workers' replies in, so they are handed their next chunk.
      if (helpers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    for (const helper of helpers) helper.stop();
    throw error;
  } finally {
    await settled;
  }
  await Promise.all(helpers.map((helper) => helper.done));
  return results.flat();
}

/** The cores to use: all there are, or `DOCGEN_THREADS` (1 runs everything on this thread). */
function cores(): number {
  const wanted = Number(process.env['DOCGEN_THREADS']);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : os.availableParallelism();
}

/** Contiguous chunks of about equal total size. */
function split<T>(items: readonly T[], parts: number, size: (item: T) => number): T[][] {
  const total = items.reduce((sum, item) => sum + size(item), 0);
  const chunks: T[][] = [[]];
  let filled = 0;
  for (const item of items) {
    if (filled >= (total * chunks.length) / parts && chunks.length < parts) chunks.push([]);
    chunks.at(-1)!.push(item);
    filled += size(item);
  }
  return chunks;
}

// Under tsx a worker needs the loader registered first (workerEntry.mjs); built JavaScript runs as it is.
const ENTRY = new URL('./workerEntry.mjs', import.meta.url);

/** A worker thread that maps chunks as `take` hands them out, two at a time so it never waits for this thread. */
function serveChunks<T, R>(
  file: URL,
  chunks: readonly T[][],
  take: () => number | undefined,
  finish: (id: number, results: R[]) => void,
  fail: (message: string) => Error,
): { done: Promise<void>; stop: () => void } {
  const worker = new Worker(file.pathname.endsWith('.ts') ? ENTRY : file, { workerData: { module: file.href, docgenWorker: true } });
  const send = (request: Request<T>) => worker.postMessage(request);
  const done = new Promise<void>((resolve, reject) => {
    let pending = 0;
    const sendNext = () => {
      const id = take();
      if (id === undefined) return;
      pending++;
      send({ id, items: chunks[id]! });
    };
    const close = () => {
      send({ close: true });
      resolve();
    };
    worker.on('message', (reply: Reply<R>) => {
      if ('error' in reply) {
        reject(fail(reply.error));
        void worker.terminate();
        return;
      }
      pending--;
      finish(reply.id, reply.results);
      sendNext();
      if (pending === 0) close();
    });
    worker.once('error', (error) => reject(fail(error.message)));
    worker.once('exit', (code) => code !== 0 && reject(fail(`a worker thread stopped with exit code ${code}`)));
    sendNext();
    sendNext();
    if (pending === 0) close();
  });
  return { done, stop: () => void worker.terminate() };
}

/** In a worker thread started by `mapInWorkers`: maps each chunk it is sent with `work`, and posts the results or the error's message. */
export function serveShare<T, R>(work: (items: T[]) => R[]): void {
  const port = parentPort;
  if (!port || !(workerData as { docgenWorker?: boolean } | null)?.docgenWorker) return;
  port.on('message', (request: Request<T>) => {
    if ('close' in request) return port.close();
    let reply: Reply<R>;
    try {
      reply = { id: request.id, results: work(request.items) };
    } catch (error) {
      reply = { id: request.id, error: (error as Error).message };
    }
    port.postMessage(reply);
  });
}
