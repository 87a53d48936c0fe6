// One side of a diff: a folder of docs (read → parse → model) or a model saved
// by `docgen model` (parsed and shape-checked). Missing, unreadable or
// malformed input is an InputError, which the CLI turns into exit 2.
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic, Model } from '../model/types.js';
import { buildFromDocs } from '../pipeline.js';
import { pageCount } from '../read/docFile.js';
import { InputError, type PageFilter, pageMatcher } from '../read/readDocs.js';
import { modelShapeError } from './checkModel.js';

export interface LoadedModel {
  model: Model;
  /** Pages read, for a docs folder. */
  pages?: number;
  diagnostics: Diagnostic[];
}

/** Where one side is: checked before anything is read, so that a mistake in the second side does not wait for the first. */
export interface Side {
  /** Names the side in messages: `--from`. */
  option: string;
  location: string;
  kind: 'docs' | 'model';
}

export async function locateSide(option: string, location: string | undefined): Promise<Side> {
  if (!location) throw new InputError(`${option} is required: a folder of docs, or a model saved with \`docgen model > model.json\``);
  const info = await stat(location).catch(() => undefined);
  if (!info) throw new InputError(`${option} ${location}: no such folder or file`);
  if (info.isDirectory()) return { option, location, kind: 'docs' };
  if (!location.endsWith('.json')) throw new InputError(`${option} ${location}: expected a folder of docs or a model .json file`);
  return { option, location, kind: 'model' };
}

export async function loadModel({ option, location, kind }: Side, filter: PageFilter = {}): Promise<LoadedModel> {
  if (kind === 'docs') {
    const built = await buildFromDocs([location], filter);
    return { model: built.model, pages: pageCount(built.docs), diagnostics: built.diagnostics };
  }
  const text = await readFile(location, 'utf8').catch((error: Error) => {
    throw new InputError(`${option} ${location}: cannot read it: ${error.message}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${option} ${location}: not valid JSON: ${(error as Error).message}`);
  }
  const wrong = modelShapeError(value);
  if (wrong) throw new InputError(`${option} ${location} is not a docgen model (as \`docgen model\` prints it): ${wrong}`);
  return { model: filterModel(value as Model, filter), diagnostics: [] };
}

/** A saved model has no pages to leave out: its types and operations are kept by the page that defines them (a type's primary page). */
export function filterModel(model: Model, filter: PageFilter): Model {
  if (!filter.include?.length && !filter.exclude?.length) return model;
  const wanted = pageMatcher(filter);
  return {
    namespaces: model.namespaces
      .map((namespace) => ({ ...namespace, types: namespace.types.filter((type) => wanted(type.sources[0]!.file)) }))
      .filter((namespace) => namespace.types.length > 0),
    operations: model.operations.filter((operation) => wanted(operation.source.file)),
  };
}
