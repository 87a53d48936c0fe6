// The model → every output file, as path → content, in a stable order.
import type { Diagnostic, EnumType, Model, StructuredType, TypeDefinition } from '../model/types.js';
import { formatFiles } from './format.js';
import { assignNames } from './naming.js';
import { requestView } from './requests.js';
import { createRenderer } from './templates.js';
import { enumModelView, structuredModelView } from './models.js';
import type { EmitContext } from './typeExpressions.js';
import { enumValidatorView, structuredValidatorView } from './validators.js';

export interface EmitResult {
  /** Output-relative POSIX path → file content, sorted by path. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export function emitProject(model: Model): EmitResult {
  const render = createRenderer();
  const { names, diagnostics } = assignNames(model);
  const types = new Map<string, TypeDefinition>(model.namespaces.flatMap((ns) => ns.types.map((type) => [type.fullName, type])));
  const ctx: EmitContext = { types, typeNames: names.types };
  const files = new Map<string, string>();
  const modelFiles: string[] = [];
  const validatorFiles: string[] = [];
  const requestFiles: string[] = [];

  for (const type of types.values()) {
    const name = names.types.get(type.fullName)!;
    if (type.kind === 'enum') {
      files.set(`models/${name}.ts`, render('enum.ts', enumModelView(type as EnumType, ctx)));
      files.set(`validators/${name}.ts`, render('enumValidator.ts', enumValidatorView(type as EnumType, ctx)));
    } else {
      files.set(`models/${name}.ts`, render('model.ts', structuredModelView(type as StructuredType, ctx)));
      files.set(`validators/${name}.ts`, render('validator.ts', structuredValidatorView(type as StructuredType, ctx)));
    }
    modelFiles.push(name);
    validatorFiles.push(name);
  }
  for (const operation of model.operations) {
    const name = names.operations.get(operation.name)!;
    files.set(`requests/${name}.ts`, render('request.ts', requestView(operation, name, ctx)));
    requestFiles.push(name);
  }

  const barrel = (modules: string[]) => render('barrel.ts', { exports: modules.sort().map((module) => ({ from: `./${module}.js` })) });
  files.set('models/index.ts', barrel(modelFiles));
  files.set('validators/index.ts', barrel(validatorFiles));
  files.set('requests/index.ts', barrel(requestFiles));
  files.set('runtime/validation.ts', render('runtime/validation.ts', {}));
  files.set('runtime/request.ts', render('runtime/request.ts', {}));
  files.set(
    'index.ts',
    render('barrel.ts', {
      exports: [
        { from: './models/index.js' },
        { from: './validators/index.js' },
        { from: './requests/index.js' },
        { from: './runtime/request.js', names: ['pathSegment', 'withQuery'] },
        { from: './runtime/request.js', typeOnly: true, names: ['CollectionResponse', 'HttpMethod', 'HttpRequest', 'ODataQuery', 'ResponseOf'] },
        { from: './runtime/validation.js', typeOnly: true, names: ['ValidationError', 'ValidationResult'] },
      ],
    }),
  );

  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: formatFiles(sorted), diagnostics };
}
