import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as v from 'valibot';
import { createRequire } from 'node:module';
import type { Rule, RuleOptions } from '../engine/rule.js';
import { RawConfigSchema, RuleSettingSchema } from './schema.js';
import { WORD_CLASSES } from '../knowledge/word-classes.generated.js';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_FILE_TIME, type RawConfig, type ResolvedConfig, type RuleSetting } from './types.js';

const require = createRequire(import.meta.url);
/** YAML is loaded only when a YAML configuration file is read. */
function parseYaml(text: string): unknown {
  return (require('yaml') as typeof import('yaml')).parse(text);
}

/** The rules a configuration can name, and the presets it can extend. Registered by @caselint/rules. */
export interface Catalogue {
  rules: readonly Rule[];
  presets: Record<string, RawConfig>;
}

let defaultCatalogue: Catalogue | undefined;
export function setDefaultCatalogue(c: Catalogue): void {
  defaultCatalogue = c;
}
function catalogueOr(c?: Catalogue): Catalogue {
  const out = c ?? defaultCatalogue;
  if (!out) throw new Error('caselint: no rule catalogue; import @caselint/rules first');
  return out;
}

/** A configuration that cannot be used. The message names the file and the key. */
export class ConfigError extends Error {
  readonly file: string;
  readonly key: string;
  constructor(file: string, key: string, problem: string) {
    super(`${file}: ${key ? `"${key}" ` : ''}${problem}`);
    this.name = 'ConfigError';
    this.file = file;
    this.key = key;
  }
}

export const CONFIG_FILES = ['.caselintrc.json', '.caselintrc.yaml', '.caselintrc.yml', 'package.json'];

