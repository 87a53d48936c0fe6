// Per-page parsing context: the file being read, its link definitions, and
// the diagnostics collected while reading it.
import type { Definition, Nodes, Root } from 'mdast';
import type { Diagnostic, Severity, Source } from '../model/types.js';

export interface PageContext {
  file: string;
  /** The page's lines, for re-reading blocks remark could not parse as intended. */
  lines: string[];
  /** Reference-style link definitions (`[label]: url`), by lower-case label. */
  definitions: Map<string, string>;
  diagnostics: Diagnostic[];
}

export function createContext(file: string, root: Root, text = ''): PageContext {
  const definitions = new Map<string, string>();
  for (const node of root.children) {
    if (node.type === 'definition') definitions.set((node as Definition).identifier.toLowerCase(), node.url);
  }
  return { file, lines: text.split('\n'), definitions, diagnostics: [] };
}

export function sourceOf(ctx: PageContext, node: Nodes | undefined, lineOffset = 0): Source {
  const start = node?.position?.start;
  return { file: ctx.file, line: (start?.line ?? 1) + lineOffset, column: lineOffset ? 1 : (start?.column ?? 1) };
}

export function report(
  ctx: PageContext,
  severity: Severity,
  code: string,
  message: string,
  source: Source,
  detail: { expected?: string; found?: string } = {},
): void {
  ctx.diagnostics.push({ code, severity, message, ...detail, source });
}
