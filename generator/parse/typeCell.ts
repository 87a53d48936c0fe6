// Reading a type as the docs write it in a cell or a sentence:
// `[remoteAction](x.md)`, `[x](…) collection`, `Collection(x)`, `String`,
// `[identitySet][]`. The link text, not the target, names the type.
import type { Link, LinkReference, Nodes, PhrasingContent } from 'mdast';
import type { Source } from '../model/types.js';
import { posix } from 'node:path';
import { type PageContext, report, sourceOf } from './context.js';
import type { RawTypeRef } from './types.js';
import { nodeText, squash } from './text.js';

export interface FoundLink {
  text: string;
  url: string;
}

/** The first link (inline or reference-style) among `nodes`, searched depth-first. */
export function findLink(ctx: PageContext, nodes: readonly Nodes[]): FoundLink | undefined {
  for (const node of nodes) {
    if (node.type === 'link') return found(ctx, node, (node as Link).url);
    if (node.type === 'linkReference') {
      const ref = node as LinkReference;
      return found(ctx, ref, ctx.definitions.get(ref.identifier.toLowerCase()) ?? '');
    }
    if ('children' in node) {
      const found = findLink(ctx, node.children as Nodes[]);
      if (found) return found;
    }
  }
  return undefined;
}

function found(ctx: PageContext, node: Nodes, url: string): FoundLink {
  checkInsideInput(ctx, node, url);
  return { text: squash(nodeText(node)).replace(/`/g, ''), url };
}

/**
 * docgen never opens a link's target: a link names a page only by its file
 * name. One that climbs out of the input folder (`../../../etc/passwd`) is
 * noted, since nothing out there is part of the docs.
 */
function checkInsideInput(ctx: PageContext, node: Nodes, url: string): void {
  if (url === '' || /^[a-z][\w+.-]*:|^\/|^#/i.test(url)) return;
  const target = posix.normalize(posix.join(posix.dirname(ctx.file), url.split('#')[0]!.split('?')[0]!));
  if (!target.startsWith('../') && target !== '..') return;
  report(ctx, 'info', 'link-outside-input', 'The link points outside the input folder; docgen reads nothing there.', sourceOf(ctx, node), {
    expected: 'a page inside the input folder',
    found: JSON.stringify(url),
  });
}

const COLLECTION_OF = /^collection\s*\((.*)\)$/i;
const COLLECTION_SUFFIX = /\s+collection$/i;

export function readTypeRef(
  ctx: PageContext,
  nodes: readonly PhrasingContent[],
  text: string,
  source: Source,
): RawTypeRef | undefined {
  const plain = squash(text);
  if (plain === '') return undefined;
  const collection = /\bcollection\b/i.test(plain);
  const link = findLink(ctx, nodes);
  if (link && link.text !== '') {
    return { name: stripCollection(link.text), link: link.url, collection, source };
  }
  const name = stripCollection(plain.replace(/`/g, ''));
  return { name, collection, source };
}

function stripCollection(text: string): string {
  const inner = COLLECTION_OF.exec(text);
  return (inner ? inner[1]! : text).replace(COLLECTION_SUFFIX, '').trim();
}
