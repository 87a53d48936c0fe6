// `docgen generate --watch`: a saved page rewrites exactly the files it changes,
// the result equals a cold run byte for byte, and Ctrl-C ends the session cleanly.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../generator/pipeline.js';
import { readOutput, withManifest } from '../generator/write/outputFolder.js';
import { DOCS_INPUT, PROJECT } from './helpers/paths.js';

const MAIN = path.join(PROJECT, 'generator', 'cli', 'main.ts');
const PAGE = path.join('resources', 'intune-devices-remoteactionaudit.md');

let work: string;
let child: ChildProcessWithoutNullStreams | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

/** Starts `docgen generate --watch`; `next(pattern)` waits for a stdout line matching it. */
function startWatch(docs: string, out: string) {
  child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'generate', '--watch', '-q', '--input', docs, '--out', out], {
    cwd: PROJECT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  const waiting: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of [...waiting]) {
      const match = stdout.split('\n').find((line) => waiter.pattern.test(line));
      if (match !== undefined) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  // Fails with what the session printed, rather than hanging until the test's timeout.
  const next = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in:\n${stdout}`)), 20_000);
      waiting.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  return { next, exited, output: () => stdout, process: child };
}

describe('generate --watch', () => {
  it('rewrites only the files a saved page changes, the same bytes a cold run writes', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-watch-'));
    const docs = path.join(work, 'docs');
    const out = path.join(work, 'out');
    await cp(DOCS_INPUT, docs, { recursive: true });
    const watch = startWatch(docs, out);
    await watch.next(/watching .* for changes/);
    const untouched = path.join(out, 'models', 'Entity.ts');
    const before = (await stat(untouched)).mtimeMs;

    const page = path.join(docs, PAGE);
    await writeFile(page, (await readFile(page, 'utf8')).replace(/^\|deviceIMEI\|String\|/m, '|deviceIMEI|Int32|'));
    const changed = await watch.next(/intune-devices-remoteactionaudit\.md changed/);
    expect(changed).toMatch(
      /: 4 files written, 0 removed in [\d.]+ s \(models\/RemoteActionAudit\.ts, openapi\.json, schemas\/RemoteActionAudit\.schema\.json, validators\/RemoteActionAudit\.ts\)$/,
    );
    expect(await readFile(path.join(out, 'models', 'RemoteActionAudit.ts'), 'utf8')).toMatch(/deviceIMEI\?: number \| null;/);
    expect((await stat(untouched)).mtimeMs).toBe(before);

    // A removed page removes its request file and updates the barrel and the manifest.
    await rm(path.join(docs, 'api', 'intune-devices-remoteactionaudit-delete.md'));
    const removed = await watch.next(/remoteactionaudit-delete\.md changed/);
    expect(removed).toContain('-requests/deleteRemoteActionAudit.ts');

    // A page that does not parse into anything keeps the session alive.
    await writeFile(path.join(docs, 'api', 'notes.md'), '# Notes\n\nNothing to see.\n');
    expect(await watch.next(/notes\.md changed/)).toMatch(/0 files written, 0 removed/);

    const cold = withManifest((await runPipeline([docs])).files);
    expect(await readOutput(out)).toEqual(cold);

    watch.process.kill('SIGINT');
    expect(await watch.exited).toBe(0);
    expect(watch.output()).toContain('docgen: stopped watching');
  }, 60_000);
});
