// The compiler options the suites check generated code with: strict, ES2022,
// Node's ES modules, and no ambient typings at all (neither the DOM nor
// @types/node), so the output must stand on its own.
import ts from 'typescript';

export const STRICT_OPTIONS: ts.CompilerOptions = {
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

/**
 * The flags careful consumers add to `strict` (the SDK ships as `.ts`, so theirs apply to it): exactly the set
 * the generated code must compile under, on top of STRICT_OPTIONS.
 */
export const CONSUMER_FLAGS = {
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
} as const satisfies ts.CompilerOptions;

export const CONSUMER_OPTIONS: ts.CompilerOptions = { ...STRICT_OPTIONS, ...CONSUMER_FLAGS };
