// Inputs that once made rules or the sentence splitter slow down more than linearly (a 500 KB "sentence" of
// "no concerns" took 221 s; 480 KB of "A. B. C." 8.5 s in retext-english). Each must now be checked, and the
// test's time-out is what catches a regression; speed itself is measured in `npm run bench`.
import { defaultConfig, Linter, parseDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';

const linter = new Linter(rules);
const config = defaultConfig();
const inputs: Record<string, string> = {
  'reassurance repeated with no full stop': 'no concerns no issues no problems '.repeat(6000),
  'initials and abbreviations': 'A. B. C. D. e.g. Mr. '.repeat(10000),
  'quotes everywhere': "'positive' 'passed' \"good\" ".repeat(8000),
  'verdict words with no target': 'passed the passed the '.repeat(10000),
  'a list that never ends': 'the areas of safety, health, budgeting, sleep, '.repeat(5000) + 'remain unachieved',
  'pipes': '| a '.repeat(50000),
  'one very long word': 'a'.repeat(200000),
};

describe('pathological input', () => {
  for (const [name, text] of Object.entries(inputs)) {
    it(`checks ${name} (${Math.round(text.length / 1000)} KB)`, { timeout: 10000 }, () => {
      for (const format of ['text', 'markdown'] as const) {
        const findings = linter.lint(parseDocument(text, format), config);
        // A runaway sentence yields a bounded number of findings per rule, not one per repetition.
        const perRule = new Map<string, number>();
        for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
        for (const n of perRule.values()) expect(n).toBeLessThanOrEqual(200);
      }
    });
  }
});
