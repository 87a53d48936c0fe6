// View data for validators/: per type a fast test (yes or no, no allocation), a
// collector that says where and why, and validate/is on top of both.
import type { EnumType, Property, Source, StructuredType, TypeDefinition, TypeRef } from '../model/types.js';
import { sourceFiles } from './docLines.js';
import { stringLiteral } from './escape.js';
import { ImportSet } from './imports.js';
import { asControlInformation, type EmitContext, isNullable } from './typeExpressions.js';


export function structuredValidatorView(type: StructuredType, ctx: EmitContext) {
  const typeName = ctx.typeNames.get(type.fullName)!;
  const imports = new ImportSet(`./${typeName}.js`);
  imports.add(`../models/${typeName}.js`, typeName, true);
  const chain = inheritanceChain(type, ctx);
  const properties = allProperties(chain).map(({ property, key }) => propertyRule(property, key, ctx, imports));
  // Each tested property's place in the collector's PROPERTIES, where the collector resumes when its test fails.
  const tested = properties.filter((property) => property.tested);
  const rules = properties.map((property) => ({ ...property, index: tested.indexOf(property) }));
  const subtypes = (ctx.subtypes.get(type.fullName) ?? []).map((fullName) => {
    const name = ctx.typeNames.get(fullName)!;
    imports.add(`./${name}.js`, `test${name}`);
    imports.add(`./${name}.js`, `collect${name}`);
    return { name, odataTypes: odataTypes(fullName) };
  });
  // OData: a type derived from an open type is open too.
  const open = chain.some((link) => link.openType);
  const odataExpected = subtypes.length === 0 ? `"#${type.fullName}"` : `"#${type.fullName}" or one of its ${subtypes.length} subtypes`;
  return {
    sources: sourceFiles(type.sources),
    imports: imports.lines(),
    typeName,
    source: sourceText(type.sources[0]!),
    known: properties.map((property) => property.name),
    open,
    properties: rules,
    tested: tested.length > 0,
    testedCount: tested.length,
    // A collector that neither reads its properties nor hands over to a subtype names `from` `_from`.
    from: tested.length > 0 || subtypes.length > 0 ? 'from' : '_from',
    // An open type whose tests never read `strict` names it `_strict`, unused parameters being allowed.
    strict: !open || subtypes.length > 0 || properties.some((property) => property.usesStrict) ? 'strict' : '_strict',
    ownTypes: odataTypes(type.fullName),
    subtypes,
    odataExpected: `an @odata.type of ${odataExpected}`,
  };
}

export function enumValidatorView(type: EnumType, ctx: EmitContext) {
  const imports = new ImportSet();
  const typeName = ctx.typeNames.get(type.fullName)!;
  const valuesName = `${typeName}Values`;
  imports.add(`../models/${typeName}.js`, typeName, true);
  imports.add(`../models/${typeName}.js`, valuesName);
  return {
    sources: sourceFiles(type.sources, type.members),
    imports: imports.lines(),
    typeName,
    valuesName,
    flags: type.flags,
    source: sourceText(type.sources[0]!),
  };
}

/** `#microsoft.graph.user`, as Graph writes it, and `microsoft.graph.user`, as request bodies often do. */
function odataTypes(fullName: string): string[] {
  return [`#${fullName}`, fullName];
}

function sourceText(source: Source): string {
  return `${source.file}:${source.line}`;
}

/** `type` and its bases, the root first. */
function inheritanceChain(type: StructuredType, ctx: EmitContext): StructuredType[] {
  const chain: StructuredType[] = [];
  for (let current: TypeDefinition | undefined = type; current?.kind !== 'enum' && current && !chain.includes(current); ) {
    chain.unshift(current);
    current = current.baseType ? ctx.types.get(current.baseType) : undefined;
  }
  return chain;
}

/** The properties a value of the chain's last type may have: inherited first, a redeclared one where its base has it. */
function allProperties(chain: StructuredType[]): Array<{ property: Property; key: boolean }> {
  const byName = new Map<string, { property: Property; key: boolean }>();
  for (const declaring of chain) {
    for (const property of declaring.properties) byName.set(property.name, { property, key: property.name === declaring.keyProperty });
  }
  return [...byName.values()];
}

function propertyRule(documented: Property, key: boolean, ctx: EmitContext, imports: ImportSet) {
  const property = asControlInformation(documented);
  const { test, collect, inline } = checksFor(property.type, ctx, imports);
  const nullable = isNullable(property, key);
  // Names Object.prototype also has are read only when the object has them itself.
  const own = property.name in Object.prototype;
  const access = own ? `rt.own(value, ${stringLiteral(property.name)})` : `value[${stringLiteral(property.name)}]`;
  const untyped = test === 'rt.isUntyped';
  // Free-form JSON takes any value, but null and arrays follow the docs too.
  const check = property.collection ? `rt.every(x, ${test}, strict)` : untyped ? 'x !== null' : (inline ?? `${test}(x, strict)`);
  return {
    name: property.name,
    // The inline test reads the property with `access` and checks it as an expression over `x`; none where anything goes.
    tested: !(untyped && nullable && !property.collection),
    access,
    nullable,
    check,
    testFunction: test,
    collectFunction: collect,
    usesStrict: check.endsWith(', strict)'),
    // The runtime's rule bits (NOT_NULL, COLLECTION, OWN) as one number: `rt.NOT_NULL | rt.COLLECTION`
    // would keep every validator's table in a bundle, as a bundler cannot tell that `|` has no side effects.
    rule: (nullable ? 0 : 1) | (property.collection ? 2 : 0) | (own ? 4 : 0),
    source: sourceText(property.source),
  };
}

/** The test and collector for `ref` (runtime ones under `rt.`), importing them as needed; `inline` is a cheaper test expression over `x`. */
function checksFor(ref: TypeRef, ctx: EmitContext, imports: ImportSet): { test: string; collect: string; inline?: string } {
  if (ref.kind === 'unresolved') return { test: 'rt.isUntyped', collect: 'rt.collectUntyped' };
  if (ref.kind === 'primitive') {
    const inline = ref.name === 'String' ? `typeof x === 'string'` : ref.name === 'Boolean' ? `typeof x === 'boolean'` : undefined;
    return { test: `rt.is${ref.name}`, collect: `rt.collect${ref.name}`, ...(inline ? { inline } : {}) };
  }
  const name = ctx.typeNames.get(ref.fullName)!;
  imports.add(`./${name}.js`, `test${name}`);
  imports.add(`./${name}.js`, `collect${name}`);
  return { test: `test${name}`, collect: `collect${name}` };
}

/** validatorsByType.ts: every type's validator under its full name, sorted by it. */
export function validatorsByTypeView(ctx: EmitContext) {
  const imports = new ImportSet();
  const entries = [...ctx.typeNames.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fullName, name]) => {
      imports.add(`./validators/${name}.js`, `validate${name}`);
      return { fullName, validator: `validate${name}` };
    });
  return { imports: imports.lines(), entries };
}
