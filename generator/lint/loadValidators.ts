// The generated validators, live: the model emitted in memory (models and
// validators, unformatted), each file transpiled to JavaScript with the
// TypeScript compiler, written to a temporary folder, and imported. The folder
// is removed once the modules are loaded.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { EmitError } from '../emit/format.js';
import { emitProject } from '../emit/emitProject.js';
import { assignNames } from '../emit/naming.js';
import type { NamingOptions } from '../emit/options.js';
import type { Model } from '../model/types.js';
import { type Validator, validatorName } from './validatorApi.js';

export interface LoadedValidators {
  /** The validator of a model type, by full name. */
  validatorFor(fullName: string): Validator | undefined;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
};

export async function loadValidators(model: Model, naming: NamingOptions): Promise<LoadedValidators> {
  const { files } = emitProject(model, { outputs: ['models', 'validators'], naming }, { raw: true });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-validators-'));
  let module: Record<string, unknown>;
  try {
    await writeFile(path.join(dir, 'package.json'), '{"type":"module"}\n');
    const folders = new Set<string>();
    for (const [file, text] of files) {
      if (!file.endsWith('.ts')) continue;
      const output = ts.transpileModule(text, { compilerOptions: COMPILER_OPTIONS, fileName: file, reportDiagnostics: true });
      const problem = output.diagnostics?.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
      if (problem) throw new EmitError(`docgen produced invalid TypeScript in ${file}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
      const target = path.join(dir, file.replace(/\.ts$/, '.js'));
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      await writeFile(target, output.outputText);
    }
    module = (await import(pathToFileURL(path.join(dir, 'validators', 'index.js')).href)) as Record<string, unknown>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const { names } = assignNames(model, naming);
  return {
    validatorFor(fullName) {
      const name = names.types.get(fullName);
      const validate = name === undefined ? undefined : module[validatorName(name)];
      return typeof validate === 'function' ? (validate as Validator) : undefined;
    },
  };
}
