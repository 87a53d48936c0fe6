// Example requests and responses: `http` fences holding a request or status
// line, headers, a blank line and a JSON body.
import type { Code, RootContent } from 'mdast';
import type { ExampleAnnotation, HttpExample } from '../model/types.js';
import { type Annotation, annotationFlag, annotationString, readAnnotation } from './annotations.js';
import { type PageContext, report, sourceOf } from './context.js';

const REQUEST_START = /^(GET|POST|PATCH|PUT|DELETE)\s+\S/i;
const RESPONSE_START = /^HTTP(?:\/\d(?:\.\d)?)?\s+\d{3}\b/i;
const HEADER = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

export function readExamples(ctx: PageContext, nodes: RootContent[]): HttpExample[] {
  const examples: HttpExample[] = [];
  let annotation: ExampleAnnotation | undefined;
  for (const node of nodes) {
    if (node.type === 'html') {
      const read = readAnnotation(node);
      if (read && 'annotation' in read && /^(request|response)$/.test(String(read.annotation['blockType']))) {
        annotation = toExampleAnnotation(read.annotation);
      }
      continue;
    }
    if (node.type !== 'code') continue;
    const example = readExample(ctx, node, annotation);
    annotation = undefined;
    if (example) examples.push(example);
  }
  return examples;
}

function toExampleAnnotation(raw: Annotation): ExampleAnnotation {
  const annotation: ExampleAnnotation = {};
  const name = annotationString(raw['name']);
  const type = annotationString(raw['@odata.type']);
  if (name) annotation.name = name;
  if (type) annotation.type = type;
  if (raw['isCollection'] !== undefined) annotation.collection = annotationFlag(raw['isCollection']);
  if (raw['truncated'] !== undefined) annotation.truncated = annotationFlag(raw['truncated']);
  return annotation;
}

function readExample(ctx: PageContext, node: Code, annotation: ExampleAnnotation | undefined): HttpExample | undefined {
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
  if (annotation) example.annotation = annotation;
  const bodyText = lines.slice(index).join('\n').trim();
  if (bodyText === '') return example;
  // File content (`Content-Type: text/plain`, an image) is text as written, not broken JSON.
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (contentType !== undefined && !/json/i.test(contentType)) {
    try {
      example.body = JSON.parse(bodyText);
    } catch {
      example.bodyText = bodyText;
    }
    return example;
  }
  try {
    example.body = JSON.parse(bodyText);
  } catch (error) {
    example.bodyError = (error as Error).message;
    example.bodyText = bodyText;
    report(ctx, 'warning', 'example-json', `The ${role} example's body is not valid JSON.`, sourceOf(ctx, node, index + 1), {
      expected: 'a JSON document',
      found: (error as Error).message,
    });
  }
  return example;
}
