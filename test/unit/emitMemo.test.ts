// emitMemo: an emit that reuses the last one's files where nothing they read changed
// gives the text a fresh emit gives, after every kind of model change, and renders
// again only the files the change reaches.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmitMemo } from '../../generator/emit/emitMemo.js';
import { emitProject } from '../../generator/emit/emitProject.js';
import { DEFAULT_EMIT_OPTIONS } from '../../generator/emit/options.js';
import type { Model, StructuredType } from '../../generator/model/types.js';
import { buildFromDocs } from '../../generator/pipeline.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const { model: base } = await buildFromDocs([path.join(FIXTURES, 'requests')]);

const structured = (model: Model) => model.namespaces.flatMap((ns) => ns.types).filter((type): type is StructuredType => type.kind !== 'enum');
const withSubtypes = (model: Model) => structured(model).find((type) => structured(model).some((other) => other.baseType === type.fullName))!;

/** Model edits, each a kind of change a saved page makes. */
const EDITS: Array<[string, (model: Model) => void]> = [
  ['a property description of a base type', (model) => (withSubtypes(model).properties[0]!.description += ' edited')],
  ['a property renamed', (model) => (structured(model)[1]!.properties[0]!.name = 'renamedProperty')],
  ['a property type changed', (model) => (structured(model)[2]!.properties[0]!.type = { kind: 'primitive', name: 'Int32' })],
  ['an operation removed', (model) => void model.operations.pop()],
  [
    'an operation path changed',
    (model) => {
      const route = model.operations[0]!.paths[0]!;
      route.template += '/more';
      route.segments.push([{ kind: 'literal', text: 'more' }]);
    },
  ],
  [
    'a subtype added',
    (model) => {
      const parent = withSubtypes(model);
      model.namespaces[0]!.types.push({ ...structuredClone(parent), name: 'addedKind', fullName: `${parent.fullName.replace(/\.[^.]*$/, '')}.addedKind`, baseType: parent.fullName, properties: [] });
    },
  ],
];

describe('emit with a memo', () => {
  it('has a model to change (types with subtypes, operations)', () => {
    expect(withSubtypes(base)).toBeDefined();
    expect(base.operations.length).toBeGreaterThan(3);
  });

  it.each(EDITS)('after %s, equals a fresh emit and renders only what the change reaches', (_name, edit) => {
    const memo = createEmitMemo();
    const first = emitProject(base, DEFAULT_EMIT_OPTIONS, { raw: true, memo });
    expect(first.files).toEqual(emitProject(base, DEFAULT_EMIT_OPTIONS, { raw: true }).files);
    const before = new Map(memo.files);
    const changed = structuredClone(base);
    edit(changed);
    const again = emitProject(changed, DEFAULT_EMIT_OPTIONS, { raw: true, memo });
    const fresh = emitProject(changed, DEFAULT_EMIT_OPTIONS, { raw: true });
    expect([...again.files]).toEqual([...fresh.files]);
    expect(again.diagnostics).toEqual(fresh.diagnostics);
    // An entry kept is the very same object: the file was not rendered again.
    const kept = [...memo.files].filter(([file, entry]) => before.get(file) === entry).length;
    const rerendered = [...memo.files.keys()].filter((file) => before.get(file) !== memo.files.get(file)).length;
    expect(kept).toBeGreaterThan(0);
    expect(rerendered).toBeLessThan(memo.files.size / 2);
    // Files the emit no longer makes leave the memo, and openapi.json's fragments of types and operations gone.
    const names = new Set([...changed.operations.map((operation) => `op:${operation.name}`), ...changed.namespaces.flatMap((ns) => ns.types.map((type) => `schema:${type.fullName}`))]);
    for (const key of memo.files.keys()) {
      const [file, fragment] = key.split('#');
      expect(again.files.has(file!)).toBe(true);
      if (fragment !== undefined) expect(names.has(fragment)).toBe(true);
    }
  });

  it('after a page is left out (a type gone, references to it unresolved), equals a fresh emit', async () => {
    const { model: without } = await buildFromDocs([path.join(FIXTURES, 'requests')], { exclude: ['resources/part.md'] });
    expect(without.namespaces.flatMap((ns) => ns.types).length).toBeLessThan(base.namespaces.flatMap((ns) => ns.types).length);
    const memo = createEmitMemo();
    emitProject(base, DEFAULT_EMIT_OPTIONS, { raw: true, memo });
    expect([...emitProject(without, DEFAULT_EMIT_OPTIONS, { raw: true, memo }).files]).toEqual([...emitProject(without, DEFAULT_EMIT_OPTIONS, { raw: true }).files]);
  });

  it('starts afresh under other emit options', () => {
    const memo = createEmitMemo();
    emitProject(base, DEFAULT_EMIT_OPTIONS, { raw: true, memo });
    const options = { ...DEFAULT_EMIT_OPTIONS, outputs: ['models' as const] };
    expect([...emitProject(base, options, { raw: true, memo }).files]).toEqual([...emitProject(base, options, { raw: true }).files]);
    expect([...memo.files.keys()].every((file) => file.startsWith('models/'))).toBe(true);
  });
});
