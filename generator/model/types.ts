// The intermediate model: plain data, the one contract between parsing and
// emitting. Everything here is JSON-serialisable; `docgen model` prints it.
// Its shape is documented in docs/model.md.

/** Where a fact came from: a page (path relative to its input root), 1-based line and column. */
export interface Source {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something in the docs that docgen did not understand or had to guess about. */
export interface Diagnostic {
  /** Stable identifier, e.g. `unresolved-type`. */
  code: string;
  severity: Severity;
  message: string;
  expected?: string;
  found?: string;
  source: Source;
}

/** OData primitive types, by their Edm names. `Untyped` stands for free-form JSON. */
export type PrimitiveName =
  | 'String'
  | 'Boolean'
  | 'Byte'
  | 'SByte'
  | 'Int16'
  | 'Int32'
  | 'Int64'
  | 'Single'
  | 'Double'
  | 'Decimal'
  | 'DateTimeOffset'
  | 'Date'
  | 'TimeOfDay'
  | 'Duration'
  | 'Guid'
  | 'Binary'
  | 'Stream'
  | 'Untyped';

/** A reference to a type: a primitive, a type defined in the model, or a name nothing defines. */
export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'named'; fullName: string }
  | { kind: 'unresolved'; text: string };

export interface Deprecation {
  message: string;
  source: Source;
}

export interface Property {
  name: string;
  type: TypeRef;
  collection: boolean;
  description: string;
  readOnly: boolean;
  /** `true`/`false` where the docs say "Nullable" / "Not nullable"; `null` where they are silent. */
  nullable: boolean | null;
  /** OData query options the docs say the property supports, e.g. `["$filter", "$select"]`. */
  queryOptions: Array<'$filter' | '$select' | '$expand' | '$orderby' | '$search' | '$count'>;
  /** Listed under Relationships (a navigation property) rather than Properties. */
  navigation: boolean;
  /** The description says "Required.": a request body's parameter the caller must send (absent otherwise). */
  required?: true;
  deprecated?: Deprecation;
  source: Source;
}

interface TypeBase {
  /** The name as documented, e.g. `remoteActionAudit`. */
  name: string;
  /** Namespace-qualified name, e.g. `microsoft.graph.remoteActionAudit`; unique in the model. */
  fullName: string;
  namespace: string;
  description: string;
  deprecated?: Deprecation;
  /** Every page that defines (part of) the type, the primary page first. */
  sources: Source[];
}

export interface StructuredType extends TypeBase {
  kind: 'entity' | 'complex';
  /** Full name of the base type, when the docs state one. */
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  keyProperty?: string;
  /** The type's own properties (inherited ones live on the base type). */
  properties: Property[];
  /** The JSON representation block of each of its pages that has one, the primary page first. */
  jsonExamples?: JsonRepresentation[];
}

/** A resource page's JSON representation: the value (read as JSON5), or why it could not be read. */
export interface JsonRepresentation {
  /** Absent when the block is not JSON (see `error`). */
  value?: unknown;
  error?: string;
  /** The code block (its opening fence). */
  source: Source;
}

export interface EnumMember {
  name: string;
  value?: number;
  description: string;
  source: Source;
}

export interface EnumType extends TypeBase {
  kind: 'enum';
  /** Values are powers of two and combine (`a,b`). */
  flags: boolean;
  members: EnumMember[];
}

export type TypeDefinition = StructuredType | EnumType;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * How a parameter's value is written into the URL: `segment`, percent-encoded
 * within one path segment; `string`, an OData string literal inside `'…'`
 * (quotes doubled); `value`, a bare function argument inside `(…)`; `path`, a
 * drive item path (`root:/{item-path}:`) whose `/` separate folders.
 */
export type ParameterEncoding = 'segment' | 'string' | 'value' | 'path';

/** A piece of a path segment or query value: literal text, or a parameter substituted at call time. */
export type PathPart = { kind: 'literal'; text: string } | { kind: 'parameter'; name: string; encoding: ParameterEncoding };

/** One `name=value` pair of a documented query string (`?startDateTime={start}`). */
export interface QueryPart {
  name: string;
  value: PathPart[];
}

