// Runs one scenario in a child process and reads what it cost: docgen as built and the
// remark baseline under plain node (bench/child.mjs), tsc and the old remark baseline
// under the tsx loader (bench/child.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What one process cost, from its start to its exit. */
export interface Usage {
  wallMs: number;
  /** User + system. */
  cpuMs: number;
  /** Peak resident set size, KiB. */
  maxRssKiB: number;
}

export interface ChildRun extends Usage {
  /** What the task printed on stdout, without the usage line. */
  output: string;
}

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const CHILD_TS = fileURLToPath(new URL('./child.ts', import.meta.url));
const CHILD_MJS = fileURLToPath(new URL('./child.mjs', import.meta.url));
// Resolved here, not by the child: the child may run in a folder with no node_modules.
const TSX = import.meta.resolve('tsx');

/**
 * Where the bench builds docgen: `npm run build`'s compile (tsc -p tsconfig.build.json),
 * into a folder of the bench's own, so that a `npm run build` or `npm pack` elsewhere
 * (both empty dist/ first) cannot take it away mid-run. Inside the repository, so that
 * the built code finds docgen's package.json, templates and dependencies as dist/ does.
 */
export const BUILT = path.join(PROJECT, 'node_modules', '.cache', 'docgen-bench', 'dist');
/** The module whose `main` the built bin (cli/main.js) calls. */
const BUILT_PROGRAM = path.join(BUILT, 'generator', 'cli', 'program.js');

/** Builds docgen into BUILT, afresh; a failed compile is an error. */
export function buildDocgen(): void {
  rmSync(BUILT, { recursive: true, force: true });
  const tsc = path.join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc');
  // The compiler's messages go to stderr: stdout is the report.
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', BUILT], { cwd: PROJECT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error(`tsc -p tsconfig.build.json exited with ${build.status ?? build.signal}`);
}

/**
 * The command line of a task, each under plain node but for the tsx ones:
 * `docgen` as built (buildDocgen first); `remark`, the baseline (a), synchronous reads;
 * `remark-tsx`, the old baseline under the tsx loader, one `await readFile` per page; `tsc`.
 */
export function childArgv(task: Task, args: readonly string[]): string[] {
  switch (task) {
    case 'docgen':
      if (!existsSync(BUILT_PROGRAM)) throw new Error(`docgen is not built at ${BUILT}: call buildDocgen() first`);
      return [CHILD_MJS, 'docgen', BUILT_PROGRAM, ...args];
    case 'remark':
      return [CHILD_MJS, 'remark', ...args];
    case 'remark-tsx':
      return ['--import', TSX, CHILD_TS, 'remark', ...args];
    case 'tsc':
      return ['--import', TSX, CHILD_TS, 'tsc', ...args];
  }
}

export type Task = 'docgen' | 'remark' | 'remark-tsx' | 'tsc';

/** Splits a child's stdout into what the task printed and the usage line that ends it. */
export function parseChildOutput(stdout: string): ChildRun {
  const text = stdout.trimEnd();
  const cut = text.lastIndexOf('\n');
  const usage = JSON.parse(text.slice(cut + 1)) as Usage;
  return { wallMs: usage.wallMs, cpuMs: usage.cpuMs, maxRssKiB: usage.maxRssKiB, output: text.slice(0, Math.max(cut, 0)).trim() };
}

/** Runs `task` with `args` in `cwd`; a non-zero exit is an error carrying the end of its stderr. */
export function runChild(task: Task, args: readonly string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgv(task, args), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(stdout).toString('utf8');
      if (code !== 0) {
        const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${task} ${args.join(' ')} exited with ${code}:\n${text.trimEnd().slice(-4000)}\n${tail}`));
        return;
      }
      resolve(parseChildOutput(text));
    });
  });
}
