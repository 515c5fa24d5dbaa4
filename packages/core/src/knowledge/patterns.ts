// Compiled patterns, as the build writes them into a rule's patterns.generated.ts, and what a rule does with
// them at load time: one regular expression for the pattern, one for its gate.
import { expand, gateSource, type Fragments, type WordClasses } from './literals.js';

export interface CompiledPattern {
  id: string;
  name: string;
  /** The pattern with every {name} expanded. */
  source: string;
  /** Literals one of which every match contains, derived from the pattern by the build. */
  gate: readonly string[];
  /** A second such set, from another part of the pattern: a match contains one of each. */
  gate2?: readonly string[];
  needsAssessment?: boolean;
  needsTarget?: boolean;
  needsNoEvidence?: boolean;
  attributed?: boolean;
  target?: string;
  message?: string;
}

export type RunnablePattern = CompiledPattern & { re: RegExp; gateRe: { test(text: string): boolean } };

/** The pattern ready to run: its expression (with match indices) and its gate (both gates, where it has two). */
export function runnable(p: CompiledPattern): RunnablePattern {
  const one = new RegExp(gateSource(p.gate));
  const two = p.gate2 ? new RegExp(gateSource(p.gate2)) : undefined;
  return { ...p, re: new RegExp(p.source, 'dg'), gateRe: two ? { test: (t) => one.test(t) && two.test(t) } : one };
}

/** Whether any pattern's gate (or any further trigger) passes: a text that passes none holds no match. */
export function triggerOf(patterns: readonly CompiledPattern[], ...more: { test(text: string): boolean }[]): { test(text: string): boolean } {
  const gates = new RegExp(gateSource(patterns.flatMap((p) => p.gate)));
  return { test: (text) => gates.test(text) || more.some((m) => m.test(text)) };
}

/**
 * Every literal of every gate, for all the rules and frames at once: one scan of a sentence finds them all (each
 * start position once, the longest literal there, and with it every literal it contains). The rules and the
 * frames ask about the same sentence one after another, so the last scan is kept: three scanners, one scan.
 */
class LiteralIndex {
  private readonly ids = new Map<string, number>();
  /** For each literal, the literals it contains (itself among them), worked out when it is first found. */
  private contains: (number[] | undefined)[] = [];
  private literals: string[] = [];
  private scanner: RegExp | undefined;
  private lastText: string | undefined;
  private lastFound: LiteralsFound = [];

  id(literal: string): number {
    const key = literal.toLowerCase().replace(/\s+/g, ' ');
    let n = this.ids.get(key);
    if (n === undefined) {
      this.ids.set(key, (n = this.ids.size));
      this.scanner = undefined;
      this.lastText = undefined;
    }
    return n;
  }

  /** The literals that literal `n` contains: found with it wherever it is found. */
  private containedIn(n: number): number[] {
    const a = this.literals[n]!;
    const out: number[] = [];
    for (let j = 0; j < this.literals.length; j++) if (a.includes(this.literals[j]!)) out.push(j);
    return out;
  }

  scan(text: string): LiteralsFound {
    if (text === this.lastText) return this.lastFound;
    if (!this.scanner) {
      const literals = (this.literals = [...this.ids.keys()]);
      this.contains = [];
      // Literals that begin with a letter or digit are looked for only where a word begins (most positions of a
      // sentence are not), the others (":" in a label) anywhere. Gates keep every literal that is not merely a
      // longer form of another ("unsuccessful" as well as "successful"), so a word-initial search finds them all.
      const wordy = literals.filter((l) => /^[a-z0-9]/.test(l));
      const other = literals.filter((l) => !/^[a-z0-9]/.test(l));
      const parts = [wordy.length ? `\\b(?:${gateSource(wordy)})` : '', other.length ? gateSource(other) : ''].filter(Boolean);
      this.scanner = new RegExp(parts.join('|') || '(?!)', 'g');
    }
    // A bit set in a plain array: a typed array of one byte a literal is allocated off the heap, and that
    // allocation, once a sentence, cost more than the scan itself.
    const found: number[] = new Array((this.ids.size + 31) >> 5).fill(0);
    const re = this.scanner;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const hit = m[0];
      const n = this.ids.get(hit) ?? this.ids.get(hit.replace(/\s+/g, ' '));
      if (n !== undefined) {
        const list = (this.contains[n] ??= this.containedIn(n));
        for (let k = 0; k < list.length; k++) found[list[k]! >> 5] |= 1 << (list[k]! & 31);
      }
      re.lastIndex = m.index + 1;
    }
    this.lastText = text;
    this.lastFound = found;
    return found;
  }
}
const literalIndex = new LiteralIndex();

