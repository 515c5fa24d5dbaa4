// Compiled patterns, as the build writes them into a rule's patterns.generated.ts, and what a rule does with
// them at load time: one regular expression for the pattern, one for its gate.
import { gateSource } from './literals.js';

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
 * All the gates of a set of patterns, tested in one scan of the sentence: one expression finds every literal of
 * every gate (each start position once, the longest literal there, and with it every literal it contains), and
 * each pattern then asks whether one of its literals was found. Thirty patterns cost one scan, not thirty.
 */
export class GateScanner {
  private readonly scanner: RegExp;
  private readonly ids = new Map<string, number>();
  /** For each literal, the literals it contains (itself included). */
  private readonly contains: number[][] = [];
  private readonly gates: { one: number[]; two?: number[] }[];

  constructor(patterns: readonly CompiledPattern[]) {
    const id = (lit: string) => {
      const key = lit.toLowerCase().replace(/\s+/g, ' ');
      let n = this.ids.get(key);
      if (n === undefined) this.ids.set(key, (n = this.ids.size));
      return n;
    };
    this.gates = patterns.map((p) => ({ one: p.gate.map(id), ...(p.gate2 ? { two: p.gate2.map(id) } : {}) }));
    const literals = [...this.ids.keys()];
    for (const a of literals) this.contains.push(literals.flatMap((b, j) => (a.includes(b) ? [j] : [])));
    this.scanner = new RegExp(gateSource(literals), 'g');
  }

  /** The literals found in the text, as flags by literal id. */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.ids.size);
    const re = this.scanner;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const n = this.ids.get(m[0].replace(/\s+/g, ' '));
      if (n !== undefined) for (const j of this.contains[n]!) found[j] = 1;
      re.lastIndex = m.index + 1;
    }
    return found;
  }

  /** Whether pattern `i` can match a text with these literals. */
  passes(i: number, found: Uint8Array): boolean {
    const g = this.gates[i]!;
    return g.one.some((n) => found[n] === 1) && (!g.two || g.two.some((n) => found[n] === 1));
  }
}
