// Small hand-made models for the `docgen diff` tests: a property, a type, an
// operation with sensible defaults, each overridable field by field.
import { compareModels, type Change } from '../../generator/diff/compareModels.js';
import { RULES } from '../../generator/diff/rules.js';
import { parsePathTemplate } from '../../generator/model/paths.js';
import type { EnumMember, EnumType, HttpMethod, Model, Operation, PermissionKind, Permissions, Property, Source, StructuredType, TypeDefinition, TypeRef } from '../../generator/model/types.js';

export const NS = 'microsoft.graph';

export function at(file: string, line = 1): Source {
  return { file, line, column: 1 };
}

export const STRING: TypeRef = { kind: 'primitive', name: 'String' };
export const named = (name: string): TypeRef => ({ kind: 'named', fullName: `${NS}.${name}` });

export function prop(name: string, fields: Partial<Property> = {}): Property {
  return {
    name,
    type: STRING,
    collection: false,
    description: `The ${name}.`,
    readOnly: false,
    nullable: null,
    queryOptions: [],
    navigation: false,
    source: at(`resources/${name}.md`, 10),
    ...fields,
  };
}

export function entity(name: string, properties: Property[] = [], fields: Partial<StructuredType> = {}): StructuredType {
  return {
    kind: 'entity',
    name,
    fullName: `${NS}.${name}`,
    namespace: NS,
    description: `A ${name}.`,
    sources: [at(`resources/${name.toLowerCase()}.md`)],
    abstract: false,
    openType: false,
    keyProperty: 'id',
    properties,
    ...fields,
  };
}

export function member(name: string, fields: Partial<EnumMember> = {}): EnumMember {
  return { name, description: '', source: at('resources/e.md', 20), ...fields };
}

export function enumType(name: string, members: Array<string | EnumMember>, fields: Partial<EnumType> = {}): EnumType {
  return {
    kind: 'enum',
    name,
    fullName: `${NS}.${name}`,
    namespace: NS,
    description: `The ${name} values.`,
    sources: [at(`resources/${name.toLowerCase()}.md`)],
    flags: false,
    members: members.map((m) => (typeof m === 'string' ? member(m) : m)),
    ...fields,
  };
}

/** An operation on `paths` (primary first), from a page named after its name unless `fields.source` says otherwise. */
export function op(name: string, method: HttpMethod, paths: string[], fields: Partial<Operation> = {}): Operation {
  const source = fields.source ?? at(`api/${name.toLowerCase()}.md`);
  return {
    name,
    title: name,
    description: 'Does it.',
    method,
    paths: paths.map((template, index) => parsePathTemplate(template, at(source.file, 30 + index))),
    permissions: [permissionTable({ delegatedWork: ['Widget.Read.All'], application: ['Widget.Read.All'] }, at(source.file, 20))],
    headers: [],
    supportsQueryOptions: false,
    parameters: [],
    body: { kind: 'none' },
    response: { status: 200, body: { type: named('widget'), collection: false }, source: at(source.file, 50) },
    examples: [],
    source,
    ...fields,
  };
}

export function model({ types = [], operations = [] }: { types?: TypeDefinition[]; operations?: Operation[] }): Model {
  const sortedTypes = [...types].sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
  return {
    namespaces: sortedTypes.length ? [{ name: NS, types: sortedTypes }] : [],
    operations: [...operations].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** The changes from `before` to `after`; each must fill the `{from}`/`{to}` its rule's report line names. */
export function changes(before: Parameters<typeof model>[0], after: Parameters<typeof model>[0]): Change[] {
  const list = compareModels(model(before), model(after)).changes;
  for (const change of list) {
    for (const [, key] of RULES[change.rule].text.matchAll(/\{(from|to)\}/g)) {
      if (change[key as 'from' | 'to'] === undefined) throw new Error(`${change.rule} has no \`${key}\` for its report line`);
    }
  }
  return list;
}

/** One permissions table: per kind, the first scope least privileged and the rest higher, as the 2021 one-list table gives them. */
export function permissionTable(lists: Partial<Record<PermissionKind, string[]>>, source: Source, label?: string): Permissions {
  const scopes = (list: string[] = []) => ({ leastPrivileged: list.slice(0, 1), higherPrivileged: list.slice(1) });
  const table: Permissions = { delegatedWork: scopes(lists.delegatedWork), delegatedPersonal: scopes(lists.delegatedPersonal), application: scopes(lists.application), source };
  return label === undefined ? table : { ...table, label };
}
