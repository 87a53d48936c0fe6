// Targets that are not a documented type become types of their own, so that the
// generated validators check them too: a response's `{"value": …}` wrapper,
// and a request body documented as a table of properties. They live in a
// namespace of their own, added after the model's, so the documented types keep
// the names `docgen generate` gives them.
import type { Model, Property, StructuredType } from '../model/types.js';
import type { Target } from './collect.js';

export const SYNTHETIC_NAMESPACE = 'microsoft.graph.docgenLint';

export interface Augmented {
  model: Model;
  /** The type each target is validated as. */
  rootOf(target: Target): string;
}

export function withSyntheticTypes(model: Model, targets: Iterable<Target>): Augmented {
  const synthetic = new Map<string, StructuredType>();
  const keyOf = (target: Target): string | undefined => {
    if (target.kind === 'type') return undefined;
    if (target.kind === 'properties') return `bodyOf_${target.operation.name}`;
    const name = target.type.kind === 'named' ? target.type.fullName : target.type.kind === 'primitive' ? target.type.name : target.type.text;
    return `${target.collection ? 'collectionOf' : 'valueOf'}_${name.replace(/\W/g, '_')}`;
  };
  for (const target of targets) {
    if (target.kind === 'type') continue;
    const key = keyOf(target)!;
    if (synthetic.has(key)) continue;
    const body = target.kind === 'properties' ? target.operation.body : undefined;
    synthetic.set(key, {
      kind: 'complex',
      name: key,
      fullName: `${SYNTHETIC_NAMESPACE}.${key}`,
      namespace: SYNTHETIC_NAMESPACE,
      description: target.label,
      abstract: false,
      openType: false,
      properties: target.kind === 'value' ? [valueProperty(target)] : body?.kind === 'properties' ? body.properties : [],
      sources: [target.kind === 'value' ? target.source : target.operation.source],
    });
  }
  return {
    model: synthetic.size === 0 ? model : { ...model, namespaces: [...model.namespaces, { name: SYNTHETIC_NAMESPACE, types: [...synthetic.values()] }] },
    rootOf: (target) => (target.kind === 'type' ? target.fullName : `${SYNTHETIC_NAMESPACE}.${keyOf(target)!}`),
  };
}

function valueProperty(target: Extract<Target, { kind: 'value' }>): Property {
  return {
    name: 'value',
    type: target.type,
    collection: target.collection,
    description: target.label,
    readOnly: false,
    nullable: null,
    queryOptions: [],
    navigation: false,
    source: target.source,
  };
}
