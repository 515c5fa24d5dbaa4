// familiesIn finds a family's keywords by their first three characters, then tests the keywords there: it must answer
// exactly as each family's keywords tested as one regular expression.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES, GATE_KEYWORDS, familiesIn } from '../../packages/core/src/facts/prose.js';

const gates = FAMILIES.map((f) => new RegExp(GATE_KEYWORDS[f].join('|')));
const fragments = [
  'achiev', 'unmet', 'not ', 'yet ', 'met', 'outstanding', 'deteriorat', 'declin', 'wors', 'slipped', 'domestic', 'positive', 'concern',
  'sleep', 'slept', 'bed', 'asleep', 'plan', 'assessment', 'exit', 'transition', 'carer', 'allocat', 'left', ' left ', 'leav', 'hand',
  '-', 'over', 'handed  over', 'sick', 'moved on', 'social worker', 'plac', 'mov', 'return', 'step', 'discharg', 'end', ' end', 'xend',
  'conclud', 'independent', ' ', 'a', 'x', '.', 'tran', 'sition', 'é', 'Plan', '’', 'inconsisten', 'inconsist', 'co-', 're-', 'un-', '--', '{',
  // Each derived keyword, its first three characters and all but its last: found, nearly found.
  ...FAMILIES.flatMap((f) => GATE_KEYWORDS[f].map((k) => k.replace(/\\b/g, '').replace(/\\(.)/g, '$1')).flatMap((k) => [k, k.slice(0, 3), k.slice(0, -1)])),
];

describe('fact families', () => {
  it('match testing each family\'s keywords', () => {
    const text = fc.array(fc.constantFrom(...fragments), { maxLength: 10 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const found = familiesIn(s);
        expect(gates.map((_, i) => (found & (1 << i)) !== 0)).toEqual(gates.map((g) => g.test(s)));
      }),
      { numRuns: 20000, seed: 20261125 },
    );
  });
});
