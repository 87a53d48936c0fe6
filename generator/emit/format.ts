// One in-memory ts-morph project formats every emitted TypeScript file the same way,
// and refuses output that does not parse: a syntax error here is a docgen bug.
import { Project, ts } from 'ts-morph';

const FORMAT: ts.FormatCodeSettings = {
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  newLineCharacter: '\n',
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  // The templates place semicolons; the formatter only lays out.
  semicolons: ts.SemicolonPreference.Ignore,
};

export class EmitError extends Error {}

export interface FormatHooks {
  /** Called as files are formatted: `done` of `total`, for a progress bar. */
  onFile?: (done: number, total: number) => void;
  /** Text before formatting → after, kept between runs; pruned to this run's files. */
  formatted?: Map<string, string>;
}

export function formatFiles(files: Map<string, string>, { onFile, formatted: cache }: FormatHooks = {}): Map<string, string> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const formatted = new Map<string, string>();
  const used = new Map<string, string>();
  for (const [path, text] of files) {
    onFile?.(formatted.size, files.size);
    // Only TypeScript is formatted (and parsed); JSON comes out of JSON.stringify as it should be.
    if (!path.endsWith('.ts')) {
      formatted.set(path, text);
      continue;
    }
    const hit = cache?.get(text);
    if (hit !== undefined) {
      formatted.set(path, hit);
      used.set(text, hit);
      continue;
    }
    const sourceFile = project.createSourceFile(`/out/${path}`, text);
    const syntaxErrors = (sourceFile.compilerNode as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    if (syntaxErrors.length > 0) {
      const first = syntaxErrors[0]!;
      const where = sourceFile.getLineAndColumnAtPos(first.start ?? 0);
      throw new EmitError(
        `docgen produced invalid TypeScript in ${path}:${where.line}:${where.column}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
      );
    }
    sourceFile.formatText(FORMAT);
    const result = tidy(sourceFile.getFullText());
    formatted.set(path, result);
    used.set(text, result);
    project.removeSourceFile(sourceFile);
  }
  onFile?.(formatted.size, files.size);
  if (cache) {
    cache.clear();
    for (const [text, result] of used) cache.set(text, result);
  }
  return formatted;
}

/** No runs of blank lines, no trailing spaces, exactly one final newline. */
function tidy(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
