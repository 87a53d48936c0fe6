// What the SDK costs the project that installs it: docgen's output for all of
// beta made a package (`--package-name`), packed and installed into a consumer
// project, beside the same consumer written against the official typings. Each
// consumer has `tsc --init`'s settings (strict, skipLibCheck) and imports the
// client, one operation and one model; `tsc -p` runs as plain node on the
// project's TypeScript, no harness between, rounds interleaved, median kept.
import { execFile } from 'node:child_process';
import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BundleSize, bundlePackagedBuilder } from './bundle.js';
import { formatBytes, formatMs, formatRatio, markdownTable, verdict } from './format.js';
import { OFFICIAL_TYPINGS } from './outputCost.js';
import { type ChildRun, runChild } from './usage.js';

const run = promisify(execFile);
const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const TSC = path.join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc');
const ROUNDS = 5;
export const SDK_NAME = '@bench/graph-beta';
/**
 * The one operation and model the consumers use: beta's user. user-update.md documents
 * `/users/{id | userPrincipalName}` and a 204 with no body, so the builder's parameter is
 * `idOrUserPrincipalName` and it returns nothing; the official consumer reads no body either.
 */
const OPERATION = 'updateUser';

export interface ConsumerCheck {
  name: string;
  /** Median wall time of `tsc -p` over the consumer, and every round's. */
  medianMs: number;
  roundsMs: number[];
  /** Files tsc read (from --listFilesOnly). */
  files: number;
}

export interface ConsumerBench {
  generate: ChildRun;
  /** The generated package (in the scratch folder, gone when the bench ends). */
  packageDir: string;
  packMs: number;
  installMs: number;
  tarballBytes: number;
  official: ConsumerCheck;
  subpaths: ConsumerCheck;
  root: ConsumerCheck;
  bundle: BundleSize;
}

const CODE = {
  official: `import type { User } from '${OFFICIAL_TYPINGS}';

const change: Partial<User> = { displayName: 'Adele Vance' };
const response = await fetch('https://graph.microsoft.com/beta/users/adele@contoso.com', { method: 'PATCH', body: JSON.stringify(change) });
export const status: number = response.status;
`,
  subpaths: `import { createClient } from '${SDK_NAME}/client';
import type { User } from '${SDK_NAME}/models/User';
import { ${OPERATION} } from '${SDK_NAME}/requests/${OPERATION}';

const client = createClient({ baseUrl: 'https://graph.microsoft.com/beta', getAccessToken: () => 'token' });
const change: Partial<User> = { displayName: 'Adele Vance' };
await client.send(${OPERATION}({ params: { idOrUserPrincipalName: 'adele@contoso.com' }, body: change }));
`,
  root: `import { createClient, ${OPERATION}, type User } from '${SDK_NAME}';

const client = createClient({ baseUrl: 'https://graph.microsoft.com/beta', getAccessToken: () => 'token' });
const change: Partial<User> = { displayName: 'Adele Vance' };
await client.send(${OPERATION}({ params: { idOrUserPrincipalName: 'adele@contoso.com' }, body: change }));
`,
} as const;

/** A consumer project: package.json, `tsc --init`'s tsconfig.json (no emit), and index.ts. */
async function consumerProject(dir: string, code: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true, type: 'module' }));
  await run(process.execPath, [TSC, '--init'], { cwd: dir });
  await writeFile(path.join(dir, 'index.ts'), code);
}

const elapsed = async (task: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await task();
  return performance.now() - started;
};

