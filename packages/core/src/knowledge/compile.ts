// Knowledge compiler: word classes and patterns, written as data (YAML) by people who know the domain, become
// the regular expressions the engine runs, each with a prefilter (gate) derived from the pattern itself.
// The build (scripts/build-knowledge.mjs) runs it once over the data files; a configuration that extends a word
// class runs it again at load time. It uses no Node built-ins, so it runs wherever the engine does.
import { RegExpParser, type AST } from '@eslint-community/regexpp';
export { alternation, expand, gateSource, tokenClasses, trieAlternation, type Fragments, type WordClasses } from './literals.js';

// ---- Gates: what every match must contain ----
//
// For each node of the pattern we compute either the exact set of strings it can match (when small and
// finite) or a set of literals one of which every match contains (the prefilter idea of RE2 and Vale).
// A sentence without any of a pattern's literals cannot match it, so the pattern need not run there.

interface Info {
  /** Every string the node can match, when there are few; `undefined` when unknown or too many. */
  exact?: Set<string>;
  /** Literals one of which every match contains; `undefined` when nothing is known. */
  any?: Set<string>;
}

const MAX_EXACT = 64;

function cross(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/**
 * Words found in nearly every sentence of a report: a gate made of them lets everything through. The list only
 * steers the choice between candidate gates; it never makes a gate wrong.
 */
const COMMON = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been being has have had do does did done doing going goes gone get gets getting got he she they it her his their him them this that these those not no all very'.split(' '),
);

/**
 * A set of literals is better when fewer of them are common words, then when its shortest literal is longer
 * (more selective), then when it is smaller.
 */
function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  const common = (s: Set<string>) => [...s].filter((x) => COMMON.has(x.trim())).length;
  if (common(a) !== common(b)) return common(a) < common(b) ? a : b;
  const min = (s: Set<string>) => Math.min(...[...s].map((x) => x.length));
  return min(a) !== min(b) ? (min(a) > min(b) ? a : b) : a.size <= b.size ? a : b;
}

function literals(info: Info): Set<string> | undefined {
  if (info.exact) return [...info.exact].some((s) => s.length === 0) ? undefined : info.exact;
  return info.any;
}

function infoOfChar(c: AST.Character): Info {
  return { exact: new Set([String.fromCodePoint(c.value)]) };
}

function infoOfClass(node: AST.CharacterClass): Info {
  if (node.negate) return {};
  const chars = new Set<string>();
  for (const e of node.elements) {
    if (e.type === 'Character') chars.add(String.fromCodePoint(e.value));
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < 8) {
      for (let v = e.min.value; v <= e.max.value; v++) chars.add(String.fromCodePoint(v));
    } else return {};
  }
  return chars.size <= 8 ? { exact: chars } : {};
}

function infoOfSequence(elements: AST.Element[]): Info {
  // `run` is the exact set of the current run of adjacent exact elements; a run is contained in every match.
  let run = new Set(['']);
  let broken = false;
  let best: Set<string> | undefined;
  for (const e of elements) {
    const i = infoOf(e);
    const joined = i.exact ? cross(run, i.exact) : undefined;
    if (joined) {
      run = joined;
      continue;
    }
    broken = true;
    best = better(best, literals({ exact: run }));
    best = better(best, literals(i));
    run = i.exact ? new Set(i.exact) : new Set(['']);
  }
  if (!broken) return { exact: run };
  return { any: better(best, literals({ exact: run })) };
}

function infoOfAlternatives(alternatives: AST.Alternative[]): Info {
  const infos = alternatives.map((a) => infoOfSequence(a.elements));
  if (infos.every((i) => i.exact)) {
    const all = new Set<string>();
    for (const i of infos) for (const s of i.exact!) all.add(s);
    if (all.size <= MAX_EXACT) return { exact: all };
  }
  const any = new Set<string>();
  for (const i of infos) {
    const l = literals(i);
    if (!l) return {};
    for (const s of l) any.add(s);
  }
  return { any };
}

function infoOf(node: AST.Element): Info {
  switch (node.type) {
    case 'Character':
      return infoOfChar(node);
    case 'CharacterClass':
      return infoOfClass(node);
    case 'CharacterSet':
    case 'Backreference':
    case 'ExpressionCharacterClass':
      return {};
    case 'Assertion':
      // \b, ^, $ and lookarounds match no characters.
      return { exact: new Set(['']) };
    case 'Group':
    case 'CapturingGroup':
      return infoOfAlternatives(node.alternatives);
    case 'Quantifier': {
      const inner = infoOf(node.element);
      if (node.max === 1) {
        if (node.min === 1) return inner;
        return inner.exact ? { exact: new Set(['', ...inner.exact]) } : { exact: undefined, any: undefined };
      }
      if (node.min === 0) return {};
      return { any: literals(inner) };
    }
    default:
      return {};
  }
}

/** Drop literals that begin with another literal of the set: the shorter one is found wherever the longer is. */
function minimise(set: Set<string>): string[] {
  const list = [...set].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  // Only a prefix makes a longer literal redundant: the engine looks for literals where words start, so
  // "unsuccessful" must stay even though it contains "successful".
  for (const s of list) if (!out.some((o) => s.startsWith(o))) out.push(s);
  return out.sort();
}

/**
 * The literals one of which every match of `source` contains, or undefined when none can be derived (a
 * pattern that could match anything, or only classes of characters). Derived, never written by hand.
 */
export function gateLiterals(source: string, flags = ''): string[] | undefined {
  // Derive from the plain-alternation form: a trie's branches share prefixes too short to be gates.
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  const l = literals(infoOfAlternatives(pattern.alternatives));
  if (!l || l.size === 0) return undefined;
  const out = minimise(l);
  // A literal of one visible character (a space, a colon) would let nearly every sentence through.
  return out.some((s) => s.trim().length < 2) ? undefined : out;
}


/**
 * A second gate, required as well as the first: the best literal set of another part of the pattern ("a verdict
 * word" and "what it judges"). Only for a pattern that is one sequence, and only when the set is selective.
 */
export function secondGateLiterals(source: string, first: readonly string[], flags = ''): string[] | undefined {
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  const pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  if (pattern.alternatives.length !== 1) return undefined;
  const firstKey = JSON.stringify(minimise(new Set(first)));
  let best: Set<string> | undefined;
  for (const e of pattern.alternatives[0]!.elements) {
    const l = literals(infoOf(e));
    if (!l || JSON.stringify(minimise(l)) === firstKey) continue;
    // Selective: no common words, no short words; but punctuation (":" or "-" in a label) is selective enough.
    const punctuation = [...l].every((x) => /^[^a-z0-9\s]+$/.test(x));
    if (!punctuation && [...l].some((x) => COMMON.has(x.trim()) || x.trim().length < 3)) continue;
    if (punctuation) return minimise(l);
    best = better(best, l);
  }
  return best ? minimise(best) : undefined;
}
