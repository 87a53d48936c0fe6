// The two sides of `docgen diff`: a saved model is shape-checked (the error
// names the first wrong field), and filtered by page like a docs folder.
import { describe, expect, it } from 'vitest';
import { modelShapeError } from '../../generator/diff/checkModel.js';
import { filterModel } from '../../generator/diff/loadModel.js';
import { at, entity, model, op, prop } from './diffModels.js';

describe('modelShapeError', () => {
  /** A model as `docgen model` prints it. */
  const good = (): unknown => JSON.parse(JSON.stringify(model({ types: [entity('w', [prop('a')])], operations: [op('getW', 'GET', ['/w/{id}'])] })));

  /** A good model with the field at a dotted path set to `value` (removed for undefined). */
  function withField(path: string, value: unknown): unknown {
    const result = good();
    const keys = path.split('.');
    let target = result as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    if (value === undefined) delete target[keys.at(-1)!];
    else target[keys.at(-1)!] = value;
    return result;
  }

  it('accepts a model, an empty one included', () => {
    expect(modelShapeError(good())).toBeUndefined();
    expect(modelShapeError({ namespaces: [], operations: [] })).toBeUndefined();
  });

  it('names the first field that is wrong, and what it found there', () => {
    const cases: Array<[string, unknown, string]> = [
      ['not an object', [1, 2], 'the top level: expected an object, found an array'],
      ['lint output', { diagnostics: [], summary: {} }, 'namespaces: expected an array, found nothing'],
      ['a bad type kind', withField('namespaces.0.types.0.kind', 'class'), 'namespaces[0].types[0].kind: expected one of entity, complex, enum, found "class"'],
      ['a property without a type', withField('namespaces.0.types.0.properties.0.type', undefined), 'namespaces[0].types[0].properties[0].type: expected an object, found nothing'],
      ['a bad type reference', withField('namespaces.0.types.0.properties.0.type', { kind: 'named' }), 'namespaces[0].types[0].properties[0].type.fullName: expected a string, found nothing'],
      ['nullable as a string', withField('namespaces.0.types.0.properties.0.nullable', 'yes'), 'namespaces[0].types[0].properties[0].nullable: expected true, false or null, found "yes"'],
      ['a type without sources', withField('namespaces.0.types.0.sources', []), 'namespaces[0].types[0].sources: expected at least one entry, found an empty array'],
      ['an operation without paths', withField('operations.0.paths', []), 'operations[0].paths: expected at least one entry, found an empty array'],
      ['a bad method', withField('operations.0.method', 'FETCH'), 'operations[0].method: expected one of GET, POST, PATCH, PUT, DELETE, found "FETCH"'],
      ['a source line as text', withField('operations.0.source.line', '10'), 'operations[0].source.line: expected a number, found "10"'],
      ['a bad body kind', withField('operations.0.body', { kind: 'json' }), 'operations[0].body.kind: expected one of none, type, properties, found "json"'],
    ];
    for (const [what, value, message] of cases) expect(modelShapeError(value), what).toBe(message);
  });
});

describe('filterModel', () => {
  const full = model({
    types: [entity('a', [], { sources: [at('resources/intune-a.md')] }), entity('b', [], { sources: [at('resources/b.md'), at('resources/intune-b.md')] })],
    operations: [op('getA', 'GET', ['/a'], { source: at('api/intune-a-get.md') }), op('getB', 'GET', ['/b'], { source: at('api/b-get.md') })],
  });

  it('keeps types and operations by the page that defines them (a type by its primary page)', () => {
    const kept = filterModel(full, { include: ['intune-*'] });
    expect(kept.namespaces.flatMap((ns) => ns.types.map((type) => type.name))).toEqual(['a']);
    expect(kept.operations.map((operation) => operation.name)).toEqual(['getA']);
    const excluded = filterModel(full, { exclude: ['api/**'] });
    expect(excluded.namespaces.flatMap((ns) => ns.types.map((type) => type.name))).toEqual(['a', 'b']);
    expect(excluded.operations).toEqual([]);
  });

  it('drops namespaces left empty, and leaves the model alone without globs', () => {
    expect(filterModel(full, { include: ['nothing-*'] })).toEqual({ namespaces: [], operations: [] });
    expect(filterModel(full, {})).toBe(full);
  });
});
