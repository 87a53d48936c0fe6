// `docgen diff`, rule by rule (docs/diff.md): each kind of change on small
// hand-made models, its class (breaking or not), and the cases next to it
// that must not fire it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Change, compareModels } from '../../generator/diff/compareModels.js';
import { RULE_IDS, RULES, type RuleId } from '../../generator/diff/rules.js';
import type { Operation, Permissions, Property, TypeRef } from '../../generator/model/types.js';
import { at, changes, entity, enumType, member, model, named, NS, op, permissionTable, prop, STRING } from './diffModels.js';

/** `rule` or `rule item`, one per change, in report order. */
function summary(list: Change[]): string[] {
  return list.map((change) => [change.rule, change.item?.name].filter(Boolean).join(' '));
}

function typeDiff(before: Parameters<typeof entity>[1], after: Parameters<typeof entity>[1]): string[] {
  return summary(changes({ types: [entity('widget', before)] }, { types: [entity('widget', after)] }));
}

const primitive = (name: Extract<TypeRef, { kind: 'primitive' }>['name']): TypeRef => ({ kind: 'primitive', name });
const unresolved = (text: string): TypeRef => ({ kind: 'unresolved', text });

describe('types', () => {
  it('type-added (minor) and type-removed (breaking), matched by full name', () => {
    const list = changes({ types: [entity('old')] }, { types: [entity('new')] });
    expect(list.map((c) => [c.rule, c.subject.name, c.breaking, c.bump])).toEqual([
      ['type-added', `${NS}.new`, false, 'minor'],
      ['type-removed', `${NS}.old`, true, 'major'],
    ]);
    expect(list[1]).toMatchObject({ from: 'entity', source: at('resources/old.md') });
    // The same name in another namespace is another type.
    const moved = changes({ types: [entity('w')] }, { types: [{ ...entity('w'), fullName: 'microsoft.graph.other.w', namespace: 'microsoft.graph.other' }] });
    expect(moved.map((c) => [c.rule, c.subject.name])).toEqual([
      ['type-added', 'microsoft.graph.other.w'],
      ['type-removed', `${NS}.w`],
    ]);
  });

  it('kind-changed (breaking) for an enum that became an object type, and nothing else about it', () => {
    const list = changes({ types: [enumType('state', ['a'])] }, { types: [entity('state', [prop('a')])] });
    expect(list).toEqual([expect.objectContaining({ rule: 'kind-changed', breaking: true, from: 'enum', to: 'entity' })]);
    // entity ↔ complex emits the same interface: not reported
    expect(changes({ types: [entity('w')] }, { types: [entity('w', [], { kind: 'complex' })] })).toEqual([]);
  });

  describe('base types', () => {
    const chain = (base: string | undefined) => [entity('root'), entity('mid', [], { baseType: `${NS}.root` }), entity('other'), entity('w', [], base ? { baseType: `${NS}.${base}` } : {})];

    it('base-type-added (minor)', () => {
      expect(summary(changes({ types: chain(undefined) }, { types: chain('root') }))).toEqual(['base-type-added']);
    });

    it('base-type-removed (breaking)', () => {
      expect(summary(changes({ types: chain('root') }, { types: chain(undefined) }))).toEqual(['base-type-removed']);
    });

    it('base-type-derived (minor) when the new base derives from the old one', () => {
      const [change] = changes({ types: chain('root') }, { types: chain('mid') });
      expect(change).toMatchObject({ rule: 'base-type-derived', breaking: false, from: `${NS}.root`, to: `${NS}.mid` });
    });

    it('base-type-changed (breaking) to an unrelated base, or to a base of the old one', () => {
      expect(summary(changes({ types: chain('root') }, { types: chain('other') }))).toEqual(['base-type-changed']);
      expect(summary(changes({ types: chain('mid') }, { types: chain('root') }))).toEqual(['base-type-changed']);
    });

    it('survives a cycle of base types in the docs', () => {
      const cycle = [entity('a', [], { baseType: `${NS}.b` }), entity('b', [], { baseType: `${NS}.a` }), entity('w', [], { baseType: `${NS}.a` })];
      expect(summary(changes({ types: cycle }, { types: [...cycle.slice(0, 2), entity('w', [], { baseType: `${NS}.b` })] }))).toEqual(['base-type-derived']);
    });
  });

  it('open-type-added (minor) and open-type-removed (breaking)', () => {
    expect(summary(changes({ types: [entity('w')] }, { types: [entity('w', [], { openType: true })] }))).toEqual(['open-type-added']);
    expect(summary(changes({ types: [entity('w', [], { openType: true })] }, { types: [entity('w')] }))).toEqual(['open-type-removed']);
  });
});

