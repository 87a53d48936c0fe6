// Is this parsed JSON a model (as `docgen model` prints it)? Checks every
// field the diff reads, and names the first one that is wrong.

/** `undefined` when the value fits; else what is wrong, e.g. `operations[3].method: expected one of GET, POST, …, found "FETCH"`. */
type Check = (value: unknown, at: string) => string | undefined;

function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  return JSON.stringify(value).slice(0, 40);
}

/** `operations[3].method: expected …, found …`; the top level has no path. */
function wrong(at: string, what: string, value: unknown): string {
  return `${at || 'the top level'}: expected ${what}, found ${found(value)}`;
}

const expecting = (what: string, ok: (value: unknown) => boolean): Check => (value, at) => (ok(value) ? undefined : wrong(at, what, value));

const string = expecting('a string', (value) => typeof value === 'string');
const number = expecting('a number', (value) => typeof value === 'number');
const boolean = expecting('true or false', (value) => typeof value === 'boolean');
const nullableBoolean = expecting('true, false or null', (value) => value === null || typeof value === 'boolean');
const oneOf = (...values: string[]) => expecting(`one of ${values.join(', ')}`, (value) => values.includes(value as string));

function list(item: Check, nonEmpty = false): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return wrong(at, 'an array', value);
    if (nonEmpty && value.length === 0) return wrong(at, 'at least one entry', value);
    for (const [index, entry] of value.entries()) {
      const error = item(entry, `${at}[${index}]`);
      if (error) return error;
    }
    return undefined;
  };
}

/** An object with these fields; a field whose check is wrapped in `optional` may be absent. */
function object(fields: Record<string, Check>): Check {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong(at, 'an object', value);
    for (const [key, check] of Object.entries(fields)) {
      const error = check((value as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
      if (error) return error;
    }
    return undefined;
  };
}

const optional = (check: Check): Check => (value, at) => (value === undefined ? undefined : check(value, at));

/** The first of `variants` whose `kind` matches decides. */
function byKind(variants: Record<string, Check>): Check {
  const kind = oneOf(...Object.keys(variants));
  return (value, at) => object({ kind })(value, at) ?? variants[(value as { kind: string }).kind]!(value, at);
}

const source = object({ file: string, line: number, column: number });
const deprecation = optional(object({ message: string, source }));
const typeRef = byKind({
  primitive: object({ name: string }),
  named: object({ fullName: string }),
  unresolved: object({ text: string }),
});
const property = object({ name: string, type: typeRef, collection: boolean, description: string, readOnly: boolean, nullable: nullableBoolean, deprecated: deprecation, source });
const typeBase = { name: string, fullName: string, description: string, deprecated: deprecation, sources: list(source, true) };
const structured = object({ ...typeBase, baseType: optional(string), openType: boolean, properties: list(property) });
const typeDefinition = byKind({
  entity: structured,
  complex: structured,
  enum: object({ ...typeBase, flags: boolean, members: list(object({ name: string, value: optional(number), description: string, source })) }),
});
const pathPart = byKind({ literal: object({ text: string }), parameter: object({ name: string }) });
const path = object({ template: string, segments: list(list(pathPart)), parameters: list(object({ name: string })), source });
const scopes = object({ leastPrivileged: list(string), higherPrivileged: list(string) });
const permissions = object({ label: optional(string), delegatedWork: scopes, delegatedPersonal: scopes, application: scopes, source, includedFrom: optional(source) });
const operation = object({
  name: string,
  title: string,
  description: string,
  method: oneOf('GET', 'POST', 'PATCH', 'PUT', 'DELETE'),
  paths: list(path, true),
  permissions: list(permissions),
  supportsQueryOptions: boolean,
  parameters: list(property),
  body: byKind({ none: object({}), type: object({ type: typeRef, source }), properties: object({ properties: list(property), source }) }),
  response: object({ status: number, body: optional(object({ type: typeRef, collection: boolean })), source }),
  deprecated: deprecation,
  source,
});
const model = object({ namespaces: list(object({ name: string, types: list(typeDefinition) })), operations: list(operation) });

/** What is wrong with `value` as a model, or `undefined` when it is one. */
export function modelShapeError(value: unknown): string | undefined {
  return model(value, '');
}
