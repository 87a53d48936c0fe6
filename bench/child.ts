// The scenarios that run under the tsx loader (docgen and the baseline (a) run under
// plain node: bench/child.mjs), alone in their process so the peak RSS is their own:
//   node --import tsx bench/child.ts remark <dir>     the old baseline, kept for reference:
//                                                     remark over every page, `await readFile` each
//   node --import tsx bench/child.ts tsc <argv…>      the TypeScript compiler
// At exit, whatever the task printed is followed by one JSON line (a `Usage`):
// the whole process's wall and CPU time, startup included, and its peak RSS.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Usage } from './usage.js';

process.on('exit', () => {
  const cpu = process.cpuUsage();
  const usage: Usage = { wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS };
  // Synchronous: nothing asynchronous runs after 'exit'.
  writeSync(1, `\n${JSON.stringify(usage)}\n`);
});

const [task, ...args] = process.argv.slice(2);
if (task === 'remark' && args.length === 1) {
  const { parseEveryPage } = await import('./remarkBaseline.js');
  process.stdout.write(`remark: ${await parseEveryPage(args[0]!)} pages parsed\n`);
} else if (task === 'tsc') {
  // tsc.js reads its arguments from process.argv and ends with process.exit.
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/lib/tsc.js');
  process.argv = [process.argv[0]!, tsc, ...args];
  require(tsc);
} else {
  process.stderr.write('usage: bench/child.ts remark <dir> | tsc <argv…>\n');
  process.exitCode = 2;
}
