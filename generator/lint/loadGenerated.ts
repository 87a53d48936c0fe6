// The generated SDK, live: the model emitted in memory (unformatted), bundled
// and imported. The temporary file is removed once the module is loaded.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { EmitError } from '../emit/checkOutput.js';
import { emitProject } from '../emit/emitProject.js';
import { assignNames } from '../emit/naming.js';
import type { EmitOptions, NamingOptions } from '../emit/options.js';
import type { Model } from '../model/types.js';
import { type Validator, validatorName } from './validatorApi.js';

export interface LoadedValidators {
  /** The validator of a model type, by full name. */
  validatorFor(fullName: string): Validator | undefined;
}

export async function loadValidators(model: Model, naming: NamingOptions): Promise<LoadedValidators> {
  const module = await loadGenerated(model, { outputs: ['models', 'validators'], naming });
  const { names } = assignNames(model, naming);
  return {
    validatorFor(fullName) {
      const name = names.types.get(fullName);
      const validate = name === undefined ? undefined : module[validatorName(name)];
      return typeof validate === 'function' ? (validate as Validator) : undefined;
    },
  };
}

/**
 * The generated output's root module (`index.ts`), with what `options` emit:
 * bundled from memory by esbuild (which strips the types; thousands of
 * modules load far faster as one), written to a temporary file and imported.
 */
export async function loadGenerated(model: Model, options: EmitOptions): Promise<Record<string, unknown>> {
  const { files } = emitProject(model, options, { raw: true });
  let bundle: string;
  try {
    const result = await build({
      entryPoints: ['index.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
      plugins: [fromMemory(files)],
    });
    bundle = result.outputFiles[0]!.text;
  } catch (error) {
    throw new EmitError(`docgen produced code that does not load: ${(error as Error).message}`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-sdk-'));
  try {
    await writeFile(path.join(dir, 'sdk.mjs'), bundle);
    return (await import(pathToFileURL(path.join(dir, 'sdk.mjs')).href)) as Record<string, unknown>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Resolves the output's relative `./x.js` imports to its in-memory `x.ts` files. */
function fromMemory(files: Map<string, string>): Plugin {
  return {
    name: 'docgen-output',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, ({ path: specifier, importer }) => ({
        path: path.posix.join(importer ? path.posix.dirname(importer) : '', specifier.replace(/\.js$/, '.ts')),
        namespace: 'docgen',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'docgen' }, ({ path: file }) => {
        const contents = files.get(file);
        return contents === undefined ? { errors: [{ text: `no such output file: ${file}` }] } : { contents, loader: 'ts' };
      });
    },
  };
}
