// caselint's engine for web pages and extensions: check text, get findings. One bundle (dist/engine/caselint.js,
// ESM) with the rules; see the README's "In a browser". Build-time aliases (build.mjs) replace the three Node
// built-ins core's modules import with browser stand-ins (src/shims), so the bundle imports nothing.
import { Linter, LintCache, parseDocument, resolveConfig, type Finding, type RawConfig, type ResolvedConfig } from '@caselint/core/browser';
import { rules } from '@caselint/rules';

export { Linter, LintCache, parseDocument, resolveConfig, rules };
export type { Finding, RawConfig, ResolvedConfig };

export type TextFormat = 'text' | 'markdown';

const linter = new Linter(rules);

/** Check a text (plain text, as typed into a form field, or Markdown) under a configuration (default: recommended). */
export function checkText(text: string, options: { format?: TextFormat; config?: ResolvedConfig; cache?: LintCache } = {}): Finding[] {
  const doc = parseDocument(text, options.format ?? 'text');
  return linter.lint(doc, options.config ?? resolveConfig({}), options.cache);
}
