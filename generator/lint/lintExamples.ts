// `docgen lint --examples`: every JSON example of the docs checked by the
// generated validators against the type it documents.
//   collect the examples and their types → add types for what no documented type
//   covers (response wrappers, body tables) → load the generated validators →
//   per example: take out the placeholders, validate, name each finding → locate it.
import type { NamingOptions } from '../emit/options.js';
import type { Model, Source } from '../model/types.js';
import { classifyIssue, type Finding, placeholderFinding } from './classify.js';
import { type CollectedExample, collectExamples, type Target } from './collect.js';
import { inspectExample, isObject } from './inspect.js';
import { type LoadedValidators, loadValidators } from './loadGenerated.js';
import { locatePointers, type Position, positionOf } from './locate.js';
import { withSyntheticTypes } from './synthetic.js';
import { indexModel, type TypeIndex } from './typeIndex.js';
import { type Issue, runValidator, type ValidationMode } from './validatorApi.js';

export interface LocatedFinding extends Finding {
  /** Where in the page: the pointer's line and column in the example, else the example's block. */
  position: Position;
}

export interface ExampleResult {
  example: CollectedExample;
  status: 'passed' | 'failed' | 'skipped';
  /** What it was checked as: `microsoft.graph.user`, `Collection(microsoft.graph.user)`, `the request body table of x`. */
  checkedAs?: string;
  errors: LocatedFinding[];
  warnings: LocatedFinding[];
  /** Placeholders that fit the documented type (the ones that do not are errors). */
  placeholders: number;
}

export interface LintExamplesOptions {
  mode: ValidationMode;
  naming: NamingOptions;
  /** A page's lines, by its path relative to its input folder, to place findings on their line. */
  lines(file: string): readonly string[] | undefined;
}

export async function lintExamples(model: Model, options: LintExamplesOptions): Promise<ExampleResult[]> {
  const examples = collectExamples(model, indexModel(model));
  const augmented = withSyntheticTypes(model, examples.flatMap((example) => (example.target ? [example.target] : [])));
  const index = indexModel(augmented.model);
  const validators = await loadValidators(augmented.model, options.naming);
  return examples.map((example) => {
    if (!example.target) return { example, status: 'skipped', errors: [], warnings: [], placeholders: 0 };
    return checkExample(example, example.target, augmented.rootOf(example.target), index, validators, options);
  });
}

function checkExample(
  example: CollectedExample,
  target: Target,
  root: string,
  index: TypeIndex,
  validators: LoadedValidators,
  options: LintExamplesOptions,
): ExampleResult {
  const type = index.get(root);
  const validate = validators.validatorFor(root);
  if (!type || type.kind === 'enum' || !validate) throw new Error(`lint --examples: no validator for ${root}`);
  const rootSource = type.sources[0];
  const context = example.kind === 'representation' ? 'representation' : 'example';
  const { shape, parts } = partsOf(example, target, index);
  const errors: Finding[] = shape ? [shape] : [];
  const warnings: Finding[] = [];
  let placeholders = 0;
  for (const { prefix, value } of parts) {
    // A body table or a response wrapper is no OData type: the `@odata.type` the body states cannot be checked against it.
    const checked = target.kind !== 'type' && isObject(value) && Object.hasOwn(value, '@odata.type') ? withoutODataType(value) : value;
    const inspection = inspectExample(checked, { kind: 'structured', type }, context, index);
    const outcome = runValidator(validate, inspection.value, options.mode);
    const at = (finding: Finding): Finding => (prefix ? { ...finding, pointer: prefix + finding.pointer } : finding);
    const classify = (severity: Finding['severity']) => (issue: Issue) =>
      at(classifyIssue(issue, inspection.original(issue.path), severity, inspection, value, index, rootSource));
    errors.push(...inspection.misfits.map((misfit) => at(placeholderFinding(misfit, rootSource))), ...outcome.errors.map(classify('error')));
    warnings.push(...outcome.warnings.map(classify('warning')));
    placeholders += inspection.fits;
  }
  const locate = locator(example.source, options);
  return {
    example,
    status: errors.length > 0 ? 'failed' : 'passed',
    checkedAs: target.label,
    errors: dedupe(errors).map(locate),
    warnings: warnings.map(locate),
    placeholders,
  };
}

/**
 * What is validated as the target type, at which pointer: the whole body,
 * except for a response whose shape is not the documented one (a finding),
 * where the objects inside are checked all the same: `{"value": {…}}` around
 * one object, or `{"value": [ … ]}` where the Response section says one object.
 */
function partsOf(example: CollectedExample, target: Target, index: TypeIndex): { shape?: Finding; parts: Array<{ prefix: string; value: unknown }> } {
  const body = example.body;
  const whole = { parts: [{ prefix: '', value: body }] };
  if (example.kind !== 'response') return whole;
  if (target.kind === 'value') {
    if (isObject(body) && Object.hasOwn(body, 'value')) return whole;
    return { shape: shape(`an object {"value": …} holding ${target.label}`, describe(body), target.source), parts: [] };
  }
  if (target.kind !== 'type' || !isObject(body) || !Object.hasOwn(body, 'value')) return whole;
  const type = index.get(target.fullName);
  const inner = body['value'];
  const onlyValue = Object.keys(body).every((key) => key === 'value' || key.startsWith('@'));
  if (!type || type.kind === 'enum' || !onlyValue) return whole;
  // A type with a `value` property of its own is wrapped only when the inner object says it is the type.
  const innerType = isObject(inner) && typeof inner['@odata.type'] === 'string' ? index.lookup(inner['@odata.type']) : undefined;
  if (index.properties(type).has('value') && !(innerType && index.isA(innerType, type.fullName))) return whole;
  if (Array.isArray(inner)) {
    return {
      shape: shape(`one ${target.label} object, as the Response section says`, 'a collection, {"value": [ … ]}', target.source),
      parts: inner.map((item, position) => ({ prefix: `/value/${position}`, value: item })),
    };
  }
  if (!isObject(inner)) return whole;
  return { shape: shape(`one ${target.label} object, as the Response section says`, 'the object wrapped in {"value": { … }}', target.source), parts: [{ prefix: '/value', value: inner }] };
}

function withoutODataType(body: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key !== '@odata.type') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function shape(expected: string, found: string, source: Source | undefined): Finding {
  const finding: Finding = { severity: 'error', class: 'response-shape', pointer: '', expected, found };
  if (source) finding.rule = { file: source.file, line: source.line };
  return finding;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return `an object without "value"`;
  return typeof value;
}

/** One finding per pointer and class (a placeholder and the validator may both see the same value). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.pointer}\u0000${finding.class}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function locator(source: Source, options: LintExamplesOptions): (finding: Finding) => LocatedFinding {
  let positions: Map<string, Position> | undefined;
  return (finding) => {
    if (!positions) {
      const lines = options.lines(source.file);
      positions = lines ? locatePointers(lines, source.line) : new Map();
    }
    return { ...finding, position: positionOf(positions, finding.pointer, source) };
  };
}
