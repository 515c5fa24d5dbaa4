// Settings -> the engine's configuration, with rule settings checked against the rule catalogue (as the CLI
// checks a config file's), and a .caselintrc.json imported. Used by the service worker and the options page.
import { ConfigError, checkRuleSetting, resolveConfig, validateConfig, type RawConfig, type ResolvedConfig } from '@caselint/core/browser';
import '@caselint/rules'; // registers the rule catalogue that settings are checked against
import { TERM_RULES, normaliseManaged, normaliseUser, type ManagedSettings, type RuleCheck, type Terms, type UserSettings } from './settings.js';

export const checkRule: RuleCheck = (id, value) => checkRuleSetting(id, value);

/** Both stores' settings, normalised with their rule settings checked; each invalid one named in `problems`. */
export function checkedSettings(local: unknown, policy: unknown, problems: string[] = []): { user: UserSettings; managed: ManagedSettings } {
  return { user: normaliseUser(local, problems, checkRule), managed: normaliseManaged(policy, problems, checkRule) };
}

/** The configuration checks run with: the user's settings, then the organisation's over them. */
export function effectiveConfig(unchecked: UserSettings, uncheckedManaged: ManagedSettings): ResolvedConfig {
  // Settings reach the service worker from content scripts, which do not check rule settings: check them here.
  const { user, managed } = checkedSettings(unchecked, uncheckedManaged);
  const preset = managed.preset ?? user.preset;
  const raw: RawConfig = { rules: { ...user.rules, ...managed.rules } };
  if (preset) raw.extends = preset;
  const config = resolveConfig(raw);
  const terms: Terms = { ...user.terms, ...managed.terms };
  for (const [kind, ruleId] of Object.entries(TERM_RULES) as [keyof Terms, string][]) {
    const list = terms[kind];
    const rule = config.rules[ruleId];
    if (!list?.length || !rule) continue;
    // Terms add to whatever a rule setting gave the same option.
    rule.options = { ...rule.options, terms: [...new Set([...(rule.options.terms ?? []), ...list])] };
  }
  return config;
}

/**
 * A .caselintrc.json's text as user settings: its preset and rules, validated exactly as the CLI validates the file.
 * Keys that only mean something on disk (ignores, root, maxFileSize, ...) are ignored. Throws ConfigError.
 */
export function importCaselintrc(text: string, user: UserSettings, name = '.caselintrc.json'): UserSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(name, '', `is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const raw = validateConfig(data ?? {}, name, '');
  const extended = Array.isArray(raw.extends) ? raw.extends.at(-1) : raw.extends;
  return { ...user, preset: extended ?? user.preset, rules: { ...user.rules, ...raw.rules } };
}
