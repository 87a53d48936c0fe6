// The files a worker thread is handed to transpile (see ../workers.ts).
import { serveShare } from '../workers.js';
import { transpileSources } from './packageOutput.js';

serveShare(transpileSources);