describe('properties', () => {
  it('property-added (minor) and property-removed (breaking), matched by name', () => {
    const list = changes({ types: [entity('w', [prop('a'), prop('b')])] }, { types: [entity('w', [prop('b'), prop('c', { type: primitive('Int32') })])] });
    expect(summary(list)).toEqual(['property-removed a', 'property-added c']);
    expect(list[0]).toMatchObject({ breaking: true, from: 'String', source: at('resources/a.md', 10), item: { kind: 'property', name: 'a' } });
    expect(list[1]).toMatchObject({ breaking: false, bump: 'minor', to: 'Int32' });
    // a different case is a different name
    expect(typeDiff([prop('displayName')], [prop('DisplayName')])).toEqual(['property-added DisplayName', 'property-removed displayName']);
  });

  it('a property that moved to the base type is compared with what the type now inherits, not removed', () => {
    const before = [entity('base'), entity('w', [prop('a'), prop('b')], { baseType: `${NS}.base` })];
    const after = [entity('base', [prop('a'), prop('b', { type: primitive('Int32') })]), entity('w', [], { baseType: `${NS}.base` })];
    const list = changes({ types: before }, { types: after });
    expect(list.map((c) => [c.subject.name, c.rule, c.item?.name])).toEqual([
      [`${NS}.base`, 'property-added', 'a'],
      [`${NS}.base`, 'property-added', 'b'],
      [`${NS}.w`, 'type-changed', 'b'],
    ]);
    // …and back down: the base loses it (breaking there), the type keeps it
    const back = changes({ types: after }, { types: before });
    expect(back.map((c) => [c.subject.name, c.rule, c.item?.name])).toEqual([
      [`${NS}.base`, 'property-removed', 'a'],
      [`${NS}.base`, 'property-removed', 'b'],
      [`${NS}.w`, 'type-changed', 'b'],
    ]);
  });

  it('collection-changed (breaking), both ways', () => {
    const list = changes({ types: [entity('w', [prop('a')])] }, { types: [entity('w', [prop('a', { collection: true })])] });
    expect(list).toEqual([expect.objectContaining({ rule: 'collection-changed', breaking: true, from: 'String', to: 'Collection(String)' })]);
    expect(typeDiff([prop('a', { collection: true })], [prop('a')])).toEqual(['collection-changed a']);
  });

  it('now-nullable (breaking): "Not nullable" dropped or turned into "Nullable"', () => {
    expect(typeDiff([prop('a', { nullable: false })], [prop('a', { nullable: null })])).toEqual(['now-nullable a']);
    const [change] = changes({ types: [entity('w', [prop('a', { nullable: false })])] }, { types: [entity('w', [prop('a', { nullable: true })])] });
    expect(change).toMatchObject({ rule: 'now-nullable', breaking: true, from: 'Not nullable', to: 'Nullable' });
  });

  it('no-longer-nullable (patch): "Not nullable" added', () => {
    expect(typeDiff([prop('a', { nullable: true })], [prop('a', { nullable: false })])).toEqual(['no-longer-nullable a']);
    expect(typeDiff([prop('a', { nullable: null })], [prop('a', { nullable: false })])).toEqual(['no-longer-nullable a']);
  });

  it('nullability-noted (patch): "Nullable" added or dropped, the same `| null` either way', () => {
    const [change] = changes({ types: [entity('w', [prop('a', { nullable: null })])] }, { types: [entity('w', [prop('a', { nullable: true })])] });
    expect(change).toMatchObject({ rule: 'nullability-noted', bump: 'patch', from: 'not stated', to: 'Nullable' });
    expect(typeDiff([prop('a', { nullable: true })], [prop('a', { nullable: null })])).toEqual(['nullability-noted a']);
  });

  it('now-read-only (breaking) and now-writable (minor)', () => {
    expect(typeDiff([prop('a')], [prop('a', { readOnly: true })])).toEqual(['now-read-only a']);
    expect(typeDiff([prop('a', { readOnly: true })], [prop('a')])).toEqual(['now-writable a']);
  });

  it('compares only facts: the same property on another page or line is no change', () => {
    expect(typeDiff([prop('a', { source: at('x.md', 3), queryOptions: ['$filter'] })], [prop('a', { source: at('y.md', 9) })])).toEqual([]);
  });
});

