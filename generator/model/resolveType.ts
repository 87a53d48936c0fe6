// Resolving a type as written in the docs to a primitive or a model type:
// by name first (the link text is the type name), then by link target, unless
// the text is a primitive's Edm name.
import type { RawTypeRef } from '../parse/types.js';
import { primitiveFor } from './primitives.js';
import { anchorKey, type DiagnosticSink, fileKey, type SymbolTable } from './symbols.js';
import type { TypeRef } from './types.js';

const GRAPH_PREFIX = /^#?microsoft\.graph\./i;

const UNION = /\bor\b/i;
/** A primitive's Edm name as link text: the text says the type, whatever page the link goes to (`[DateTimeOffset](timestamp.md)`). */
const EDM_NAME = /^(?:edm\.)?(?:string|boolean|byte|sbyte|int16|int32|int64|single|double|decimal|datetimeoffset|date|timeofday|duration|guid|binary|stream)$/i;
const UNKNOWN_TYPE = /^\**\s*Unknown Type\b/i;

/**
 * Free text around a type name: `string, maximum size 20`, `String (optional)`,
 * `(Optional) String`, `**x**`, `error object`.
 */
export function cleanTypeName(text: string): string {
  return text
    .replace(/\*+/g, '')
    .replace(/^\s*\((?:optional|required)\)\s*/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/,.*$/, '')
    .replace(/\s+(?:object|value|enum|type)$/i, '')
    .trim();
}

export function resolveTypeRef(raw: RawTypeRef, symbols: SymbolTable, namespace: string, report: DiagnosticSink): TypeRef {
  if (UNKNOWN_TYPE.test(raw.name) || (!raw.link && UNION.test(raw.name))) {
    report({
      code: UNKNOWN_TYPE.test(raw.name) ? 'unknown-type' : 'type-union',
      severity: 'info',
      message: `The docs give \`${raw.name}\` as the type; it is typed as any JSON value.`,
      expected: 'one type name',
      found: `\`${raw.name}\``,
      source: raw.source,
    });
    return { kind: 'primitive', name: 'Untyped' };
  }
  const name = /^[\w.#]+$/.test(raw.name.trim()) ? raw.name.trim() : cleanTypeName(raw.name);
  const primitive = primitiveFor(name);
  if (primitive && !raw.link) return { kind: 'primitive', name: primitive };

  const named = lookupName(name, symbols, namespace) ?? (raw.link && !EDM_NAME.test(name) ? lookupLink(raw.link, symbols) : undefined);
  if (named) return { kind: 'named', fullName: named };
  if (primitive) return { kind: 'primitive', name: primitive };

  report({
    code: 'unresolved-type',
    severity: 'warning',
    message: `No page defines the type \`${name}\`; it is typed as unknown.`,
    expected: 'a primitive, or a type defined by a resource or enum page',
    found: raw.link ? `\`${name}\` linking to ${raw.link}` : `\`${name}\``,
    source: raw.source,
  });
  return { kind: 'unresolved', text: name };
}

/** The type a link's target defines: the section it points into, else the page. */
function lookupLink(link: string, symbols: SymbolTable): string | undefined {
  return symbols.byFile.get(anchorKey(link)) ?? symbols.byFile.get(fileKey(link));
}

/** A simple or qualified name; among same-named types, the one in `namespace` wins. */
export function lookupName(name: string, symbols: SymbolTable, namespace: string): string | undefined {
  const exact = symbols.byFullName.get(name.toLowerCase().replace(/^#/, ''));
  if (exact) return exact;
  const simple = name.replace(GRAPH_PREFIX, '');
  if (simple.includes('.')) return symbols.byFullName.get(`microsoft.graph.${simple}`.toLowerCase());
  // Response sentences often use the plural ("a collection of vendors").
  const candidates = symbols.byName.get(simple.toLowerCase()) ?? symbols.byName.get(simple.toLowerCase().replace(/s$/, '')) ?? [];
  return candidates.find((fullName) => fullName.toLowerCase() === `${namespace}.${simple}`.toLowerCase()) ?? candidates[0];
}
