// Enum pages: `# x enum type` with a `## Members` table (format guide §6.1).
import { describe, expect, it } from 'vitest';
import { codes, lines, parseEnum, withCode } from './helpers.js';

const enumPage = (title: string, ...members: string[]) =>
  lines(`# ${title}`, '', 'Namespace: microsoft.graph', '', 'The states of a widget.', '', '## Members', '', '|Member|Value|Description|', '|:---|:---|:---|', ...members);

describe('enum pages: good input', () => {
  it('reads the name from "x enum type" and members with integer values', () => {
    const { page, diagnostics } = parseEnum('resources/intune-shared-widgetstate.md', enumPage('widgetState enum type', '|unknown|0|Not known.|', '|active|1|In use.|', '|retired|-1|Gone.|'));
    expect(page.name).toBe('widgetState');
    expect(page.namespace).toBe('microsoft.graph');
    expect(page.description).toBe('The states of a widget.');
    expect(page.members.map(({ name, value, description }) => ({ name, value, description }))).toEqual([
      { name: 'unknown', value: 0, description: 'Not known.' },
      { name: 'active', value: 1, description: 'In use.' },
      { name: 'retired', value: -1, description: 'Gone.' },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it.each([
    ['widgetState enum', 'widgetState'],
    ['widgetState enum type (deprecated)', 'widgetState'],
    ['widgetState', 'widgetState'],
  ])('reads the name from "# %s"', (title, name) => {
    expect(parseEnum('resources/x.md', enumPage(title, '|a|0|A.|')).page.name).toBe(name);
  });

  it('reads padded cells, backticked names and PascalCase members', () => {
    const { page } = parseEnum('resources/x.md', enumPage('secretKind enum type', '| `userName` | 0 | A. |', '|   Password   |   1   | B. |'));
    expect(page.members.map(({ name, value }) => [name, value])).toEqual([
      ['userName', 0],
      ['Password', 1],
    ]);
  });

  it('reads a Member|Description table (no values) with values absent', () => {
    const { page, diagnostics } = parseEnum('resources/x.md', lines('# level enum type', '', '## Members', '', '| Member | Description |', '|---|---|', '| low | Low. |', '| high | High. |'));
    expect(page.members.map((member) => member.name)).toEqual(['low', 'high']);
    expect(page.members.every((member) => member.value === undefined)).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it('reads an `Int value` column as the value column', () => {
    const { page } = parseEnum('resources/x.md', lines('# level enum type', '', '## Members', '', '| Member | Int value | Description |', '|---|---|---|', '| low | 4 | Low. |'));
    expect(page.members[0]?.value).toBe(4);
  });

  it('drops bold group rows in the members table', () => {
    const { page } = parseEnum('resources/x.md', enumPage('x enum type', '|**Group**|||', '|a|0|A.|'));
    expect(page.members.map((member) => member.name)).toEqual(['a']);
  });
});

describe('enum pages: malformed input', () => {
  it('reports a non-integer value as `member-value` (warning) and keeps the member without a value', () => {
    const { page, diagnostics } = parseEnum('resources/x.md', enumPage('x enum type', '|a|0x1|Hex.|', '|b|1.5|Fraction.|', '|c||Empty.|'));
    expect(page.members.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'a', value: undefined },
      { name: 'b', value: undefined },
      { name: 'c', value: undefined },
    ]);
    const warnings = withCode(diagnostics, 'member-value');
    expect(warnings.map((warning) => [warning.severity, warning.found])).toEqual([
      ['warning', '"0x1"'],
      ['warning', '"1.5"'],
    ]);
  });

  it('reports a member name that is not an identifier as `member-name` (error) and drops it', () => {
    const { page, diagnostics } = parseEnum('resources/x.md', enumPage('x enum type', '|good|0|A.|', '|not started|1|Spaces.|', '|in-progress|2|Hyphen.|', '|2fa|3|Digit first.|'));
    expect(page.members.map((member) => member.name)).toEqual(['good']);
    const errors = withCode(diagnostics, 'member-name');
    expect(errors).toHaveLength(3);
    expect(errors.every((error) => error.severity === 'error')).toBe(true);
    expect(errors[0]?.source.line).toBe(12);
  });

  it('a Members section without a table yields no members and no diagnostics', () => {
    const { page, diagnostics } = parseEnum('resources/x.md', lines('# x enum type', '', '## Members', '', 'None yet.'));
    expect(page.members).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('reports a members table whose first column is not Member/Name/Value as `table-columns`', () => {
    const { page, diagnostics } = parseEnum('resources/x.md', lines('# x enum type', '', '## Members', '', '| Description | Member |', '|---|---|', '| A. | a |'));
    expect(page.members).toEqual([]);
    expect(codes(diagnostics)).toEqual(['table-columns']);
  });

  it('a row split by a hard newline extends the previous description, not a new member', () => {
    const { page, diagnostics } = parseEnum('resources/x.md', enumPage('x enum type', '|a|0|Starts here', 'and ends here.|', '|b|1|B.|'));
    expect(page.members.map(({ name, description }) => [name, description])).toEqual([
      ['a', 'Starts here and ends here.'],
      ['b', 'B.'],
    ]);
    expect(diagnostics).toEqual([]);
  });
});
