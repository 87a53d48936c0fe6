// Types matched by full name; structured types compared by base, openness and
// properties, enums by flags and members (matched by name).
import type { EnumType, Model, Property, Source, StructuredType, TypeDefinition } from '../model/types.js';
import type { Reporter, Subject } from './compareModels.js';
import { aboutItem, compareNotes, compareProperties } from './compareProperties.js';

type Types = ReadonlyMap<string, TypeDefinition>;

export function compareTypes(before: Model, after: Model, at: (subject: Subject) => Reporter): void {
  const old = typesByName(before);
  const now = typesByName(after);
  for (const fullName of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const report = at({ kind: 'type', name: fullName });
    const a = old.get(fullName);
    const b = now.get(fullName);
    if (!b) report('type-removed', primarySource(a!), { from: a!.kind });
    else if (!a) report('type-added', primarySource(b), { to: b.kind });
    else compareType(a, b, { before: old, after: now }, report);
  }
}

function compareType(a: TypeDefinition, b: TypeDefinition, types: { before: Types; after: Types }, report: Reporter): void {
  const source = primarySource(b);
  if ((a.kind === 'enum') !== (b.kind === 'enum')) {
    report('kind-changed', source, { from: a.kind, to: b.kind });
    return;
  }
  compareNotes(a, b, report, source);
  if (a.kind === 'enum') compareEnum(a, b as EnumType, report, source);
  else compareStructured(a, b as StructuredType, types, report, source);
}

function compareStructured(a: StructuredType, b: StructuredType, types: { before: Types; after: Types }, report: Reporter, source: Source): void {
  if (a.baseType !== b.baseType) {
    if (!a.baseType) report('base-type-added', source, { to: b.baseType! });
    else if (!b.baseType) report('base-type-removed', source, { from: a.baseType });
    else report(derivesFrom(b.baseType, a.baseType, types.after) ? 'base-type-derived' : 'base-type-changed', source, { from: a.baseType, to: b.baseType });
  }
  if (a.openType !== b.openType) report(b.openType ? 'open-type-added' : 'open-type-removed', source);
  const inherited = { before: inheritedProperties(a, types.before), after: inheritedProperties(b, types.after) };
  compareProperties(a.properties, b.properties, 'property', report, inherited);
}

function compareEnum(a: EnumType, b: EnumType, report: Reporter, source: Source): void {
  if (a.flags !== b.flags) report(b.flags ? 'flags-added' : 'flags-removed', source);
  const now = new Map(b.members.map((member) => [member.name, member]));
  const was = new Set(a.members.map((member) => member.name));
  for (const old of a.members) {
    const member = now.get(old.name);
    const at = aboutItem(report, { kind: 'member', name: old.name });
    if (!member) {
      at('member-removed', old.source);
      continue;
    }
    if (old.value !== member.value) at('member-value-changed', member.source, { from: String(old.value ?? 'none'), to: String(member.value ?? 'none') });
    compareNotes(old, member, at, member.source);
  }
  for (const member of b.members) if (!was.has(member.name)) aboutItem(report, { kind: 'member', name: member.name })('member-added', member.source);
}

/** Does `type` have `ancestor` among its bases? */
function derivesFrom(type: string, ancestor: string, types: Types): boolean {
  return baseChain(type, types).includes(ancestor);
}

/** The properties a type inherits, nearest base first. */
function inheritedProperties(type: StructuredType, types: Types): Map<string, Property> {
  const inherited = new Map<string, Property>();
  for (const name of type.baseType ? [type.baseType, ...baseChain(type.baseType, types)] : []) {
    const base = types.get(name);
    if (base?.kind === 'enum') continue;
    for (const property of base?.properties ?? []) if (!inherited.has(property.name)) inherited.set(property.name, property);
  }
  return inherited;
}

/** The bases of `type`, nearest first (a cycle in the docs stops the walk). */
function baseChain(type: string, types: Types): string[] {
  const chain: string[] = [];
  for (let current = types.get(type); current?.kind !== 'enum' && current?.baseType && !chain.includes(current.baseType); ) {
    chain.push(current.baseType);
    current = types.get(current.baseType);
  }
  return chain;
}

function typesByName(model: Model): Map<string, TypeDefinition> {
  return new Map(model.namespaces.flatMap((namespace) => namespace.types.map((type) => [type.fullName, type] as const)));
}

function primarySource(type: TypeDefinition): Source {
  return type.sources[0]!;
}
