// `docgen check --format github`: GitHub Actions workflow commands
// (`::error file=…,line=…::message`), so that drift shows on the doc line that
// caused it. Doc text is untrusted: every value is escaped so that nothing in it
// can end the command or start another one.
import path from 'node:path';
import type { Diagnostic, Severity } from '../model/types.js';
import type { DocFile } from '../read/docFile.js';
import { diagnosticMessage, displayPath } from '../cli/report.js';
import type { Change } from '../write/compareOutput.js';
import type { DeclarationDrift, DriftReport, FileDriftReport } from './driftReport.js';

/** A command's message: `%`, CR and LF would otherwise end the line or be decoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which separate properties from each other and from the message. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationLocation {
  file: string;
  line: number;
  column?: number;
}

export function annotation(level: AnnotationLevel, location: AnnotationLocation, title: string, message: string): string {
  const properties: Array<[string, string | number | undefined]> = [
    ['file', location.file],
    ['line', location.line],
    ['col', location.column],
    ['title', title],
  ];
  const list = properties.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${level} ${list.join(',')}::${escapeData(message)}`;
}

const TITLE = 'docgen check';

const PHRASE: Record<Change, string> = {
  changed: 'differs from what the docs produce',
  added: 'is produced by the docs but missing from the output',
  removed: 'is in the output but no longer produced by the docs',
};

/** How many members a message names before it says "and N more". */
const MEMBERS_SHOWN = 10;

/**
 * One error per drifted declaration, at the doc line it comes from: the member's row
 * when exactly one member differs, else the type or operation. What no doc line makes
 * (barrels, runtime, the manifest, removed files) is pointed at in the output folder
 * (`out`). A file with no declaration to name gets one error of its own.
 */
export function driftAnnotations(report: DriftReport, out: string): string[] {
  return report.files.flatMap((file) => {
    const outputFile = path.join(out, file.file);
    if (file.declarations.length === 0) return [annotation('error', fileLocation(file, outputFile), TITLE, fileMessage(file, outputFile))];
    // Imports follow from the declarations that use them: named only when nothing else in the file differs.
    const named = file.declarations.filter((declaration) => declaration.kind !== 'import');
    return (named.length > 0 ? named : file.declarations).map((declaration) =>
      annotation('error', declarationLocation(declaration, outputFile), TITLE, `${outputFile}: ${declarationMessage(declaration)}`),
    );
  });
}

function fileLocation(file: FileDriftReport, outputFile: string): AnnotationLocation {
  if (file.parseError?.side === 'onDisk') return { file: outputFile, line: file.parseError.line, column: file.parseError.column };
  return file.source ?? { file: outputFile, line: 1 };
}

function fileMessage(file: FileDriftReport, outputFile: string): string {
  if (file.parseError) {
    const { side, line, column, message } = file.parseError;
    const version = side === 'onDisk' ? 'the output' : 'what the docs produce';
    return `${outputFile} ${PHRASE[file.change]}; its declarations cannot be compared: ${version} does not parse as TypeScript at ${line}:${column} (${message})`;
  }
  const outside = file.change === 'changed' && file.file.endsWith('.ts') ? ' outside its declarations (comments or layout)' : '';
  return `${outputFile} ${PHRASE[file.change]}${outside}`;
}

function declarationLocation(declaration: DeclarationDrift, outputFile: string): AnnotationLocation {
  const [member, ...others] = declaration.members ?? [];
  if (member?.source && others.length === 0) return member.source;
  return declaration.source ?? { file: outputFile, line: declaration.outputLine ?? 1 };
}

function declarationMessage({ kind, name, change, members }: DeclarationDrift): string {
  const message = `${kind} ${name} ${PHRASE[change]}`;
  if (!members?.length) return message;
  const named = members.slice(0, MEMBERS_SHOWN).map((member) => `${member.name} ${member.change}`);
  if (members.length > MEMBERS_SHOWN) named.push(`and ${members.length - MEMBERS_SHOWN} more`);
  return `${message}: ${named.join(', ')}`;
}

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

/** The docs' diagnostics as annotations on their doc lines, so the Actions UI shows them too. */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[], docs: readonly DocFile[]): string[] {
  return diagnostics.map((diagnostic) => {
    const { file, line, column } = diagnostic.source;
    return annotation(LEVEL[diagnostic.severity], { file: displayPath(file, docs), line, column }, `docgen ${diagnostic.code}`, diagnosticMessage(diagnostic));
  });
}