describe('type references', () => {
  const retype = (from: TypeRef, to: TypeRef) => changes({ types: [entity('w', [prop('a', { type: from })])] }, { types: [entity('w', [prop('a', { type: to })])] });

  it('type-changed (breaking): a narrowed type, another type, or a different TypeScript type', () => {
    for (const [from, to] of [
      [primitive('Int64'), primitive('Int32')], // narrowed, though both are `number`
      [primitive('String'), primitive('Guid')], // narrowed to a format
      [primitive('Int32'), primitive('Double')], // wider, but `number` → `number | 'NaN' | …`
      [primitive('String'), primitive('Int32')],
      [primitive('Date'), primitive('DateTimeOffset')], // another format
      [named('a'), named('b')], // even when b derives from a: writers must now send a b
      [named('a'), unresolved('a2')], // typed → unknown
      [primitive('String'), primitive('Untyped')], // string → unknown
      [primitive('Untyped'), primitive('String')], // free JSON narrowed to a string
    ] as Array<[TypeRef, TypeRef]>) {
      expect(retype(from, to).map((c) => [c.rule, c.breaking]), `${JSON.stringify(from)} → ${JSON.stringify(to)}`).toEqual([['type-changed', true]]);
    }
    expect(retype(primitive('Int64'), primitive('Int32'))[0]).toMatchObject({ from: 'Int64', to: 'Int32' });
  });

  it('type-widened (patch): every old value fits and the TypeScript type stays', () => {
    for (const [from, to] of [
      [primitive('Int32'), primitive('Int64')],
      [primitive('Byte'), primitive('Int32')],
      [primitive('Single'), primitive('Double')],
      [primitive('Guid'), primitive('String')],
      [primitive('DateTimeOffset'), primitive('String')],
      [unresolved('a'), unresolved('b')], // both `unknown`
      [unresolved('a'), primitive('Untyped')],
    ] as Array<[TypeRef, TypeRef]>) {
      expect(retype(from, to).map((c) => [c.rule, c.bump]), `${JSON.stringify(from)} → ${JSON.stringify(to)}`).toEqual([['type-widened', 'patch']]);
    }
  });

  it('type-resolved (minor): a name no page defined is now a documented type', () => {
    const [change] = retype(unresolved('widgetState'), named('widgetState'));
    expect(change).toMatchObject({ rule: 'type-resolved', breaking: false, bump: 'minor', from: 'widgetState?', to: `${NS}.widgetState` });
    expect(summary(retype(unresolved('count'), primitive('Int32')))).toEqual(['type-resolved a']);
  });

  it('no change when only the type reference object differs, not the type', () => {
    expect(retype(named('a'), { kind: 'named', fullName: `${NS}.a` })).toEqual([]);
  });
});

describe('enums', () => {
  it('member-added (minor) and member-removed (breaking), matched by name', () => {
    const list = changes({ types: [enumType('state', ['a', 'b'])] }, { types: [enumType('state', ['b', 'c', 'A'])] });
    expect(list.map((c) => [c.rule, c.item?.name, c.breaking])).toEqual([
      ['member-added', 'A', false],
      ['member-removed', 'a', true],
      ['member-added', 'c', false],
    ]);
    // reordering is no change
    expect(changes({ types: [enumType('state', ['a', 'b'])] }, { types: [enumType('state', ['b', 'a'])] })).toEqual([]);
  });

  it('member-value-changed (patch): the wire and the SDK use names', () => {
    const list = changes({ types: [enumType('state', [member('a', { value: 0 }), member('b')])] }, { types: [enumType('state', [member('a', { value: 1 }), member('b', { value: 2 })])] });
    expect(list.map((c) => [c.rule, c.item?.name, c.from, c.to, c.bump])).toEqual([
      ['member-value-changed', 'a', '0', '1', 'patch'],
      ['member-value-changed', 'b', 'none', '2', 'patch'],
    ]);
  });

  it('flags-added (breaking) and flags-removed (patch)', () => {
    const plain = enumType('state', ['a']);
    const flags = enumType('state', ['a'], { flags: true });
    expect(changes({ types: [plain] }, { types: [flags] })).toEqual([expect.objectContaining({ rule: 'flags-added', breaking: true })]);
    expect(changes({ types: [flags] }, { types: [plain] })).toEqual([expect.objectContaining({ rule: 'flags-removed', bump: 'patch' })]);
  });
});

