// lint --examples, the pure parts: which examples are collected and what each is
// checked against; placeholders taken out before validation; findings placed on
// their line.
import { describe, expect, it } from 'vitest';
import { type CollectedExample, collectExamples, statusOf } from '../../generator/lint/collect.js';
import { inspectExample } from '../../generator/lint/inspect.js';
import { locatePointers, positionOf } from '../../generator/lint/locate.js';
import { indexModel } from '../../generator/lint/typeIndex.js';
import type { Model } from '../../generator/model/types.js';
import { LINT_DOCS, lineOf, lintDocsModel } from '../helpers/lintDocs.js';

const model = lintDocsModel();
const index = indexModel(model);
const examples = collectExamples(model, index);
const at = (file: string, text: string, occurrence = 1): CollectedExample => {
  // The example whose block opens just before the line holding `text`.
  const line = lineOf(file, text, occurrence);
  const found = examples.filter((example) => example.source.file === file && example.source.line < line).at(-1);
  if (!found) throw new Error(`no example before ${file}:${line}`);
  return found;
};

describe('collecting the JSON examples', () => {
  it('collects every representation block and every request or response with a body, in page order', () => {
    const kinds = examples.map((example) => example.kind);
    expect(kinds.filter((kind) => kind === 'representation')).toHaveLength(4);
    expect(kinds.filter((kind) => kind === 'request')).toHaveLength(4); // GETs without a body are not JSON examples
    expect(kinds.filter((kind) => kind === 'response')).toHaveLength(9);
    const keys = examples.map((example) => `${example.source.file}:${String(example.source.line).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("checks a resource page's JSON representation against its type, with the value read as JSON5", () => {
    const example = at('resources/widget.md', '"name": "String"');
    expect(example).toMatchObject({ kind: 'representation', type: 'microsoft.graph.widget', target: { kind: 'type', fullName: 'microsoft.graph.widget' } });
    expect(example.body).toMatchObject({ size: 1024, tags: ['String'] });
    expect(example.source.line).toBe(lineOf('resources/widget.md', '```json'));
  });

  it("checks a request against the operation's body type", () => {
    expect(at('api/widget-update.md', '"name": "Gear"')).toMatchObject({ kind: 'request', operation: 'updateWidget', target: { kind: 'type', fullName: 'microsoft.graph.widget' } });
  });

  it('checks a request against the body table when the body is a table of parameters', () => {
    const example = at('api/widget-paint.md', '"coats": 2');
    expect(example.target).toMatchObject({ kind: 'properties', label: 'the request body table of paintWidget' });
  });

  it('checks a single response against the response type', () => {
    expect(at('api/widget-get.md', '"name": "Sprocket"').target).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.widget' });
  });

  it('checks a collection response as {"value": [ … ]} of the type', () => {
    expect(at('api/widget-list.md', '"color": "green"').target).toMatchObject({
      kind: 'value',
      type: { kind: 'named', fullName: 'microsoft.graph.widget' },
      collection: true,
      label: 'Collection(microsoft.graph.widget)',
    });
  });

  it('keeps the annotation of a truncated example (omitted properties are fine anyway)', () => {
    const example = at('api/widget-get.md', '"name": "Cog"');
    expect(example.annotation).toEqual({ truncated: true });
    expect(example.target).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.widget' });
  });

  it("takes the type from the example's annotation when the operation's does not resolve, else skips it", () => {
    expect(at('api/gizmo-get.md', '"size": 1').target).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.widget' });
    const unannotated = at('api/gizmo-get.md', '"name": "Gizmo"', 2);
    expect(unannotated).toMatchObject({ skip: 'type-unresolved' });
    expect(unannotated.detail).toMatch(/gizmo/);
  });

  it('reads Collection(…) in the annotation as a collection response', () => {
    const annotated: Model = {
      ...model,
      operations: model.operations.map((operation) =>
        operation.name !== 'getGizmo'
          ? operation
          : { ...operation, examples: operation.examples.map((example) => ({ ...example, annotation: { type: 'Collection(microsoft.graph.widget)' } })) },
      ),
    };
    const gizmo = collectExamples(annotated, index).filter((example) => example.operation === 'getGizmo');
    expect(gizmo.map((example) => example.target)).toEqual([
      expect.objectContaining({ kind: 'value', collection: true, label: 'Collection(microsoft.graph.widget)' }),
      expect.objectContaining({ kind: 'value', collection: true }),
    ]);
  });

  it('skips error responses and bodies that are not JSON', () => {
    expect(at('api/widget-get.md', '"error"')).toMatchObject({ skip: 'error-response', detail: 'status 404' });
    expect(at('api/widget-list.md', '{ "value": [ … ] }')).toMatchObject({ skip: 'not-json' });
  });

  it('reads the status of a status line', () => {
    expect(statusOf('HTTP/1.1 201 Created')).toBe(201);
    expect(statusOf('HTTP 204')).toBe(204);
    expect(statusOf('GET /x')).toBeUndefined();
  });
});

describe('taking the placeholders out', () => {
  const widget = index.expected({ kind: 'named', fullName: 'microsoft.graph.widget' });

  it('removes placeholders that fit, keeps data, and counts them', () => {
    const inspection = inspectExample({ name: 'String', size: 7, tags: ['String', 'x'], owner: { '@odata.type': 'microsoft.graph.person' } }, widget, 'representation', index);
    expect(inspection.value).toEqual({ tags: ['x'] });
    expect(inspection.fits).toBe(4);
    expect(inspection.misfits).toEqual([]);
  });

  it('reports the placeholders that name another type, with the rule', () => {
    const inspection = inspectExample({ name: 'Int32', tags: 'Collection(Edm.Boolean)' }, widget, 'representation', index);
    expect(inspection.misfits.map((misfit) => [misfit.pointer, misfit.placeholder.text, misfit.rule.property?.name])).toEqual([
      ['/name', '"Int32"', 'name'],
      ['/tags', '"Collection(Edm.Boolean)"', 'tags'],
    ]);
    expect(inspection.value).toEqual({});
  });

  it('maps pointers past removed array items back to the example', () => {
    const inspection = inspectExample({ tags: ['String', 'x', 'String', 'y'] }, widget, 'representation', index);
    expect(inspection.value).toEqual({ tags: ['x', 'y'] });
    expect(inspection.original('/tags/0')).toBe('/tags/1');
    expect(inspection.original('/tags/1')).toBe('/tags/3');
  });

  it('records the documented rule at every pointer, following @odata.type to a subtype', () => {
    const entity = index.expected({ kind: 'named', fullName: 'microsoft.graph.entity' });
    const inspection = inspectExample({ '@odata.type': '#microsoft.graph.widget', owner: { displayName: 'Ada' }, extra: 1 }, entity, 'example', index);
    expect(inspection.rules.get('/owner/displayName')?.expected).toEqual({ kind: 'primitive', name: 'String' });
    expect(inspection.rules.has('/extra')).toBe(false);
  });
});

describe('placing findings on their line', () => {
  it('finds keys and array items in an HTTP example, after the request line and headers', () => {
    const file = 'api/widget-list.md';
    const lines = LINT_DOCS[file]!.split('\n');
    const fence = lineOf(file, '"purple"') - 5;
    const positions = locatePointers(lines, fence);
    const line = lineOf(file, '"purple"');
    expect(positions.get('/value/1/color')).toEqual({ line, column: lines[line - 1]!.indexOf('"color"') + 1 });
    expect(positionOf(positions, '/value/1/color/nothing', { file, line: fence, column: 1 })).toEqual(positions.get('/value/1/color'));
  });

  it('reads JSON5 (comments, bare keys, single quotes, trailing commas) and escaped keys', () => {
    const lines = ['```json', '{', '  // a comment', "  bare: 'x',", '  "a/b": [1, 2,],', '}', '```'];
    const positions = locatePointers(lines, 1);
    expect(positions.get('/bare')).toEqual({ line: 4, column: 3 });
    expect(positions.get('/a~1b/1')).toEqual({ line: 5, column: 14 });
  });

  it('falls back to the block when the text cannot be found', () => {
    expect(positionOf(locatePointers(['```', 'not json', '```'], 1), '/x', { file: 'f.md', line: 1, column: 1 })).toEqual({ line: 1, column: 1 });
  });
});
