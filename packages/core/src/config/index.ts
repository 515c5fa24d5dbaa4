// @caselint/core/config: configuration alone, without the engine (the CLI reads configuration before it knows
// whether anything needs checking).
export { loadConfig, resolveConfig, readConfigFile, defaultConfig, clearConfigCache, setDefaultCatalogue, checkRuleSetting, acceptedOptions, ConfigError, CONFIG_FILES, type Catalogue } from './load.js';
export type { RawConfig, ResolvedConfig, ResolvedRule, RuleSetting } from './types.js';
export { MAX_CASE_DOCUMENTS } from './types.js';
