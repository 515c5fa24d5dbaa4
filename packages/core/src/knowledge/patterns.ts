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

/** Whether any pattern's gate (or any further trigger) passes: a text that passes none holds no match. */
export function triggerOf(patterns: readonly CompiledPattern[], ...more: { test(text: string): boolean }[]): { test(text: string): boolean } {
  const gates = new RegExp(patterns.map((p) => gateSource(p.gate)).join('|'));
  return { test: (text) => gates.test(text) || more.some((m) => m.test(text)) };
}
