// Resource pages: a type with a Properties table, maybe Relationships, an
// inheritance sentence, and a `"blockType": "resource"` annotation.
import JSON5 from 'json5';
import type { Code, Heading, RootContent } from 'mdast';
import { annotationFlag, annotationString, type Annotation, withoutLineSeparators } from './annotations.js';
import { type PageContext, report, sourceOf } from './context.js';
import { bareTitle, readPageInfo } from './pageInfo.js';
import { isValuesHeading } from './enumSections.js';
import { readPropertyTables } from './properties.js';
import { findSection, type PageOutline, untilHeading } from './sections.js';
import { headingKey, nodeText, squash } from './text.js';
import { findLink } from './typeCell.js';
import type { Source } from '../model/types.js';
import type { RawProperty, RawTypeRef, ResourceAnnotation, ResourcePage } from './types.js';

export interface LocatedAnnotation {
  annotation: Annotation;
  node: RootContent;
  /** The JSON representation block right after it. */
  block?: Code;
}

const TITLE_SUFFIX = /\s+(resource\s+type|resouce\s+type|resource|complex\s+type|facet|entity\s+type|type)$/i;
const FILE_PREFIX = /^(intune-[a-z]+-|callrecords-|ediscovery-|insights-|termstore-)/;
// "A subclass of [x](…)", "is a subtype of [x](…)", "the derivative of the [x](…) resource",
// "Inherited from [x](…) entity." (domainDns*Record) say the same; "not inherited from" does not.
const INHERITS = /\b(?:(?:inherits|inherit|(?<!\bnot\s+)inherited|derived|derives)\s+from|subclass\s+of|subtype\s+of|derivative\s+of)\b/i;
// The base is the link right after the phrase ("Inherits from [entity](…)", "derived from the **[x](…)**").
const INHERITS_AT_END = /\b(?:(?:inherits|inherit|(?<!\bnot\s+)inherited|derived|derives)\s+from|subclass\s+of|subtype\s+of|derivative\s+of)\s+(?:the\s+)?[*_]*\s*$/i;

