// The model's types by name, with inherited properties and the subtype
// relation: what `lint --examples` needs to say what the docs expect at each
// place of an example. It decides nothing about validity (the generated
// validators do); it only finds the documented rule.
import { DEFAULT_NAMESPACE } from '../model/structuredTypes.js';
import type { EnumType, Model, PrimitiveName, Property, StructuredType, TypeDefinition, TypeRef } from '../model/types.js';

/** What the docs say a value is. */
export type Expected =
  | { kind: 'any' }
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'enum'; type: EnumType }
  | { kind: 'structured'; type: StructuredType };

export interface TypeIndex {
  get(fullName: string): TypeDefinition | undefined;
  /** `microsoft.graph.user`, `#microsoft.graph.user` or (in the default namespace) `user`, any case → the full name. */
  lookup(name: string): string | undefined;
  /** Every property of the type, its own first, then inherited ones (nearest base first). */
  properties(type: StructuredType): Map<string, Property>;
  /** `sub` is `base` or derives from it. */
  isA(sub: string, base: string): boolean;
  expected(ref: TypeRef): Expected;
}

export function indexModel(model: Model): TypeIndex {
  const types = new Map<string, TypeDefinition>(model.namespaces.flatMap((ns) => ns.types.map((type) => [type.fullName, type] as const)));
  const byLowerName = new Map<string, string>();
  for (const fullName of types.keys()) byLowerName.set(fullName.toLowerCase(), fullName);
  const propertyCache = new Map<string, Map<string, Property>>();

  const ancestors = (type: StructuredType): StructuredType[] => {
    const chain: StructuredType[] = [];
    const seen = new Set([type.fullName]);
    for (let base = type.baseType; base && !seen.has(base); ) {
      const next = types.get(base);
      if (!next || next.kind === 'enum') break;
      chain.push(next);
      seen.add(base);
      base = next.baseType;
    }
    return chain;
  };

  const index: TypeIndex = {
    get: (fullName) => types.get(fullName),
    lookup(name) {
      const bare = name.trim().replace(/^#/, '').toLowerCase();
      return byLowerName.get(bare) ?? (bare.includes('.') ? undefined : byLowerName.get(`${DEFAULT_NAMESPACE}.${bare}`));
    },
    properties(type) {
      let cached = propertyCache.get(type.fullName);
      if (!cached) {
        cached = new Map();
        for (const owner of [type, ...ancestors(type)]) {
          for (const property of owner.properties) if (!cached.has(property.name)) cached.set(property.name, property);
        }
        propertyCache.set(type.fullName, cached);
      }
      return cached;
    },
    isA(sub, base) {
      if (sub === base) return true;
      const type = types.get(sub);
      return type !== undefined && type.kind !== 'enum' && ancestors(type).some((ancestor) => ancestor.fullName === base);
    },
    expected(ref) {
      if (ref.kind === 'unresolved') return { kind: 'any' };
      if (ref.kind === 'primitive') return ref.name === 'Untyped' ? { kind: 'any' } : { kind: 'primitive', name: ref.name };
      const type = types.get(ref.fullName);
      if (!type) return { kind: 'any' };
      return type.kind === 'enum' ? { kind: 'enum', type } : { kind: 'structured', type };
    },
  };
  return index;
}

/** `String`, `String collection`, `enum riskLevel`, `microsoft.graph.identitySet`: what a message says the docs expect. */
export function describeExpected(expected: Expected, collection = false): string {
  const one =
    expected.kind === 'any'
      ? 'any JSON'
      : expected.kind === 'primitive'
        ? expected.name
        : expected.kind === 'enum'
          ? `enum ${expected.type.fullName}`
          : expected.type.fullName;
  return collection ? `${one} collection` : one;
}