/** The literals found in a text: bit n of word n >> 5 for literal n. */
export type LiteralsFound = readonly number[];

/**
 * A gate's literals as masks in the layout of LiteralsFound: word index, bits, word index, bits... Literal ids are
 * given out in order, so a gate's literals share a few words, and one AND a word tests all of its literals there.
 */
function gateMasks(ids: readonly number[]): number[] {
  const byWord = new Map<number, number>();
  for (const n of ids) byWord.set(n >> 5, (byWord.get(n >> 5) ?? 0) | (1 << (n & 31)));
  const out: number[] = [];
  for (const [word, bits] of byWord) out.push(word, bits);
  return out;
}

/** Whether any literal of a gate (as gateMasks gives it) is among those found. */
function anyFound(found: LiteralsFound, masks: readonly number[]): boolean {
  for (let k = 0; k < masks.length; k += 2) if (((found[masks[k]!] ?? 0) & masks[k + 1]!) !== 0) return true;
  return false;
}

/** The gates of a set of patterns (pattern i is gate i), tested against the shared scan of a sentence. */
export class GateScanner {
  private readonly gates: { one: number[]; two: number[] | undefined }[];

  constructor(patterns: readonly CompiledPattern[]) {
    this.gates = patterns.map((p) => ({ one: gateMasks(p.gate.map((l) => literalIndex.id(l))), two: p.gate2 ? gateMasks(p.gate2.map((l) => literalIndex.id(l))) : undefined }));
  }

  /** The literals found in the text, as flags by literal id (shared by every scanner). */
  scan(text: string): LiteralsFound {
    return literalIndex.scan(text);
  }

  /** Whether any pattern of this set can match a text with these literals. */
  any(found: LiteralsFound): boolean {
    for (let i = 0; i < this.gates.length; i++) if (this.passes(i, found)) return true;
    return false;
  }

  /** Whether pattern `i` can match a text with these literals. */
  passes(i: number, found: LiteralsFound): boolean {
    const g = this.gates[i]!;
    return anyFound(found, g.one) && (g.two === undefined || anyFound(found, g.two));
  }
}

/** A compiled guard (context.yaml, or a rule's patterns.yaml `guards`): a regular-expression source and its flags. */
export interface CompiledGuard {
  source: string;
  flags: string;
}

/**
 * A file's guards, ready to run: `guard('name')` compiles the named one, and a name the data does not define is an
 * error at load time, not a guard that silently never matches.
 */
export function guardsOf(guards: Record<string, CompiledGuard>, file: string): (name: string) => RegExp {
  return (name) => {
    const g = guards[name];
    if (!g) throw new Error(`${file} has no guard "${name}"`);
    return new RegExp(g.source, g.flags);
  };
}

/**
 * A file's guards compiled again from their templates, for a configuration that extends word lists they read:
 * `guard('name')` expands the named template over `lists` (the data's lists with the configuration's words added).
 */
export function guardsFromTemplates(
  templates: Record<string, { template: string; flags: string }>,
  lists: WordClasses,
  file: string,
  fragments: Fragments = {},
): (name: string) => RegExp {
  return (name) => {
    const t = templates[name];
    if (!t) throw new Error(`${file} has no guard "${name}"`);
    return new RegExp(expand(t.template, lists, fragments), t.flags);
  };
}
