// docgen.config.json: defaults for the input folders, the output folder, which
// pages to read, what to emit and how to name it. Paths in it are relative to the
// file; an unknown key or a wrong value is an error naming the key, never ignored.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import validVersion from 'semver/functions/valid.js';
import validatePackageName from 'validate-npm-package-name';
import { z } from 'zod';
import { GRAPH_VERSIONS } from '../emit/openapi/document.js';
import { DEFAULT_EMIT_OPTIONS, type EmitOptions, OUTPUT_KINDS, type PackageOptions } from '../emit/options.js';

export interface Config {
  input: string[];
  out: string;
  include: string[];
  exclude: string[];
  emit: EmitOptions;
}

export const CONFIG_FILE = 'docgen.config.json';
const DEFAULTS: Config = { input: ['docs-input'], out: 'generated', include: [], exclude: [], emit: DEFAULT_EMIT_OPTIONS };

export class ConfigError extends Error {}

const folder = z.string().min(1, 'must be a folder, not ""');
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));
const glob = z.string().min(1, 'must be a glob, not ""');
// Names are pasted into identifiers, so they must be identifier characters.
const namePart = z.string().regex(/^[A-Za-z_$][\w$]*$|^$/, 'must be letters, digits, _ or $, starting with a letter');

const packageName = z.string().superRefine((name, context) => {
  const { validForNewPackages, errors = [], warnings = [] } = validatePackageName(name);
  if (!validForNewPackages) context.addIssue({ code: 'custom', message: `must be a valid npm package name: ${[...errors, ...warnings][0] ?? 'it is not'}` });
});
const packageVersion = z.string().refine((version) => validVersion(version) === version, 'must be a semantic version such as 1.2.3');

const packageSchema = z.strictObject({
  name: packageName,
  version: packageVersion,
  description: z.string().optional(),
  license: z.string().optional(),
  author: z.string().optional(),
  homepage: z.string().optional(),
  repository: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});

const openapiSchema = z.strictObject({
  title: z.string().min(1, 'must not be empty').optional(),
  version: z.string().min(1, 'must not be empty').optional(),
  graphVersion: z.enum(GRAPH_VERSIONS).optional(),
  server: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

const schema = z.strictObject({
  $schema: z.string().optional(),
  input: oneOrMany(folder).refine((inputs) => inputs.length > 0, 'must name at least one folder').optional(),
  out: folder.optional(),
  include: oneOrMany(glob).optional(),
  exclude: oneOrMany(glob).optional(),
  outputs: z
    .array(z.enum(OUTPUT_KINDS))
    .min(1, `must name at least one of ${OUTPUT_KINDS.join(', ')}`)
    .refine((outputs) => outputs.includes('models'), 'must include "models": validators and requests import the model types')
    .refine((outputs) => new Set(outputs).size === outputs.length, 'must not name an output twice')
    .optional(),
  naming: z.strictObject({ typePrefix: namePart.optional(), typeSuffix: namePart.optional() }).optional(),
  package: packageSchema.optional(),
  openapi: openapiSchema.optional(),
});

/** Reads the config file (the given one, or ./docgen.config.json when present). */
export async function loadConfig(file: string | undefined): Promise<Config> {
  const configPath = path.resolve(file ?? CONFIG_FILE);
  const text = await readFile(configPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && file === undefined) return undefined;
    throw new ConfigError(`cannot read ${file ?? CONFIG_FILE}: ${error.message}`);
  });
  if (text === undefined) return DEFAULTS;
  return parseConfig(text, configPath);
}

/** The config file's text → settings, with paths resolved against the file's folder (shown relative to the working folder). */
export function parseConfig(text: string, configPath: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${configPath}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ConfigError(`${configPath}: ${describeIssue(parsed.error.issues[0]!)}`);
  const values = parsed.data;
  const base = path.dirname(configPath);
  const relative = (p: string) => path.relative(process.cwd(), path.resolve(base, p)) || '.';
  const outputs = OUTPUT_KINDS.filter((kind) => (values.outputs ?? OUTPUT_KINDS).includes(kind));
  return {
    input: (values.input ?? DEFAULTS.input).map(relative),
    out: relative(values.out ?? DEFAULTS.out),
    include: values.include ?? [],
    exclude: values.exclude ?? [],
    emit: { outputs, naming: { ...DEFAULT_EMIT_OPTIONS.naming, ...values.naming }, ...(values.package && { package: values.package }), ...(values.openapi && { openapi: values.openapi }) },
  };
}

/** The config's package options with the command line's `--package-name` and `--package-version` over them; both must end up set, or neither. */
export function packageSettings(configured: PackageOptions | undefined, flags: { packageName?: string; packageVersion?: string }): PackageOptions | undefined {
  if (flags.packageName === undefined && flags.packageVersion === undefined) return configured;
  const flag = (option: string, value: string | undefined, rule: z.ZodType) => {
    if (value === undefined) return undefined;
    const parsed = rule.safeParse(value);
    if (!parsed.success) throw new ConfigError(`${option}: ${parsed.error.issues[0]!.message} (found ${JSON.stringify(value)})`);
    return value;
  };
  const name = flag('--package-name', flags.packageName, packageName) ?? configured?.name;
  const version = flag('--package-version', flags.packageVersion, packageVersion) ?? configured?.version;
  if (name === undefined) throw new ConfigError('--package-version needs --package-name (or "package.name" in the config)');
  if (version === undefined) throw new ConfigError('--package-name needs --package-version (or "package.version" in the config)');
  return { ...configured, name, version };
}

/** One zod issue as `"naming.typePrefix": must be … (found …)`, naming the key. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const found = issue.code !== 'unrecognized_keys' && issue.input !== undefined ? ` (found ${JSON.stringify(issue.input).slice(0, 80)})` : '';
  return `${describeProblem(issue)}${found}`;
}

function describeProblem(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = key ? ` in "${key}"` : '';
    return `unknown key ${issue.keys.map((name) => `"${[key, name].filter(Boolean).join('.')}"`).join(', ')}${where} (expected one of ${expectedKeys(issue.path)})`;
  }
  if (key === '') return `expected ${expectedType([])}`;
  if (issue.code === 'invalid_value') return `"${key}": expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') return `"${key}": expected ${expectedType(issue.path)}`;
  return `"${key}": ${issue.message}`;
}

function expectedKeys(at: readonly PropertyKey[]): string {
  const shape = at.length === 0 ? schema.shape : at[0] === 'package' ? packageSchema.shape : at[0] === 'openapi' ? openapiSchema.shape : schema.shape.naming.unwrap().shape;
  return Object.keys(shape)
    .filter((key) => key !== '$schema')
    .map((key) => `"${key}"`)
    .join(', ');
}

const EXPECTED_TYPES: Record<string, string> = {
  '': 'a JSON object',
  input: 'a folder or a list of folders',
  out: 'a folder',
  include: 'a glob or a list of globs',
  exclude: 'a glob or a list of globs',
  outputs: `a list of ${OUTPUT_KINDS.map((kind) => `"${kind}"`).join(', ')}`,
  naming: 'an object with "typePrefix" and "typeSuffix"',
  package: 'an object with "name" and "version", and package.json\'s "description", "license", "author", "homepage", "repository", "keywords"',
  'package.keywords': 'a list of strings',
  openapi: 'an object with "title", "version", "graphVersion" and "server"',
};

function expectedType(at: readonly PropertyKey[]): string {
  return EXPECTED_TYPES[at.map(String).join('.')] ?? 'a string';
}
