// One global symbol table, built from every page before anything is
// resolved: links in one page name types defined on others.
import type { Diagnostic } from './types.js';

export interface DeclaredType {
  name: string;
  fullName: string;
  /** Pages that define it (root-relative paths). */
  files: string[];
}

export interface SymbolTable {
  /** Lower-case full name → full name. */
  byFullName: Map<string, string>;
  /** Lower-case simple name → full names, sorted. */
  byName: Map<string, string[]>;
  /** Lower-case page file name (no folder) → full name of the type it defines. */
  byFile: Map<string, string>;
}

export function buildSymbolTable(declared: readonly DeclaredType[]): SymbolTable {
  const table: SymbolTable = { byFullName: new Map(), byName: new Map(), byFile: new Map() };
  for (const type of declared) {
    table.byFullName.set(type.fullName.toLowerCase(), type.fullName);
    const key = type.name.toLowerCase();
    table.byName.set(key, [...(table.byName.get(key) ?? []), type.fullName].sort());
    for (const file of type.files) table.byFile.set(fileKey(file), type.fullName);
  }
  return table;
}

/** `../resources/Foo.md#bar` → `foo.md`. */
export function fileKey(pathOrUrl: string): string {
  const path = pathOrUrl.split('#')[0]!.split('?')[0]!;
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

export type DiagnosticSink = (diagnostic: Diagnostic) => void;
