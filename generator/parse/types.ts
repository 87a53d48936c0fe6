// What the parse stage extracts from one page, before any cross-page
// resolution: type names are still the docs' text (and link targets).
import type {
  Deprecation,
  Diagnostic,
  EnumMember,
  HeaderSpec,
  HttpExample,
  HttpMethod,
  JsonRepresentation,
  Permissions,
  Source,
} from '../model/types.js';

/** A type as written in a table cell or a sentence: `[remoteAction](x.md)`, `String collection`. */
export interface RawTypeRef {
  /** The type name: the link text, or the cell text without `collection` or `Collection(…)` (`Edm.` is left to the model). */
  name: string;
  /** Link target, when the name was a link. */
  link?: string;
  collection: boolean;
  source: Source;
}

export interface RawProperty {
  name: string;
  type: RawTypeRef;
  description: string;
  navigation: boolean;
  /** The name cell says `name (deprecated)`. */
  deprecated?: boolean;
  /** "Inherited from [x](…)" in the description (Intune tags every inherited row). */
  inheritedFrom?: RawTypeRef;
  source: Source;
}

/** An enum documented as a `### x values` section with a members table. */
export interface EnumSection {
  file: string;
  name: string;
  namespace?: string;
  /** The heading's anchor, e.g. `risklevel-values`, for links such as `enums.md#risklevel-values`. */
  anchor: string;
  description: string;
  members: EnumMember[];
  source: Source;
}

interface PageBase {
  file: string;
  /** The H1 text. */
  title: string;
  namespace?: string;
  /** The first paragraph of prose after the title. */
  description: string;
  deprecated?: Deprecation;
  source: Source;
  /** Enums the page documents in `### x values` sections. */
  enumSections: EnumSection[];
}

export interface ResourceAnnotation {
  odataType?: string;
  baseType?: string;
  keyProperty?: string;
  abstract: boolean;
  openType: boolean;
  source: Source;
}

export interface ResourcePage extends PageBase {
  kind: 'resource';
  /** Type name (without namespace) from the annotation, the H1 or the file name. */
  name: string;
  annotation?: ResourceAnnotation;
  /** "Inherits from [x](…)" before the first section. */
  inheritsFrom?: RawTypeRef;
  properties: RawProperty[];
  /** The page has a Methods or Relationships section (a hint that the type is an entity). */
  hasEntitySections: boolean;
  /** The top-level keys of the JSON representation block (not `@odata.*`), to cross-check with the table. */
  jsonKeys?: { keys: string[]; source: Source };
  /** The JSON representation block after the resource annotation: its value (JSON5), or why it could not be read. */
  json?: JsonRepresentation;
}

export interface EnumPage extends PageBase {
  kind: 'enum';
  name: string;
  members: EnumMember[];
}

export interface HttpRequestLine {
  method: HttpMethod;
  path: string;
  source: Source;
}

export type RawRequestBody =
  | { kind: 'none' }
  | { kind: 'described'; type?: RawTypeRef; properties: RawProperty[]; source: Source };

export interface RawResponse {
  /** Absent where the text names a returned type but no status code. */
  status?: number;
  /** The linked (or named) type of the body; absent when the page names none. */
  type?: RawTypeRef;
  collection: boolean;
  /** The page says there is no body (204, "does not return anything"). */
  empty: boolean;
  source: Source;
}

export interface ApiPage extends PageBase {
  kind: 'api';
  requests: HttpRequestLine[];
  /** The Permissions section's tables and permission includes, in order; empty where it has none. */
  permissions: RawPermissions[];
  headers: HeaderSpec[];
  supportsQueryOptions: boolean;
  /** Function, query and path parameters documented in tables. */
  parameters: RawProperty[];
  /** Some of them are under a `Function parameters` heading: the page calls a function. */
  functionParameters: boolean;
  body: RawRequestBody;
  response?: RawResponse;
  examples: HttpExample[];
}

/** A page that is none of the above (conceptual pages, overviews). */
export interface OtherPage extends PageBase {
  kind: 'other';
}

export type ParsedPage = ResourcePage | EnumPage | ApiPage | OtherPage;

/** A permissions table as a page or an include file gives it, or a `[!INCLUDE [permissions-table](…)]` line naming a file that holds one. */
export type RawPermissions =
  | { kind: 'table'; permissions: Permissions }
  | { kind: 'include'; target: string; label?: string; source: Source };

/** An include file (see read/includes.ts): no page, read for the permission tables, and the permission includes, it holds. */
export interface ParsedInclude {
  kind: 'include';
  file: string;
  permissions: RawPermissions[];
}

export interface PageResult<Page = ParsedPage> {
  page: Page;
  diagnostics: Diagnostic[];
}
