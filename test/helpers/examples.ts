// The JSON examples of docs-input/, paired with the operation and model type
// they illustrate, for driving validator and builder tests.
import { buildFromDocs } from '../../generator/pipeline.js';
import type { HttpExample, Model, Operation, StructuredType, TypeRef } from '../../generator/model/types.js';
import { DOCS_INPUT } from './paths.js';

export interface DocExample {
  operation: Operation;
  example: HttpExample;
  /** Where it came from, for test names. */
  label: string;
}

export async function loadDocsInput(): Promise<{ model: Model; examples: DocExample[] }> {
  const { model } = await buildFromDocs([DOCS_INPUT]);
  const examples = model.operations.flatMap((operation) =>
    operation.examples.map((example) => ({
      operation,
      example,
      label: `${operation.name} ${example.role} (${example.source.file}:${example.source.line})`,
    })),
  );
  return { model, examples };
}

export function findType(model: Model, ref: TypeRef | undefined): StructuredType | undefined {
  if (ref?.kind !== 'named') return undefined;
  const type = model.namespaces.flatMap((ns) => ns.types).find((candidate) => candidate.fullName === ref.fullName);
  return type?.kind === 'enum' ? undefined : type;
}

/** The objects an example holds, each with its JSON Pointer and the type it should be. */
export function objectsOf(model: Model, { operation, example }: DocExample): Array<{ pointer: string; value: Record<string, unknown>; type: StructuredType }> {
  if (example.role === 'request') {
    const type = operation.body.kind === 'type' ? findType(model, operation.body.type) : undefined;
    return type && example.body !== undefined ? [{ pointer: '', value: example.body as Record<string, unknown>, type }] : [];
  }
  const type = findType(model, operation.response.body?.type);
  if (!type || example.body === undefined) return [];
  if (!operation.response.body?.collection) return [{ pointer: '', value: example.body as Record<string, unknown>, type }];
  const items = (example.body as { value: Array<Record<string, unknown>> }).value;
  return items.map((value, index) => ({ pointer: `/value/${index}`, value, type }));
}
