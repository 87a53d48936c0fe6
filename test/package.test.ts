// docgen as its users get it: the tarball `npm pack` makes (test/setup/packDocgen.ts packs
// it once a run), installed into an empty project outside the repository, run through
// `npx docgen`; and publint and attw on the tarball, with a broken copy to show they can fail.
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Finished, runCommand, transcript } from './helpers/commands.js';
import { attw, attwProblems, publint, publintProblems } from './helpers/packageLint.js';
import { installDocgen, NO_NPX_INSTALL, packedDocgen, packInto } from './helpers/packedDocgen.js';
import { DOCS_INPUT, GENERATED, PROJECT } from './helpers/paths.js';
import { scratchFolders } from './helpers/scratch.js';

const INSTALL_TIMEOUT = 240_000;
const scratch = scratchFolders();

/** Every file below `dir` and its bytes, by path relative to `dir`; anything but files and folders is listed as such. */
async function readTree(dir: string): Promise<Map<string, Buffer | string>> {
  const tree = new Map<string, Buffer | string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isFile()) tree.set(file, await readFile(path.join(dir, file)));
    else if (!entry.isDirectory()) tree.set(file, 'not a file or folder');
  }
  return tree;
}

const repositoryPackage = JSON.parse(await readFile(path.join(PROJECT, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};

describe('docgen installed from its tarball', () => {
  let project = '';
  let installed = '';
  /** `npx docgen …` in the scratch project; npx may not fetch a package of that name from the registry instead. */
  const docgen = (...args: string[]): Promise<Finished> => runCommand('npx', ['docgen', ...args], project, NO_NPX_INSTALL);

  beforeAll(async () => {
    const tarball = await packedDocgen();
    project = path.join(await scratch('docgen-package-'), 'user-project');
    await installDocgen(project, tarball);
    installed = path.join(project, 'node_modules', 'docgen');
    await cp(DOCS_INPUT, path.join(project, 'docs'), { recursive: true });
  }, INSTALL_TIMEOUT);

  it('is installed outside the repository, with none of the repository’s dev dependencies as its own', async () => {
    expect(path.relative(PROJECT, project)).toMatch(/^\.\.(\/|$)/);
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const runtime = Object.keys({ ...manifest['dependencies'], ...manifest['peerDependencies'], ...manifest['optionalDependencies'] });
    expect(runtime).toContain('commander');
    expect(runtime).not.toContain('tsx');
    expect(runtime).not.toContain('typescript');
    expect(runtime.filter((name) => name in repositoryPackage.devDependencies)).toEqual([]);
    const topLevel = await readdir(path.join(project, 'node_modules'));
    expect(topLevel).toContain('docgen');
    expect(topLevel).not.toContain('tsx');
    expect(await readdir(path.join(project, 'node_modules', '.bin'))).not.toContain('tsx');
  });

  it('holds no TypeScript to compile at run time: built JavaScript, declarations and templates', async () => {
    const files = [...(await readTree(installed)).keys()];
    expect(files).toContain('dist/generator/cli/main.js');
    expect(files.filter((file) => /\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file))).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(manifest.bin['docgen']).toBe('dist/generator/cli/main.js');
    expect(await readFile(path.join(installed, 'dist/generator/cli/main.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('prints its package.json version', async () => {
    const run = await docgen('--version');
    expect(run.status, transcript(run)).toBe(0);
    expect(run.stdout.trim()).toBe(repositoryPackage.version);
  });

  it('generates exactly generated/, file for file and byte for byte', async () => {
    const run = await docgen('generate', '-i', 'docs', '-o', 'sdk');
    expect(run.status, transcript(run)).toBe(0);
    const made = await readTree(path.join(project, 'sdk'));
    const committed = await readTree(GENERATED);
    expect([...made.keys()].sort()).toEqual([...committed.keys()].sort());
    const differing = [...committed].filter(([file, bytes]) => !Buffer.isBuffer(bytes) || !bytes.equals(made.get(file) as Buffer));
    expect(differing.map(([file]) => file)).toEqual([]);
  });

  it('checks: up to date (from the last run’s record and compared afresh), then drift after an edit', async () => {
    for (const args of [[], ['--no-cache']]) {
      const run = await docgen('check', '-i', 'docs', '-o', 'sdk', ...args);
      expect(run.status, transcript(run)).toBe(0);
      expect(run.stdout).toContain('up to date');
    }
    await cp(path.join(project, 'sdk'), path.join(project, 'sdk-edited'), { recursive: true });
    const edited = path.join(project, 'sdk-edited', 'models', 'RemoteActionAudit.ts');
    await writeFile(edited, `${await readFile(edited, 'utf8')}// edited by hand\n`);
    const run = await docgen('check', '-i', 'docs', '-o', 'sdk-edited');
    expect(run.status, transcript(run)).toBe(1);
    expect(run.stdout).toContain('models/RemoteActionAudit.ts');
    expect(run.stdout).toContain('-// edited by hand');
  });

  it('runs diff, lint, stats and model on the docs', async () => {
    const diff = await docgen('diff', '--from', 'docs', '--to', 'docs');
    expect(diff.status, transcript(diff)).toBe(0);
    expect(diff.stdout).toContain('Suggested version bump: **none**');
    const lint = await docgen('lint', '-i', 'docs');
    expect(lint.status, transcript(lint)).toBe(0);
    expect(lint.stdout + lint.stderr).toContain('0 errors');
    const stats = await docgen('stats', '-i', 'docs', '--format', 'json');
    expect(stats.status, transcript(stats)).toBe(0);
    expect(stats.stdout).toMatch(/"pages"/);
    const model = await docgen('model', '-i', 'docs');
    expect(model.status, transcript(model)).toBe(0);
    const types = (JSON.parse(model.stdout) as { namespaces: Array<{ types: Array<{ name: string }> }> }).namespaces.flatMap((space) => space.types);
    expect(types.map((type) => type.name)).toContain('remoteActionAudit');
  });

  it('runs the README’s script example against its main entry, with what generate writes', async () => {
    const readme = await readFile(path.join(PROJECT, 'README.md'), 'utf8');
    const example = /docgen can also be called from a script[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the README’s script example').toBeDefined();
    // Valid JavaScript as it stands; the test adds what it prints.
    await writeFile(path.join(project, 'api.mjs'), `${example}console.log(JSON.stringify({ files: [...files.keys()], diagnostics: diagnostics.length }));\n`);
    const run = await runCommand(process.execPath, ['api.mjs'], project);
    expect(run.status, transcript(run)).toBe(0);
    const printed = JSON.parse(run.stdout) as { files: string[]; diagnostics: number };
    const made = [...(await readTree(path.join(project, 'sdk'))).keys()].filter((file) => file !== 'docgen-manifest.json');
    // The example reads only the intune-* pages: every file it makes is one generate made from all of them, and most are.
    expect(printed.files.length).toBeGreaterThan(made.length / 2);
    expect(printed.files.every((file) => made.includes(file))).toBe(true);
    expect(printed.files).toContain('requests/updateRemoteActionAudit.ts');
  });
});

describe('publint and attw on the tarball', () => {
  it('find no problem in docgen’s tarball', async () => {
    const tarball = await packedDocgen();
    const lint = await publint(tarball);
    expect(lint.status, transcript(lint)).toBe(0);
    expect(publintProblems(lint.stdout + lint.stderr)).toEqual([]);
    expect(lint.stdout).toContain('All good!');
    const types = await attw(tarball);
    expect(types.status, transcript(types)).toBe(0);
    expect(attwProblems(types.stdout + types.stderr)).toEqual([]);
  }, INSTALL_TIMEOUT);

  it('fail a copy whose exports and types name files that are not in it', async () => {
    const dir = await scratch('docgen-broken-');
    const unpacked = await runCommand('tar', ['-xzf', await packedDocgen(), '-C', dir], dir);
    expect(unpacked.status, transcript(unpacked)).toBe(0);
    const manifestPath = path.join(dir, 'package', 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { types: string; exports: { '.': { types: string; default: string } } };
    manifest.types = manifest.exports['.'].types = './dist/generator/missing.d.ts';
    manifest.exports['.'].default = './dist/generator/missing.js';
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
    // As unpacked: no sources to build, so prepack is skipped.
    const broken = await packInto(path.join(dir, 'out'), path.join(dir, 'package'), ['--ignore-scripts']);

    const lint = await publint(broken);
    expect(lint.status).toBe(1);
    expect(publintProblems(lint.stdout + lint.stderr)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Errors: \d+\. pkg\.exports\["\."\]\.default is \.\/dist\/generator\/missing\.js but the file does not exist/)]),
    );
    const types = await attw(broken);
    expect(types.status).toBe(1);
    expect(attwProblems(types.stdout + types.stderr)).toEqual([expect.stringContaining('failed to resolve to type declarations')]);
  }, INSTALL_TIMEOUT);
});

describe('reading publint’s and attw’s output', () => {
  it('takes publint’s errors and warnings, not its suggestions or its banner', () => {
    const output = [
      'Running publint v0.3.25 for x.tgz...',
      'Linting...',
      'Suggestions:',
      '1. pkg.repository could be set.',
      'Warnings:',
      '1. pkg.exports["."] should be ordered.',
      'Errors:',
      '1. pkg.main is ./a.js but the file does not exist.',
      '2. pkg.types is ./a.d.ts but the file does not exist.',
    ].join('\n');
    expect(publintProblems(output)).toEqual([
      'Warnings: 1. pkg.exports["."] should be ordered.',
      'Errors: 1. pkg.main is ./a.js but the file does not exist.',
      'Errors: 2. pkg.types is ./a.d.ts but the file does not exist.',
    ]);
    expect(publintProblems('Running publint v0.3.25 for x.tgz...\nLinting...\nAll good!\n')).toEqual([]);
  });

  it('takes attw’s problem lines, not those its profile ignores', () => {
    const url = 'https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems';
    const output = [
      ' (ignoring resolutions: \'node10\', \'node16-cjs\')',
      `(ignored per resolution) A require call resolved to an ESM JavaScript file. ${url}/CJSResolvesToESM.md`,
      `Import failed to resolve to type declarations or JavaScript files. ${url}/NoResolution.md`,
      '│ node16 (from ESM) │ Resolution failed │ OK (JSON) │',
    ].join('\n');
    expect(attwProblems(output)).toEqual([`Import failed to resolve to type declarations or JavaScript files. ${url}/NoResolution.md`]);
  });
});
