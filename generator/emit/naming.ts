// TypeScript names for model types and operations: PascalCase types,
// camelCase functions, never a reserved word, a global, or one of the
// runtime's own exports, and never two the same.
import { DEFAULT_NAMESPACE } from '../model/structuredTypes.js';
import type { Diagnostic, Model, Source } from '../model/types.js';
import type { NamingOptions } from './options.js';

// Names the emitted code uses itself, or that would shadow globals it relies on.
const RESERVED = new Set(
  [
    // runtime names the root index re-exports
    'HttpMethod', 'HttpRequest', 'CollectionResponse', 'ValueResponse', 'ODataQuery', 'ResponseOf', 'ResponseInfo', 'ResponseKind',
    'Binary', 'RequestHeaders', 'UrlPiece', 'RequestInput', 'buildRequest', 'countOf', 'DotSegmentError', 'expandUrl', 'mergeHeaders', 'pathSegment', 'withQuery',
    'createClient', 'GraphClient', 'ClientOptions', 'FetchLike', 'FetchResponse', 'GraphError', 'ResponseValidationError', 'ResponseValidator', 'validatorsByType', 'ValidatorsByType',
    'withUrl', 'responseValidation', 'FetchInit', 'FetchRequest', 'GraphInnerError', 'Middleware', 'PageIterator', 'ResponseCheck', 'ResponseIssue', 'SendOptions',
    'PATHS',
    'ValidationIssue', 'ValidationOptions', 'ValidationResult', 'rt',
    // JavaScript and TypeScript globals a declaration must not shadow
    'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Function', 'Date', 'Error',
    'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'RegExp', 'JSON', 'Math', 'Record', 'Partial', 'Required',
    'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'Uint8Array', 'ArrayBuffer', 'Reflect',
    'Proxy', 'Intl', 'URL', 'URLSearchParams', 'globalThis', 'undefined', 'NaN', 'Infinity', 'unknown', 'never',
    'any', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'void', 'null',
  ].map((name) => name.toLowerCase()),
);

const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield await async of type declare ' +
    'abstract any boolean constructor get module namespace require number set string symbol from arguments eval'
  ).split(' '),
);

export interface Names {
  /** Full type name → TypeScript type name. */
  types: Map<string, string>;
  /** Operation name → TypeScript function name. */
  operations: Map<string, string>;
  /** Full type name → the name of the union of the type and its documented subtypes, for each type that has some. */
  unions: Map<string, string>;
}

/** Every name the output exports for a type named `name`. */
export function typeExports(name: string): string[] {
  return [name, `${name}Values`, `validate${name}`, `is${name}`, `test${name}`, `collect${name}`];
}

/** Every name the output exports for an operation named `name`. */
export function operationExports(name: string): string[] {
  return [name, `${name}Operation`, bodyInterfaceName(name), requestTypeName(name)];
}

export function requestTypeName(operation: string): string {
  return `${operation.charAt(0).toUpperCase()}${operation.slice(1)}Request`;
}

export function bodyInterfaceName(operation: string): string {
  return `${operation.charAt(0).toUpperCase()}${operation.slice(1)}Body`;
}

/**
 * Picks every type and operation name so that no two exports of the output
 * collide (the index re-exports them all), no file name collides on a
 * case-insensitive file system, and nothing shadows a global or a runtime
 * export. A clash is resolved by numbering, the same way every run.
 */
export function assignNames(model: Model, naming: NamingOptions = { typePrefix: '', typeSuffix: '' }): { names: Names; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const exported = new Set<string>();
  const fileNames = new Set<string>();
  const free = (candidate: string, exports: (name: string) => string[], folder: string) =>
    !fileNames.has(`${folder}/${candidate.toLowerCase()}`) &&
    exports(candidate).every((name) => !exported.has(name) && !RESERVED.has(name.toLowerCase()));
  const claim = (wanted: string, exports: (name: string) => string[], folder: string, source: Source, what: string): string => {
    let name = wanted;
    for (let n = 2; !free(name, exports, folder); n++) name = `${wanted}${n}`;
    if (name !== wanted) {
      diagnostics.push({
        code: 'name-clash',
        severity: 'warning',
        message: `The ${what} name \`${wanted}\` (or a name derived from it) is taken; it is emitted as \`${name}\`.`,
        expected: 'a name no other type, operation or runtime helper uses',
        found: `\`${wanted}\``,
        source,
      });
    }
    for (const exportName of exports(name)) exported.add(exportName);
    fileNames.add(`${folder}/${name.toLowerCase()}`);
    return name;
  };
  const types = new Map<string, string>();
  for (const namespace of model.namespaces) {
    for (const type of namespace.types) {
      const wanted = identifier(naming.typePrefix + typeName(type.name, type.namespace) + naming.typeSuffix);
      types.set(type.fullName, claim(wanted, typeExports, 'models', type.sources[0]!, 'type'));
    }
  }
  const operations = new Map<string, string>();
  for (const operation of model.operations) {
    operations.set(operation.name, claim(identifier(operation.name), operationExports, 'requests', operation.source, 'operation'));
  }
  // A type with documented subtypes also gets a union of itself and them (`AnyDirectoryObject`), named last: it yields to every other name.
  const derived = new Set(model.namespaces.flatMap((ns) => ns.types.flatMap((type) => (type.kind !== 'enum' && type.baseType ? [type.baseType] : []))));
  const unions = new Map<string, string>();
  for (const type of model.namespaces.flatMap((ns) => ns.types)) {
    if (type.kind === 'enum' || !derived.has(type.fullName) || !types.has(type.fullName)) continue;
    unions.set(type.fullName, claim(`Any${types.get(type.fullName)!}`, (name) => [name], 'models', type.sources[0]!, 'union type'));
  }
  return { names: { types, operations, unions }, diagnostics };
}

/** `remoteActionAudit` → `RemoteActionAudit`; `microsoft.graph.callRecords.session` → `CallRecordsSession`. */
export function typeName(name: string, namespace: string): string {
  const prefix = namespace === DEFAULT_NAMESPACE ? '' : namespace.slice(DEFAULT_NAMESPACE.length + 1).split('.').map(pascal).join('');
  return identifier(prefix + pascal(name));
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Any text → a valid identifier that is not a keyword. */
export function identifier(text: string): string {
  let name = text.replace(/[^\w$]/g, '_');
  if (!/^[A-Za-z_$]/.test(name)) name = `_${name}`;
  return KEYWORDS.has(name) ? `${name}_` : name;
}
