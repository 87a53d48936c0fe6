// The README's GitHub Actions workflows, run for real: each one's `run:` steps, in order, the
// way a runner's bash runs them, in a scratch git repository that installs docgen from its
// packed tarball (test/setup/packDocgen.ts), as a user's repository would. What the README
// shows is what this test runs, so the two cannot drift apart.
//
// The rule that finds them: every ```yaml block of the README with `jobs:` is a workflow,
// known by its `name:`; the `docgen.config.json` a workflow works with is the last ```json
// block before it.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Finished, runCommand, transcript } from './helpers/commands.js';
import { installDocgen, NO_NPX_INSTALL, packedDocgen } from './helpers/packedDocgen.js';
import { DOCS_INPUT, PROJECT } from './helpers/paths.js';
import { scratchFolders } from './helpers/scratch.js';

interface Step {
  name?: string;
  id?: string;
  run?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[] }>;
}

interface DocgenConfig {
  input: string;
  out: string;
}

interface ReadmeWorkflow {
  workflow: Workflow;
  /** The last ```json block before the workflow's: its docgen.config.json. */
  config: unknown;
}

/** The README's workflows by name, each with the config shown last before it; a name given twice is an error. */
function readmeWorkflows(readme: string): Map<string, ReadmeWorkflow> {
  const found = new Map<string, ReadmeWorkflow>();
  let config: unknown;
  for (const [, language, body] of readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (language === 'json') config = JSON.parse(body!);
    if (language !== 'yaml') continue;
    const workflow = parse(body!) as Workflow;
    if (typeof workflow !== 'object' || workflow === null || !('jobs' in workflow)) continue;
    if (found.has(workflow.name)) throw new Error(`the README has two workflows named ${JSON.stringify(workflow.name)}`);
    found.set(workflow.name, { workflow, config });
  }
  return found;
}

/** A step's text with the `${{ }}` expressions `known` gives filled in; one it does not know is an error. */
function fillExpressions(text: string, known: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (expression, inner: string) => {
    if (!(inner in known)) throw new Error(`a step uses ${expression}, which this test does not fill in`);
    return known[inner]!;
  });
}

/** Whether a step runs after an earlier one failed: only with a status check function in its `if:`. */
function runsAfterFailure(step: Step): boolean {
  return /(\balways|\bfailure|!\s*cancelled)\(\)/.test(step.if ?? '');
}

interface StepRun extends Finished {
  step: Step;
}

/**
 * The `run:` steps of every job, in order, each as a runner's bash shell runs it
 * (`bash --noprofile --norc -eo pipefail`), in `cwd`, with `env`; after a failure, only
 * steps whose `if:` asks to run anyway. `uses:` steps are GitHub's and left out.
 */
