// parseMarkdown against remark alone over the real docs: every fourth page of
// beta and v1.0 must give the same tree, positions included, and most blocks
// must be read without remark (else the fast path has quietly stopped working).
// All pages agree as well; a quarter keeps CI time down.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type MarkdownStats, parseMarkdown } from '../generator/parse/markdown.js';
import { SHARED } from './helpers/paths.js';
import { plain, remarkAlone } from './helpers/remarkReference.js';

const CORPUS = `${SHARED}corpus/msgraph-docs-2021-07/`;
const HAS_CORPUS = existsSync(CORPUS);
const STEP = 4;

if (!HAS_CORPUS) console.warn(`SKIPPED: the Markdown fast-path comparison (test/markdownCorpus.test.ts), because ${CORPUS} is absent.`);

describe.skipIf(!HAS_CORPUS).each(['beta', 'v1.0'])('parseMarkdown equals remark alone on %s', (version) => {
  it('gives the same tree for every fourth page', { timeout: 600_000 }, async () => {
    const dir = path.join(CORPUS, version);
    const files = (await readdir(dir, { recursive: true }))
      .filter((file) => file.endsWith('.md'))
      .sort()
      .filter((_, index) => index % STEP === 0);
    const differing: string[] = [];
    let pages = 0;
    let blocks = 0;
    let fallbacks = 0;
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      const stats: MarkdownStats = { blocks: 0, deferredCells: 0 };
      if (!isDeepStrictEqual(plain(parseMarkdown(text, stats)), plain(remarkAlone(text)))) differing.push(file);
      pages++;
      blocks += stats.blocks;
      if (stats.fallback) fallbacks++;
    }
    expect(differing).toEqual([]);
    expect(pages).toBeGreaterThan(500);
    // On all 11,289 pages: 23 blocks a page read without remark, 0.8% of pages read by remark alone.
    expect(blocks / pages).toBeGreaterThan(10);
    expect(fallbacks / pages).toBeLessThan(0.03);
  });
});

