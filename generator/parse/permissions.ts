// Permission tables: `|Permission type|Permissions (from least to most privileged)|`.
import type { RootContent } from 'mdast';
import type { PermissionKind, Permissions } from '../model/types.js';
import { type PageContext, report } from './context.js';
import { readTable, tablesIn } from './tables.js';
import { squash } from './text.js';

const KINDS: Array<[RegExp, PermissionKind]> = [
  [/^delegated \(work/, 'delegatedWork'],
  [/^delegated \(personal/, 'delegatedPersonal'],
  [/^application/, 'application'],
];

export function emptyPermissions(): Permissions {
  return { delegatedWork: [], delegatedPersonal: [], application: [] };
}

/** `undefined` when the section holds no permissions table. */
export function readPermissions(ctx: PageContext, nodes: RootContent[]): Permissions | undefined {
  for (const node of tablesIn(ctx, nodes)) {
    const table = readTable(ctx, node);
    if (!/^permission type/.test(table.columns[0] ?? '')) continue;
    // Most Intune pages list scopes from most to least privileged; we keep least first.
    const mostFirst = /most to least/.test(table.columns[1] ?? '');
    const permissions = emptyPermissions();
    let current: PermissionKind | undefined;
    for (const row of table.rows) {
      const label = squash(row.cells[0]?.text ?? '').toLowerCase();
      const kind = KINDS.find(([pattern]) => pattern.test(label))?.[1];
      if (!kind && current) {
        // Intune's per-workflow sub-rows ("Device configuration") under a Delegated or Application row: the kind needs any of them.
        const scopes = readScopes(row.cells[1]?.text ?? '');
        const merged = [...permissions[current], ...(mostFirst ? scopes.reverse() : scopes)];
        permissions[current] = [...new Set(merged)];
        continue;
      }
      if (!kind) {
        report(ctx, 'warning', 'permission-row', 'Unknown permission type.', row.source, {
          expected: 'Delegated (work or school account), Delegated (personal Microsoft account) or Application',
          found: JSON.stringify(label),
        });
        continue;
      }
      current = kind;
      const scopes = readScopes(row.cells[1]?.text ?? '');
      permissions[kind] = mostFirst ? scopes.reverse() : scopes;
    }
    return permissions;
  }
  return undefined;
}

function readScopes(text: string): string[] {
  const value = squash(text);
  if (/^not (supported|applicable)/i.test(value)) return [];
  return value
    .split(/[,\n]/)
    .map((scope) => scope.trim().replace(/[*|.]+$/, '').trim())
    .filter((scope) => scope !== '');
}