export interface PathParameter {
  /** Identifier used in the builder's parameter object, e.g. `remoteActionAuditId`. */
  name: string;
  /** The placeholder as written, e.g. `{remoteActionAuditId}` or `{id | userPrincipalName}`. */
  placeholder: string;
  type: TypeRef;
}

export interface OperationPath {
  /** As documented, e.g. `/deviceManagement/remoteActionAudits/{remoteActionAuditId}`. */
  template: string;
  /** Segments between `/`, each a sequence of parts. */
  segments: PathPart[][];
  /** The query string the template itself documents, if any. */
  query?: QueryPart[];
  /** Every placeholder of the segments and the query, in order; typed from the page's parameter tables where they document it. */
  parameters: PathParameter[];
  source: Source;
}

export type PermissionKind = 'delegatedWork' | 'delegatedPersonal' | 'application';

/** The scopes of one permission kind: those the docs mark least privileged, then the higher privileged ones; both empty where the kind is not supported. */
export interface Scopes {
  leastPrivileged: string[];
  higherPrivileged: string[];
}

/**
 * One permissions table of an operation, inline or from an include file. The
 * table of today's pages marks which scopes are least privileged; the older one
 * lists them "from least to most privileged", so its first is.
 */
export interface Permissions extends Record<PermissionKind, Scopes> {
  /** The heading over the table when the page has several (`Permissions for chat`). */
  label?: string;
  /** The table: in the include file, when it came from one. */
  source: Source;
  /** The `[!INCLUDE]` line of the page that brought it, when it came from an include file. */
  includedFrom?: Source;
}

export interface HeaderSpec {
  name: string;
  value: string;
  source: Source;
}

export type RequestBody =
  | { kind: 'none' }
  /** The body is (a partial of) a documented type. */
  | {
      kind: 'type';
      type: TypeRef;
      source: Source;
      /** Where the pages of a merged endpoint send different types (file and item attachments): each of them, `type` being their base; the body is one of them. */
      variants?: TypeRef[];
    }
  /** The body is an object described by a table and no single type. */
  | { kind: 'properties'; properties: Property[]; source: Source };

export interface ResponseSpec {
  status: number;
  /** What the body holds; absent for no content. */
  body?: { type: TypeRef; collection: boolean };
  source: Source;
}

/** What the hidden annotation before an example says (`"blockType": "response"`, `"@odata.type"`, …). */
export interface ExampleAnnotation {
  name?: string;
  /** `@odata.type`, e.g. `microsoft.graph.user` or `Collection(microsoft.graph.user)`. */
  type?: string;
  collection?: boolean;
  truncated?: boolean;
}

export interface HttpExample {
  role: 'request' | 'response';
  annotation?: ExampleAnnotation;
  /** Request line (`PATCH https://…`) or status line (`HTTP/1.1 200 OK`). */
  startLine: string;
  headers: Array<[string, string]>;
  /** The JSON body, parsed; absent when there is none or it is not JSON (see `bodyError`). */
  body?: unknown;
  bodyError?: string;
  /** The body as written, when it is not JSON (file content, or broken JSON). */
  bodyText?: string;
  source: Source;
}

export interface Operation {
  /** camelCase identifier unique in the model, e.g. `updateRemoteActionAudit`. */
  name: string;
  /** The page's title (H1), e.g. `Update remoteActionAudit`. */
  title: string;
  description: string;
  method: HttpMethod;
  /** The primary path first, then aliases. */
  paths: OperationPath[];
  /** Usually one table; several where the page labels them (`Permissions for channel`, `for chat`); none where the docs give none docgen could read. */
  permissions: Permissions[];
  headers: HeaderSpec[];
  /** The page says the OData query options ($select, $filter, …) apply. */
  supportsQueryOptions: boolean;
  /** Function, query and path parameters the page documents in tables (`$filter`, `period`, …). */
  parameters: Property[];
  body: RequestBody;
  response: ResponseSpec;
  examples: HttpExample[];
  deprecated?: Deprecation;
  /** The preferred page (hand-written before Intune's). */
  source: Source;
  /** Where several pages document the endpoint (one method, one path): each page, the preferred first; absent for one page. */
  sources?: Source[];
}

export interface Namespace {
  name: string;
  types: TypeDefinition[];
}

export interface Model {
  /** Sorted by name; types within sorted by name. */
  namespaces: Namespace[];
  /** Sorted by name. */
  operations: Operation[];
}
