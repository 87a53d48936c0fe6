// docgen.config.json: every key, its defaults, and an error naming the key for
// each kind of bad value; and the include/exclude globs that choose the pages.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, packageSettings, parseConfig } from '../generator/cli/config.js';
import { pageMatcher } from '../generator/read/readDocs.js';
import { runCli } from './helpers/cli.js';
import { DOCS_INPUT } from './helpers/paths.js';

const FILE = path.resolve('some', 'dir', 'docgen.config.json');
const parse = (value: unknown) => parseConfig(JSON.stringify(value), FILE);
const error = (value: unknown) => {
  try {
    parse(value);
  } catch (caught) {
    expect(caught).toBeInstanceOf(ConfigError);
    return (caught as Error).message.slice(FILE.length + 2);
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('fills every default from an empty object', () => {
    expect(parse({})).toEqual({
      input: [path.join('some', 'dir', 'docs-input')],
      out: path.join('some', 'dir', 'generated'),
      include: [],
      exclude: [],
      emit: { outputs: ['models', 'validators', 'schemas', 'requests', 'openapi'], naming: { typePrefix: '', typeSuffix: '' } },
    });
  });

  it('reads every key, paths relative to the file, a single string as a list', () => {
    const config = parse({
      $schema: './schema.json',
      input: '../docs',
      out: 'sdk',
      include: 'intune-*',
      exclude: ['**/*-delete.md'],
      outputs: ['requests', 'models'],
      naming: { typePrefix: 'Graph', typeSuffix: '$1' },
    });
    expect(config.input).toEqual([path.join('some', 'docs')]);
    expect(config.out).toBe(path.join('some', 'dir', 'sdk'));
    expect(config.include).toEqual(['intune-*']);
    expect(config.exclude).toEqual(['**/*-delete.md']);
    // Outputs come in their canonical order, whatever order the file lists them in.
    expect(config.emit).toEqual({ outputs: ['models', 'requests'], naming: { typePrefix: 'Graph', typeSuffix: '$1' } });
  });

  it.each([
    [{ output: 'x' }, 'unknown key "output" (expected one of "input", "out", "include", "exclude", "outputs", "naming", "package", "openapi")'],
    [{ package: { name: 'sdk' } }, '"package.version": expected a string'],
    [{ package: { name: 'Graph SDK', version: '1.0.0' } }, '"package.name": must be a valid npm package name: name can only contain URL-friendly characters (found "Graph SDK")'],
    [{ package: { name: '@scope/sdk', version: 'v1' } }, '"package.version": must be a semantic version such as 1.2.3 (found "v1")'],
    [{ package: { name: 'sdk', version: '1.0.0', main: 'x.js' } }, 'unknown key "package.main" in "package" (expected one of "name", "version", "description", "license", "author", "homepage", "repository", "keywords")'],
    [{ package: { name: 'sdk', version: '1.0.0', keywords: 'graph' } }, '"package.keywords": expected a list of strings (found "graph")'],
    [{ package: true }, '"package": expected an object with "name" and "version", and package.json\'s "description", "license", "author", "homepage", "repository", "keywords" (found true)'],
    [{ naming: { prefix: 'X' } }, 'unknown key "naming.prefix" in "naming" (expected one of "typePrefix", "typeSuffix")'],
    [{ input: 5 }, '"input": expected a folder or a list of folders (found 5)'],
    [{ input: [] }, '"input": must name at least one folder (found [])'],
    [{ input: [''] }, '"input.0": must be a folder, not "" (found "")'],
    [{ out: ['a'] }, '"out": expected a folder (found ["a"])'],
    [{ include: [3] }, '"include": expected a glob or a list of globs (found [3])'],
    [{ outputs: ['models', 'yaml'] }, '"outputs.1": expected one of "models", "validators", "schemas", "requests", "openapi" (found "yaml")'],
    [{ openapi: { graphVersion: 'v2' } }, '"openapi.graphVersion": expected one of "v1.0", "beta" (found "v2")'],
    [{ openapi: { server: 'graph.example' } }, '"openapi.server": must be an http(s) URL (found "graph.example")'],
    [{ openapi: { titel: 'x' } }, 'unknown key "openapi.titel" in "openapi" (expected one of "title", "version", "graphVersion", "server")'],
    [{ outputs: ['validators'] }, '"outputs": must include "models": validators and requests import the model types (found ["validators"])'],
    [{ outputs: ['models', 'models'] }, '"outputs": must not name an output twice (found ["models","models"])'],
    [{ outputs: [] }, '"outputs": must name at least one of models, validators, schemas, requests, openapi (found [])'],
    [{ naming: { typePrefix: '1x' } }, '"naming.typePrefix": must be letters, digits, _ or $, starting with a letter (found "1x")'],
    [{ naming: { typeSuffix: 'a-b' } }, '"naming.typeSuffix": must be letters, digits, _ or $, starting with a letter (found "a-b")'],
    [{ naming: 'Graph' }, '"naming": expected an object with "typePrefix" and "typeSuffix" (found "Graph")'],
    [[1], 'expected a JSON object (found [1])'],
    [null, 'expected a JSON object (found null)'],
  ])('rejects %j: %s', (value, message) => {
    expect(error(value)).toBe(message);
  });

  it('reads the package options, keeping only the fields given', () => {
    const config = parse({ package: { name: '@contoso/graph-sdk', version: '1.2.0-beta.1', license: 'MIT', keywords: ['graph'] } });
    expect(config.emit.package).toEqual({ name: '@contoso/graph-sdk', version: '1.2.0-beta.1', license: 'MIT', keywords: ['graph'] });
    expect(parse({}).emit).not.toHaveProperty('package');
  });

  it('rejects text that is not JSON, saying so', () => {
    expect(() => parseConfig('{ input: ', FILE)).toThrow(/: not valid JSON: /);
  });
});

