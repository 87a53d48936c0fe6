// The output as an npm package an SDK maintainer can publish: for each TypeScript
// file, the JavaScript and the declaration file TypeScript emits for it, each made
// from that file alone (no type checker: tsc over beta's output takes half a
// minute and more), and a package.json
// whose exports let a user import one model, validator or operation without the
// rest. The templates keep the generated code within isolatedDeclarations, so a
// file alone is enough; the compile test holds them to it, and compares with tsc.
// Only .js and .d.ts ship: beside a .ts, TypeScript would type-check the source.
import type { ts } from 'ts-morph';
import { siblingModule } from '../packageRoot.js';
import { compiler } from '../typescript.js';
import { mapInWorkers } from '../workers.js';
import { checkKey, EmitError } from './checkOutput.js';
import type { FileOrigin } from './emitProject.js';
import { type OutputKind, PACKAGE_FIELDS, type PackageOptions } from './options.js';

type SourceFile = [path: string, text: string];

/** Where the batch's files sit in the compiler's view: a folder of their own, nothing else in it. */
const ROOT = '/docgen-output/';

/**
 * What TypeScript emits for each file: `x.js` and `x.d.ts` for `x.ts`, in that order. One program
 * for the whole batch, never type-checked (`noCheck`) and with every import left unresolved, so each
 * file's output depends on that file alone, exactly as `transpileModule` and `transpileDeclaration`
 * would make it (a test compares), at a fifth of the cost of a program per file.
 */
