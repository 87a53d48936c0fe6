#!/usr/bin/env node
// Entry point of the `docgen` command (`npm run docgen -- <command>`).
import { main } from './program.js';

// `docgen check | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
