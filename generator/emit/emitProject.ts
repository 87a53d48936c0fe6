// The model → every output file, as path → content, in a stable order.
import type { Diagnostic, Model, Source, StructuredType, TypeDefinition } from '../model/types.js';
import { type CheckHooks, checkFiles } from './checkOutput.js';
import { assignNames } from './naming.js';
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from './options.js';
import { pathIndexView, pathTypesView, requestView } from './requests.js';
import { SCHEMA_INDEX, schemaIndex, schemaPath, schemaText } from './schemas.js';
import { createRenderer } from './templates.js';
import { type EmitMemo, memoized, modelFacts, pruneMemo } from './emitMemo.js';
import { enumModelView, structuredModelView, unionModelView } from './models.js';
import { type Fragment, OPENAPI_FILE, openApiDocument, openApiText } from './openapi/document.js';
import type { EmitContext } from './typeExpressions.js';
import { enumValidatorView, structuredValidatorView, validatorsByTypeView } from './validators.js';

/** The model fact an output file declares, so that a drift report can point back at the doc line. */
export interface FileOrigin {
  /** The type or operation the file declares. */
  source: Source;
  /** Its properties, enum members or parameters, by name. */
  members: Map<string, Source>;
  /** The members of one declaration, where they come from elsewhere: `getWidgetOperation`'s `permissions` from the permissions table (in its include file). */
  declarations?: Map<string, Map<string, Source>>;
}

export interface EmitResult {
  /** Output-relative POSIX path → file content, sorted by path. */
  files: Map<string, string>;
  /** Output-relative path → what it was emitted from; absent for files no single fact makes (barrels, runtime). */
  origins: Map<string, FileOrigin>;
  diagnostics: Diagnostic[];
}

/**
 * `raw`: skip the syntax check and the tidying of blank lines (`lint --examples` and the corpus suite hand the code to esbuild or tsc at once).
 * `memo`: the last emit's files and what each read, to re-render only what the model's changes reach (raw output only).
 */
export type EmitHooks = CheckHooks & { raw?: boolean; memo?: EmitMemo };

