// Permission tables, in both layouts the docs use:
// - today's: `|Permission type|Least privileged permissions|Higher privileged permissions|`
//   (also "permission"), cells "Not supported." / "Not available.", lists split
//   by commas or `<br>`, sometimes a note after `<br><br>`;
// - 2021's: `|Permission type|Permissions (from least to most privileged)|`, one
//   list whose first scope is the least privileged (Intune: most to least).
// A section may hold several tables or `[!INCLUDE [permissions-table](…)]` lines,
// each labelled by the heading over it (`### Permissions for chat`).
import type { Heading, RootContent } from 'mdast';
import type { PermissionKind, Permissions, Scopes } from '../model/types.js';
import { type PageContext, report, sourceOf } from './context.js';
import type { Include } from './sections.js';
import { readTable, type Row, tablesIn } from './tables.js';
import { nodeText, squash } from './text.js';
import type { RawPermissions } from './types.js';

const KINDS: Array<[RegExp, PermissionKind]> = [
  [/^delegated \(work/, 'delegatedWork'],
  [/^delegated \(personal/, 'delegatedPersonal'],
  [/^application/, 'application'],
];

const NONE = /^(not (supported|applicable|available)\b|n\/a$)/i;
/** A scope: `User.Read`, `Group-NestingSupport.ReadWrite.All`, `offline_access`. */
const SCOPE = /^[A-Za-z][\w-]*(?:\.[\w-]+)*$/;
/** A scope within prose: dotted, so that words are not taken for scopes. */
const SCOPE_IN_TEXT = /\b[A-Za-z][\w-]*(?:\.[\w-]+)+\b/g;

/**
 * The permission tables and permission includes among `nodes` (a section, or a
 * whole include file), in the order they stand, each with the label of the
 * nearest H3 (or deeper) heading above it.
 */
export function readPermissionEntries(ctx: PageContext, nodes: readonly RootContent[], includes: readonly Include[]): RawPermissions[] {
  const headings = nodes.filter((node): node is Heading => node.type === 'heading' && node.depth >= 3);
  const labelAt = (line: number) => {
    const over = headings.filter((heading) => (heading.position?.start.line ?? 0) < line).at(-1);
    return over && squash(nodeText(over));
  };
  const entries: Array<[line: number, entry: RawPermissions]> = [];
  for (const node of tablesIn(ctx, nodes)) {
    const permissions = readPermissionTable(ctx, node);
    if (!permissions) continue;
    const label = labelAt(permissions.source.line);
    entries.push([permissions.source.line, { kind: 'table', permissions: label ? { ...permissions, label } : permissions }]);
  }
  for (const include of includes) {
    if (!include.permissions) continue;
    const source = sourceOf(ctx, include.node);
    const label = labelAt(source.line);
    entries.push([source.line, label ? { kind: 'include', target: include.target, label, source } : { kind: 'include', target: include.target, source }]);
  }
  return entries.sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
}

function readPermissionTable(ctx: PageContext, node: Parameters<typeof readTable>[1]): Permissions | undefined {
  const table = readTable(ctx, node);
  if (!/^permission type/.test(table.columns[0] ?? '')) return undefined;
  // Today's layout has a column of least privileged scopes and one of higher privileged ones.
  const split = /^least privileged/.test(table.columns[1] ?? '') && /^higher privileged/.test(table.columns[2] ?? '');
  // Most Intune pages list scopes from most to least privileged; we keep least first.
  const mostFirst = /most to least/.test(table.columns[1] ?? '');
  const permissions: Permissions = { delegatedWork: noScopes(), delegatedPersonal: noScopes(), application: noScopes(), source: table.source };
  let current: PermissionKind | undefined;
  for (const row of table.rows) {
    const label = squash(row.cells[0]?.text ?? '').toLowerCase();
    const kind = KINDS.find(([pattern]) => pattern.test(label))?.[1];
    if (!kind && !current) {
      report(ctx, 'warning', 'permission-row', 'Unknown permission type.', row.source, {
        expected: 'Delegated (work or school account), Delegated (personal Microsoft account) or Application',
        found: JSON.stringify(label),
      });
      continue;
    }
    const scopes = split ? { leastPrivileged: readScopes(ctx, row, 1), higherPrivileged: readScopes(ctx, row, 2) } : ordered(readScopes(ctx, row, 1), mostFirst);
    if (kind) {
      current = kind;
      permissions[kind] = scopes;
    } else {
      // Intune's per-workflow sub-rows ("Device configuration") under a Delegated or Application row: the kind needs any of them.
      permissions[current!] = merge(permissions[current!], scopes);
    }
  }
  return permissions;
}

function noScopes(): Scopes {
  return { leastPrivileged: [], higherPrivileged: [] };
}

/** One list, least privileged first (reversed when written most first): its first scope is the least privileged. */
function ordered(scopes: string[], mostFirst: boolean): Scopes {
  const list = mostFirst ? [...scopes].reverse() : scopes;
  return { leastPrivileged: list.slice(0, 1), higherPrivileged: list.slice(1) };
}

function merge(a: Scopes, b: Scopes): Scopes {
  const least = [...new Set([...a.leastPrivileged, ...b.leastPrivileged])];
  return { leastPrivileged: least, higherPrivileged: [...new Set([...a.higherPrivileged, ...b.higherPrivileged])].filter((scope) => !least.includes(scope)) };
}

/** The scopes of a cell: a list split by commas or line breaks; "Not supported." means none; text that names no scope (a note, "For user:") is reported and left out. */
function readScopes(ctx: PageContext, row: Row, index: number): string[] {
  const cell = row.cells[index];
  const value = squash(cell?.text ?? '');
  if (value === '' || NONE.test(value)) return [];
  const scopes: string[] = [];
  for (const item of (cell?.text ?? '').split(/[,\n]/)) {
    // Footnote marks (`Group.Read.All**`) and a final period are no part of the scope.
    const text = squash(item).replace(/[*|.]+$/, '').trim();
    if (text === '' || NONE.test(text)) continue;
    // Prose around scopes ("A and B", "A plus B", "For user: A", "A (see below)") gives its scopes; a note gives none.
    const found = SCOPE.test(text) ? [text] : /^note\b/i.test(text) ? [] : (text.match(SCOPE_IN_TEXT) ?? []);
    if (found.length > 0) scopes.push(...found);
    else {
      report(ctx, 'info', 'permission-text', 'Text in a permissions cell that names no scope is left out.', cell!.source, {
        expected: 'scopes separated by commas',
        found: JSON.stringify(text),
      });
    }
  }
  return [...new Set(scopes)];
}