describe('operations', () => {
  const list = (name: string, paths = ['/widgets'], fields: Partial<Operation> = {}) => op(name, 'GET', paths, fields);

  it('operation-added (minor) and operation-removed (breaking)', () => {
    const result = changes({ operations: [list('listWidgets'), op('deleteWidget', 'DELETE', ['/widgets/{id}'])] }, { operations: [list('listWidgets'), op('createWidget', 'POST', ['/widgets'])] });
    expect(result.map((c) => [c.rule, c.subject.kind === 'operation' && `${c.subject.method} ${c.subject.path}`, c.breaking])).toEqual([
      ['operation-added', 'POST /widgets', false],
      ['operation-removed', 'DELETE /widgets/{id}', true],
    ]);
  });

  describe('a second page of the same operation (method, path, title, body, response) removed', () => {
    const page = (name: string, file: string) => list(name, ['/reports'], { title: 'Get reports', source: at(file) });

    it('duplicate-removed (patch) when the builder of its name remains', () => {
      // The old docs numbered the second page's name; the survivor now has the plain one.
      const result = changes({ operations: [page('getReports', 'api/a.md'), page('getReports2', 'api/b.md')] }, { operations: [page('getReports', 'api/b.md')] });
      expect(result.map((c) => [c.rule, c.bump, c.subject.name, c.from, c.to, c.source.file])).toEqual([
        ['duplicate-removed', 'patch', 'getReports', undefined, 'getReports', 'api/a.md'],
        ['operation-renamed', 'major', 'getReports', 'getReports2', 'getReports', 'api/b.md'],
      ]);
    });

    it('operation-merged (breaking) when its builder goes', () => {
      const result = changes({ operations: [page('getReports', 'api/a.md'), page('getReports2', 'api/b.md')] }, { operations: [page('getReports', 'api/a.md')] });
      expect(result.map((c) => [c.rule, c.breaking, c.subject.name, c.to])).toEqual([['operation-merged', true, 'getReports2', 'getReports']]);
    });

    it('operation-removed (breaking) when the other page documents another request on the path', () => {
      const other = list('getReports', ['/reports'], { title: 'Get report summary', source: at('api/a.md') });
      const result = changes({ operations: [page('getReports', 'api/a.md'), page('getReports2', 'api/b.md')] }, { operations: [other] });
      expect(result.map((c) => [c.rule, c.subject.name])).toEqual([['operation-removed', 'getReports2']]);
    });
  });

  it('matches by method and primary path with parameter names and letter case normalised, not by name', () => {
    const before = op('getWidget', 'GET', ['/widgets/{id}']);
    const after = op('getWidgetById', 'GET', ['/Widgets/{widget-id}']);
    expect(summary(changes({ operations: [before] }, { operations: [after] }))).toEqual(['operation-renamed', 'path-parameters-changed']);
  });

  it('operation-renamed (breaking): the builder is exported under the name', () => {
    const [change] = changes({ operations: [list('listWidgets')] }, { operations: [list('listWidgets2')] });
    expect(change).toMatchObject({ rule: 'operation-renamed', breaking: true, from: 'listWidgets', to: 'listWidgets2' });
  });

  it('pairs operations that share a method and path by page, then name, title, body — never at random', () => {
    const create = (name: string, body: string, file = `api/${name}.md`) =>
      op(name, 'POST', ['/widgets'], { source: at(file), body: { kind: 'type', type: named(body), source: at(file, 40) } });
    // Pages renamed and names renumbered: the body type tells them apart.
    const before = [create('createA', 'a', 'api/1.md'), create('createB', 'b', 'api/2.md')];
    const after = [create('createB2', 'b', 'api/4.md'), create('createA2', 'a', 'api/3.md')];
    expect(changes({ operations: before }, { operations: after }).map((c) => [c.from, c.to])).toEqual([
      ['createA', 'createA2'],
      ['createB', 'createB2'],
    ]);
    // Same page: paired whatever the names.
    const shuffled = [create('x1', 'b', 'api/1.md'), create('x2', 'a', 'api/2.md')];
    expect(changes({ operations: before }, { operations: shuffled }).map((c) => [c.rule, c.from, c.to])).toEqual([
      ['operation-renamed', 'createA', 'x1'],
      ['type-changed', `${NS}.a`, `${NS}.b`],
      ['operation-renamed', 'createB', 'x2'],
      ['type-changed', `${NS}.b`, `${NS}.a`],
    ]);
    // Nothing tells two apart: added and removed, not guessed.
    const anonymous = (name: string) => create(name, `${name}Body`);
    const guess = changes({ operations: [anonymous('a'), anonymous('b')] }, { operations: [anonymous('c'), anonymous('d')] });
    expect(guess.map((c) => [c.rule, c.subject.name])).toEqual([
      ['operation-removed', 'a'],
      ['operation-removed', 'b'],
      ['operation-added', 'c'],
      ['operation-added', 'd'],
    ]);
  });

  it('method-changed (breaking): the same page and path, another method', () => {
    const before = op('updateWidget', 'PATCH', ['/widgets/{id}']);
    const after = op('updateWidget', 'PUT', ['/widgets/{id}']);
    expect(changes({ operations: [before] }, { operations: [after] })).toEqual([expect.objectContaining({ rule: 'method-changed', breaking: true, from: 'PATCH', to: 'PUT' })]);
    // another page with another method on the path is another operation
    const other = op('replaceWidget', 'PUT', ['/widgets/{id}']);
    expect(summary(changes({ operations: [before] }, { operations: [other] }))).toEqual(['operation-removed', 'operation-added']);
  });

  it('path-added (minor) and path-removed (breaking): the aliases', () => {
    const result = changes({ operations: [list('listWidgets', ['/widgets', '/me/widgets'])] }, { operations: [list('listWidgets', ['/widgets', '/users/{id}/widgets'])] });
    expect(result.map((c) => [c.rule, c.item, c.breaking])).toEqual([
      ['path-removed', { kind: 'path', name: '/me/widgets' }, true],
      ['path-added', { kind: 'path', name: '/users/{id}/widgets' }, false],
    ]);
  });

  it('primary-path-changed (patch): matched through an alias, both paths still served', () => {
    const result = changes({ operations: [list('listWidgets', ['/widgets', '/all/widgets'])] }, { operations: [list('listWidgets', ['/all/widgets', '/widgets'])] });
    expect(result).toEqual([expect.objectContaining({ rule: 'primary-path-changed', bump: 'patch', from: '/widgets', to: '/all/widgets' })]);
  });

  it('path-parameters-changed (breaking): the builder takes them by name', () => {
    const [change] = changes({ operations: [op('getWidget', 'GET', ['/widgets/{id}'])] }, { operations: [op('getWidget', 'GET', ['/widgets/{widgetId}'])] });
    expect(change).toMatchObject({ rule: 'path-parameters-changed', breaking: true, from: 'id', to: 'widgetId', source: at('api/getwidget.md', 30) });
    // a spelling that gives the same identifier is no change
    expect(changes({ operations: [op('getWidget', 'GET', ['/widgets/{widget-id}'])] }, { operations: [op('getWidget', 'GET', ['/widgets/{widgetId}'])] })).toEqual([]);
  });

  it('query-options-added (minor) and query-options-removed (breaking)', () => {
    expect(summary(changes({ operations: [list('l')] }, { operations: [list('l', undefined, { supportsQueryOptions: true })] }))).toEqual(['query-options-added']);
    expect(summary(changes({ operations: [list('l', undefined, { supportsQueryOptions: true })] }, { operations: [list('l')] }))).toEqual(['query-options-removed']);
  });

  it('permissions-changed (patch): tables matched by label, scopes compared as sets, least privileged apart', () => {
    const source = at('api/l.md', 20);
    const table = (application: string[], delegatedWork = ['A', 'B'], label?: string) => permissionTable({ delegatedWork, application }, source, label);
    const run = (before: Permissions[], after: Permissions[]) =>
      changes({ operations: [list('l', undefined, { permissions: before })] }, { operations: [list('l', undefined, { permissions: after })] });
    expect(run([table(['A'])], [table(['A', 'C'])])).toEqual([
      expect.objectContaining({ rule: 'permissions-changed', bump: 'patch', from: 'application: A (least privileged)', to: 'application: A (least privileged), C' }),
    ]);
    // Higher privileged scopes in another order are the same; a scope moved between least and higher privileged is not.
    expect(run([table(['A'], ['A', 'B', 'C'])], [table(['A'], ['A', 'C', 'B'])])).toEqual([]);
    expect(run([table(['A'], ['A', 'B'])], [table(['A'], ['B', 'A'])])).toEqual([expect.objectContaining({ from: 'delegatedWork: A (least privileged), B', to: 'delegatedWork: B (least privileged), A' })]);
    // A labelled table that goes away, and one that comes.
    expect(run([table(['A']), table(['X'], [], 'Permissions for chat')], [table(['A'])])).toEqual([
      expect.objectContaining({
        from: 'Permissions for chat, delegatedWork: not supported; Permissions for chat, delegatedPersonal: not supported; Permissions for chat, application: X (least privileged)',
        to: 'Permissions for chat, delegatedWork: none recorded; Permissions for chat, delegatedPersonal: none recorded; Permissions for chat, application: none recorded',
      }),
    ]);
  });

  describe('parameters (tables) and body parameters', () => {
    const withParameters = (parameters: Property[]) => list('l', undefined, { parameters });
    const withBody = (properties: Property[]) => op('act', 'POST', ['/widgets/act'], { body: { kind: 'properties', properties, source: at('api/act.md', 40) } });

    it('parameter-added (minor) when optional, required-parameter-added (breaking) when the docs say Required', () => {
      const result = changes({ operations: [withParameters([])] }, { operations: [withParameters([prop('$top'), prop('period', { description: 'Required. The period.' })])] });
      expect(result.map((c) => [c.rule, c.item, c.breaking])).toEqual([
        ['parameter-added', { kind: 'parameter', name: '$top' }, false],
        ['required-parameter-added', { kind: 'parameter', name: 'period' }, true],
      ]);
      // "Optional" wins, "Not required" is not required
      for (const [description, rule] of [
        ['Optional. Required when x is set.', 'parameter-added'],
        ['Not required.', 'parameter-added'],
        ['Required when x is set.', 'required-parameter-added'],
      ]) {
        expect(summary(changes({ operations: [withBody([])] }, { operations: [withBody([prop('p', { description })])] })), description).toEqual([`${rule} p`]);
      }
    });

    it('parameter-removed (breaking), for a table parameter and a body parameter', () => {
      expect(changes({ operations: [withParameters([prop('$top')])] }, { operations: [withParameters([])] })).toEqual([
        expect.objectContaining({ rule: 'parameter-removed', item: { kind: 'parameter', name: '$top' }, breaking: true }),
      ]);
      expect(changes({ operations: [withBody([prop('p')])] }, { operations: [withBody([])] })).toEqual([
        expect.objectContaining({ rule: 'parameter-removed', item: { kind: 'body parameter', name: 'p' }, source: at('resources/p.md', 10) }),
      ]);
    });

    it('parameter-now-required (breaking) and parameter-now-optional (minor)', () => {
      expect(summary(changes({ operations: [withBody([prop('p')])] }, { operations: [withBody([prop('p', { description: 'Required.' })])] }))).toEqual([
        'parameter-now-required p',
        'description-changed p',
      ]);
      expect(summary(changes({ operations: [withBody([prop('p', { description: 'Required.' })])] }, { operations: [withBody([prop('p')])] }))).toEqual([
        'parameter-now-optional p',
        'description-changed p',
      ]);
      // a property of a type has no "required"
      expect(typeDiff([prop('p')], [prop('p', { description: 'Required.' })])).toEqual(['description-changed p']);
    });

    it('a body parameter is compared like a property', () => {
      expect(summary(changes({ operations: [withBody([prop('p')])] }, { operations: [withBody([prop('p', { type: primitive('Int32'), collection: true })])] }))).toEqual([
        'type-changed p',
        'collection-changed p',
      ]);
    });
  });

  describe('request body', () => {
    const body = (b: Operation['body']) => op('act', 'POST', ['/widgets/act'], { body: b });
    const typed = (type: TypeRef): Operation['body'] => ({ kind: 'type', type, source: at('api/act.md', 40) });
    const table: Operation['body'] = { kind: 'properties', properties: [prop('p')], source: at('api/act.md', 40) };

    it('body-added (breaking): the builder gains an argument', () => {
      expect(changes({ operations: [body({ kind: 'none' })] }, { operations: [body(typed(named('w')))] })).toEqual([
        expect.objectContaining({ rule: 'body-added', breaking: true, to: `${NS}.w` }),
      ]);
    });

    it('body-removed (breaking): the builder loses one', () => {
      expect(changes({ operations: [body(table)] }, { operations: [body({ kind: 'none' })] })).toEqual([
        expect.objectContaining({ rule: 'body-removed', breaking: true, from: 'parameters p', source: at('api/act.md', 40) }),
      ]);
    });

    it('body-changed (breaking): a type became a table or the reverse', () => {
      expect(changes({ operations: [body(typed(named('w')))] }, { operations: [body(table)] })).toEqual([
        expect.objectContaining({ rule: 'body-changed', from: `${NS}.w`, to: 'parameters p' }),
      ]);
    });

    it('body-variant-added (not breaking) and body-variant-removed (breaking): the types the pages of one endpoint send', () => {
      const sending = (...names: string[]) => body({ kind: 'type', type: named('w'), source: at('api/act.md', 40), variants: names.map(named) });
      const result = changes({ operations: [sending('a', 'b')] }, { operations: [sending('b', 'c')] });
      expect(result.map((c) => [c.rule, c.breaking, c.from ?? c.to])).toEqual([
        ['body-variant-added', false, `${NS}.c`],
        ['body-variant-removed', true, `${NS}.a`],
      ]);
      // One type becoming a union of it and another: one more variant.
      expect(summary(changes({ operations: [body(typed(named('w')))] }, { operations: [sending('w', 'x')] }))).toEqual(['body-variant-added']);
      expect(changes({ operations: [sending('a', 'b')] }, { operations: [sending('b', 'a')] })).toEqual([]);
    });

    it('a body type is compared like any type reference', () => {
      const result = changes({ operations: [body(typed(named('w')))] }, { operations: [body(typed(named('v')))] });
      expect(result.map((c) => [c.rule, c.item])).toEqual([['type-changed', { kind: 'request body' }]]);
      expect(summary(changes({ operations: [body(typed(unresolved('w')))] }, { operations: [body(typed(named('w')))] }))).toEqual(['type-resolved']);
    });
  });

  describe('response', () => {
    const returning = (response: Partial<Operation['response']>) => list('l', undefined, { response: { status: 200, source: at('api/l.md', 50), ...response } });
    const widget = { type: named('widget'), collection: false };

    it('response-body-added (minor) and response-body-removed (breaking)', () => {
      expect(changes({ operations: [returning({})] }, { operations: [returning({ body: widget })] })).toEqual([
        expect.objectContaining({ rule: 'response-body-added', bump: 'minor', to: `${NS}.widget` }),
      ]);
      expect(changes({ operations: [returning({ body: widget })] }, { operations: [returning({})] })).toEqual([
        expect.objectContaining({ rule: 'response-body-removed', breaking: true, from: `${NS}.widget` }),
      ]);
    });

    it('the response type and collection are compared like a property', () => {
      const result = changes({ operations: [returning({ body: widget })] }, { operations: [returning({ body: { type: STRING, collection: true } })] });
      expect(result.map((c) => [c.rule, c.item?.kind, c.from, c.to])).toEqual([
        ['type-changed', 'response', `${NS}.widget`, 'String'],
        ['collection-changed', 'response', `${NS}.widget`, 'Collection(String)'],
      ]);
    });

    it('response-status-changed (patch)', () => {
      expect(changes({ operations: [returning({ status: 200 })] }, { operations: [returning({ status: 201 })] })).toEqual([
        expect.objectContaining({ rule: 'response-status-changed', bump: 'patch', from: '200', to: '201' }),
      ]);
    });
  });
});

