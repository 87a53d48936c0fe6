// A worker thread's share of the files to check (see ../workers.ts).
import { serveShare } from '../workers.js';
import { checkSources } from './checkOutput.js';

serveShare(checkSources);
