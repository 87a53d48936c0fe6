// One in-memory ts-morph project formats every emitted file the same way,
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

export function formatFiles(files: Map<string, string>): Map<string, string> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const formatted = new Map<string, string>();
  for (const [path, text] of files) {
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
    formatted.set(path, tidy(sourceFile.getFullText()));
    project.removeSourceFile(sourceFile);
  }
  return formatted;
}

/** No runs of blank lines, no trailing spaces, exactly one final newline. */
function tidy(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
