// The one place that knows how the generated validators are called and what
// they return (generated/runtime/validation.ts):
//   validate<TypeName>(value, { mode: 'lenient' | 'strict' }) →
//     { valid, errors: ValidationIssue[], warnings: ValidationIssue[] }
//   ValidationIssue = { path (a JSON Pointer), message, expected, found, source ('resources/x.md:42') }
// Older validators took no options and returned `{ valid, errors: { path, message }[] }`
// with the message `expected …, found …`; they are read the same way.

export type ValidationMode = 'lenient' | 'strict';

export interface Issue {
  /** JSON Pointer. */
  path: string;
  message: string;
  expected: string;
  found: string;
  /** The doc rule, `file:line` relative to the input folder, when the validator says. */
  source?: string;
}

export interface Outcome {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export type Validator = (value: unknown, options?: { mode?: ValidationMode }) => unknown;

/** The name the validators module exports for the type emitted as `typeName`. */
export function validatorName(typeName: string): string {
  return `validate${typeName}`;
}

export function runValidator(validate: Validator, value: unknown, mode: ValidationMode): Outcome {
  const result = validate(value, { mode }) as { valid?: unknown; errors?: unknown; warnings?: unknown };
  const errors = issues(result.errors);
  return { valid: result.valid === true && errors.length === 0, errors, warnings: issues(result.warnings) };
}

function issues(list: unknown): Issue[] {
  if (!Array.isArray(list)) return [];
  return list.map((raw: Record<string, unknown>) => {
    const message = String(raw['message'] ?? '');
    const split = /^expected (.*), found (.*)$/s.exec(message);
    const issue: Issue = {
      path: String(raw['path'] ?? ''),
      message,
      expected: typeof raw['expected'] === 'string' ? raw['expected'] : (split?.[1] ?? message),
      found: typeof raw['found'] === 'string' ? raw['found'] : (split?.[2] ?? ''),
    };
    if (typeof raw['source'] === 'string' && raw['source'] !== '') issue.source = raw['source'];
    return issue;
  });
}
