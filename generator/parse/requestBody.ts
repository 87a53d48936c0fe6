// The `## Request body` section: no body, a documented type, or a table of
// properties or action parameters.
import type { RootContent } from 'mdast';
import { type PageContext, report, sourceOf } from './context.js';
import { readPropertyTables } from './properties.js';
import { isTypeLink } from './response.js';
import { nodeText, squash } from './text.js';
import { findLink } from './typeCell.js';
import type { RawRequestBody } from './types.js';

// "The contents of the request body should be the binary stream of the file", "include the binary data of the photo".
const BINARY = /\bbinary (?:stream|data|blob)\b/i;
// Intune's pages name the type without a link: "supply a JSON representation for the androidCustomConfiguration object".
const NAMED_OBJECT = /\bJSON representation (?:of|for) (?:an? |the )?`?(?!(?:an?|the)\b)([A-Za-z][\w.]*)`? (?:object|resource|entity)\b/i;
const NO_BODY = /(do not|don't|does not) (supply|specify|provide|need) a request body|no request body|request body (is not|isn't) (needed|required)/i;

export function readRequestBody(ctx: PageContext, nodes: RootContent[], heading: RootContent): RawRequestBody {
  const paragraphs = nodes.filter((node) => node.type === 'paragraph');
  if (paragraphs.some((paragraph) => NO_BODY.test(nodeText(paragraph)))) return { kind: 'none' };
  const source = sourceOf(ctx, heading);
  const body: RawRequestBody = { kind: 'described', properties: readPropertyTables(ctx, nodes), source };
  const described = paragraphs.find((paragraph) => /json representation/i.test(nodeText(paragraph)));
  const link = described && findLink(ctx, described.children);
  if (link && isTypeLink(link.url)) body.type = { name: link.text, link: link.url, collection: false, source: sourceOf(ctx, described) };
  const named = !link && described && NAMED_OBJECT.exec(nodeText(described));
  if (named) body.type = { name: named[1]!, collection: false, source: sourceOf(ctx, described) };
  const binary = !body.type && body.properties.length === 0 && paragraphs.find((paragraph) => BINARY.test(nodeText(paragraph)) && !/multipart/i.test(nodeText(paragraph)));
  if (binary) body.type = { name: 'Stream', collection: false, source: sourceOf(ctx, binary) };
  if (!body.type && body.properties.length === 0) {
    report(ctx, 'warning', 'request-body', 'The request body is described in a way docgen cannot read.', source, {
      expected: '"Do not supply a request body", a JSON representation of a linked type, a property table, or "the binary stream of the file"',
      found: JSON.stringify(squash(paragraphs.map((paragraph) => nodeText(paragraph)).join(' ')).slice(0, 80)),
    });
  }
  return body;
}
