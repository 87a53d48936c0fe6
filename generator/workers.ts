// Spreading pure, independent work (parsing pages, formatting files) over the
// machine's cores: the items are split into one contiguous share per core by
// size, the first share runs on this thread and each other one in a worker
// thread running `worker` (a module that maps its `workerData.items` and posts
// the results). On one core, or for a little work, everything runs here.
import os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Below this many items, starting a worker (it loads the TypeScript loader and its modules) costs more than it saves. */
const MIN_ITEMS_PER_WORKER = 300;

interface WorkerReply<R> {
  results?: R[];
  error?: string;
}

export async function mapInWorkers<T, R>(
  worker: URL,
  items: readonly T[],
  size: (item: T) => number,
  here: (items: readonly T[]) => R[],
  fail: (message: string) => Error,
): Promise<R[]> {
  const threads = Math.min(cores(), Math.floor(items.length / MIN_ITEMS_PER_WORKER), 4);
  if (threads <= 1) return here(items);
  const shares = split(items, threads, size);
  const elsewhere = shares.slice(1).map((share) => runWorker<T, R>(worker, share, fail));
  // Settled before awaiting, so that a failure here does not leave a worker's rejection unhandled.
  const settled = Promise.allSettled(elsewhere);
  let first: R[];
  try {
    first = here(shares[0]!);
  } finally {
    await settled;
  }
  return [first, ...(await Promise.all(elsewhere))].flat();
}

/** The cores to use: all there are, or `DOCGEN_THREADS` (1 runs everything on this thread). */
function cores(): number {
  const wanted = Number(process.env['DOCGEN_THREADS']);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : os.availableParallelism();
}

/** Contiguous shares of about equal total size, so results come back in the items' order. */
function split<T>(items: readonly T[], parts: number, size: (item: T) => number): T[][] {
  const total = items.reduce((sum, item) => sum + size(item), 0);
  const shares: T[][] = [[]];
  let filled = 0;
  for (const item of items) {
    if (filled >= (total * shares.length) / parts && shares.length < parts) shares.push([]);
    shares.at(-1)!.push(item);
    filled += size(item);
  }
  return shares;
}

const ENTRY = new URL('./workerEntry.mjs', import.meta.url);

function runWorker<T, R>(file: URL, items: T[], fail: (message: string) => Error): Promise<R[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { module: file.href, items } });
    worker.once('message', (reply: WorkerReply<R>) => (reply.error !== undefined ? reject(fail(reply.error)) : resolve(reply.results!)));
    worker.once('error', (error) => reject(fail(error.message)));
    worker.once('exit', (code) => code !== 0 && reject(fail(`a worker thread stopped with exit code ${code}`)));
  });
}

/** In a worker thread started by `mapInWorkers`: maps the share with `work` and posts the results, or the error's message. */
export function serveShare<T, R>(work: (items: T[]) => R[]): void {
  const items = (workerData as { items?: T[] } | null)?.items;
  if (!parentPort || !items) return;
  let reply: WorkerReply<R>;
  try {
    reply = { results: work(items) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  parentPort.postMessage(reply);
}
