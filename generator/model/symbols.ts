// One global symbol table, built from every page before anything is
// resolved: links in one page name types defined on others.
import type { Diagnostic } from './types.js';

export interface DeclaredType {
  name: string;
  fullName: string;
  /** Pages that define it (root-relative paths). */
  files: string[];
  /** `file#anchor` of the sections that define it (enums.md#risklevel-values). */
  anchors: string[];
}

export interface SymbolTable {
  /** Lower-case full name → full name. */
  byFullName: Map<string, string>;
  /** Lower-case simple name → full names, sorted. */
  byName: Map<string, string[]>;
  /** Lower-case page file name (no folder), or `file#anchor` of a section → full name of the type it defines. */
  byFile: Map<string, string>;
}

export function buildSymbolTable(declared: readonly DeclaredType[]): SymbolTable {
  const table: SymbolTable = { byFullName: new Map(), byName: new Map(), byFile: new Map() };
  for (const type of declared) {
    table.byFullName.set(type.fullName.toLowerCase(), type.fullName);
    const key = type.name.toLowerCase();
    table.byName.set(key, [...(table.byName.get(key) ?? []), type.fullName].sort());
    for (const file of type.files) table.byFile.set(fileKey(file), type.fullName);
    for (const anchor of type.anchors) table.byFile.set(anchorKey(anchor), type.fullName);
  }
  return table;
}

/** `../resources/enums.md#RiskLevel-values` → `enums.md#risklevel-values`; empty without an anchor. */
export function anchorKey(pathOrUrl: string): string {
  const hash = pathOrUrl.indexOf('#');
  return hash === -1 ? '' : `${fileKey(pathOrUrl)}#${pathOrUrl.slice(hash + 1).toLowerCase()}`;
}

/** `../resources/Foo.md#bar` → `foo.md`. */
export function fileKey(pathOrUrl: string): string {
  const path = pathOrUrl.split('#')[0]!.split('?')[0]!;
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

export type DiagnosticSink = (diagnostic: Diagnostic) => void;
