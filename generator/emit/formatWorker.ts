// A worker thread's share of the files to format (see ../workers.ts).
import { serveShare } from '../workers.js';
import { formatSources } from './format.js';

serveShare(formatSources);
