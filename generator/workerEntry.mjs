// The entry point of docgen's worker threads. Node 20 does not carry the TypeScript
// loader (tsx) into a worker, so this plain module registers it, then loads the
// worker's TypeScript module, named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