async function runSteps(workflow: Workflow, cwd: string, env: Record<string, string>, expressions: Record<string, string> = {}): Promise<StepRun[]> {
  const runs: StepRun[] = [];
  for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
    if (step.run === undefined) continue;
    if (runs.some((run) => run.status !== 0) && !runsAfterFailure(step)) continue;
    const script = fillExpressions(step.run, expressions);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, fillExpressions(String(value), expressions)]));
    runs.push({ step, ...(await runCommand('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], cwd, { ...env, ...stepEnv })) });
  }
  return runs;
}

const README = await readFile(path.join(PROJECT, 'README.md'), 'utf8');
const scratch = scratchFolders();

/** A runner's environment: CI set, an install from npm's cache, and npx that never fetches a docgen of the registry's. */
function runnerEnv(dir: string): Record<string, string> {
  const runnerTemp = path.join(dir, 'runner-temp');
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'step-summary.md'),
    GITHUB_OUTPUT: path.join(runnerTemp, 'output.txt'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...NO_NPX_INSTALL,
  };
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const done = await runCommand('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], cwd);
  if (done.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd} failed:\n${transcript(done)}`);
  return done.stdout;
}

/** A git repository with what `dir` holds committed; the commit's hash. */
async function commitAll(dir: string, message: string): Promise<string> {
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '-q', '-m', message);
  return (await git(dir, 'rev-parse', 'HEAD')).trim();
}

/** The pull request's doc edit: `deviceIMEI` becomes a number. Returns the edited page's path below the docs and its 1-based line. */
async function editDeviceImei(docs: string): Promise<{ page: string; line: number }> {
  const page = path.join('resources', 'intune-devices-remoteactionaudit.md');
  const lines = (await readFile(path.join(docs, page), 'utf8')).split('\n');
  const row = lines.findIndex((line) => line.startsWith('|deviceIMEI|String|'));
  expect(row).toBeGreaterThan(0);
  lines[row] = lines[row]!.replace('|String|', '|Int32|');
  await writeFile(path.join(docs, page), lines.join('\n'));
  return { page, line: row + 1 };
}

function docgenConfig(config: unknown): DocgenConfig {
  expect(config, 'a docgen.config.json shown before the workflow').toMatchObject({ input: expect.any(String), out: expect.any(String) });
  return config as DocgenConfig;
}

const workflows = readmeWorkflows(README);

describe('the README’s workflows', () => {
  it('are the two it documents, each known by its name', () => {
    expect([...workflows.keys()].sort()).toEqual(['docgen check', 'regenerate the SDK']);
  });

  it('docs repository: fails a pull request whose doc edit leaves the output stale, at the edited line, and summarises the API change', async () => {
    const { workflow, config: shown } = workflows.get('docgen check')!;
    const config = docgenConfig(shown);
    const paths = (workflow.on['pull_request'] as { paths: string[] }).paths;
    expect(paths).toEqual(expect.arrayContaining([`${config.input}/**`, `${config.out}/**`, 'docgen.config.json']));
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((step) => step.uses ?? step.run)).toEqual(expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci']));

    // The docs repository as it stands: docgen installed from the tarball, the output committed.
    const dir = await scratch('docgen-workflow-docs-');
    const repo = path.join(dir, 'repo');
    await installDocgen(repo, await packedDocgen());
    await writeFile(path.join(repo, 'docgen.config.json'), `${JSON.stringify(config)}\n`);
    await writeFile(path.join(repo, '.gitignore'), 'node_modules\n');
    await cp(DOCS_INPUT, path.join(repo, config.input), { recursive: true });
    const generated = await runCommand('npx', ['docgen', 'generate'], repo, NO_NPX_INSTALL);
    expect(generated.status, transcript(generated)).toBe(0);
    const baseSha = await commitAll(repo, 'base');
    // The pull request.
    const { page, line } = await editDeviceImei(path.join(repo, config.input));

    const env = runnerEnv(dir);
    await mkdir(env['RUNNER_TEMP']!);
    const runs = await runSteps(workflow, repo, env, { 'github.event.pull_request.base.sha': baseSha });
    const [install, check, diff] = runs;
    expect(runs).toHaveLength(3);
    expect(install?.step.run).toBe('npm ci');
    expect(install?.status, install && transcript(install)).toBe(0);
    expect(check?.step.run).toMatch(/^npx docgen check --format github$/);
    expect(check?.status, check && transcript(check)).toBe(1);
    expect(check?.stdout).toContain(
      `::error file=${config.input}/${page},line=${line},col=1,title=docgen check::${config.out}/models/RemoteActionAudit.ts: interface RemoteActionAudit differs from what the docs produce: deviceIMEI changed`,
    );
    expect(diff?.step.run).toMatch(new RegExp(`npx docgen diff --from \\.\\./base/${config.input} --to ${config.input} >> "\\$GITHUB_STEP_SUMMARY"`));
    expect(diff?.status, diff && transcript(diff)).toBe(0);
    const summary = await readFile(env['GITHUB_STEP_SUMMARY']!, 'utf8');
    expect(summary).toContain('Suggested version bump: **major**');
    expect(summary).toMatch(/Property `deviceIMEI` type changed from `String` to `Int32`/);
    expect(summary).toContain(`${page}:${line}`);
  }, 240_000);

  it('SDK repository: generates the SDK at first, regenerates it with the docs’ changes for the pull request, and leaves nothing to propose when the docs stand still', async () => {
    const { workflow, config: shown } = workflows.get('regenerate the SDK')!;
    const config = docgenConfig(shown);
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']));
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const docsCheckout = steps.find((step) => step.uses?.startsWith('actions/checkout@') && step.with?.['repository']);
    expect(docsCheckout?.with?.['path']).toBeTruthy();
    const pullRequest = steps.find((step) => step.uses?.startsWith('peter-evans/create-pull-request@'));
    const addPaths = String(pullRequest?.with?.['add-paths'] ?? '').split(/[\n,]/).map((entry) => entry.trim()).filter(Boolean);
    expect(addPaths).toContain(config.out);

    // The SDK repository: docgen in its lock file (its `npm ci` step installs it), nothing generated yet.
    const dir = await scratch('docgen-workflow-sdk-');
    const repo = path.join(dir, 'sdk');
    await installDocgen(repo, await packedDocgen(), { lockOnly: true });
    await writeFile(path.join(repo, 'docgen.config.json'), `${JSON.stringify(config)}\n`);
    await writeFile(path.join(repo, '.gitignore'), 'node_modules\n');
    await commitAll(repo, 'the SDK, before its first generation');
    // What the docs checkout step leaves: the docs repository in its path, the pages where the config reads them.
    const docsRepo = path.join(repo, docsCheckout!.with!['path']!);
    const docs = path.join(repo, config.input);
    expect(path.relative(docsRepo, docs)).not.toMatch(/^\.\./);
    await cp(DOCS_INPUT, docs, { recursive: true });
    await commitAll(docsRepo, 'the docs');

    /** One scheduled run: its steps, then what create-pull-request would commit (git's view of `add-paths`). */
    const scheduledRun = async () => {
      const env = runnerEnv(await scratch('docgen-workflow-runner-'));
      await mkdir(env['RUNNER_TEMP']!);
      const runs = await runSteps(workflow, repo, env);
      for (const run of runs) expect(run.status, `${run.step.name ?? run.step.run}\n${transcript(run)}`).toBe(0);
      expect(runs.map((run) => run.step.run)).toContain('npm ci');
      const changed = (await git(repo, 'status', '--porcelain', '--untracked-files=all', '--', ...addPaths)).split('\n').filter(Boolean).map((entry) => entry.slice(3));
      return {
        changed,
        notes: await readFile(path.join(env['RUNNER_TEMP']!, 'changes.md'), 'utf8'),
        output: await readFile(env['GITHUB_OUTPUT']!, 'utf8'),
      };
    };

    const first = await scheduledRun();
    expect(first.changed).toEqual(expect.arrayContaining([`${config.out}/models/RemoteActionAudit.ts`, 'api-model.json']));
    expect(first.notes).toMatch(/first/i);
    const docsCommit = (await git(docsRepo, 'rev-parse', '--short', 'HEAD')).trim();
    expect(first.output).toContain(`commit=${docsCommit}\n`);
    await git(repo, 'add', '--', ...addPaths);
    await git(repo, 'commit', '-q', '-m', 'the pull request of the first run, merged');
    const before = await readFile(path.join(repo, config.out, 'models', 'RemoteActionAudit.ts'), 'utf8');

    // The docs move on; the next scheduled run picks the change up.
    const { page, line } = await editDeviceImei(docs);
    await git(docsRepo, 'commit', '-q', '-am', 'deviceIMEI is a number');
    const second = await scheduledRun();
    expect(second.changed).toEqual(expect.arrayContaining([`${config.out}/models/RemoteActionAudit.ts`, 'api-model.json']));
    expect(second.changed.every((file) => addPaths.some((added) => file === added || file.startsWith(`${added}/`)))).toBe(true);
    const after = await readFile(path.join(repo, config.out, 'models', 'RemoteActionAudit.ts'), 'utf8');
    expect(before).toMatch(/deviceIMEI\?: string/);
    expect(after).toMatch(/deviceIMEI\?: number/);
    expect(second.notes).toContain('Suggested version bump: **major**');
    expect(second.notes).toContain(`${page}:${line}`);
    expect(second.output).toContain(`commit=${(await git(docsRepo, 'rev-parse', '--short', 'HEAD')).trim()}\n`);
    // What the pull request proposes is what the docs now produce.
    const check = await runCommand('npx', ['docgen', 'check'], repo, NO_NPX_INSTALL);
    expect(check.status, transcript(check)).toBe(0);

    // Merged; with the docs unchanged, the next run leaves nothing for a pull request.
    await git(repo, 'add', '--', ...addPaths);
    await git(repo, 'commit', '-q', '-m', 'the pull request of the second run, merged');
    const third = await scheduledRun();
    expect(third.changed).toEqual([]);
    expect(third.notes).toContain('Suggested version bump: **none**');
  }, 240_000);
});

