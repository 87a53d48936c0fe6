// Example requests and responses: `http` fences holding a request or status
// line, headers, a blank line and a JSON body.
import type { Code, RootContent } from 'mdast';
import type { HttpExample } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';

const REQUEST_START = /^(GET|POST|PATCH|PUT|DELETE)\s+\S/i;
const RESPONSE_START = /^HTTP(?:\/\d(?:\.\d)?)?\s+\d{3}\b/i;
const HEADER = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

export function readExamples(ctx: PageContext, nodes: RootContent[]): HttpExample[] {
  const examples: HttpExample[] = [];
  for (const node of nodes) {
    if (node.type !== 'code') continue;
    const example = readExample(ctx, node);
    if (example) examples.push(example);
  }
  return examples;
}

function readExample(ctx: PageContext, node: Code): HttpExample | undefined {
  const lines = node.value.split('\n');
  const startLine = (lines[0] ?? '').trim();
  const role = REQUEST_START.test(startLine) ? 'request' : RESPONSE_START.test(startLine) ? 'response' : undefined;
  if (!role) return undefined;
  const source = sourceOf(ctx, node);
  const headers: Array<[string, string]> = [];
  let index = 1;
  for (; index < lines.length; index++) {
    const header = HEADER.exec(lines[index]!.trim());
    if (!header) break;
    headers.push([header[1]!, header[2]!.trim()]);
  }
  const example: HttpExample = { role, startLine, headers, source };
  const bodyText = lines.slice(index).join('\n').trim();
  if (bodyText === '') return example;
  try {
    example.body = JSON.parse(bodyText);
  } catch (error) {
    example.bodyError = (error as Error).message;
    report(ctx, 'warning', 'example-json', `The ${role} example's body is not valid JSON.`, sourceOf(ctx, node, index + 1), {
      expected: 'a JSON document',
      found: (error as Error).message,
    });
  }
  return example;
}
