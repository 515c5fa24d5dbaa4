// The light half of the knowledge compiler: what the engine needs at run time to use compiled knowledge
// (classes and fragments expanded into alternations, gates from literals), without the regular-expression parser.

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const REF = /\{(@?)([a-z][a-z0-9_]*)\}/g;
/** Words that are never an evaluation ("the", "foster", "her"): ruled out where a class is checked word by word. */
const NOT_A_TOKEN = String.raw`(?!(?:the|a|an|her|his|their|its|my|our|your|this|that|these|those|of|and|or|to|in|on|at|by|for|with|from|as|is|are|was|were|be|been|has|have|had|not|no|foster|birth|young|new|other|all|both|each|some|any|more|most|very|so)\b)`;

/** The first words of a class's two-word entries ("well" of "well led", "child" of "child centred"). */
export function tokenPrefixes(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of phrases(words)) {
    const m = /^([a-z'-]+) [a-z'-]+$/.exec(w);
    if (m) out.add(m[1]!);
  }
  return [...out].sort();
}

/**
 * What `{@class}` stands for in a pattern: one word, or one of the first words of the class's two-word entries and a
 * word ("well led", "child centred"), checked against the class afterwards. Words that are never an evaluation are
 * ruled out in the expression itself, so that a frame does not stop at every "the child" to look the word up.
 */
export function tokenSource(words: readonly string[]): string {
  const prefixes = tokenPrefixes(words);
  return String.raw`${NOT_A_TOKEN}${prefixes.length ? String.raw`(?:(?:${alternation(prefixes)})\s+)?` : ''}[a-z][a-z'-]*`;
}

function phrases(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim().toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ')).filter(Boolean))];
}

/** One alternation for a list of phrases, as written: longest first, so "parenting assessment" wins over "parenting". */
export function alternation(words: readonly string[]): string {
  const uniq = phrases(words);
  uniq.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return uniq.map((w) => w.replace(SPECIAL, '\\$&').replace(/ /g, String.raw`\s+`)).join('|');
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/**
 * The same alternation factored into a trie ("a(?:bandoned|bhorrent)|b..."): it matches exactly what
 * `alternation` matches, longest first, but a backtracking engine tries only the words that share the text's
 * next letter instead of every word at every position (for the 860 evaluation words, the difference between
 * the engine's speed and a tenth of it).
 */
export function trieAlternation(words: readonly string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const w of phrases(words)) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

function emit(node: Trie): string {
  const keys = [...node.next.keys()].sort();
  const branches = keys.map((k) => (k === ' ' ? String.raw`\s+` : k.replace(SPECIAL, '\\$&')) + emit(node.next.get(k)!));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  // Greedy: the longer word is tried first, and the shorter one is still there if the rest fails.
  if (!node.end) return body;
  return branches.length === 1 && keys[0]!.length === 1 && !body.includes('(') && body.length === 1 ? `${body}?` : `(?:${body})?`;
}

/**
 * A regular expression that finds any of the literals: the gate a pattern is tested against first. As a trie,
 * so that scanning a sentence costs about one comparison a character, however many literals there are.
 */
export function gateSource(lits: readonly string[]): string {
  return trieAlternation(lits);
}

/** Named word classes: each a list of words or phrases (lower case; a space matches any run of white space). */
export type WordClasses = Record<string, readonly string[]>;
/** Named regular-expression fragments, which may refer to classes and other fragments as {name}. */
export type Fragments = Record<string, string>;


/**
 * Expand every {name} in a template from the classes and the fragments (recursively). Classes become tries
 * (what runs); `alternation` gives the plain list instead, which is what gates are derived from.
 */
export function expand(
  template: string,
  classes: WordClasses,
  fragments: Fragments = {},
  seen: string[] = [],
  alt: (w: readonly string[]) => string = trieAlternation,
  tokensAsWords = false,
): string {
  return template.replace(REF, (_, at: string, name: string) => {
    if (seen.includes(name)) throw new Error(`{${name}} refers to itself (${[...seen, name].join(' -> ')})`);
    if (name in fragments) {
      if (at) throw new Error(`{@${name}}: only a word class can be checked word by word`);
      return `(?:${expand(fragments[name]!, classes, fragments, [...seen, name], alt, tokensAsWords)})`;
    }
    if (name in classes) {
      if (classes[name]!.length === 0) throw new Error(`word class {${name}} is empty`);
      // A large class runs faster as a set: the expression matches any word there, the engine checks the word.
      return at && !tokensAsWords ? `(?:${tokenSource(classes[name]!)})` : `(?:${alt(classes[name]!)})`;
    }
    throw new Error(`{${name}} is neither a word class nor a fragment`);
  });
}

/** The classes a template checks word by word ({@name}), directly or through fragments. */
export function tokenClasses(template: string, fragments: Fragments = {}, out = new Set<string>(), seen = new Set<string>()): Set<string> {
  for (const m of template.matchAll(REF)) {
    const name = m[2]!;
    if (m[1]) out.add(name);
    else if (name in fragments && !seen.has(name)) {
      seen.add(name);
      tokenClasses(fragments[name]!, fragments, out, seen);
    }
  }
  return out;
}


