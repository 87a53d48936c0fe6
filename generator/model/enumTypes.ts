// Enum pages → enum types. Nothing in the docs marks flags enums; their values do.
import type { EnumPage } from '../parse/types.js';
import type { DiagnosticSink } from './symbols.js';
import { DEFAULT_NAMESPACE } from './structuredTypes.js';
import type { EnumMember, EnumType } from './types.js';

export function enumFullName(page: EnumPage): string {
  return `${page.namespace ?? DEFAULT_NAMESPACE}.${page.name}`;
}

/** `pages` all define the enum `fullName`, sorted by file. */
export function buildEnumType(fullName: string, pages: EnumPage[], report: DiagnosticSink): EnumType {
  const primary = pages[0]!;
  const namespace = fullName.slice(0, fullName.lastIndexOf('.'));
  const members = new Map<string, EnumMember>();
  for (const member of pages.flatMap((page) => page.members)) {
    const first = members.get(member.name);
    if (!first) members.set(member.name, member);
    else {
      report({
        code: 'duplicate-member',
        severity: 'warning',
        message: `\`${fullName}\` lists \`${member.name}\` twice; the first (${first.source.file}:${first.source.line}) is kept.`,
        expected: 'each member once',
        found: 'a second row with the same name',
        source: member.source,
      });
    }
  }
  if (members.size === 0) {
    report({
      code: 'empty-enum',
      severity: 'warning',
      message: `The enum \`${fullName}\` lists no members.`,
      expected: 'a Members table with at least one row',
      found: 'none',
      source: primary.source,
    });
  }
  const type: EnumType = {
    kind: 'enum',
    name: fullName.slice(namespace.length + 1),
    fullName,
    namespace,
    description: primary.description,
    flags: isFlags([...members.values()]),
    members: [...members.values()],
    sources: pages.map((page) => page.source),
  };
  if (primary.deprecated) type.deprecated = primary.deprecated;
  return type;
}

/** Every member valued; at least three non-zero values, all powers of two, reaching 4 or more, and not simply 1…n. */
export function isFlags(members: EnumMember[]): boolean {
  if (members.some((member) => member.value === undefined)) return false;
  const values = members.map((member) => member.value!).filter((value) => value !== 0);
  if (values.length < 3) return false;
  const powersOfTwo = values.every((value) => value > 0 && (value & (value - 1)) === 0);
  const sorted = [...values].sort((a, b) => a - b);
  const consecutive = sorted.every((value, index) => value === index + 1);
  return powersOfTwo && Math.max(...values) >= 4 && !consecutive;
}
