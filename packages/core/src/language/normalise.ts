/**
 * Lower-case and fold typographic variants to plain ones, one character for one character, so that
 * an index into the result is an index into the original: curly quotes to straight, dashes to '-',
 * non-breaking spaces to spaces.
 */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[‘’‛′]/g, "'").replace(/[“”„″]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** Compile a list of phrases (data) into one case-insensitive, word-bounded alternation. */
export function phraseSource(phrases: readonly string[]): string {
  return phrases
    .map((p) =>
      normalise(p)
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    )
    .sort((a, b) => b.length - a.length)
    .join('|');
}

export function phraseRegExp(phrases: readonly string[], flags = 'g'): RegExp {
  return new RegExp(`\\b(?:${phraseSource(phrases)})\\b`, flags);
}
