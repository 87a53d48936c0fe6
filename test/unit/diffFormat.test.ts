// `docgen diff` as release notes: the bump, the counts, breaking changes
// before the others, one heading per type or operation, one line per change.
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../generator/diff/compareModels.js';
import { code, formatMarkdown } from '../../generator/diff/formatMarkdown.js';
import { at, entity, enumType, model, NS, op, prop } from './diffModels.js';

describe('formatMarkdown', () => {
  it('says so when nothing changed', () => {
    const same = model({ types: [entity('w')] });
    expect(formatMarkdown(compareModels(same, same))).toBe('## API changes\n\nSuggested version bump: **none**. The two models describe the same API.\n');
  });

  it('prints the bump, the counts, then breaking and other changes grouped by type and operation', () => {
    const before = model({
      types: [entity('widget', [prop('size', { type: { kind: 'primitive', name: 'Int64' }, source: at('resources/widget.md', 31) }), prop('color')]), enumType('state', ['on', 'off'])],
      operations: [op('getWidget', 'GET', ['/widgets/{id}'])],
    });
    const after = model({
      types: [
        entity('widget', [prop('size', { type: { kind: 'primitive', name: 'Int32' }, source: at('resources/widget.md', 31) }), prop('shape', { source: at('resources/widget.md', 33) })]),
        enumType('state', ['on', 'off', 'idle']),
      ],
      operations: [op('getWidget', 'GET', ['/widgets/{id}'], { description: 'Reads a widget.' })],
    });
    expect(formatMarkdown(compareModels(before, after))).toBe(
      [
        '## API changes',
        '',
        'Suggested version bump: **major**. 2 breaking changes, 3 other changes.',
        '',
        '| Change | Bump | Count |',
        '|:---|:---|---:|',
        '| `property-added` | minor | 1 |',
        '| `property-removed` | major | 1 |',
        '| `member-added` | minor | 1 |',
        '| `type-changed` | major | 1 |',
        '| `description-changed` | patch | 1 |',
        '',
        '### Breaking changes',
        '',
        `#### Type \`${NS}.widget\``,
        '',
        '- Property `color` removed (was `String`) — `resources/color.md:10`',
        '- Property `size` type changed from `Int64` to `Int32` — `resources/widget.md:31`',
        '',
        '### Other changes',
        '',
        `#### Type \`${NS}.state\``,
        '',
        '- Member `idle` added — `resources/e.md:20`',
        '',
        `#### Type \`${NS}.widget\``,
        '',
        '- Property `shape` added (`String`) — `resources/widget.md:33`',
        '',
        '#### `GET /widgets/{id}` (`getWidget`)',
        '',
        '- Description changed — `api/getwidget.md:1`',
        '',
      ].join('\n'),
    );
  });

  it('says 1 change, not 1 changes', () => {
    const diff = compareModels(model({}), model({ types: [entity('w')] }));
    expect(formatMarkdown(diff)).toContain('Suggested version bump: **minor**. 0 breaking changes, 1 other change.');
    expect(formatMarkdown(diff)).toContain('- Added (`entity`) — `resources/w.md:1`');
  });

  it('keeps names with backticks, pipes and newlines inside one code span', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('two\nlines')).toBe('`two lines`');
    const diff = compareModels(model({ types: [entity('w')] }), model({ types: [entity('w', [prop('we`ird\nname')])] }));
    expect(formatMarkdown(diff)).toContain('- Property ``we`ird name`` added (`String`)');
  });
});
