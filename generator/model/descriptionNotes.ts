// Facts the docs state only in prose inside a property's description.
export interface DescriptionNotes {
  readOnly: boolean;
  nullable: boolean | null;
  deprecated: boolean;
  /** A sentence of its own says "Required." (a request body's parameter the caller must send); "Required if …" is a condition, not this. */
  required: boolean;
  /** The OData query options the docs say the property supports ("Supports `$filter` (`eq`, `ne`)"). */
  queryOptions: QueryOption[];
}

export const QUERY_OPTIONS = ['$filter', '$select', '$expand', '$orderby', '$search', '$count'] as const;
export type QueryOption = (typeof QUERY_OPTIONS)[number];

const READ_ONLY = /\bread-?only\b/i;
const NOT_NULLABLE = /\b(not nullable|non-nullable|cannot be null)\b/i;
const NULLABLE = /\bnullable\b/i;
// `isDeprecated` and "deprecated apps" are ordinary words; these phrasings are markers.
const DEPRECATED = /^\s*\[deprecated\]|\b(is|are|has been|have been|was|were) deprecated\b|^\s*deprecated\b|\bdeprecated\.\s*$/i;

export function readDescriptionNotes(description: string): DescriptionNotes {
  return {
    readOnly: READ_ONLY.test(description),
    nullable: NOT_NULLABLE.test(description) ? false : NULLABLE.test(description) ? true : null,
    deprecated: DEPRECATED.test(description),
    required: description.split(/(?<=[.;])\s+/).some((sentence) => /^\s*required\s*[.;]?\s*$/i.test(sentence)),
    queryOptions: readQueryOptions(description),
  };
}

/** Options named in "Supports …" sentences, in a fixed order; "Returned only on `$select`" is not support. */
function readQueryOptions(description: string): QueryOption[] {
  const named = new Set<string>();
  for (const sentence of description.split(/(?<=\.)\s+/)) {
    if (!/\bsupport(s|ed)?\b/i.test(sentence) || /\bnot supported\b|\bdoes(n't| not) support\b/i.test(sentence)) continue;
    for (const match of sentence.matchAll(/\$(filter|select|expand|orderby|orderBy|search|count)\b/g)) named.add(`$${match[1]!.toLowerCase()}`);
  }
  return QUERY_OPTIONS.filter((option) => named.has(option));
}

const VALUES_LEAD =
  /\b(?:the\s+)?(?:possible values?(?:\s+(?:are|include))?|valid values are|supported values are|allowed values are|can be one of(?:\s+the following)?|one of the following(?:\s+values)?)\s*:?\s*/i;
const ITEM = /^[\s,;]*(?:(?:or|and)\s+)?`([^`]*)`/;
const MEMBER = /^[A-Za-z_]\w*$/;

/**
 * The members a description lists ("Possible values are: `low`, `high`, or
 * `unknownFutureValue`."); `undefined` when it lists none, or lists something
 * that is not a member name (Intune's "0 - `Not Ready`").
 */
export function readPossibleValues(description: string): string[] | undefined {
  const lead = VALUES_LEAD.exec(description);
  if (!lead) return undefined;
  let rest = description.slice(lead.index + lead[0].length);
  const values: string[] = [];
  for (let item = ITEM.exec(rest); item; item = ITEM.exec(rest)) {
    values.push(item[1]!.trim());
    rest = rest.slice(item[0].length);
  }
  if (values.length === 0) {
    // Bare words up to the end of the sentence: "Possible values are: none, mobile, email."
    const sentence = /^([^.]*)/.exec(rest)![1]!;
    values.push(...sentence.split(/,|\bor\b|\band\b/).map((word) => word.trim()).filter(Boolean));
    if (values.length < 2) return undefined;
  }
  return values.every((value) => MEMBER.test(value)) ? [...new Set(values)] : undefined;
}