describe('packageSettings: --package-name and --package-version over the config', () => {
  const configured = { name: 'from-config', version: '1.0.0', license: 'MIT' };
  it('keeps the config when neither flag is given', () => {
    expect(packageSettings(configured, {})).toBe(configured);
    expect(packageSettings(undefined, {})).toBeUndefined();
  });
  it('puts each flag over the config field, keeping the other fields', () => {
    expect(packageSettings(configured, { packageVersion: '2.0.0' })).toEqual({ ...configured, version: '2.0.0' });
    expect(packageSettings(undefined, { packageName: '@a/b', packageVersion: '0.1.0' })).toEqual({ name: '@a/b', version: '0.1.0' });
  });
  it.each([
    [{ packageName: 'sdk' }, '--package-name needs --package-version (or "package.version" in the config)'],
    [{ packageVersion: '1.0.0' }, '--package-version needs --package-name (or "package.name" in the config)'],
    [{ packageName: '../sdk', packageVersion: '1.0.0' }, '--package-name: must be a valid npm package name: name cannot start with a period (found "../sdk")'],
    [{ packageName: 'sdk', packageVersion: 'latest' }, '--package-version: must be a semantic version such as 1.2.3 (found "latest")'],
  ])('rejects %j without a config', (flags, message) => {
    expect(() => packageSettings(undefined, flags)).toThrow(new ConfigError(message));
  });
});

describe('pageMatcher', () => {
  it('reads every page when there are no globs', () => {
    expect(pageMatcher()('api/user-get.md')).toBe(true);
  });

  it('matches a glob without a slash against the file name anywhere, one with a slash against the path', () => {
    const intune = pageMatcher({ include: ['intune-*'] });
    expect(intune('api/intune-devices-get.md')).toBe(true);
    expect(intune('resources/intune-devices.md')).toBe(true);
    expect(intune('api/user-get.md')).toBe(false);
    const apiOnly = pageMatcher({ include: ['api/**'] });
    expect(apiOnly('api/intune-devices-get.md')).toBe(true);
    expect(apiOnly('resources/intune-devices.md')).toBe(false);
  });

  it('takes exclude over include', () => {
    const match = pageMatcher({ include: ['intune-*'], exclude: ['*-delete.md'] });
    expect(match('api/intune-x-get.md')).toBe(true);
    expect(match('api/intune-x-delete.md')).toBe(false);
  });
});

describe('the config file and the command line', () => {
  let work: string;
  afterEach(async () => rm(work, { recursive: true, force: true }));

  it('generates only the pages the config includes, and the command line overrides it', async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'docgen-config-'));
    const config = path.join(work, 'docgen.config.json');
    await writeFile(config, JSON.stringify({ input: DOCS_INPUT, out: 'out', exclude: ['api/*-delete.md', 'api/*-create.md'] }));
    const fromConfig = await runCli('generate', '--config', config);
    expect(fromConfig.code).toBe(0);
    expect(await readdir(path.join(work, 'out', 'requests'))).toEqual([
      'byPath.ts',
      'getRemoteActionAudit.ts',
      'index.ts',
      'listRemoteActionAudits.ts',
      'paths.ts',
      'updateRemoteActionAudit.ts',
    ]);
    const fromFlags = await runCli('generate', '--config', config, '--exclude', 'api/*-get.md');
    expect(fromFlags.code).toBe(0);
    expect(await readdir(path.join(work, 'out', 'requests'))).toEqual([
      'byPath.ts',
      'createRemoteActionAudit.ts',
      'deleteRemoteActionAudit.ts',
      'index.ts',
      'listRemoteActionAudits.ts',
      'paths.ts',
      'updateRemoteActionAudit.ts',
    ]);
  });

  it('exits 2 when the globs leave no page, saying so', async () => {
    const run = await runCli('model', '--input', DOCS_INPUT, '--include', 'nothing-*');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no \.md pages found in .* that match the include and exclude globs/);
  });
});
