// Resolving a type as written in the docs to a primitive or a model type:
// by name first (the link text is the type name), then by link target.
import type { RawTypeRef } from '../parse/types.js';
import { primitiveFor } from './primitives.js';
import { anchorKey, type DiagnosticSink, fileKey, type SymbolTable } from './symbols.js';
import type { TypeRef } from './types.js';

const GRAPH_PREFIX = /^#?microsoft\.graph\./i;

export function resolveTypeRef(raw: RawTypeRef, symbols: SymbolTable, namespace: string, report: DiagnosticSink): TypeRef {
  const name = raw.name.trim();
  const primitive = primitiveFor(name);
  if (primitive && !raw.link) return { kind: 'primitive', name: primitive };

  const named = lookupName(name, symbols, namespace) ?? (raw.link ? lookupLink(raw.link, symbols) : undefined);
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
  const candidates = symbols.byName.get(simple.toLowerCase()) ?? [];
  return candidates.find((fullName) => fullName.toLowerCase() === `${namespace}.${simple}`.toLowerCase()) ?? candidates[0];
}
