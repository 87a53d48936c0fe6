// The hidden `<!-- { "blockType": … } -->` annotations. They are JSON written
// by hand (trailing commas, single quotes), so read them as JSON5.
import JSON5 from 'json5';
import type { Html } from 'mdast';

export type Annotation = Record<string, unknown>;

export type AnnotationResult = { annotation: Annotation } | { error: string } | undefined;

/** Reads an HTML comment holding a JSON object; `undefined` when the comment is not an annotation. */
export function readAnnotation(node: Html): AnnotationResult {
  const match = /^<!--([\s\S]*?)-->\s*$/.exec(node.value.trim());
  if (!match) return undefined;
  const body = match[1]!.trim();
  if (!body.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON5.parse(withoutLineSeparators(body));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'not an object' };
    return { annotation: value as Annotation };
  } catch (error) {
    return { error: (error as Error).message.replace(/^JSON5: /, '') };
  }
}

/** JSON5 warns on stderr about raw U+2028/U+2029; as white space they mean nothing here. */
export function withoutLineSeparators(text: string): string {
  return text.replace(/[\u2028\u2029]/g, ' ');
}

/** Annotation flags are written `true` or `"true"`. */
export function annotationFlag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

export function annotationString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
