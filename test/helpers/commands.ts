// Commands run as a user's shell or a CI runner would run them: asynchronously (a
// test's timeout still fires), with the exit status returned rather than thrown,
// and without what `npm test` adds to the environment.
import { execFile } from 'node:child_process';

export interface Finished {
  /** The exit status; null when a signal ended the process. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment without npm's own variables (`npm test` sets npm_*; an npm_config_* one
 * would configure every npm the test starts, npm_package_* describe docgen's package.json)
 * and NODE_OPTIONS; npm's cache folder is kept.
 */
export function neutralEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !((key.startsWith('npm_') && key !== 'npm_config_cache') || key === 'INIT_CWD' || key === 'NODE_OPTIONS')),
  );
}

/** Runs `command` (no shell) in `cwd` with the neutral environment plus `env`. Rejects only when it cannot start. */
export function runCommand(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...neutralEnv(), ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 ** 2 }, (error, stdout, stderr) => {
      if (error && typeof error.code === 'string') reject(error);
      else resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** A command's whole output, for an assertion's message. */
export function transcript({ status, stdout, stderr }: Finished): string {
  return `exit ${status}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
}
