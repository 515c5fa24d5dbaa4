// A config's `ignores` (gitignore globs relative to the config file) apply in the editor as on the command
// line: an ignored document gets no diagnostics.
import { relative, sep } from 'node:path';
import type { ResolvedConfig } from '@caselint/core';
import ignore, { type Ignore } from 'ignore';

const matchers = new WeakMap<ResolvedConfig, Ignore>();

export function isIgnored(config: ResolvedConfig, path: string | undefined): boolean {
  if (!path || config.ignores.length === 0 || !config.ignoreBase) return false;
  const rel = relative(config.ignoreBase, path);
  if (rel === '' || rel.startsWith('..')) return false;
  let matcher = matchers.get(config);
  if (!matcher) {
    matcher = ignore().add(config.ignores);
    matchers.set(config, matcher);
  }
  return matcher.ignores(rel.split(sep).join('/'));
}
