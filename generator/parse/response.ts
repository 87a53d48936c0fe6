// The `## Response` paragraph: status code, body type and collection flag.
// "If successful, this method returns a `200 OK` response code and a
// collection of [x](…) objects in the response body."
import type { RootContent } from 'mdast';
import { type PageContext, report, sourceOf } from './context.js';
import { nodeText, squash } from './text.js';
import { findLink } from './typeCell.js';
import type { RawResponse } from './types.js';

const STATUS = /`\s*(?:HTTP\s+)?([1-5]\d\d)\b|\b([1-5]\d\d)\s*,?\s*(?:OK|Created|Accepted|No\s*Content|Found|Moved)\b/i;
const NO_BODY = /does not return anything|doesn't return anything|no response body|empty response body|returns no content/i;
const COLLECTION = /\bcollection\b|\blist of\b|\barray of\b/i;

export function readResponse(ctx: PageContext, nodes: RootContent[], heading: RootContent): RawResponse | undefined {
  const paragraphs = nodes.filter((node) => node.type === 'paragraph');
  for (const paragraph of paragraphs) {
    const text = squash(nodeText(paragraph));
    const status = STATUS.exec(text);
    if (!status) continue;
    const code = Number(status[1] ?? status[2]);
    const source = sourceOf(ctx, paragraph);
    const response: RawResponse = {
      status: code,
      collection: COLLECTION.test(text),
      empty: code === 204 || NO_BODY.test(text),
      source,
    };
    const link = findLink(ctx, paragraph.children);
    if (link && !response.empty && isTypeLink(link.url)) {
      response.type = { name: link.text, link: link.url, collection: response.collection, source };
    }
    return response;
  }
  report(ctx, 'warning', 'response-status', 'The Response section states no status code.', sourceOf(ctx, paragraphs[0] ?? heading), {
    expected: 'a sentence such as "returns a `200 OK` response code"',
    found: paragraphs[0] ? JSON.stringify(squash(nodeText(paragraphs[0])).slice(0, 80)) : 'no paragraph',
  });
  return undefined;
}

/** Links to other doc pages name types; links to the Graph site or elsewhere do not. */
export function isTypeLink(url: string): boolean {
  return url !== '' && !/^(https?:|mailto:|\/graph\/)/i.test(url);
}
