// The per-file checking policy, one implementation for every front end (the command line and the language server),
// as ESLint's calculateConfigForFile and isPathIgnored serve both its command line and editors: whether a file is
// ignored, the configuration it is checked with (its config files, with a front end's own layer on top: --rule on
// the command line, the editor's settings in the language server), and the case it belongs to.
import { dirname, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { loadConfig, resolveConfig, type Catalogue } from './load.js';
import type { RawConfig, ResolvedConfig } from './types.js';

const matchers = new WeakMap<ResolvedConfig, Ignore>();

/** Whether a configuration's `ignores` (gitignore globs relative to its config file) leave out this path. */
export function isPathIgnored(config: ResolvedConfig, path: string | undefined): boolean {
  if (!path || config.ignores.length === 0 || !config.ignoreBase) return false;
  const rel = relative(config.ignoreBase, path);
  if (rel === '' || rel.startsWith('..')) return false;
  let matcher = matchers.get(config);
  if (!matcher) matchers.set(config, (matcher = ignore().add(config.ignores)));
  return matcher.ignores(rel.split(sep).join('/'));
}

const layered = new WeakMap<ResolvedConfig, WeakMap<RawConfig, ResolvedConfig>>();

/**
 * A configuration with a front end's layer on top, made once per pair: the same base and layer give the same object,
 * so caches keyed on it (the engine's, the language server's) stay warm.
 */
export function withLayer(base: ResolvedConfig, layer: RawConfig | undefined, catalogue?: Catalogue): ResolvedConfig {
  if (!layer) return base;
  let byLayer = layered.get(base);
  if (!byLayer) layered.set(base, (byLayer = new WeakMap()));
  let config = byLayer.get(layer);
  if (!config) byLayer.set(layer, (config = resolveConfig(layer, base, catalogue)));
  return config;
}

/**
 * The configuration a file is checked with: its config files found upward from it (or only `configFile`), with
 * `layer` on top. Throws ConfigError for an invalid config file.
 */
export function calculateConfigForFile(path: string, options: { configFile?: string; layer?: RawConfig; catalogue?: Catalogue } = {}): ResolvedConfig {
  const base = loadConfig(path, { ...(options.configFile ? { configFile: options.configFile } : {}), ...(options.catalogue ? { catalogue: options.catalogue } : {}) });
  return withLayer(base, options.layer, options.catalogue);
}

/**
 * The case folder a file belongs to: the deepest of `caseFolders` (the command line's --cases, the editor's workspace
 * folder when it is declared a case) above it, else the folder whose configuration says `"case": true`.
 */
export function caseRootFor(path: string, config: ResolvedConfig, caseFolders?: ReadonlySet<string>): string | undefined {
  if (caseFolders?.size) {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if (caseFolders.has(dir)) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return config.caseRoot;
}