export function readResourcePage(
  ctx: PageContext,
  outline: PageOutline,
  frontMatter: Record<string, string>,
  resourceAnnotation: LocatedAnnotation | undefined,
): ResourcePage {
  const info = readPageInfo(ctx, outline, frontMatter);
  const annotation = resourceAnnotation && toResourceAnnotation(ctx, resourceAnnotation);
  const odataType = annotation?.odataType?.replace(/^#/, '');
  const name = odataType ? odataType.slice(odataType.lastIndexOf('.') + 1) : nameFromTitle(info.title) || nameFromFile(ctx.file);
  const namespace = odataType && odataType.includes('.') ? odataType.slice(0, odataType.lastIndexOf('.')) : info.namespace;

  const propertiesSection = findSection(outline, /^properties$/);
  const relationshipsSection = findSection(outline, /^relationships$/);
  const methodsSection = findSection(outline, /^methods$/);
  const properties = [
    ...readPropertiesSection(ctx, propertiesSection?.nodes ?? []),
    ...readPropertyTables(ctx, untilHeading(relationshipsSection?.nodes ?? [], 3), { navigation: true }),
  ];
  const hasTable = (nodes: RootContent[] | undefined) => (nodes ?? []).some((node) => node.type === 'table');

  const page: ResourcePage = {
    kind: 'resource',
    file: ctx.file,
    ...info,
    name,
    properties,
    hasEntitySections: hasTable(methodsSection?.nodes) || hasTable(relationshipsSection?.nodes),
  };
  if (namespace) page.namespace = namespace;
  if (annotation) page.annotation = annotation;
  const inheritsFrom = readInheritance(ctx, outline.intro);
  if (inheritsFrom) page.inheritsFrom = inheritsFrom;
  const json = resourceAnnotation?.block && readJsonRepresentation(ctx, resourceAnnotation.block);
  if (json) {
    page.json = json;
    if (isObject(json.value)) page.jsonKeys = { keys: Object.keys(json.value).filter((key) => !key.startsWith('@')), source: json.source };
  }
  return page;
}

type PropertiesPart = 'own' | 'navigation' | 'enum' | 'other';

/** What a sub-heading of `## Properties` holds; undefined: more of what its parent holds. */
function subheadingPart(heading: Heading): PropertiesPart | undefined {
  const key = headingKey(nodeText(heading));
  if (isValuesHeading(key)) return 'enum';
  // `### Properties of a token lifetime policy definition`: the JSON a string property holds, not this type's.
  if (/^properties of\b/.test(key)) return 'other';
  if (key === 'relationships') return 'navigation';
  return undefined;
}

/**
 * The property tables of `## Properties`: its own, and those under its
 * sub-headings (`### Indicator observables - email`) and theirs, which list
 * more of the type's properties; not an enum's members under `### x values`
 * (read as the enum), nor another object's (reported); rows under a
 * `### Relationships` are navigation properties.
 */
function readPropertiesSection(ctx: PageContext, nodes: RootContent[]): RawProperty[] {
  const parts: Record<'own' | 'navigation', RootContent[]> = { own: [], navigation: [] };
  const open: Array<{ heading: Heading; part: PropertiesPart }> = [];
  for (const node of nodes) {
    if (node.type === 'heading') {
      while (open.length > 0 && open[open.length - 1]!.heading.depth >= node.depth) open.pop();
      const parent = open[open.length - 1]?.part ?? 'own';
      // What a skipped heading holds stays skipped, deeper headings too.
      open.push({ heading: node, part: parent === 'enum' || parent === 'other' ? parent : (subheadingPart(node) ?? parent) });
    }
    const part = open[open.length - 1]?.part ?? 'own';
    if (part === 'own' || part === 'navigation') parts[part].push(node); // headings too: a table does not run on past one
    else if (part === 'other' && node.type === 'table') {
      report(ctx, 'info', 'table-skipped', "This table describes another object than the page's type; it is skipped.", sourceOf(ctx, node), {
        expected: "a table of the type's own properties",
        found: `a table under ${JSON.stringify(squash(nodeText(open.find((entry) => entry.part === 'other')!.heading)))}`,
      });
    }
  }
  return [...readPropertyTables(ctx, parts.own), ...readPropertyTables(ctx, parts.navigation, { navigation: true })];
}

/**
 * The JSON representation block, parsed. It is hand-written: comments and
 * trailing commas are allowed (JSON5). A block that is not a JSON object is
 * reported, and not cross-checked with the table.
 */
function readJsonRepresentation(ctx: PageContext, block: Code): NonNullable<ResourcePage['json']> {
  const source = sourceOf(ctx, block);
  let value: unknown;
  try {
    value = JSON5.parse(withoutLineSeparators(block.value));
  } catch (error) {
    const message = (error as Error).message.replace(/^JSON5: /, '');
    reportRepresentation(ctx, source, message);
    return { error: message, source };
  }
  if (!isObject(value)) reportRepresentation(ctx, source, 'not an object');
  return { value, source };
}

function reportRepresentation(ctx: PageContext, source: Source, found: string): void {
  report(ctx, 'warning', 'json-representation', 'The JSON representation is not valid JSON; it is not cross-checked with the table.', source, {
    expected: 'a JSON object (comments and trailing commas are tolerated)',
    found,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function toResourceAnnotation(ctx: PageContext, located: LocatedAnnotation): ResourceAnnotation {
  const { annotation } = located;
  const result: ResourceAnnotation = {
    abstract: annotationFlag(annotation['abstract'] ?? annotation['isAbstract']),
    openType: annotationFlag(annotation['openType']),
    source: sourceOf(ctx, located.node),
  };
  const odataType = annotationString(annotation['@odata.type']);
  const baseType = annotationString(annotation['baseType']);
  const keyProperty = annotationString(annotation['keyProperty']);
  if (odataType) result.odataType = odataType;
  if (baseType) result.baseType = baseType.replace(/^#/, '');
  if (keyProperty) result.keyProperty = keyProperty;
  return result;
}

function nameFromTitle(title: string): string {
  const name = bareTitle(title).replace(TITLE_SUFFIX, '').trim();
  return /^[A-Za-z_][\w.]*$/.test(name) ? name : '';
}

function nameFromFile(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.md(\.txt)?$/i, '');
  return base.replace(FILE_PREFIX, '');
}

/** "Inherits from [entity](entity.md)." before the first section, as a paragraph or inside one. */
function readInheritance(ctx: PageContext, intro: RootContent[]): RawTypeRef | undefined {
  for (const node of intro) {
    if (node.type !== 'paragraph') continue;
    const text = squash(nodeText(node));
    const match = INHERITS.exec(text);
    if (!match) continue;
    const source = sourceOf(ctx, node);
    // The link that follows the phrase names the base; otherwise the next word does.
    let seen = '';
    for (let index = 0; index < node.children.length; index++) {
      if (INHERITS_AT_END.test(seen)) {
        const link = findLink(ctx, [node.children[index]!]);
        if (link) return { name: link.text, link: link.url, collection: false, source };
        break;
      }
      seen += nodeText(node.children[index]!);
    }
    // Without a link, only a qualified name is taken ("…is derived from microsoft.graph.policyBase.").
    const word = /^\s*\**(microsoft\.graph\.[\w.]*\w)/i.exec(text.slice(match.index + match[0].length));
    if (word) return { name: word[1]!, collection: false, source };
  }
  return undefined;
}
