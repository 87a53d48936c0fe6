// JSDoc content as data: text lines (escaped by the template) and tags
// (chosen here, never taken from doc text).
import type { Deprecation, Property, Source } from '../model/types.js';

export interface DocLine {
  tag?: 'deprecated' | 'see';
  text: string;
}

const WIDTH = 100;

export function docLines(description: string, extra: DocLine[] = []): DocLine[] {
  return [...wrap(description).map((text) => ({ text })), ...extra];
}

/** Splits prose into lines of at most WIDTH characters, at spaces; a longer word keeps its own line. */
export function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

export function deprecatedLine(deprecation: Deprecation | undefined): DocLine[] {
  return deprecation ? [{ tag: 'deprecated', text: deprecation.message }] : [];
}

/** `@see` lines naming the doc pages behind a declaration. */
export function sourceLines(sources: Source[]): DocLine[] {
  return sources.map((source) => ({ tag: 'see', text: `${source.file}:${source.line}` }));
}

/** Blank line between the summary and the tags, as JSDoc reads best. */
export function withGap(summary: DocLine[], tags: DocLine[]): DocLine[] {
  return summary.length && tags.length ? [...summary, { text: '' }, ...tags] : [...summary, ...tags];
}

/** The pages a declaration is generated from: where it is defined, and where its members are (for enums extended by lists elsewhere). */
export function sourceFiles(sources: Source[], members: Array<{ source: Source }> = []): string[] {
  return [...new Set([...sources, ...members.map((member) => member.source)].map((source) => source.file))].sort();
}

/** A property's description; when the docs deprecate it, the description is the deprecation notice. */
export function propertyDoc(property: Property, notes: DocLine[] = []): DocLine[] {
  if (!property.deprecated) return docLines(property.description, notes);
  const [first = '', ...rest] = wrap(property.deprecated.message.replace(/^\s*\[deprecated\]\s*/i, ''));
  return [...notes, { tag: 'deprecated', text: first }, ...rest.map((text) => ({ text }))];
}
