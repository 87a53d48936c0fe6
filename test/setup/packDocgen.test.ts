// The set-up that packs docgen once a run: its folder's life, and the lock by which the
// first test to ask packs while the others wait for its result.
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { neutralEnv } from '../helpers/commands.js';
import { shareOnce } from '../helpers/packedDocgen.js';
import { scratchFolders } from '../helpers/scratch.js';
import setup from './packDocgen.js';

const scratchFolder = scratchFolders();
const scratch = () => scratchFolder('docgen-share-once-');

describe('the global set-up', () => {
  it('provides a new empty folder, empties it on a rerun and removes it at the end', async () => {
    const provided: Record<string, unknown> = {};
    let rerun: (() => unknown) | undefined;
    const teardown = await setup({
      provide: (key, value) => {
        provided[key] = value;
      },
      onTestsRerun: (handler) => {
        rerun = handler as () => unknown;
      },
    });
    const dir = provided['docgenPackDir'] as string;
    expect(await readdir(dir)).toEqual([]);
    await writeFile(path.join(dir, 'result.json'), '{}');
    await rerun!();
    expect(await readdir(dir)).toEqual([]);
    await teardown();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('shareOnce', () => {
  it('runs the work once for callers that ask at the same time, and gives each its result', async () => {
    const dir = await scratch();
    let runs = 0;
    const work = async () => {
      runs++;
      await sleep(200);
      return `packed ${runs}`;
    };
    const results = await Promise.all([shareOnce(dir, work, { pollMs: 10 }), shareOnce(dir, work, { pollMs: 10 }), shareOnce(dir, work, { pollMs: 10 })]);
    expect(results).toEqual(['packed 1', 'packed 1', 'packed 1']);
    expect(await shareOnce(dir, work)).toBe('packed 1');
    expect(runs).toBe(1);
  });

  it('gives every caller the failure, without running the work again', async () => {
    const dir = await scratch();
    let runs = 0;
    const work = async () => {
      runs++;
      await sleep(50);
      throw new Error('npm pack failed');
    };
    const results = await Promise.allSettled([shareOnce(dir, work, { pollMs: 10 }), shareOnce(dir, work, { pollMs: 10 })]);
    expect(results.map((result) => result.status === 'rejected' && (result.reason as Error).message)).toEqual(['npm pack failed', 'npm pack failed']);
    expect(runs).toBe(1);
  });

  it('stops waiting when whoever holds the lock never records a result', async () => {
    // A lock without a result, as a holder that died leaves it.
    const dir = await scratch();
    await mkdir(path.join(dir, 'lock'));
    let runs = 0;
    const work = async () => `packed ${++runs}`;
    await expect(shareOnce(dir, work, { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(/no result in .* after 100 ms/);
    expect(runs).toBe(0);
  });
});

describe('neutralEnv', () => {
  it('drops npm’s own variables and NODE_OPTIONS, and keeps npm’s cache and the rest', () => {
    expect(
      neutralEnv({
        PATH: '/bin',
        HOME: '/root',
        npm_config_cache: '/root/.npm',
        npm_config_prefix: '/elsewhere',
        npm_package_name: 'docgen',
        npm_lifecycle_event: 'test',
        INIT_CWD: '/work/main',
        NODE_OPTIONS: '--inspect',
        NPM_TOKEN: 'kept: not npm’s own lower-case variable',
      }),
    ).toEqual({ PATH: '/bin', HOME: '/root', npm_config_cache: '/root/.npm', NPM_TOKEN: 'kept: not npm’s own lower-case variable' });
  });
});
