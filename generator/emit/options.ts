// What to emit and how to name it: the emit step's options, set in docgen.config.json.

/** The kinds of output, each a folder of the output. */
export const OUTPUT_KINDS = ['models', 'validators', 'schemas', 'requests'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface NamingOptions {
  /** Put before every type name, e.g. `Graph` → `GraphUser`. */
  typePrefix: string;
  /** Put after every type name, e.g. `Model` → `UserModel`. */
  typeSuffix: string;
}

export interface EmitOptions {
  outputs: readonly OutputKind[];
  naming: NamingOptions;
}

export const DEFAULT_EMIT_OPTIONS: EmitOptions = { outputs: OUTPUT_KINDS, naming: { typePrefix: '', typeSuffix: '' } };
