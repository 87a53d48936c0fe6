// Runs one scenario in a child process (bench/child.ts) and reads what it cost.
import { spawn } from 'node:child_process';
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

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
// Resolved here, not by the child: the child may run in a folder with no node_modules.
const TSX = import.meta.resolve('tsx');

/** Runs `bench/child.ts <task> <args…>` in `cwd`; a non-zero exit is an error carrying the end of its stderr. */
export function runChild(task: 'docgen' | 'remark' | 'tsc', args: readonly string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, task, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(stdout).toString('utf8').trimEnd();
      const cut = text.lastIndexOf('\n');
      const output = text.slice(0, Math.max(cut, 0)).trim();
      if (code !== 0) {
        const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-15).join('\n');
        reject(new Error(`bench/child.ts ${task} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}\n${tail}`));
        return;
      }
      resolve({ ...(JSON.parse(text.slice(cut + 1)) as Usage), output });
    });
  });
}
