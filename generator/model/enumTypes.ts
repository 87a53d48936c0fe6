// Enum definitions → enum types. One enum may be defined in several places
// (its page, a `### x values` section, a property's "Possible values" list);
// the type is their union, and where they disagree a diagnostic names both.
import type { Deprecation, EnumMember, Source } from './types.js';
import type { DiagnosticSink } from './symbols.js';
import { DEFAULT_NAMESPACE } from './structuredTypes.js';
import type { EnumType } from './types.js';

/** Anything that defines (part of) an enum: an enum page, a values section, a possible-values list. */
export interface EnumDefinition {
  file: string;
  name: string;
  namespace?: string;
  description: string;
  members: EnumMember[];
  source: Source;
  deprecated?: Deprecation;
  /** An enum page, a `### x values` section, or a property's possible-values list. */
  role: 'page' | 'section' | 'list';
}

function describePlace(definition: EnumDefinition): string {
  return { page: 'The enum page', section: 'The values section', list: 'A "Possible values" list' }[definition.role];
}

export function enumFullName(definition: EnumDefinition): string {
  return `${definition.namespace ?? DEFAULT_NAMESPACE}.${definition.name}`;
}

/** `definitions` all define the enum `fullName`, the primary one first. */
export function buildEnumType(fullName: string, definitions: EnumDefinition[], report: DiagnosticSink): EnumType {
  const primary = definitions[0]!;
  const namespace = fullName.slice(0, fullName.lastIndexOf('.'));
  const members = new Map<string, { member: EnumMember; from: EnumDefinition }>();
  for (const definition of definitions) {
    for (const member of definition.members) {
      const first = members.get(member.name);
      if (!first) members.set(member.name, { member, from: definition });
      else if (first.from === definition) report(duplicateMember(fullName, member, first.member));
      else if (member.value !== undefined && first.member.value !== undefined && member.value !== first.member.value) {
        report({
          code: 'enum-value-conflict',
          severity: 'warning',
          message: `\`${fullName}\`.\`${member.name}\` is ${member.value} here but ${first.member.value} at ${where(first.member.source)}; the first is kept.`,
          expected: String(first.member.value),
          found: String(member.value),
          source: member.source,
        });
      } else if (first.member.value === undefined && member.value !== undefined) {
        first.member = { ...first.member, value: member.value };
      }
    }
  }
  if (definitions.length > 1) reportDrift(fullName, definitions, report);
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
  const all = [...members.values()].map((entry) => entry.member);
  const type: EnumType = {
    kind: 'enum',
    name: fullName.slice(namespace.length + 1),
    fullName,
    namespace,
    description: definitions.find((definition) => definition.description)?.description ?? '',
    flags: isFlags(all),
    members: all,
    // Lists only extend an enum a page defines; they are its source only where nothing else defines it.
    sources: (definitions.some((d) => d.role !== 'list') ? definitions.filter((d) => d.role !== 'list') : definitions).map((d) => d.source),
  };
  if (primary.deprecated) type.deprecated = primary.deprecated;
  return type;
}

/** Each place that lacks members another place lists: the docs drifted (an enum page updated, a list not, or the reverse). */
function reportDrift(fullName: string, definitions: EnumDefinition[], report: DiagnosticSink): void {
  const everywhere = new Set(definitions.flatMap((definition) => definition.members.map((member) => member.name)));
  for (const definition of definitions) {
    const own = new Set(definition.members.map((member) => member.name));
    const missing = [...everywhere].filter((name) => !own.has(name));
    if (missing.length === 0) continue;
    const others = definitions.filter((other) => other !== definition && other.members.some((member) => missing.includes(member.name)));
    report({
      code: 'enum-drift',
      severity: 'warning',
      message:
        `${describePlace(definition)} of \`${fullName}\` lacks ${missing.map((name) => `\`${name}\``).join(', ')}, ` +
        `listed at ${others.map((other) => where(other.source)).join(', ')}; the enum is the union of both.`,
      expected: `${everywhere.size} members`,
      found: `${own.size}`,
      source: definition.source,
    });
  }
}

function duplicateMember(fullName: string, member: EnumMember, first: EnumMember) {
  return {
    code: 'duplicate-member',
    severity: 'warning' as const,
    message: `\`${fullName}\` lists \`${member.name}\` twice; the first (${where(first.source)}) is kept.`,
    expected: 'each member once',
    found: 'a second row with the same name',
    source: member.source,
  };
}

function where(source: Source): string {
  return `${source.file}:${source.line}`;
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