describe('deprecation and descriptions, wherever they are', () => {
  const deprecation = { message: 'Use b.', source: at('resources/w.md', 7) };

  it('deprecated (minor) and undeprecated (patch), for a type, a property and an operation', () => {
    expect(changes({ types: [entity('w')] }, { types: [entity('w', [], { deprecated: deprecation })] })).toEqual([
      expect.objectContaining({ rule: 'deprecated', bump: 'minor', source: deprecation.source }),
    ]);
    expect(typeDiff([prop('a', { deprecated: deprecation })], [prop('a')])).toEqual(['undeprecated a']);
    expect(summary(changes({ operations: [op('l', 'GET', ['/w'])] }, { operations: [op('l', 'GET', ['/w'], { deprecated: deprecation })] }))).toEqual(['deprecated']);
  });

  it('description-changed (patch), for a type, a property, a member, an operation', () => {
    expect(summary(changes({ types: [entity('w', [prop('a')])] }, { types: [entity('w', [prop('a', { description: 'Other.' })], { description: 'Other.' })] }))).toEqual([
      'description-changed',
      'description-changed a',
    ]);
    expect(summary(changes({ types: [enumType('e', ['a'])] }, { types: [enumType('e', [member('a', { description: 'A.' })])] }))).toEqual(['description-changed a']);
    expect(summary(changes({ operations: [op('l', 'GET', ['/w'])] }, { operations: [op('l', 'GET', ['/w'], { description: 'Other.' })] }))).toEqual(['description-changed']);
  });
});

