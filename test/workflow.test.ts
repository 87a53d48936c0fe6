// The CI workflow in the README, run for real: its `run:` steps, in order, in a
// scratch git repository whose pull request edits a doc page. What the README
// shows is what this test runs, so the two cannot drift apart.
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from './helpers/paths.js';

const run = promisify(execFile);

interface Step {
  name?: string;
  run?: string;
  if?: string;
  uses?: string;
}

/** The one ```yaml block of the README that is a workflow. */
async function readmeWorkflow(): Promise<{ on: { pull_request: { paths: string[] } }; jobs: Record<string, { steps: Step[] }> }> {
  const readme = await readFile(path.join(PROJECT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1]!).filter((block) => block.includes('jobs:'));
  expect(blocks).toHaveLength(1);
  return parse(blocks[0]!);
}

/** A git repository laid out as a docs repository using docgen: the project, with generated/ committed. */
async function scratchRepository(dir: string): Promise<string> {
  const repo = path.join(dir, 'repo');
  for (const entry of ['package.json', 'tsconfig.json', 'docgen.config.json', 'generator', 'templates', 'docs-input', 'generated']) {
    await cp(path.join(PROJECT, entry), path.join(repo, entry), { recursive: true });
  }
  await symlink(path.join(PROJECT, 'node_modules'), path.join(repo, 'node_modules'));
  await writeFile(path.join(repo, '.gitignore'), 'node_modules\n');
  const git = (...args: string[]) => run('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd: repo });
  await git('init', '-q', '-b', 'main');
  await git('add', '.');
  await git('commit', '-q', '-m', 'base');
  return (await git('rev-parse', 'HEAD')).stdout.trim();
}

/** Runs one step's script the way a runner's `bash` shell does (`bash -e`), with the only expression it may hold filled in. */
function runStep(step: Step, repo: string, env: Record<string, string>, baseSha: string) {
  const script = step.run!.replace(/\$\{\{\s*github\.event\.pull_request\.base\.sha\s*\}\}/g, baseSha);
  expect(script, 'a step uses a GitHub expression this test does not fill in').not.toMatch(/\$\{\{/);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' });
}

const temp: string[] = [];
afterAll(async () => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('the README workflow', () => {
  it('fails a pull request whose doc edit leaves generated/ stale, at the edited line, and summarises the API change', async () => {
    const workflow = await readmeWorkflow();
    expect(workflow.on.pull_request.paths).toContain('docs-input/**');
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((step) => step.uses ?? step.run?.split(' ').slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci']),
    );

    const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-workflow-'));
    temp.push(dir);
    const repo = path.join(dir, 'repo');
    const baseSha = await scratchRepository(dir);
    // The pull request: deviceIMEI becomes a number.
    const page = path.join(repo, 'docs-input', 'resources', 'intune-devices-remoteactionaudit.md');
    const lines = (await readFile(page, 'utf8')).split('\n');
    const row = lines.findIndex((line) => line.startsWith('|deviceIMEI|String|'));
    lines[row] = lines[row]!.replace('|String|', '|Int32|');
    await writeFile(page, lines.join('\n'));

    const summary = path.join(dir, 'summary.md');
    const env = { GITHUB_STEP_SUMMARY: summary };
    const results: Array<{ step: Step; status: number | null; stdout: string; stderr: string }> = [];
    for (const step of steps) {
      if (step.uses || step.run === 'npm ci') continue; // the checkout and the install are the scratch repository's set-up
      const failed = results.some((result) => result.status !== 0);
      if (failed && !/!cancelled\(\)|always\(\)|failure\(\)/.test(step.if ?? '')) continue;
      const result = runStep(step, repo, env, baseSha);
      results.push({ step, status: result.status, stdout: result.stdout, stderr: result.stderr });
    }

    const [check, diff] = results;
    expect(check?.step.run).toMatch(/docgen -- check --format github/);
    expect(check?.status, check?.stderr).toBe(1);
    expect(check?.stdout).toContain(
      `::error file=docs-input/resources/intune-devices-remoteactionaudit.md,line=${row + 1},col=1,title=docgen check::generated/models/RemoteActionAudit.ts: interface RemoteActionAudit differs from what the docs produce: deviceIMEI changed`,
    );
    expect(diff?.step.run).toMatch(/docgen -- diff --from \.\.\/base\/docs-input --to docs-input/);
    expect(diff?.status, diff?.stderr).toBe(0);
    const notes = await readFile(summary, 'utf8');
    expect(notes).toMatch(/major/i);
    expect(notes).toMatch(/deviceIMEI/);
    expect(notes).toContain(`intune-devices-remoteactionaudit.md:${row + 1}`);
  }, 120_000);
});
