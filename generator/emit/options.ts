// What to emit and how to name it: the emit step's options, set in docgen.config.json.
import type { OpenApiOptions } from './openapi/document.js';

/** The kinds of output, each a folder of the output; `openapi` is one file, openapi.json. */
export const OUTPUT_KINDS = ['models', 'validators', 'schemas', 'requests', 'openapi'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface NamingOptions {
  /** Put before every type name, e.g. `Graph` → `GraphUser`. */
  typePrefix: string;
  /** Put after every type name, e.g. `Model` → `UserModel`. */
  typeSuffix: string;
}

/** Makes the output an npm package (.js, .d.ts and package.json in place of .ts); its package.json's fields. */
export interface PackageOptions {
  name: string;
  version: string;
  description?: string;
  license?: string;
  author?: string;
  homepage?: string;
  repository?: string;
  keywords?: string[];
}

/** The fields package.json takes from PackageOptions, in the order it lists them. */
export const PACKAGE_FIELDS = ['name', 'version', 'description', 'keywords', 'homepage', 'repository', 'license', 'author'] as const satisfies ReadonlyArray<keyof PackageOptions>;

export interface EmitOptions {
  outputs: readonly OutputKind[];
  naming: NamingOptions;
  package?: PackageOptions;
  /** openapi.json's info, server and Graph version. */
  openapi?: OpenApiOptions;
}

export const DEFAULT_EMIT_OPTIONS: EmitOptions = { outputs: OUTPUT_KINDS, naming: { typePrefix: '', typeSuffix: '' } };
