// The light half of the knowledge compiler: what the engine needs at run time to use compiled knowledge
// (alternations of phrases, gates from literals), without the regular-expression parser.

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** One alternation for a list of phrases: longest first, so "parenting assessment" wins over "parenting". */
export function alternation(words: readonly string[]): string {
  const uniq = [...new Set(words.map((w) => w.trim().toLowerCase().replace(/[‘’]/g, "'")).filter(Boolean))];
  uniq.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return uniq.map((w) => w.replace(SPECIAL, '\\$&').replace(/\s+/g, String.raw`\s+`)).join('|');
}

/** A regular expression that finds any of the literals: the gate a pattern is tested against first. */
export function gateSource(lits: readonly string[]): string {
  return lits.map((s) => s.replace(SPECIAL, '\\$&')).join('|');
}
