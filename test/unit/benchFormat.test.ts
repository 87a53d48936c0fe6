// The bench's pure helpers: how figures, ratios and target verdicts print, and
// the one-row edit that scenario (d) makes. (The bench itself is not a test.)
import { describe, expect, it } from 'vitest';
import { appendToPropertyRow } from '../../bench/corpusRuns.js';
import { formatBytes, formatKiB, formatMs, formatRatio, markdownTable, verdict } from '../../bench/format.js';

describe('bench figures', () => {
  it('prints durations, sizes and ratios', () => {
    expect(formatMs(850)).toBe('0.85 s');
    expect(formatMs(112_040)).toBe('112.0 s');
    expect(formatBytes(439)).toBe('439 B');
    expect(formatBytes(12_000)).toBe('11.7 KiB');
    expect(formatBytes(4_316_034)).toBe('4.1 MiB');
    expect(formatBytes(50 * 1024 ** 2)).toBe('50.0 MiB');
    expect(formatKiB(1024 * 700)).toBe('700.0 MiB');
    expect(formatRatio(3, 2)).toBe('1.50×');
  });

  it('says a target is met, or by how much it is not', () => {
    expect(verdict(2000, 3000, formatMs, true)).toBe('met');
    expect(verdict(3000, 3000, formatMs, true)).toBe('NOT met by 0.00 s (1.0× the limit)');
    expect(verdict(3000, 3000, formatMs)).toBe('met');
    expect(verdict(66_000, 30_000, formatMs)).toBe('NOT met by 36.0 s (2.2× the limit)');
  });

  it('makes a Markdown table, right-aligning the columns marked >, escaping pipes', () => {
    expect(markdownTable(['name', '>n'], [['a|b', '1']])).toEqual(['| name | n |', '|---|---:|', '| a\\|b | 1 |']);
  });
});

describe('appendToPropertyRow', () => {
  const page = ['## Properties', '|Property|Type|Description|', '|:---|:---|:---|', '|id|String|Key.|', '| name | String | The name. |', ''].join('\n');

  it("appends a word to the property's description, and nothing else", () => {
    expect(appendToPropertyRow(page, 'id', 'x')).toBe(page.replace('|id|String|Key.|', '|id|String|Key. x|'));
    expect(appendToPropertyRow(page, 'name', 'x')).toBe(page.replace('| name | String | The name. |', '| name | String | The name. x |'));
  });

  it('throws when the page has no such row', () => {
    expect(() => appendToPropertyRow(page, 'missing', 'x')).toThrow(/no property row for missing/);
  });
});
