// The files a worker thread is handed to check (see ../workers.ts).
import { serveShare } from '../workers.js';
import { checkSources } from './checkOutput.js';

serveShare(checkSources);
