// parseMarkdown reads top-level code, tables, comments, headings and front
// matter itself (see generator/parse/markdown.ts). Each case checks that the
// tree equals remark's alone, positions and offsets included, and that the
// block was read without remark, left to it, or the page read by it again.
import { describe, expect, it } from 'vitest';
import { scanBlocks } from '../../generator/parse/blockScan.js';
import { type MarkdownStats, parseMarkdown } from '../../generator/parse/markdown.js';
import { plain, remarkAlone } from '../helpers/remarkReference.js';
import { FENCE, lines } from './helpers.js';

function read(text: string): MarkdownStats {
  const stats: MarkdownStats = { blocks: 0, deferredCells: 0 };
  expect(plain(parseMarkdown(text, stats))).toEqual(plain(remarkAlone(text)));
  return stats;
}

const kinds = (text: string) => scanBlocks(text.split('\n')).map((block) => block.kind);

describe('blocks read without remark, equal to remark', () => {
  it.each([
    ['a table with aligned columns, links, code spans and an empty cell', lines('|Property|Type|Description|', '|:--|:-:|--:|', '|id|`String`|The [id](x.md) of it.|', '|name| | |')],
    ['a table without outer pipes on the last cell and with trailing spaces', lines('| a | b', '|---|---', '| 1 | 2  ', '| 3 |   ')],
    ['a row with more or fewer cells than the header', lines('|a|b|', '|-|-|', '|1|2|3|', '|1|')],
    ['a header-only table', lines('|a|b|', '|:--|--| ', '', 'after')],
    ['a pipe inside a code span splits the cell, as GFM does', lines('|a|b|', '|-|-|', '|`x|y`|z|')],
    ['a code span with padding and a double-backtick span', lines('|a|', '|-|', '| ` x ` and `` y`z `` |')],
    ['non-breaking space is content, not padding', lines('|a|b|', '|-|-|', '|\u00a0|x\u00a0|')],
    ['tabs around cells', lines('|a\t|\tb|', '|-|-|', '|\t1\t|2|')],
    ['a fenced code block with language and meta', lines('text', `${FENCE}json  some meta `, '{', '  "a": 1', '}', `${FENCE}  `, 'after')],
    ['a tilde fence closed by a longer one, and an empty block', lines('~~~', 'x', '~~~~', '', FENCE, FENCE)],
    ['a fence whose info string is a no-break space', lines(`${FENCE}\u00a0`, 'x', FENCE)],
    ['an annotation comment over several lines, then code', lines('<!-- {', '  "blockType": "request"', '} -->', `${FENCE}http`, 'GET /me', FENCE)],
    ['a one-line comment with text after it', lines('<!-- x --> trailing', 'next')],
    ['headings with a closing sequence, a link and code', lines('# Title #', '## `code` and [link](#tab/http)', '### C# API', '###### deep ###', '#', 'para')],
    ['line and paragraph separators (U+2028, U+2029), which are not line ends in Markdown', lines('# a\u2028b', '```js\u2029x', 'y', '```', '', '|a\u2028|b|', '|-|-|')],
    ['one-line paragraphs: trailing spaces, a link and code, then a heading or a comment', lines('Namespace: microsoft.graph  ', '', 'See [user](user.md) and `id`.', '# h', 'Text', '<!-- c -->')],
    ['front matter', lines('---', 'title: "x"', 'description: y', '---', '', '# x')],
    ['front matter never closed: a thematic break, then a table', lines('---', 'title: x', '', '|a|', '|-|')],
    ['blocks right after a paragraph and a list', lines('para', `${FENCE}`, 'code', FENCE, '- item', '<!-- c -->', '> quote', '# h')],
  ])('%s', (_name, text) => {
    const stats = read(text);
    expect(stats.fallback).toBeUndefined();
    expect(stats.blocks).toBeGreaterThan(0);
  });

  it('cells with other inline syntax are read by remark in one batch', () => {
    const stats = read(lines('|a|b|', '|-|-|', '|**bold** and _em_|a\\*b &amp; <br/> https://example.com|', '|![img](x.png)|[t](u "title")|'));
    expect(stats.fallback).toBeUndefined();
    expect(stats.deferredCells).toBe(4);
  });
});

describe('blocks left to remark', () => {
  it.each([
    ['a table right after a paragraph line', lines('para', '|a|b|', '|-|-|', '|1|2|'), []],
    ['a table followed by a line that could be a row', lines('|a|b|', '|-|-|', '|1|2|', 'more'), []],
    ['a table with an escaped pipe', lines('|a|b|', '|-|-|', '|x\\|y|2|'), ['table']],
    ['a header and delimiter with different cell counts', lines('|a|b|', '|-|', '|1|2|'), ['table']],
    ['a cell that a paragraph would read as a list', lines('|a|', '|-|', '|- x|'), ['table']],
    ['a fenced block inside a list item', lines('- item', '', '  ```', '  code', '  ```'), []],
    ['an indented fence, with a line at column 1 inside it', lines('  ```', 'x', '  ```', '|a|', '|-|'), []],
    ['an unclosed fence: nothing after it is scanned', lines('```', '|a|', '|-|'), []],
    ['a fence whose info string holds an entity', lines('```j&amp;s', 'x', '```'), []],
    ['code inside an HTML block', lines('<div>', '```', 'x', '```', '</div>'), []],
    ['`<!-->`, which remark may not end there (the line after it is tried as a paragraph)', lines('<!-->', 'x'), ['paragraph']],
    ['a heading with emphasis', lines('# *Title*'), []],
    ['a paragraph over two lines, or underlined as a heading', lines('one', 'two', '', 'title', '---'), []],
    ['a line that could be a list item or a link definition', lines('1. item', '', '[a]: b'), []],
    ['a line right after a quote, which continues it lazily', lines('> quote', 'lazy', ''), []],
    ['a line followed by one that could start a table', lines('text', '|a|', '|-|'), []],
  ])('%s', (_name, text, expected) => {
    expect(kinds(text).filter((kind) => kind !== 'heading')).toEqual(expected);
    read(text);
  });

  it('a paragraph with emphasis is scanned, then left to remark', () => {
    expect(kinds(lines('a *b*'))).toEqual(['paragraph']);
    expect(read(lines('a *b*'))).toEqual({ blocks: 0, deferredCells: 0 });
  });

  it('a page with a table inside a list item is read the same', () => {
    read(lines('1. Step', '', '   |a|b|', '   |-|-|', '   |1|2|', '', '|c|', '|-|', '|3|'));
  });
});

describe('pages read by remark alone after all', () => {
  it.each([
    ['CRLF line ends', '# a\r\n\r\n|a|\r\n|-|\r\n', 'line endings or BOM'],
    ['a byte-order mark', '\uFEFF# a\n', 'line endings or BOM'],
    ['a cell that may use a link definition', lines('|a|', '|-|', '|[x][ref] *y*|', '', '[ref]: https://example.com'), 'a cell may use a link definition'],
    ['a fence that an HTML block swallows', lines('<table>', '```', 'x', '```'), undefined],
    ['a cell remark reads as more than one paragraph', lines('|a|', '|-|', '|x <br/>\ty *z*|', '|<td>|'), undefined],
  ])('%s', (_name, text, reason) => {
    const stats = read(text);
    expect(stats.fallback).toBe(reason);
  });
});
