// The editor settings (`caselint.*`), read through workspace/configuration or didChangeConfiguration,
// normalised defensively: a client may send anything, and a bad setting must not stop linting.
import { checkRuleSetting, type RawConfig } from '@caselint/core';
import '@caselint/rules'; // the rule catalogue that rule settings are checked against

export type Preset = 'recommended' | 'strict';
export type RuleSetting = NonNullable<RawConfig['rules']>[string];

export interface Settings {
  /** Turn live checking off without uninstalling. */
  enable: boolean;
  /** A preset chosen in the editor; undefined means "whatever the workspace's .caselintrc says". */
  preset?: Preset;
  /** Rule overrides layered over the workspace configuration. */
  rules: Record<string, RuleSetting>;
  /** Documents longer than this (in characters) get one informational diagnostic instead of a check. */
  maxDocumentSize: number;
  /** Rule settings that were left out because they are invalid, each naming the key and the problem. */
  problems?: string[];
  /** Seconds one check may take; a longer one is stopped and one informational diagnostic says so. */
  maxCheckTime: number;
  /** Each workspace folder is one case (unless a config file declares a case folder nearer the document). */
  case: boolean;
}

export const DEFAULT_MAX_DOCUMENT_SIZE = 1_000_000;
/** Real reports take tens of milliseconds; a check this long is something wrong, and it keeps the CPU busy. */
export const DEFAULT_MAX_CHECK_TIME = 10;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: {},
  maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE,
  maxCheckTime: DEFAULT_MAX_CHECK_TIME,
  case: false,
});

/** A rule setting is checked exactly as a config file's is (core's checkRuleSetting): the problem, or undefined. */
function ruleSettingProblem(id: string, value: unknown): string | undefined {
  try {
    const problem = checkRuleSetting(id, value);
    return problem && `"caselint.rules.${id}${problem.key ? `.${problem.key}` : ''}" ${problem.problem}`;
  } catch (error) {
    return `"caselint.rules.${id}" could not be checked (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Accepts `{ caselint: {...} }`, `{...}` or nothing, and returns complete settings. */
export function normalizeSettings(input: unknown): Settings {
  const source = unwrap(input);
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (typeof source.enable === 'boolean') settings.enable = source.enable;
  if (typeof source.case === 'boolean') settings.case = source.case;
  if (source.preset === 'recommended' || source.preset === 'strict') settings.preset = source.preset;
  if (typeof source.maxDocumentSize === 'number' && Number.isFinite(source.maxDocumentSize) && source.maxDocumentSize > 0) {
    settings.maxDocumentSize = Math.floor(source.maxDocumentSize);
  }
  if (typeof source.maxCheckTime === 'number' && Number.isFinite(source.maxCheckTime) && source.maxCheckTime > 0) {
    settings.maxCheckTime = source.maxCheckTime;
  }
  if (typeof source.rules === 'object' && source.rules !== null && !Array.isArray(source.rules)) {
    for (const [id, value] of Object.entries(source.rules as Record<string, unknown>)) {
      const problem = ruleSettingProblem(id, value);
      if (!problem) settings.rules[id] = value as RuleSetting;
      else (settings.problems ??= []).push(problem);
    }
  }
  return settings;
}

function unwrap(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return {};
  const record = input as Record<string, unknown>;
  const nested = record.caselint;
  if (typeof nested === 'object' && nested !== null) return nested as Record<string, unknown>;
  return record;
}

/** The part of the settings that changes the configuration, as a config layer over the workspace file. */
export function settingsToRawConfig(settings: Settings): RawConfig | undefined {
  const raw: RawConfig = {};
  if (settings.preset) raw.extends = settings.preset;
  if (Object.keys(settings.rules).length > 0) raw.rules = { ...settings.rules };
  return raw.extends || raw.rules ? raw : undefined;
}
