import { trieAlternation } from '../knowledge/literals.js';
/**
 * Lower-case and fold typographic variants to plain ones, one character for one character, so that
 * an index into the result is an index into the original: curly quotes to straight, dashes to '-',
 * non-breaking spaces to spaces.
 */
const FOLD: Record<string, string> = {
  '‘': "'", '’': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ',
};
const FOLD_RE = /[‘’‛′“”„″‐‑‒–—―\u00a0\u2007\u202f]/g;

export function normalise(text: string): string {
  let lower = text.toLowerCase();
  // A few characters lower-case to two ("İ"); keep those as they are, so offsets never drift.
  if (lower.length !== text.length) lower = text.replace(/[^]/g, (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c));
  return lower.replace(FOLD_RE, (c) => FOLD[c]!);
}

/**
 * Compile a list of phrases (data) into one alternation of their normalised forms (a space matches any run of white
 * space), longest first. Factored into a trie, which matches the same and is tried a letter at a time rather than a
 * phrase at a time at every position.
 */
export function phraseSource(phrases: readonly string[]): string {
  const normalised = phrases.map((p) => normalise(p).trim());
  const body = trieAlternation(normalised);
  // An empty phrase matches the empty string, tried last (as the shortest of a longest-first alternation).
  return normalised.includes('') ? `${body}|` : body;
}

export function phraseRegExp(phrases: readonly string[], flags = 'g'): RegExp {
  return new RegExp(`\\b(?:${phraseSource(phrases)})\\b`, flags);
}

const termsCache = new WeakMap<readonly string[], RegExp>();

/**
 * The regular expression for a rule's configured extra `terms`, compiled once per list (the list object comes from
 * the resolved configuration, so it is the same for every sentence). Undefined when there are none.
 */
export function termsRegExp(terms: readonly string[] | undefined): RegExp | undefined {
  if (!terms?.length) return undefined;
  let re = termsCache.get(terms);
  if (!re) termsCache.set(terms, (re = phraseRegExp(terms)));
  return re;
}