export async function benchConsumer(scratch: string, docs: string, log: (step: string) => void): Promise<ConsumerBench> {
  const sdk = path.join(scratch, 'sdk-package');
  log(`generate beta as a package (${SDK_NAME}), cold`);
  const generate = await runChild('docgen', ['generate', '-i', docs, '-o', sdk, '--package-name', SDK_NAME, '--package-version', '0.0.0', '--quiet', '--no-cache'], scratch);
  log('npm pack, then npm install into the consumer');
  let tarball = '';
  const packMs = await elapsed(async () => {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: sdk, maxBuffer: 1 << 30 });
    tarball = path.join(scratch, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
  });
  const dirs = { official: path.join(scratch, 'consumer-official'), subpaths: path.join(scratch, 'consumer-subpaths'), root: path.join(scratch, 'consumer-root') };
  for (const [kind, dir] of Object.entries(dirs)) await consumerProject(dir, CODE[kind as keyof typeof CODE]);
  const installMs = await elapsed(() => run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: dirs.subpaths }));
  // The root consumer shares the installed package; the official one, the project's copy of the typings.
  await symlink(path.join(dirs.subpaths, 'node_modules'), path.join(dirs.root, 'node_modules'), 'dir');
  await mkdir(path.join(dirs.official, 'node_modules', '@microsoft'), { recursive: true });
  await symlink(path.join(PROJECT, 'node_modules', OFFICIAL_TYPINGS), path.join(dirs.official, 'node_modules', OFFICIAL_TYPINGS), 'dir');

  const rounds: Record<keyof typeof dirs, number[]> = { official: [], subpaths: [], root: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    log(`tsc -p over the three consumers, round ${round} of ${ROUNDS}`);
    for (const [kind, dir] of Object.entries(dirs)) rounds[kind as keyof typeof dirs].push(await elapsed(() => run(process.execPath, [TSC, '-p', dir, '--noEmit'], { cwd: dir })));
  }
  const check = async (kind: keyof typeof dirs, name: string): Promise<ConsumerCheck> => {
    const listed = await run(process.execPath, [TSC, '-p', dirs[kind], '--listFilesOnly'], { cwd: dirs[kind], maxBuffer: 1 << 28 });
    const sorted = [...rounds[kind]].sort((a, b) => a - b);
    return { name, medianMs: sorted[Math.floor(sorted.length / 2)]!, roundsMs: rounds[kind], files: listed.stdout.trim().split('\n').length };
  };
  const { code: _code, ...bundle } = await bundlePackagedBuilder(SDK_NAME, dirs.subpaths, OPERATION);
  return {
    generate,
    packageDir: sdk,
    packMs,
    installMs,
    tarballBytes: (await stat(tarball)).size,
    official: await check('official', `the official typings (${OFFICIAL_TYPINGS}), \`User\` and fetch`),
    subpaths: await check('subpaths', `docgen's package: the client, \`${OPERATION}\` and \`User\`, each by its subpath`),
    root: await check('root', `docgen's package: the same three from the root index (everything), for reference`),
    bundle,
  };
}

export function formatConsumerBench(bench: ConsumerBench, plainColdMs: number | undefined): string[] {
  const { official, subpaths, root } = bench;
  const row = (check: ConsumerCheck, target: string, met: string) => [
    check.name,
    check.files.toLocaleString('en-US'),
    formatMs(check.medianMs),
    formatRatio(check.medianMs, official.medianMs),
    check.roundsMs.map((ms) => (ms / 1000).toFixed(2)).join(', '),
    target,
    met,
  ];
  const plain = plainColdMs === undefined ? '' : ` (plain output, cold, above: ${formatMs(plainColdMs)})`;
  return [
    '## The SDK as a package: what a consumer pays (beta)',
    '',
    `docgen generate --package-name: ${formatMs(bench.generate.wallMs)} wall${plain}; npm pack ${formatMs(bench.packMs)} (${formatBytes(bench.tarballBytes)}); npm install ${formatMs(bench.installMs)}.`,
    '',
    `\`tsc -p\` over each consumer (\`tsc --init\`'s settings: strict, skipLibCheck, nodenext), plain node, ${ROUNDS} rounds interleaved, median.`,
    '',
    ...markdownTable(
      ['consumer', '>files tsc reads', '>tsc wall (median)', '>ratio', 'rounds (s)', 'target', 'verdict'],
      [row(official, '—', '—'), row(subpaths, '≤ official', verdict(subpaths.medianMs, official.medianMs, formatMs)), row(root, '—', '—')],
    ),
    '',
    ...markdownTable(
      ['bundle (esbuild, minified, ESM)', '>minified', '>gzip', 'target', 'verdict'],
      [[`\`${OPERATION}\` + \`createClient\`, from the installed package by subpath`, formatBytes(bench.bundle.bytes), formatBytes(bench.bundle.gzipBytes), '< 5 KiB minified', verdict(bench.bundle.bytes, 5 * 1024, formatBytes, true)]],
    ),
    '',
  ];
}
