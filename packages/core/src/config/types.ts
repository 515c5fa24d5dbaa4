import type { RuleOptions } from '../engine/rule.js';
import type { SeveritySetting } from '../types.js';

/** A rule's options as written: lists of phrases, and numbers for the limits a rule declares. */
export type RawRuleOptions = Record<string, string[] | number>;
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, RawRuleOptions];

/** A configuration as written in .caselintrc.json / .caselintrc.yaml / package.json#caselint. */
export interface RawConfig {
  /** A preset: 'recommended' (the review's lessons, the default) or 'strict'. */
  extends?: 'recommended' | 'strict' | ('recommended' | 'strict')[];
  rules?: Record<string, RuleSetting>;
  /** Globs (gitignore syntax) of files not to check, relative to the config file. */
  ignores?: string[];
  /** Largest file to read, in bytes (default 20 MB). */
  maxFileSize?: number;
  /** Longest time to check one file in a batch, in seconds (default 30; 0: no limit). A slower file is skipped. */
  maxFileTime?: number;
  /** Stop looking further up for configuration. */
  root?: boolean;
  /** Words added to the word classes of packages/core/data (for example `evaluation_positive`). */
  words?: Record<string, string[]>;
  /**
   * This folder and everything below it is one case: each document is checked against what all of them record.
   * A nearer folder's `"case": true` makes a case of its own.
   */
  case?: boolean;
}

export interface ResolvedRule {
  /** 0 off, 1 warning, 2 error. */
  severity: 0 | 1 | 2;
  options: RuleOptions;
  /** Numbers set for the rule's declared limits (its defaults apply to the rest). */
  limits?: Record<string, number>;
}

export interface ResolvedConfig {
  rules: Record<string, ResolvedRule>;
  ignores: string[];
  /** The folder the ignore globs are relative to. */
  ignoreBase?: string;
  maxFileSize: number;
  /** Seconds one file may take to check in a batch (0: no limit). */
  maxFileTime: number;
  /** The config files that made this, nearest last. */
  files: string[];
  /** Words added to word classes, by class: every config file's, nearer ones after farther ones. */
  words?: Record<string, string[]>;
  /** The folder declared a case (`"case": true`) that the file belongs to, if any. */
  caseRoot?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** A case holds at most this many documents: a larger one is checked document by document, with a notice (CLI and editor). */
export const MAX_CASE_DOCUMENTS = 1000;
/** Seconds: far above what any real report takes (tens of milliseconds), low enough that a stuck file does not stall a nightly batch. */
export const DEFAULT_MAX_FILE_TIME = 30;
