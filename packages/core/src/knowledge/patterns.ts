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
  needsAssessment?: boolean;
  needsTarget?: boolean;
  needsNoEvidence?: boolean;
  attributed?: boolean;
  target?: string;
  message?: string;
}

export type RunnablePattern = CompiledPattern & { re: RegExp; gateRe: RegExp };

/** The pattern ready to run: its expression (with match indices) and its gate. */
export function runnable(p: CompiledPattern): RunnablePattern {
  return { ...p, re: new RegExp(p.source, 'dg'), gateRe: new RegExp(gateSource(p.gate)) };
}

/** One expression that finds any pattern's gate: a text without a match holds no match of any pattern. */
export function triggerOf(patterns: readonly CompiledPattern[], ...more: RegExp[]): RegExp {
  return new RegExp([...patterns.map((p) => gateSource(p.gate)), ...more.map((r) => r.source)].join('|'));
}