export function transpileSources(files: readonly SourceFile[]): SourceFile[] {
  const typescript = compiler();
  const options: ts.CompilerOptions = {
    target: typescript.ScriptTarget.ES2022,
    module: typescript.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    declaration: true,
    isolatedDeclarations: true,
    noCheck: true,
    noLib: true,
    noResolve: true,
    types: [],
    newLine: typescript.NewLineKind.LineFeed,
    removeComments: false,
    rootDir: ROOT,
    outDir: ROOT,
  };
  const texts = new Map(files.map(([path, text]) => [`${ROOT}${path}`, text]));
  const host = typescript.createCompilerHost(options);
  host.getSourceFile = (name, language) => {
    const text = texts.get(name);
    return text === undefined ? undefined : typescript.createSourceFile(name, text, language, false, typescript.ScriptKind.TS);
  };
  host.fileExists = (name) => texts.has(name);
  host.readFile = (name) => texts.get(name);
  host.getCurrentDirectory = () => ROOT;
  host.resolveModuleNameLiterals = (literals) => literals.map(() => ({ resolvedModule: undefined }));
  const program = typescript.createProgram({ rootNames: [...texts.keys()], options, host });
  const emitted = new Map<string, string>();
  // A declaration the file alone cannot give (isolatedDeclarations) comes back among these (a test holds this).
  const { diagnostics } = program.emit(undefined, (name, text) => emitted.set(name, text));
  const [problem] = [...program.getSyntacticDiagnostics(), ...program.getOptionsDiagnostics(), ...diagnostics];
  if (problem) {
    const where = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start) : undefined;
    const at = problem.file ? `${problem.file.fileName.slice(ROOT.length)}:${(where?.line ?? 0) + 1}:${(where?.character ?? 0) + 1}` : 'the output';
    throw new EmitError(`docgen cannot make JavaScript and declarations from ${at}: ${typescript.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
  }
  return files.flatMap(([path, text]) => {
    const base = stem(path);
    // Declaration emit drops the file's opening comment; it says the file is generated, so it is put back.
    const header = /^(?:\/\/.*\n)+/.exec(text)?.[0] ?? '';
    return [
      [`${base}.js`, emitted.get(`${ROOT}${base}.js`)!],
      [`${base}.d.ts`, `${header}${emitted.get(`${ROOT}${base}.d.ts`)!}`],
    ];
  });
}

/** As `transpileSources`, spread over worker threads. */
async function transpileInParallel(files: readonly SourceFile[], onDone?: (done: number) => void): Promise<SourceFile[]> {
  const worker = siblingModule('./transpileWorker.ts', import.meta.url);
  return mapInWorkers(worker, files, ([, text]) => text.length, transpileSources, (message) => new EmitError(message), onDone);
}

/** A file's JavaScript and declarations, as kept between runs by a hash of its source. */
export type Transpiled = [js: string, declarations: string];

export interface PackageHooks {
  onDone?: (done: number, total: number) => void;
  /** What earlier runs made, by `checkKey` of the source; pruned to this run's files. */
  cache?: { transpiled: Map<string, Transpiled>; changed: boolean };
}

/** The output's files as a package: every .ts replaced by its .js and .d.ts, JSON kept, package.json added; origins follow. */
export async function packageOutput(
  files: Map<string, string>,
  origins: Map<string, FileOrigin>,
  options: PackageOptions,
  outputs: readonly OutputKind[],
  { onDone, cache }: PackageHooks = {},
): Promise<{ files: Map<string, string>; origins: Map<string, FileOrigin> }> {
  const sources = [...files].filter(([path]) => path.endsWith('.ts')).map(([path, text]) => ({ path, text, key: checkKey(text) }));
  const known = cache?.transpiled ?? new Map<string, Transpiled>();
  const misses = sources.filter((source) => !known.has(source.key));
  const emitted = await transpileInParallel(
    misses.map(({ path, text }) => [path, text]),
    onDone && ((done) => onDone(sources.length - misses.length + done, sources.length)),
  );
  // This run's files only, from the cache or just made (`emitted` holds each miss's .js then its .d.ts).
  const made = new Map(sources.flatMap(({ key }) => (known.has(key) ? [[key, known.get(key)!] as const] : [])));
  misses.forEach(({ key }, index) => made.set(key, [emitted[2 * index]![1], emitted[2 * index + 1]![1]]));
  if (cache && (misses.length > 0 || made.size !== known.size)) {
    cache.transpiled = made;
    cache.changed = true;
  }
  const packaged = new Map([...files].filter(([path]) => !path.endsWith('.ts')));
  for (const { path, key } of sources) {
    const [js, declarations] = made.get(key)!;
    packaged.set(`${stem(path)}.js`, js);
    packaged.set(`${stem(path)}.d.ts`, declarations);
  }
  packaged.set('package.json', packageJson(options, outputs, new Set(files.keys())));
  const moved = new Map<string, FileOrigin>();
  for (const [path, origin] of origins) {
    if (!path.endsWith('.ts')) moved.set(path, origin);
    else for (const extension of ['.js', '.d.ts']) moved.set(`${stem(path)}${extension}`, origin);
  }
  const sorted = new Map([...packaged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted, origins: moved };
}

/** `models/User.ts` → `models/User`. */
const stem = (path: string) => path.slice(0, -'.ts'.length);

/** A module's entry in `exports`: its declarations first, as TypeScript requires. */
const entry = (base: string) => ({ types: `./${base}.d.ts`, default: `./${base}.js` });

/**
 * package.json: ESM, free of side effects (a bundler keeps only what is used), the root
 * index, and a subpath per folder and per module (`./requests/updateRemoteActionAudit`),
 * `./client` for the client alone, and `./schemas/*.json`.
 */
export function packageJson(options: PackageOptions, outputs: readonly OutputKind[], paths: ReadonlySet<string>): string {
  const exports: Record<string, unknown> = { '.': entry('index') };
  if (paths.has('runtime/client.ts')) exports['./client'] = entry('runtime/client');
  for (const folder of ['models', 'validators', 'requests'] as const) {
    if (!outputs.includes(folder)) continue;
    exports[`./${folder}`] = entry(`${folder}/index`);
    exports[`./${folder}/*`] = entry(`${folder}/*`);
  }
  if (paths.has('runtime/request.ts') || paths.has('runtime/validation.ts')) exports['./runtime/*'] = entry('runtime/*');
  if (paths.has('validatorsByType.ts')) exports['./validatorsByType'] = entry('validatorsByType');
  if (outputs.includes('schemas')) exports['./schemas/*'] = './schemas/*';
  exports['./package.json'] = './package.json';
  const shipped = [...new Set([...paths].map((path) => path.split('/')[0]!))]
    .map((top) => (top.endsWith('.ts') ? `${stem(top)}.*` : top))
    .sort();
  const manifest = {
    ...Object.fromEntries(PACKAGE_FIELDS.flatMap((field) => (options[field] === undefined ? [] : [[field, options[field]]]))),
    type: 'module',
    sideEffects: false,
    main: './index.js',
    types: './index.d.ts',
    exports,
    files: shipped,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
