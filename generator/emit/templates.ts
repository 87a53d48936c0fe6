// The Handlebars templates in templates/, compiled once, with the helpers
// through which doc text reaches the output. Handlebars' own HTML escaping is
// off (it is wrong for TypeScript); each helper escapes for its context.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../packageRoot.js';
import { commentText, jsonLiteral, objectKey, propertyKey, stringLiteral } from './escape.js';

const TEMPLATE_DIR = pathToFileURL(path.join(PACKAGE_ROOT, 'templates/'));

const PARTIALS = ['header', 'doc', 'imports'] as const;
const TEMPLATES = ['model.ts', 'union.ts', 'enum.ts', 'validator.ts', 'enumValidator.ts', 'request.ts', 'barrel.ts', 'validatorsByType.ts', 'operationPaths.ts', 'operationIndex.ts', 'runtime/validation.ts', 'runtime/request.ts', 'runtime/client.ts'] as const;

export type TemplateName = (typeof TEMPLATES)[number];
export type Render = (name: TemplateName, view: object) => string;

function load(name: string): string {
  return readFileSync(new URL(`${name}.hbs`, TEMPLATE_DIR), 'utf8');
}

export function createRenderer(): Render {
  const env = Handlebars.create();
  env.registerHelper({
    /** A string literal. */
    str: (text: unknown) => stringLiteral(String(text)),
    /** Any JSON value as a literal. */
    json: (value: unknown) => jsonLiteral(value),
    /** An interface member name. */
    propKey: (name: unknown) => propertyKey(String(name)),
    /** An object literal key. */
    objKey: (name: unknown) => objectKey(String(name)),
    /** Text inside a block comment. */
    commentText: (text: unknown) => commentText(String(text)),
    /** One line of a block comment, with its leading space (none on an empty line). */
    commentLine: (text: unknown) => {
      const line = commentText(String(text));
      return line === '' ? '' : ` ${line}`;
    },
    /** Text after `//`. */
    lineComment: (text: unknown) => commentText(String(text)),
  });
  for (const partial of PARTIALS) env.registerPartial(partial, load(partial));
  const compiled = new Map(TEMPLATES.map((name) => [name, env.compile(load(name), { noEscape: true })]));
  return (name, view) => compiled.get(name)!(view);
}
