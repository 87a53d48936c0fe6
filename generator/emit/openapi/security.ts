// openapi.json's security: OAuth 2.0 for delegated access (a signed-in user) and
// for application access (client credentials), and per operation the scopes its
// permissions tables document, least privileged first. Any one of them is
// enough, so each is a requirement of its own (OpenAPI's "or").
import type { Operation, Permissions } from '../../model/types.js';
import type { Schema } from '../schemas.js';

const AUTHORITY = 'https://login.microsoftonline.com/common/oauth2/v2.0';
export const DELEGATED = 'delegated';
export const APPLICATION = 'application';

/** The scopes of each scheme, in the order that puts the least privileged first: every table's least privileged, then the higher ones. */
function scopes(tables: readonly Permissions[]): { delegated: string[]; application: string[] } {
  const ordered = (pick: (table: Permissions) => string[]) => [...new Set(tables.flatMap(pick))];
  return {
    delegated: ordered((table) => [...table.delegatedWork.leastPrivileged, ...table.delegatedPersonal.leastPrivileged, ...table.delegatedWork.higherPrivileged, ...table.delegatedPersonal.higherPrivileged]),
    application: ordered((table) => [...table.application.leastPrivileged, ...table.application.higherPrivileged]),
  };
}

/** One requirement per documented scope, delegated first, each kind least privileged first; empty where the docs give no table. */
export function operationSecurity(tables: readonly Permissions[]): Array<Record<string, string[]>> {
  const { delegated, application } = scopes(tables);
  return [...delegated.map((scope) => ({ [DELEGATED]: [scope] })), ...application.map((scope) => ({ [APPLICATION]: [scope] }))];
}

/** The tables as documented (per kind, least and higher privileged, and the label where a page has several), without their sources. */
export function permissionTables(tables: readonly Permissions[]): Schema[] {
  return tables.map((table) => ({
    ...(table.label && { label: table.label }),
    delegatedWork: table.delegatedWork,
    delegatedPersonal: table.delegatedPersonal,
    application: table.application,
  }));
}

/** components.securitySchemes, each listing the scopes some operation names (sorted). */
export function securitySchemes(operations: readonly Operation[]): Record<string, Schema> {
  const all = { delegated: new Set<string>(), application: new Set<string>() };
  for (const operation of operations) {
    const { delegated, application } = scopes(operation.permissions);
    for (const scope of delegated) all.delegated.add(scope);
    for (const scope of application) all.application.add(scope);
  }
  const listed = (set: Set<string>, kind: string) => Object.fromEntries([...set].sort().map((scope) => [scope, `${scope} (${kind} permission).`]));
  return {
    [APPLICATION]: {
      type: 'oauth2',
      description: 'An app without a signed-in user (client credentials); the scopes are application permissions, granted by an administrator.',
      flows: { clientCredentials: { tokenUrl: `${AUTHORITY}/token`, scopes: listed(all.application, 'application') } },
    },
    [DELEGATED]: {
      type: 'oauth2',
      description: 'An app acting for a signed-in user (work or school, or personal Microsoft account).',
      flows: { authorizationCode: { authorizationUrl: `${AUTHORITY}/authorize`, tokenUrl: `${AUTHORITY}/token`, scopes: listed(all.delegated, 'delegated') } },
    },
  };
}