describe('the whole diff', () => {
  it('suggests none, patch, minor or major', () => {
    const bump = (before: Parameters<typeof model>[0], after: Parameters<typeof model>[0]) => compareModels(model(before), model(after)).bump;
    expect(bump({ types: [entity('w')] }, { types: [entity('w')] })).toBe('none');
    expect(bump({ types: [entity('w')] }, { types: [entity('w', [], { description: 'Other.' })] })).toBe('patch');
    expect(bump({ types: [entity('w')] }, { types: [entity('w'), entity('v')] })).toBe('minor');
    expect(bump({ types: [entity('w'), entity('v')] }, { types: [entity('w', [], { description: 'Other.' })] })).toBe('major');
  });

  it('counts breaking and other changes, and each rule', () => {
    const diff = compareModels(model({ types: [entity('w', [prop('a')])] }), model({ types: [entity('w', [prop('b'), prop('c')])] }));
    expect(diff.summary).toEqual({ breaking: 1, nonBreaking: 2, byRule: { 'property-added': 2, 'property-removed': 1 } });
  });

  it('is the same JSON whatever order the operations and properties come in', () => {
    const before = model({
      types: [entity('w', [prop('a'), prop('b')]), enumType('e', ['x', 'y'])],
      operations: [op('l', 'GET', ['/w']), op('c1', 'POST', ['/w'], { title: 'c' }), op('c2', 'POST', ['/w'], { title: 'c' })],
    });
    const after = model({
      types: [entity('w', [prop('b', { readOnly: true }), prop('c')]), enumType('e', ['z', 'x'])],
      operations: [op('l2', 'GET', ['/w', '/v']), op('c3', 'POST', ['/w'], { title: 'c' }), op('d', 'DELETE', ['/w/{id}'])],
    });
    const reversed = (m: typeof before) => ({
      namespaces: m.namespaces.map((ns) => ({ ...ns, types: [...ns.types].reverse() })),
      operations: [...m.operations].reverse(),
    });
    const json = JSON.stringify(compareModels(before, after));
    expect(JSON.stringify(compareModels(reversed(before), reversed(after)))).toBe(json);
    expect(JSON.stringify(compareModels(before, after))).toBe(json);
  });

  it('every rule has a bump, a text whose placeholders are filled, and a reason', () => {
    for (const rule of RULE_IDS) {
      expect(['major', 'minor', 'patch'], rule).toContain(RULES[rule].bump);
      expect(RULES[rule].reason, rule).toMatch(/^[A-Z"].{10,}[.)]$/);
    }
  });
});

describe('docs/diff.md', () => {
  const doc = readFileSync(new URL('../../docs/diff.md', import.meta.url), 'utf8');
  const rows = new Map([...doc.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (yes|no) \|/gm)].map((m) => [m[1] as RuleId, { bump: m[2], breaking: m[3] }]));

  it('tables every rule with its bump, and no rule that does not exist', () => {
    for (const rule of RULE_IDS) {
      expect(rows.get(rule), `docs/diff.md has no row for \`${rule}\``).toEqual({ bump: RULES[rule].bump, breaking: RULES[rule].bump === 'major' ? 'yes' : 'no' });
    }
    expect([...rows.keys()].filter((rule) => !RULE_IDS.includes(rule))).toEqual([]);
  });
});
