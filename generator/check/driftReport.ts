// What `docgen check` found, as plain data: the files of the output folder that
// differ from what the docs produce, the declarations and members that differ in
// each, and the doc lines they come from. `--format json` prints it as is;
// `--format github` turns it into annotations.
import type { FileOrigin } from '../emit/emitProject.js';
import type { Source } from '../model/types.js';
import { type Change, countChanges, type FileDrift } from '../write/compareOutput.js';
import { type DeclarationChange, type DeclarationKind, declarationChanges, type ParseFailure } from './declarationChanges.js';

export type { Change, DeclarationKind, ParseFailure };

/** A place in a doc page: `file` as the user can open it (the input folder joined), 1-based line and column. */
export type DocLocation = Source;

export interface MemberDrift {
  /** Property, enum member or object key; a union or array element by its value. */
  name: string;
  change: Change;
  /** The doc row that defines the member, when the docs still define it. */
  source?: DocLocation;
}

export interface DeclarationDrift {
  /** e.g. `RemoteActionAudit`; for an import or re-export, the module it names. */
  name: string;
  kind: DeclarationKind;
  change: Change;
  /** Only for a changed interface, union or object type alias, enum or object/array constant: the members that differ. */
  members?: MemberDrift[];
  /** The type or operation in the docs the declaration comes from; absent for files no single fact makes. */
  source?: DocLocation;
  /** 1-based line of the declaration in the output folder's copy of the file; absent when added. */
  outputLine?: number;
}

export interface FileDriftReport {
  /** Output-relative POSIX path, e.g. `models/RemoteActionAudit.ts`. */
  file: string;
  change: Change;
  /** The type or operation in the docs the file declares; absent for barrels, runtime, the manifest, and removed files. */
  source?: DocLocation;
  /** Set when a version of the file does not parse as TypeScript; its declarations are then not compared. */
  parseError?: ParseFailure;
  /** In the file's order; empty for a file that is not TypeScript, or differs only outside its declarations (comments, layout). */
  declarations: DeclarationDrift[];
}

/** `docgen check --format json`. Keys always in this order; files by path. */
export interface DriftReport {
  upToDate: boolean;
  /** Files per change. */
  summary: Record<Change, number>;
  files: FileDriftReport[];
}

/** `where` maps a source's page (relative to its input folder) to the path the user opens. */
export function driftReport(drift: readonly FileDrift[], origins: ReadonlyMap<string, FileOrigin>, where: (file: string) => string): DriftReport {
  const locate = (source: Source): DocLocation => ({ file: where(source.file), line: source.line, column: source.column });
  const files = drift.map(({ file, change, onDisk, fromDocs }): FileDriftReport => {
    const origin = origins.get(file);
    const source = origin && locate(origin.source);
    const compared = file.endsWith('.ts') ? declarationChanges(file, onDisk, fromDocs) : { declarations: [] };
    return {
      file,
      change,
      ...(source && { source }),
      ...('parseFailure' in compared
        ? { parseError: compared.parseFailure, declarations: [] }
        : { declarations: compared.declarations.map((declaration) => declarationDrift(declaration, origin, locate)) }),
    };
  });
  return { upToDate: drift.length === 0, summary: countChanges(drift), files };
}

function declarationDrift(declaration: DeclarationChange, origin: FileOrigin | undefined, locate: (source: Source) => DocLocation): DeclarationDrift {
  const { name, kind, change, members, membersFromDocs, outputLine } = declaration;
  const drift: DeclarationDrift = { name, kind, change };
  if (members) {
    // A file's fact lists members (a type's properties, an enum's members); they are this declaration's
    // only when it declares every one of them, so a request body's fields never borrow a parameter's row.
    // A declaration may name where its own members come from (an operation's permissions table).
    const own = origin?.declarations?.get(name);
    const listsFact = own ?? (origin !== undefined && [...origin.members.keys()].every((member) => membersFromDocs?.includes(member)) ? origin.members : undefined);
    drift.members = members.map((member) => {
      const source = listsFact?.get(member.name);
      return source ? { ...member, source: locate(source) } : member;
    });
  }
  if (origin) drift.source = locate(origin.source);
  if (outputLine !== undefined) drift.outputLine = outputLine;
  return drift;
}
