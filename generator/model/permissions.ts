// An operation's permissions: the tables its page holds, and those of the include
// files it names (and they name). An include that could not be read, one that
// leads outside the input folder, a cycle or nesting too deep is a diagnostic at
// the include line; the operation keeps the tables docgen could read. A page in
// transition holds both an inline table and an include: the include, when read,
// replaces the inline table of the same label.
import type { ApiPage, ParsedInclude, RawPermissions } from '../parse/types.js';
import { type IncludeFile, MAX_INCLUDE_DEPTH, resolveInclude } from '../read/includes.js';
import type { DiagnosticSink } from './symbols.js';
import type { Permissions, Severity, Source } from './types.js';

/** An include file as the model sees it, by the path the docs name it with: parsed, or why it could not be read. */
export type IncludedFile = { parsed: ParsedInclude } | { problem: NonNullable<IncludeFile['problem']> };

const PROBLEMS: Record<NonNullable<IncludeFile['problem']>, { code: string; found: string }> = {
  missing: { code: 'include-missing', found: 'no such file' },
  'not-a-file': { code: 'include-missing', found: 'a folder, not a file' },
  'ambiguous-case': { code: 'include-missing', found: 'several files whose names differ only in letter case' },
  symlink: { code: 'include-symlink', found: 'a symbolic link, which docgen never follows' },
};

export function resolvePermissions(page: ApiPage, includes: ReadonlyMap<string, IncludedFile>, report: DiagnosticSink): Permissions[] {
  const inline = new Set(page.permissions.flatMap((entry) => (entry.kind === 'table' ? [entry.permissions.label] : [])));
  const tables: Permissions[] = [];
  const replaced = new Set<string | undefined>();
  for (const entry of page.permissions) {
    if (entry.kind === 'table') {
      tables.push(entry.permissions);
      continue;
    }
    // A failed include loses nothing where an inline table of its label stands.
    const severity: Severity = inline.has(entry.label) ? 'info' : 'warning';
    const included = expand(page.file, entry, includes, { report, severity, chain: [page.file], includedFrom: entry.source });
    if (included.length > 0) replaced.add(entry.label);
    tables.push(...included);
  }
  return tables.filter((table) => table.includedFrom !== undefined || !replaced.has(table.label));
}

interface Walk {
  report: DiagnosticSink;
  severity: Severity;
  /** The page, then each include file on the way, by path. */
  chain: string[];
  /** The page's include line. */
  includedFrom: Source;
}

/** The tables an include line brings, its own includes followed; each labelled as the line is, unless it has a label of its own. */
function expand(from: string, entry: Extract<RawPermissions, { kind: 'include' }>, includes: ReadonlyMap<string, IncludedFile>, walk: Walk): Permissions[] {
  // Reported at the page's include line; one named by an include file says where.
  const problem = (code: string, message: string, expected: string, found: string, severity = walk.severity) => {
    const where = walk.chain.length > 1 ? ` (named in ${entry.source.file}:${entry.source.line})` : '';
    walk.report({ code, severity, message: `${message}${where}`, expected, found, source: walk.includedFrom });
    return [];
  };
  const resolved = resolveInclude(from, entry.target);
  if (resolved === undefined) {
    return problem('include-outside', 'The permissions include leads outside the input folder, which docgen does not read; its permissions are not recorded.', 'a relative path inside the input folder (give the folder that holds both the pages and `includes/` as the input)', entry.target);
  }
  if (walk.chain.includes(resolved)) {
    return problem('include-cycle', 'The permissions include names a file that is already being included; it is followed once.', 'includes that do not include each other', [...walk.chain.slice(1), resolved].join(' → '));
  }
  if (walk.chain.length > MAX_INCLUDE_DEPTH) {
    return problem('include-depth', `The permissions include is nested more than ${MAX_INCLUDE_DEPTH} deep; it is not read.`, `at most ${MAX_INCLUDE_DEPTH} levels of includes`, resolved);
  }
  const file = includes.get(resolved) ?? { problem: 'missing' };
  if ('problem' in file) {
    const { code, found } = PROBLEMS[file.problem];
    return problem(code, 'The permissions include cannot be read; its permissions are not recorded.', `a file at ${resolved} inside the input folder`, found);
  }
  if (file.parsed.file !== resolved) {
    problem('include-case', 'The permissions include names its file in another letter case; the file is read all the same.', resolved, file.parsed.file, 'info');
  }
  const chain = [...walk.chain, resolved];
  return file.parsed.permissions.flatMap((inner): Permissions[] => {
    const label = inner.kind === 'table' ? (inner.permissions.label ?? entry.label) : (inner.label ?? entry.label);
    if (inner.kind === 'include') return expand(file.parsed.file, label === undefined ? inner : { ...inner, label }, includes, { ...walk, chain });
    const table: Permissions = { ...inner.permissions, includedFrom: walk.includedFrom };
    return [label === undefined ? table : { ...table, label }];
  });
}
