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
  return narrow(text, lower.replace(FOLD_RE, (c) => FOLD[c]!));
}

// V8 keeps a string with any character past U+00FF two bytes a character, and so is every string cut from it or
// made from it by a replacement, even when, as here, the folding has left only Latin-1. Each regular expression is
// then compiled twice (once for each width) and runs on twice the bytes. A typographic apostrophe is in most
// documents written in Word, so a folder's normalised text was mostly two-byte: made one-byte again here.
const WIDE = /[^\x00-\xff]/;
// What a Latin-1 decoder (windows-1252 in the encoding standard) turns into other characters.
const NOT_LATIN1 = /[^\x00-\x7f\xa0-\xff]/;
const latin1 = new TextDecoder('latin1');

function narrow(text: string, folded: string): string {
  if (!WIDE.test(text) || NOT_LATIN1.test(folded)) return folded;
  const bytes = new Uint8Array(folded.length);
  for (let i = 0; i < folded.length; i++) bytes[i] = folded.charCodeAt(i);
  return latin1.decode(bytes);
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
