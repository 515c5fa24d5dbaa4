// The contradiction rule on real passages: two to eight consecutive sentences copied from published judgments,
// reviews, inspection reports and carers' accounts, each read as one document. Two readers labelled each passage
// "contradiction" (a positive verdict stated as the writer's own, beside recorded unmet areas, deterioration or
// concerns it hides) or "none", from DOMAIN.md alone; only their agreed labels are here. One test per passage: the rule
// must fire on a contradiction and stay silent otherwise. A passage caselint gets wrong carries its `knownFailure`
// reason, so fixing it fails its test until the reason is removed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, Linter, parseDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

interface Passage { id: string; text: string; expect: 'contradiction' | 'none'; why: string; knownFailure?: string }

const passages = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real-passages.json'), 'utf8')) as Passage[];
const linter = new Linter(rules);
const config = defaultConfig();

describe('the contradiction rule on real passages (test/fixtures/real-passages.json)', () => {
  const tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
  afterAll(() => {
    const { tp, fp, fn, tn } = tally;
    console.log(`real passages: ${tp} of ${tp + fn} contradictions found, ${fp} false alarms in ${fp + tn} passages without one`);
  });
  for (const p of passages) {
    it(`${p.id}: ${p.text.slice(0, 60)}${p.knownFailure ? ' (known failure)' : ''}`, () => {
      const found = linter.lint(parseDocument(`${p.text}\n`, 'text'), config).filter((f) => f.ruleId === 'outcome-contradicts-findings');
      const hit = found.length > 0;
      const want = p.expect === 'contradiction';
      if (want) hit ? tally.tp++ : tally.fn++;
      else hit ? tally.fp++ : tally.tn++;
      const what = hit ? `flagged (${found.map((f) => `"${f.phrase}"`).join(', ')})` : 'not flagged';
      if (p.knownFailure) expect(hit, `listed as a known failure (${p.knownFailure}) but now ${what}: remove knownFailure`).toBe(!want);
      else expect(hit, `labelled ${p.expect} (${p.why}); ${what}`).toBe(want);
    });
  }
});