describe('running a workflow’s steps', () => {
  const workflow = (steps: Step[]): Workflow => ({ name: 'w', on: {}, jobs: { a: { steps: steps.slice(0, 2) }, b: { steps: steps.slice(2) } } });

  it('fills in the expressions it is given and refuses any other', () => {
    expect(fillExpressions('git worktree add ../base "${{ github.event.pull_request.base.sha }}"', { 'github.event.pull_request.base.sha': 'abc' })).toBe(
      'git worktree add ../base "abc"',
    );
    expect(() => fillExpressions('echo ${{ secrets.TOKEN }}', { 'github.event.pull_request.base.sha': 'abc' })).toThrow(/\$\{\{ secrets\.TOKEN \}\}/);
    expect(fillExpressions('echo "$GITHUB_OUTPUT"', {})).toBe('echo "$GITHUB_OUTPUT"');
  });

  it('runs after a failure only the steps whose if: asks to', () => {
    expect(runsAfterFailure({ run: 'x', if: '${{ !cancelled() }}' })).toBe(true);
    expect(runsAfterFailure({ run: 'x', if: 'always()' })).toBe(true);
    expect(runsAfterFailure({ run: 'x', if: 'failure()' })).toBe(true);
    expect(runsAfterFailure({ run: 'x', if: "github.event_name == 'push'" })).toBe(false);
    expect(runsAfterFailure({ run: 'x' })).toBe(false);
  });

  it('runs the run: steps of every job in order, under bash -e and pipefail, skipping uses: steps and, after a failure, the rest', async () => {
    const dir = await scratch('docgen-steps-');
    const runs = await runSteps(
      workflow([
        { uses: 'actions/checkout@v4' },
        { run: 'echo "one $STEP_VALUE"', env: { STEP_VALUE: '${{ matrix.value }}' } },
        { run: 'false | cat\necho not reached' },
        { run: 'echo skipped' },
        { run: 'echo anyway', if: '${{ !cancelled() }}' },
      ]),
      dir,
      {},
      { 'matrix.value': 'filled' },
    );
    expect(runs.map((run) => [run.step.run, run.status, run.stdout])).toEqual([
      ['echo "one $STEP_VALUE"', 0, 'one filled\n'],
      ['false | cat\necho not reached', 1, ''],
      ['echo anyway', 0, 'anyway\n'],
    ]);
  });

  it('finds the workflows by name, with the config shown last before each', () => {
    const readme = [
      '```json\n{ "input": "a" }\n```',
      '```json\n{ "input": "b" }\n```',
      '```yaml\nname: first\njobs: {}\n```',
      '```yaml\nkey: not a workflow\n```',
      '```yaml\nname: second\njobs: {}\n```',
    ].join('\n\n');
    const found = readmeWorkflows(readme);
    expect([...found].map(([name, { config }]) => [name, config])).toEqual([
      ['first', { input: 'b' }],
      ['second', { input: 'b' }],
    ]);
    expect(() => readmeWorkflows(`${readme}\n\n\`\`\`yaml\nname: first\njobs: {}\n\`\`\`\n`)).toThrow(/two workflows named "first"/);
  });
});
