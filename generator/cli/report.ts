// Printing diagnostics as `file:line:col: severity code: message`, with the
// file shown as a path the user can open.
import path from 'node:path';
import type { Diagnostic, Severity } from '../model/types.js';
import type { DocFile } from '../read/readDocs.js';

export function formatDiagnostic(diagnostic: Diagnostic, docs: readonly DocFile[]): string {
  const doc = docs.find((candidate) => candidate.path === diagnostic.source.file);
  const file = doc ? path.join(doc.root, doc.path) : diagnostic.source.file;
  const { line, column } = diagnostic.source;
  const detail = [diagnostic.expected && `expected ${diagnostic.expected}`, diagnostic.found && `found ${diagnostic.found}`]
    .filter(Boolean)
    .join('; ');
  return `${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${detail ? ` (${detail})` : ''}`;
}

export function diagnosticSummary(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  return `${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`;
}
