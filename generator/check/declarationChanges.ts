// Which top-level declarations of a TypeScript file differ between the output
// folder's copy and what the docs produce. Both versions are parsed and their
// declarations compared by name and text (comments included), so a report can
// say "interface X, member y" instead of "lines 40–48".
import type { ts } from 'ts-morph';
import { compiler } from '../typescript.js';
import type { Change } from '../write/compareOutput.js';

export type DeclarationKind = 'interface' | 'type' | 'enum' | 'class' | 'function' | 'variable' | 'namespace' | 'import' | 'export' | 'statement';

export interface MemberChange {
  /** A property, enum member or object key by its name; a union or array element by its literal value, else its text. */
  name: string;
  change: Change;
}

export interface DeclarationChange {
  kind: DeclarationKind;
  /** The declared name; for imports and re-exports the module they name; for any other statement its text, shortened. */
  name: string;
  change: Change;
  /**
   * For a changed interface, type alias of a union or object type, enum, or constant
   * holding an object or array: the members that differ (empty when only the
   * declaration's comment or header does). Absent otherwise.
   */
  members?: MemberChange[];
  /** The names of its members as the docs produce them (present with `members`). */
  membersFromDocs?: string[];
  /** 1-based line of the declaration in the output folder's copy; absent when added. */
  outputLine?: number;
}

export interface ParseFailure {
  /** Which version does not parse. */
  side: 'onDisk' | 'fromDocs';
  line: number;
  column: number;
  message: string;
}

export type FileDeclarations = { declarations: DeclarationChange[] } | { parseFailure: ParseFailure };

/** Compares the declarations of two versions of a file; a missing version counts as empty. */
export function declarationChanges(file: string, onDisk = '', fromDocs = ''): FileDeclarations {
  const before = parse(file, onDisk, 'onDisk');
  if ('parseFailure' in before) return before;
  const after = parse(file, fromDocs, 'fromDocs');
  if ('parseFailure' in after) return after;
  const declarations = compareByKey(before.declared, after.declared).map(({ change, before: old, after: now }): DeclarationChange => {
    const { kind, name } = (now ?? old)!;
    const declaration: DeclarationChange = { kind, name, change };
    if (change === 'changed' && old!.members && now!.members) {
      declaration.members = compareByKey(old!.members, now!.members).map(({ key, change }) => ({ name: key, change }));
      declaration.membersFromDocs = [...now!.members.keys()];
    }
    if (old) declaration.outputLine = old.line;
    return declaration;
  });
  return { declarations };
}

/** A top-level declaration: its text includes its doc comment; same-named ones (overloads, merged interfaces) are joined. */
interface Declared {
  kind: DeclarationKind;
  name: string;
  text: string;
  line: number;
  /** Member name → text, for the declarations that have members. */
  members?: Map<string, string>;
}

function parse(file: string, text: string, side: ParseFailure['side']): { declared: Map<string, Declared> } | { parseFailure: ParseFailure } {
  const source = compiler().createSourceFile(file, text, compiler().ScriptTarget.Latest, true, compiler().ScriptKind.TS);
  // The parser recovers from any error; its diagnostics (not public API, also read by emit/format.ts) say whether it had to.
  const [error] = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (error) {
    const { line, character } = source.getLineAndCharacterOfPosition(error.start ?? 0);
    return { parseFailure: { side, line: line + 1, column: character + 1, message: compiler().flattenDiagnosticMessageText(error.messageText, ' ') } };
  }
  const declared = new Map<string, Declared>();
  for (const statement of source.statements) {
    for (const item of declare(statement, source)) {
      const key = `${item.kind} ${item.name}`;
      const previous = declared.get(key);
      declared.set(key, previous ? join(previous, item) : item);
    }
  }
  return { declared };
}