export function emitProject(model: Model, options: EmitOptions = DEFAULT_EMIT_OPTIONS, hooks: EmitHooks = {}): EmitResult {
  const render = createRenderer();
  const emits = new Set(options.outputs);
  const { names, diagnostics } = assignNames(model, options.naming);
  const types = new Map<string, TypeDefinition>(model.namespaces.flatMap((ns) => ns.types.map((type) => [type.fullName, type])));
  const ctx: EmitContext = { types, typeNames: names.types, subtypes: subtypesOf(types), unions: names.unions };
  const memo = hooks.raw ? startMemo(hooks.memo, options) : undefined;
  const facts = modelFacts(ctx, new Map(model.operations.map((operation) => [operation.name, { operation, name: names.operations.get(operation.name)! }])));
  const files = new Map<string, string>();
  const origins = new Map<string, FileOrigin>();
  const modules: Record<'models' | 'validators' | 'requests', string[]> = { models: [], validators: [], requests: [] };
  /** A file made from one type or operation (`input`, a fact as emitMemo names it), reused from the memo when nothing it read changed. */
  const add = (folder: keyof typeof modules, name: string, input: string, content: (ctx: EmitContext) => string, origin: FileOrigin) => {
    if (!emits.has(folder)) return;
    const file = `${folder}/${name}.ts`;
    files.set(file, memoized(memo, facts, ctx, file, [input], content));
    origins.set(file, origin);
    modules[folder].push(name);
  };

  for (const type of types.values()) {
    const name = names.types.get(type.fullName)!;
    const origin = { source: type.sources[0]!, members: memberSources(type) };
    const input = `type:${type.fullName}`;
    if (type.kind === 'enum') {
      add('models', name, input, (ctx) => render('enum.ts', enumModelView(type, ctx)), origin);
      add('validators', name, input, (ctx) => render('enumValidator.ts', enumValidatorView(type, ctx)), origin);
    } else {
      add('models', name, input, (ctx) => render('model.ts', structuredModelView(type, ctx)), origin);
      add('validators', name, input, (ctx) => render('validator.ts', structuredValidatorView(type, ctx)), origin);
    }
  }
  for (const [fullName, unionName] of names.unions) {
    const type = types.get(fullName) as StructuredType;
    add('models', unionName, `union:${fullName}`, (ctx) => render('union.ts', unionModelView(type, unionName, ctx)), { source: type.sources[0]!, members: new Map() });
  }
  for (const operation of model.operations) {
    const name = names.operations.get(operation.name)!;
    const members = new Map(operation.parameters.map((parameter) => [parameter.name, parameter.source]));
    const permissions = new Map(operation.permissions.slice(0, 1).map((table) => ['permissions', table.source] as const));
    add('requests', name, `op:${operation.name}`, (ctx) => render('request.ts', requestView(operation, name, ctx)), {
      source: operation.source,
      members,
      declarations: new Map([[`${name}Operation`, permissions]]),
    });
  }

  if (emits.has('schemas')) {
    // JSON, not TypeScript: no barrel, and nothing for the root index to export.
    for (const type of types.values()) {
      const file = schemaPath(ctx.typeNames.get(type.fullName)!);
      files.set(file, memoized(memo, facts, ctx, file, [`type:${type.fullName}`], (ctx) => schemaText(type, ctx)));
      origins.set(file, { source: type.sources[0]!, members: memberSources(type) });
    }
    files.set(SCHEMA_INDEX, schemaIndex(ctx));
  }
  /** The memo's keys of openapi.json's fragments this emit built or reused, kept with the files'. */
  const fragments = new Set<string>();
  if (emits.has('openapi')) {
    // One document of the whole model, assembled every time; with a memo, from its schemas and operations as last built where nothing they read changed.
    const fragment: Fragment = (key, inputs, build) => {
      fragments.add(`${OPENAPI_FILE}#${key}`);
      return memoized(memo, facts, ctx, `${OPENAPI_FILE}#${key}`, inputs, build);
    };
    const openapi = openApiDocument(model, ctx, names.operations, options.openapi, options.package?.version, fragment);
    files.set(OPENAPI_FILE, openApiText(openapi.document, memo?.texts));
    diagnostics.push(...openapi.diagnostics);
  }

  const barrel = (names: string[]) => render('barrel.ts', { exports: names.sort().map((module) => ({ from: `./${module}.js` })) });
  const rootExports: object[] = [];
  for (const folder of options.outputs) {
    if (folder === 'schemas' || folder === 'openapi') continue;
    files.set(`${folder}/index.ts`, barrel(modules[folder]));
    rootExports.push({ from: `./${folder}/index.js` });
  }
  if (emits.has('requests')) {
    // The path index, beside the builders but outside their barrel: no builder, nor the root index, loads it.
    files.set('requests/paths.ts', render('operationPaths.ts', pathTypesView(model.operations, names.operations)));
    files.set('requests/byPath.ts', render('operationIndex.ts', pathIndexView(model.operations, names.operations)));
    files.set('runtime/request.ts', render('runtime/request.ts', {}));
    files.set('runtime/client.ts', render('runtime/client.ts', {}));
    rootExports.push(
      { from: './runtime/client.js', names: ['createClient', 'GraphError', 'ResponseValidationError', 'responseValidation'] },
      {
        from: './runtime/client.js',
        typeOnly: true,
        names: ['ClientOptions', 'FetchInit', 'FetchLike', 'FetchRequest', 'FetchResponse', 'GraphClient', 'GraphInnerError', 'Middleware', 'PageIterator', 'ResponseCheck', 'ResponseIssue', 'ResponseValidator', 'SendOptions'],
      },
      { from: './runtime/request.js', names: ['buildRequest', 'countOf', 'DotSegmentError', 'expandUrl', 'mergeHeaders', 'pathSegment', 'withQuery', 'withUrl'] },
      {
        from: './runtime/request.js',
        typeOnly: true,
        names: ['Binary', 'CollectionResponse', 'HttpMethod', 'HttpRequest', 'ODataQuery', 'RequestHeaders', 'RequestInput', 'ResponseInfo', 'ResponseKind', 'ResponseOf', 'UrlPiece', 'ValueResponse'],
      },
    );
  }
  if (emits.has('validators')) {
    files.set('runtime/validation.ts', render('runtime/validation.ts', {}));
    files.set('validatorsByType.ts', render('validatorsByType.ts', validatorsByTypeView(ctx)));
    rootExports.push(
      { from: './runtime/validation.js', typeOnly: true, names: ['ValidationIssue', 'ValidationOptions', 'ValidationResult'] },
      { from: './validatorsByType.js', names: ['validatorsByType'] },
      { from: './validatorsByType.js', typeOnly: true, names: ['ValidatorsByType'] },
    );
  }
  files.set('index.ts', render('barrel.ts', { exports: rootExports }));

  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (memo) pruneMemo(memo, new Set([...sorted.keys(), ...fragments]));
  return { files: hooks.raw ? sorted : checkFiles(sorted, hooks), origins, diagnostics };
}

/** `memo`, emptied when it was made with other options. */
function startMemo(memo: EmitMemo | undefined, options: EmitOptions): EmitMemo | undefined {
  const key = JSON.stringify(options);
  if (memo && memo.key !== key) {
    memo.key = key;
    memo.files.clear();
  }
  return memo;
}

function memberSources(type: TypeDefinition): Map<string, Source> {
  const members = type.kind === 'enum' ? type.members : type.properties;
  return new Map(members.map((member) => [member.name, member.source]));
}

/** Every structured type's descendants, for validators that follow `@odata.type` to a subtype. */
function subtypesOf(types: Map<string, TypeDefinition>): Map<string, string[]> {
  const subtypes = new Map<string, string[]>();
  for (const type of types.values()) {
    const seen = new Set<string>([type.fullName]);
    for (let base = type.kind === 'enum' ? undefined : type.baseType; base && types.has(base) && !seen.has(base); ) {
      seen.add(base);
      if (!subtypes.has(base)) subtypes.set(base, []);
      subtypes.get(base)!.push(type.fullName);
      const next: TypeDefinition = types.get(base)!;
      base = next.kind === 'enum' ? undefined : next.baseType;
    }
  }
  for (const list of subtypes.values()) list.sort();
  return subtypes;
}
