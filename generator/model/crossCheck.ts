// The table of a resource page against its JSON representation block: the
// table is authoritative, and where the two disagree the docs say so.
import type { ResourcePage } from '../parse/types.js';
import { ancestorsOf } from './structuredTypes.js';
import type { DiagnosticSink } from './symbols.js';
import type { StructuredType } from './types.js';

export function crossCheckJson(type: StructuredType, pages: ResourcePage[], types: Map<string, StructuredType>, report: DiagnosticSink): void {
  const documented = new Set([type, ...ancestorsOf(type, types)].flatMap((t) => t.properties.map((property) => property.name)));
  for (const page of pages) {
    if (!page.jsonKeys) continue;
    const shown = new Set(page.jsonKeys.keys);
    const unlisted = page.jsonKeys.keys.filter((key) => !documented.has(key));
    const missing = page.properties.filter((property) => !shown.has(property.name) && !property.navigation).map((property) => property.name);
    const list = (names: string[]) => names.map((name) => `\`${name}\``).join(', ');
    if (unlisted.length > 0) {
      report({
        code: 'json-unlisted-property',
        severity: 'warning',
        message: `The JSON representation of \`${type.name}\` shows ${list(unlisted)}, which no property table lists; the table wins.`,
        expected: 'only the properties the tables list',
        found: `${unlisted.length} more`,
        source: page.jsonKeys.source,
      });
    }
    if (missing.length > 0) {
      report({
        code: 'json-missing-property',
        severity: 'info',
        message: `The JSON representation of \`${type.name}\` leaves out ${list(missing)}, which the Properties table lists.`,
        expected: 'every property of the table',
        found: `${missing.length} missing`,
        source: page.jsonKeys.source,
      });
    }
  }
}
