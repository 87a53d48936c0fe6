// One measured scenario, alone in its process so its peak RSS is its own, run by
// plain node: no tsx, no loader, nothing compiled on the way in.
//   node bench/child.mjs remark <dir>                  the parser baseline (a): remark-parse +
//                                                      remark-gfm over every *.md below <dir>,
//                                                      sorted, read synchronously, one thread
//   node bench/child.mjs docgen <program.js> <argv…>   the docgen CLI as built (dist/), through
//                                                      the `main` its bin (cli/main.js) calls
// At exit, whatever the task printed is followed by one JSON line (a `Usage`, bench/usage.ts):
// the whole process's wall and CPU time, start-up included, and its peak RSS.
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

process.on('exit', () => {
  const cpu = process.cpuUsage();
  const usage = { wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS };
  // Synchronous: nothing asynchronous runs after 'exit'.
  writeSync(1, `\n${JSON.stringify(usage)}\n`);
});

const [task, ...args] = process.argv.slice(2);
if (task === 'remark' && args.length === 1) {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([import('unified'), import('remark-parse'), import('remark-gfm')]);
  const dir = args[0];
  const pages = readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.md'))
    .sort();
  // One processor for every page, as a script would hold it.
  const processor = unified().use(remarkParse).use(remarkGfm);
  let nodes = 0;
  for (const page of pages) nodes += processor.parse(readFileSync(path.join(dir, page), 'utf8')).children.length;
  // Keeps the trees' use observable, so no engine can skip the parse.
  if (nodes === 0 && pages.length > 0) throw new Error(`no Markdown nodes in ${dir}`);
  process.stdout.write(`remark: ${pages.length} pages parsed\n`);
} else if (task === 'docgen' && args.length >= 1) {
  const { main } = await import(pathToFileURL(args[0]).href);
  process.exitCode = await main(args.slice(1));
} else {
  process.stderr.write('usage: bench/child.mjs remark <dir> | docgen <dist/generator/cli/program.js> <argv…>\n');
  process.exitCode = 2;
}
