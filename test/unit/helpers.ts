// Shared helpers for the unit tests: building small Markdown pages line by
// line, parsing them, and narrowing the parsed page to the expected kind.
import type { RootContent, Table } from 'mdast';
import type { Diagnostic } from '../../generator/model/types.js';
import { createContext, type PageContext } from '../../generator/parse/context.js';
import { parseMarkdown } from '../../generator/parse/markdown.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import type { ApiPage, EnumPage, PageResult, ParsedPage, ResourcePage } from '../../generator/parse/types.js';

/** A code fence marker; template literals make inline backticks awkward. */
export const FENCE = '```';

/** Joins lines into a page (with a trailing newline). */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

/** The diagnostics with a given code. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function expectKind<K extends ParsedPage['kind']>(page: ParsedPage, kind: K): Extract<ParsedPage, { kind: K }> {
  if (page.kind !== kind) throw new Error(`expected a ${kind} page, got a ${page.kind} page (${page.file})`);
  return page as Extract<ParsedPage, { kind: K }>;
}

export function parseResource(file: string, text: string): { page: ResourcePage; diagnostics: Diagnostic[] } {
  const result = parsePage(file, text);
  return { page: expectKind(result.page, 'resource'), diagnostics: result.diagnostics };
}

export function parseApi(file: string, text: string): { page: ApiPage; diagnostics: Diagnostic[] } {
  const result = parsePage(file, text);
  return { page: expectKind(result.page, 'api'), diagnostics: result.diagnostics };
}

export function parseEnum(file: string, text: string): { page: EnumPage; diagnostics: Diagnostic[] } {
  const result = parsePage(file, text);
  return { page: expectKind(result.page, 'enum'), diagnostics: result.diagnostics };
}

export function parse(file: string, text: string): PageResult {
  return parsePage(file, text);
}

/** Parses Markdown holding (at least) one table and returns the first table with a fresh context. */
export function firstTable(text: string, file = 'table.md'): { ctx: PageContext; table: Table; nodes: RootContent[] } {
  const root = parseMarkdown(text);
  const ctx = createContext(file, root, text);
  const table = root.children.find((node): node is Table => node.type === 'table');
  if (!table) throw new Error('the Markdown holds no table');
  return { ctx, table, nodes: root.children };
}

/** A minimal resource page: title, namespace line, optional intro lines, then a Properties table with the given rows. */
export function resourcePage(name: string, rows: string[], options: { intro?: string[]; after?: string[] } = {}): string {
  return lines(
    `# ${name} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    ...(options.intro ?? []),
    '',
    '## Properties',
    '',
    '| Property | Type | Description |',
    '|:---|:---|:---|',
    ...rows,
    '',
    ...(options.after ?? []),
  );
}

/** The `"blockType": "resource"` annotation and JSON fence of a resource page. */
export function resourceAnnotation(json: string): string[] {
  return ['## JSON representation', '', `<!-- ${json} -->`, '', `${FENCE}json`, '{}', FENCE];
}

/** A minimal API page: title, application permission, request lines, a request body section and a response paragraph. */
export function simpleApiPage(title: string, requestLines: string[], response: string, body: string[] = ['Do not supply a request body for this method.']): string {
  return lines(
    `# ${title}`,
    '',
    'Namespace: microsoft.graph',
    '',
    '## Permissions',
    '',
    '|Permission type|Permissions (from least to most privileged)|',
    '|:---|:---|',
    '|Application|Widget.ReadWrite.All|',
    '',
    '## HTTP request',
    '',
    `${FENCE}http`,
    ...requestLines,
    FENCE,
    '',
    '## Request body',
    '',
    ...body,
    '',
    '## Response',
    '',
    response,
  );
}