/** Parse and validate one configuration file; undefined for a package.json without a "caselint" key. */
export function readConfigFile(file: string, catalogue?: Catalogue): RawConfig | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, '', `is not valid ${/\.ya?ml$/.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (file.endsWith('package.json')) {
    if (!data || typeof data !== 'object' || !('caselint' in data)) return undefined;
    data = (data as { caselint: unknown }).caselint;
    return validate(data, file, 'caselint.', catalogue);
  }
  return validate(data ?? {}, file, '', catalogue);
}

/** Validate configuration data already parsed (from a file, or handed over by an editor or a browser extension). */
export function validate(data: unknown, file: string, prefix: string, catalogue?: Catalogue): RawConfig {
  const result = v.safeParse(RawConfigSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    const unknownKey = issue.kind === 'schema' && issue.type === 'strict_object' && issue.path ? path : undefined;
    throw new ConfigError(file, prefix + path, unknownKey ? 'is not a configuration key (known: extends, rules, ignores, maxFileSize, maxFileTime, root, words, case)' : issue.message);
  }
  const raw = result.output as RawConfig;
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const problem = checkRuleSetting(id, setting, catalogue);
    if (problem) throw new ConfigError(file, `${prefix}rules.${id}${problem.key ? `.${problem.key}` : ''}`, problem.problem);
  }
  for (const name of Object.keys(raw.words ?? {})) {
    if (!WORD_CLASSES.includes(name)) throw new ConfigError(file, `${prefix}words.${name}`, `is not a word class (known: ${WORD_CLASSES.join(', ')})`);
  }
  return raw;
}

/**
 * Check one rule's setting (from a config file or an editor's settings): its shape, that the rule exists, and that
 * every option it sets is one the rule declares in `meta.options` (a rule without `options` takes none).
 * Undefined when it is valid; else the problem, and the option key it is at ('' for the setting as a whole).
 */
export function checkRuleSetting(id: string, setting: unknown, catalogue?: Catalogue): { key: string; problem: string } | undefined {
  const rules = catalogueOr(catalogue).rules;
  const meta = rules.find((r) => r.meta.id === id)?.meta;
  if (!meta) return { key: '', problem: `is not a caselint rule (known: ${rules.map((r) => r.meta.id).join(', ')})` };
  const result = v.safeParse(RuleSettingSchema, setting);
  if (!result.success) return { key: '', problem: result.issues[0].message };
  const options = Array.isArray(setting) ? (setting[1] as Record<string, unknown> | undefined) : undefined;
  for (const [key, value] of Object.entries(options ?? {})) {
    const isList = !!meta.options && Object.hasOwn(meta.options, key);
    const isLimit = !!meta.limits && Object.hasOwn(meta.limits, key);
    if (!isList && !isLimit) return { key, problem: `is not an option of ${id}: ${acceptedOptions(meta)}` };
    if (isList) {
      if (!Array.isArray(value)) return { key, problem: 'must be a list of phrases' };
      const bad = value.findIndex((p) => typeof p !== 'string' || p.length === 0);
      if (bad >= 0) return { key: `${key}.${bad}`, problem: 'must be a phrase (a non-empty string)' };
    }
    if (isLimit && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      return { key, problem: `must be a number of 0 or more (${meta.limits![key]!.summary}; default ${meta.limits![key]!.default})` };
    }
  }
  return undefined;
}

/** What a rule accepts, for messages: "it accepts "plans" (extra names for ...)" or "it takes no options". */
export function acceptedOptions(meta: Rule['meta']): string {
  const entries = [
    ...Object.entries(meta.options ?? {}),
    ...Object.entries(meta.limits ?? {}).map(([k, l]) => [k, `a number: ${l.summary}; default ${l.default}`] as const),
  ];
  if (entries.length === 0) return 'it takes no options, only a severity ("off", "warn", "error")';
  return `it accepts ${entries.map(([k, what]) => `"${k}" (${what})`).join(', ')}`;
}

/** Turn a raw configuration into severities and options for every rule, layered over `base` (or the defaults). */
export function resolveConfig(raw: RawConfig, base?: ResolvedConfig, catalogue?: Catalogue, file?: string): ResolvedConfig {
  const cat = catalogueOr(catalogue);
  const out: ResolvedConfig = base
    ? { ...base, rules: { ...base.rules }, ignores: [...base.ignores], files: [...base.files] }
    : { rules: {}, ignores: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, maxFileTime: DEFAULT_MAX_FILE_TIME, files: [] };
  if (!base) {
    for (const r of cat.rules) out.rules[r.meta.id] = { severity: 0, options: {} };
    applyRules(out, cat.presets.recommended?.rules ?? {}, cat);
  }
  const presets = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const p of presets) applyRules(out, cat.presets[p]?.rules ?? {}, cat);
  applyRules(out, raw.rules ?? {}, cat);
  if (raw.ignores?.length) {
    out.ignores = [...out.ignores, ...raw.ignores];
    if (file) out.ignoreBase = dirname(file);
  }
  if (raw.maxFileSize) out.maxFileSize = raw.maxFileSize;
  if (raw.words) {
    const words: Record<string, string[]> = { ...(out.words ?? {}) };
    for (const [name, list] of Object.entries(raw.words)) words[name] = [...(words[name] ?? []), ...list];
    out.words = words;
  }
  if (raw.maxFileTime !== undefined) out.maxFileTime = raw.maxFileTime;
  if (raw.case && file) out.caseRoot = dirname(file);
  if (file) out.files.push(file);
  return out;
}

function applyRules(out: ResolvedConfig, rules: Record<string, RuleSetting>, cat: Catalogue): void {
  for (const [id, setting] of Object.entries(rules)) {
    const meta = cat.rules.find((r) => r.meta.id === id)?.meta;
    if (!meta) continue;
    const [sev, raw] = Array.isArray(setting) ? setting : [setting, undefined];
    const severity = sev === 'off' || sev === 0 ? 0 : sev === 'error' || sev === 2 ? 2 : 1;
    if (!raw) {
      const before = out.rules[id];
      out.rules[id] = { severity, options: before?.options ?? {}, ...(before?.limits ? { limits: before.limits } : {}) };
      continue;
    }
    // Phrase lists are options; numbers are the rule's limits.
    const options: RuleOptions = {};
    const limits: Record<string, number> = {};
    for (const [k, value] of Object.entries(raw)) {
      if (typeof value === 'number') limits[k] = value;
      else options[k] = value;
    }
    out.rules[id] = { severity, options, ...(Object.keys(limits).length ? { limits } : {}) };
  }
}

/** The default configuration: the recommended preset. */
export function defaultConfig(catalogue?: Catalogue): ResolvedConfig {
  return resolveConfig({}, undefined, catalogue);
}

const dirCache = new Map<string, ResolvedConfig>();

/**
 * The configuration for a file: config files found upward from its folder, nearer ones overriding farther ones,
 * stopping at one with "root": true. Cached per folder. With `configFile`, that file alone is used.
 */
export function loadConfig(filePath: string, options: { configFile?: string; catalogue?: Catalogue } = {}): ResolvedConfig {
  const cat = options.catalogue;
  if (options.configFile) {
    const file = resolve(options.configFile);
    if (!existsSync(file)) throw new ConfigError(file, '', 'does not exist');
    const raw = readConfigFile(file, cat) ?? {};
    return resolveConfig(raw, undefined, cat, file);
  }
  let dir = resolve(filePath);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  return configForDir(dir, cat);
}

function configForDir(dir: string, cat?: Catalogue): ResolvedConfig {
  const cached = dirCache.get(dir);
  if (cached) return cached;
  let found: { file: string; raw: RawConfig } | undefined;
  for (const name of CONFIG_FILES) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const raw = readConfigFile(file, cat);
    if (raw) {
      found = { file, raw };
      break;
    }
  }
  const parent = dirname(dir);
  const base = found?.raw.root || parent === dir ? undefined : configForDir(parent, cat);
  const result = found ? resolveConfig(found.raw, base, cat, found.file) : (base ?? defaultConfig(cat));
  dirCache.set(dir, result);
  return result;
}

/** Forget cached configurations (an editor calls this when a config file changes). */
export function clearConfigCache(): void {
  dirCache.clear();
}
