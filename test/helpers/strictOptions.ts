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
