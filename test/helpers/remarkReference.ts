// remark alone, with docgen's plugins: the tree parseMarkdown must give back.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function remarkAlone(text: string): Root {
  return processor.parse(text);
}

/** Plain data, as a deep comparison should see it (remark leaves `undefined` fields on some nodes). */
export function plain(root: Root): unknown {
  return JSON.parse(JSON.stringify(root));
}