function declare(statement: ts.Statement, source: ts.SourceFile): Declared[] {
  const text = fullText(statement, source);
  const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1;
  const named = (kind: DeclarationKind, name: ts.Node | undefined, members?: Map<string, string>): Declared[] => [
    { kind, name: name ? memberName(name, source) : 'default', text, line, ...(members && { members }) },
  ];
  if (compiler().isInterfaceDeclaration(statement)) return named('interface', statement.name, membersOf(statement.members, source));
  if (compiler().isTypeAliasDeclaration(statement)) return named('type', statement.name, typeMembers(statement.type, source));
  if (compiler().isEnumDeclaration(statement)) return named('enum', statement.name, membersOf(statement.members, source));
  if (compiler().isClassDeclaration(statement)) return named('class', statement.name);
  if (compiler().isFunctionDeclaration(statement)) return named('function', statement.name);
  if (compiler().isModuleDeclaration(statement)) return named('namespace', statement.name);
  if (compiler().isImportDeclaration(statement)) return named('import', statement.moduleSpecifier);
  if (compiler().isImportEqualsDeclaration(statement)) return named('import', statement.name);
  if (compiler().isExportDeclaration(statement)) return named('export', statement.moduleSpecifier ?? statement.exportClause);
  if (compiler().isExportAssignment(statement)) return named('export', undefined);
  if (compiler().isVariableStatement(statement)) {
    const declarations = statement.declarationList.declarations;
    // Each constant on its own, with the statement's comment and keywords (`export const`) before it.
    const head = source.text.slice(statement.getStart(source, true), declarations[0]!.getStart(source));
    return declarations.map((declaration) => ({
      kind: 'variable',
      name: memberName(declaration.name, source),
      text: head + declaration.getText(source),
      line: source.getLineAndCharacterOfPosition(declaration.getStart(source)).line + 1,
      ...(declaration.initializer && valueMembers(declaration.initializer, source)),
    }));
  }
  return [{ kind: 'statement', name: shorten(statement.getText(source)), text, line }];
}

/** `type X = 'a' | 'b'` and `type X = { … }` have members; other aliases do not. */
function typeMembers(type: ts.TypeNode, source: ts.SourceFile): Map<string, string> | undefined {
  if (compiler().isParenthesizedTypeNode(type)) return typeMembers(type.type, source);
  if (compiler().isUnionTypeNode(type)) return membersOf(type.types, source);
  if (compiler().isTypeLiteralNode(type)) return membersOf(type.members, source);
  return undefined;
}

/** A constant holding an object (`{ … } as const`) or an array (an enum's list of values) has members. */
function valueMembers(value: ts.Expression, source: ts.SourceFile): { members: Map<string, string> } | undefined {
  if (compiler().isAsExpression(value) || compiler().isSatisfiesExpression(value) || compiler().isParenthesizedExpression(value) || compiler().isTypeAssertionExpression(value)) {
    return valueMembers(value.expression, source);
  }
  if (compiler().isObjectLiteralExpression(value)) return { members: membersOf(value.properties, source) };
  if (compiler().isArrayLiteralExpression(value)) return { members: membersOf(value.elements, source) };
  return undefined;
}

function membersOf(nodes: readonly ts.Node[], source: ts.SourceFile): Map<string, string> {
  const members = new Map<string, string>();
  for (const node of nodes) {
    const name = memberName(compiler().getNameOfDeclaration(node as ts.Declaration) ?? node, source);
    const text = fullText(node, source);
    const previous = members.get(name);
    members.set(name, previous === undefined ? text : `${previous}\n${text}`);
  }
  return members;
}

/** An identifier or a literal by its value (`'@odata.type'` → `@odata.type`), anything else by its text. */
function memberName(node: ts.Node, source: ts.SourceFile): string {
  if (compiler().isLiteralTypeNode(node)) return memberName(node.literal, source);
  if (compiler().isIdentifier(node) || compiler().isPrivateIdentifier(node) || compiler().isStringLiteralLike(node) || compiler().isNumericLiteral(node)) return node.text;
  return shorten(node.getText(source));
}

function join(a: Declared, b: Declared): Declared {
  const joined: Declared = { ...a, text: `${a.text}\n${b.text}` };
  if (a.members || b.members) {
    joined.members = new Map(a.members);
    for (const [name, text] of b.members ?? []) {
      const previous = joined.members.get(name);
      joined.members.set(name, previous === undefined ? text : `${previous}\n${text}`);
    }
  }
  return joined;
}

/** Pairs two keyed collections: what changed, in the docs' order, then what only the output has, in its order. */
function compareByKey<T extends Declared | string>(before: Map<string, T>, after: Map<string, T>): Array<{ key: string; change: Change; before?: T; after?: T }> {
  const text = (item: T) => (typeof item === 'string' ? item : item.text);
  const pairs: Array<{ key: string; change: Change; before?: T; after?: T }> = [];
  for (const [key, now] of after) {
    const old = before.get(key);
    if (old === undefined) pairs.push({ key, change: 'added', after: now });
    else if (text(old) !== text(now)) pairs.push({ key, change: 'changed', before: old, after: now });
  }
  for (const [key, old] of before) if (!after.has(key)) pairs.push({ key, change: 'removed', before: old });
  return pairs;
}

/** A node's text from its doc comment (`/** … *\/`) on. */
function fullText(node: ts.Node, source: ts.SourceFile): string {
  return source.text.slice(node.getStart(source, true), node.getEnd());
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
