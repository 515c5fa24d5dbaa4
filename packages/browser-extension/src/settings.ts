// The extension's settings: the user's (options page, popup; chrome.storage.local, never synced) and the
// organisation's (chrome.storage.managed, set by council IT through policy). Managed values win. Everything a
// store hands over is normalised defensively: a bad value is dropped and named, and checking goes on.
// This module has no engine in it (the content script in every frame loads it); config.ts turns settings into the
// engine's configuration and checks rule settings against the rule catalogue.
import type { RuleSetting } from '@caselint/core/browser';

export type Preset = 'recommended' | 'strict';

/** A local authority's own phrases: extra verdicts (simplistic-outcome) and extra reassurances (unevidenced-reassurance). */
export interface Terms {
  verdicts?: string[];
  reassurances?: string[];
}

/** Which rule option each kind of term feeds. */
export const TERM_RULES: Record<keyof Terms, string> = {
  verdicts: 'simplistic-outcome',
  reassurances: 'unevidenced-reassurance',
};

export interface UserSettings {
  preset?: Preset;
  rules: Record<string, RuleSetting>;
  terms: Terms;
  /** Host names the user has switched caselint off on (the popup's switch). */
  disabledSites: string[];
}

export interface ManagedSettings {
  /** Host names caselint runs on ("records.council.gov.uk", "*.council.gov.uk"); when set, only there, and the user cannot switch it. */
  sites?: string[];
  preset?: Preset;
  rules?: Record<string, RuleSetting>;
  terms?: Terms;
}

export const USER_DEFAULTS: UserSettings = Object.freeze({ rules: {}, terms: {}, disabledSites: [] });

/** The storage.local key the user's settings live under. */
export const USER_KEY = 'settings';

function record(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function phrases(input: unknown): string[] | undefined {
  if (!Array.isArray(input)) return undefined;
  const out = input.filter((p): p is string => typeof p === 'string').map((p) => p.trim()).filter(Boolean);
  return [...new Set(out)];
}

function presetOf(input: unknown): Preset | undefined {
  return input === 'recommended' || input === 'strict' ? input : undefined;
}

/** What is wrong with a rule setting (config.ts checks it against the catalogue), or undefined. */
export type RuleCheck = (id: string, value: unknown) => { key: string; problem: string } | undefined;
/** Without the catalogue, a rule setting passes here and is checked where the configuration is made. */
const unchecked: RuleCheck = () => undefined;

/** Valid rule settings kept; each invalid one named in `problems` (as core names a config file's problem). */
function rulesOf(input: unknown, where: string, problems: string[], checkRule: RuleCheck): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(record(input))) {
    const problem = checkRule(id, value);
    if (problem) problems.push(`${where}.rules.${id}${problem.key ? `.${problem.key}` : ''} ${problem.problem}`);
    else out[id] = value as RuleSetting;
  }
  return out;
}

function termsOf(input: unknown): Terms {
  const source = record(input);
  const out: Terms = {};
  for (const key of Object.keys(TERM_RULES) as (keyof Terms)[]) {
    const list = phrases(source[key]);
    if (list) out[key] = list;
  }
  return out;
}

export function normaliseUser(input: unknown, problems: string[] = [], checkRule = unchecked): UserSettings {
  const source = record(input);
  return {
    preset: presetOf(source.preset),
    rules: rulesOf(source.rules, 'settings', problems, checkRule),
    terms: termsOf(source.terms),
    disabledSites: phrases(source.disabledSites) ?? [],
  };
}

export function normaliseManaged(input: unknown, problems: string[] = [], checkRule = unchecked): ManagedSettings {
  const source = record(input);
  const out: ManagedSettings = {};
  const sites = phrases(source.sites);
  if (sites && sites.length > 0) out.sites = sites.map((s) => s.toLowerCase());
  const preset = presetOf(source.preset);
  if (preset) out.preset = preset;
  if (source.rules !== undefined) out.rules = rulesOf(source.rules, 'policy', problems, checkRule);
  if (source.terms !== undefined) out.terms = termsOf(source.terms);
  return out;
}

/** "records.council.gov.uk" matches itself; "*.council.gov.uk" matches council.gov.uk and any host under it. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === pattern;
}

export interface SiteState {
  enabled: boolean;
  /** True when the organisation decides (managed `sites`): the popup's switch is then locked. */
  managed: boolean;
}

export function siteState(host: string, user: UserSettings, managed: ManagedSettings): SiteState {
  if (managed.sites) return { enabled: managed.sites.some((p) => hostMatches(p, host)), managed: true };
  return { enabled: !user.disabledSites.includes(host.toLowerCase()), managed: false };
}

/** The user's settings with one site switched on or off. */
export function withSite(user: UserSettings, host: string, enabled: boolean): UserSettings {
  const others = user.disabledSites.filter((h) => h !== host.toLowerCase());
  return { ...user, disabledSites: enabled ? others : [...others, host.toLowerCase()] };
}

/** Which settings the organisation fixes: the options page shows them locked. */
export function lockedBy(managed: ManagedSettings): { preset: boolean; rules: Set<string>; terms: Set<keyof Terms> } {
  return {
    preset: managed.preset !== undefined,
    rules: new Set(Object.keys(managed.rules ?? {})),
    terms: new Set(Object.keys(managed.terms ?? {}) as (keyof Terms)[]),
  };
}
