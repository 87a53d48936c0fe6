// The `## Response` paragraph: status code, body type and collection flag.
// "If successful, this method returns a `200 OK` response code and a
// collection of [x](…) objects in the response body." The type may also be
// bold (`**x**`), a plain word ("a String collection", "a Boolean value"), or
// given only by the response example's annotation.
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { HttpExample, Source } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import { nodeText, squash } from './text.js';
import { findLink } from './typeCell.js';
import type { RawResponse, RawTypeRef } from './types.js';

const STATUS =
  /`+\s*(?:HTTP\s+)?([1-5]\d\d)\b|\b([1-5]\d\d)(?:\s*,?\s*(?:OK|Created|Accepted|No\s*Content|Found|Moved)\b|-series\b|\s+response\b)/i;
const NO_BODY = /(?:does not|doesn't|do not|will not|won't) return anything|no response body|empty response body|returns no content|body is empty/i;
const COLLECTION = /\bcollection\b|\blist of\b|\barray of\b/i;
const MENTIONS_BODY = /response body|\bin the body\b|\b(?:object|objects|collection|resource|resources|value|array|stream|string|boolean|entity|entities)\b/i;
const NAMED_AFTER_AND =
  /\band\s+(?:an?\s+|the\s+)?(?:updated\s+|new\s+|newly created\s+)?(?:collection of\s+|list of\s+)?`?([A-Za-z][\w.]*)`?(\s+collection)?/i;
const NOT_A_TYPE = new Set(['a', 'an', 'the', 'json', 'object', 'objects', 'response', 'empty', 'no', 'collection', 'list', 'its', 'their', 'if', 'it', 'this', 'that', 'one', 'some']);

/** `annotated`: the type the response example's annotation states, preferred over a word picked from the sentence. */
export function readResponse(ctx: PageContext, nodes: RootContent[], heading: RootContent, annotated?: RawTypeRef): RawResponse | undefined {
  const paragraphs = nodes.filter((node): node is Paragraph => node.type === 'paragraph');
  for (const paragraph of paragraphs) {
    const text = squash(nodeText(paragraph));
    const status = STATUS.exec(text);
    const link = findLink(ctx, paragraph.children);
    if (!status && !(link && isTypeLink(link.url))) continue;
    const source = sourceOf(ctx, paragraph);
    const code = status ? Number(status[1] ?? status[2]) : undefined;
    const after = status ? text.slice(status.index + status[0].length) : text;
    const response: RawResponse = {
      collection: COLLECTION.test(after),
      empty: code === 204 || NO_BODY.test(text) || (code !== undefined && !MENTIONS_BODY.test(after) && !link),
      source,
    };
    if (code !== undefined) response.status = code;
    // A 302 redirects to the content itself (a download).
    if (code === 302) return { ...response, empty: false, type: { name: 'Stream', collection: false, source } };
    if (response.empty) return response;
    const type = typeInText(ctx, paragraph.children, after, response.collection, source, annotated);
    if (type) response.type = type;
    return response;
  }
  report(ctx, 'warning', 'response-status', 'The Response section states no status code.', sourceOf(ctx, paragraphs[0] ?? heading), {
    expected: 'a sentence such as "returns a `200 OK` response code"',
    found: paragraphs[0] ? JSON.stringify(squash(nodeText(paragraphs[0])).slice(0, 80)) : 'no paragraph',
  });
  return undefined;
}

/** The body type the sentence names: a link, else a bold name, else the annotation's, else the word after "and a(n)". */
function typeInText(
  ctx: PageContext,
  children: PhrasingContent[],
  after: string,
  collection: boolean,
  source: Source,
  annotated: RawTypeRef | undefined,
): RawTypeRef | undefined {
  const link = findLink(ctx, children);
  if (link && isTypeLink(link.url)) return { name: link.text, link: link.url, collection, source };
  const bold = findStrong(children);
  if (bold && /^[A-Za-z][\w.]*$/.test(bold)) return { name: bold, collection, source };
  if (annotated) return annotated;
  const named = NAMED_AFTER_AND.exec(after);
  if (named && !NOT_A_TYPE.has(named[1]!.toLowerCase())) return { name: named[1]!, collection: collection || Boolean(named[2]), source };
  return undefined;
}

function findStrong(nodes: readonly Nodes[]): string | undefined {
  for (const node of nodes) {
    if (node.type === 'strong') return squash(nodeText(node)).replace(/`/g, '');
    if ('children' in node) {
      const found = findStrong(node.children as Nodes[]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The body type stated by the first response example's annotation (`"@odata.type": "Collection(microsoft.graph.x)"`). */
export function typeFromExamples(examples: HttpExample[]): RawTypeRef | undefined {
  const example = examples.find((candidate) => candidate.role === 'response' && candidate.annotation?.type);
  const annotation = example?.annotation;
  if (!example || !annotation?.type) return undefined;
  const inner = /^collection\((.*)\)$/i.exec(annotation.type);
  const name = (inner ? inner[1]! : annotation.type).replace(/^#?microsoft\.graph\./i, '').replace(/^Edm\./i, '');
  return { name, collection: Boolean(inner) || annotation.collection === true, source: example.source };
}

/** Links to other doc pages name types; links to the Graph site or elsewhere do not. */
export function isTypeLink(url: string): boolean {
  return url !== '' && !/^(https?:|mailto:|\/graph\/)/i.test(url);
}
