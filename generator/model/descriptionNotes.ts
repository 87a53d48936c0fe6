// Facts the docs state only in prose inside a property's description.
export interface DescriptionNotes {
  readOnly: boolean;
  nullable: boolean | null;
  deprecated: boolean;
}

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
  };
}
