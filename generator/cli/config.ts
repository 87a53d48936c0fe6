// docgen.config.json: defaults for the input folders and the output folder.
// Paths in it are relative to the file; unknown keys are errors, not ignored.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Config {
  input: string[];
  out: string;
}

export const CONFIG_FILE = 'docgen.config.json';
const DEFAULTS: Config = { input: ['docs-input'], out: 'generated' };
const KEYS = new Set(['$schema', 'input', 'out']);

export class ConfigError extends Error {}

/** Reads the config file (the given one, or ./docgen.config.json when present). */
export async function loadConfig(file: string | undefined): Promise<Config> {
  const configPath = path.resolve(file ?? CONFIG_FILE);
  const text = await readFile(configPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && file === undefined) return undefined;
    throw new ConfigError(`cannot read ${file ?? CONFIG_FILE}: ${error.message}`);
  });
  if (text === undefined) return DEFAULTS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${configPath}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${configPath}: expected a JSON object`);
  const values = raw as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!KEYS.has(key)) throw new ConfigError(`${configPath}: unknown key "${key}" (expected "input" or "out")`);
  }
  const base = path.dirname(configPath);
  const relative = (p: string) => path.relative(process.cwd(), path.resolve(base, p)) || '.';
  const input = values['input'] ?? DEFAULTS.input;
  const inputs = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((item) => typeof item === 'string' && item !== '')) {
    throw new ConfigError(`${configPath}: "input" must be a folder or a non-empty list of folders`);
  }
  const out = values['out'] ?? DEFAULTS.out;
  if (typeof out !== 'string' || out === '') throw new ConfigError(`${configPath}: "out" must be a folder`);
  return { input: inputs.map(relative), out: relative(out) };
}
