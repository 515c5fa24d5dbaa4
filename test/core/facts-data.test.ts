// facts.yaml is tested by its own examples twice: the build checks that each pattern matches exactly its marked
// phrase, and this test that the facts layer, with its guards, records each `flag` example as a fact of the pattern's
// kind over the marked phrase, and records no such fact in a `clean` example.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SentenceContext } from '../../packages/core/src/language/context.js';
import { sentencesOf } from '../../packages/core/src/language/sentences.js';
import { factSet, sentenceFacts, type SentenceFact } from '../../packages/core/src/facts/prose.js';
import { FACT_PATTERNS } from '../../packages/core/src/knowledge/knowledge.generated.js';
import { ROOT } from '../helpers.js';
import { unmark } from '../marks.js';

interface FactPattern { id: string; family: string; plan?: string; allocation?: string; event?: string; examples: { flag?: string[]; clean?: string[] } }
const data = parse(readFileSync(join(ROOT, 'packages/core/data/facts.yaml'), 'utf8')) as { patterns: FactPattern[] };

const KIND: Record<string, SentenceFact['kind']> = {
  area: 'area', rated: 'area', rating: 'area', deterioration: 'deterioration', concern: 'concern', skill: 'concern', shortfall: 'concern', finding: 'concern', coSleeping: 'co-sleeping', plan: 'plan', allocation: 'allocation', event: 'event',
};

/** The facts of the pattern's kind (and sub-kind) that a one-sentence text records, as spans in the text. */
function factsLike(p: FactPattern, text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const s of sentencesOf(text)) {
    for (const f of sentenceFacts(new SentenceContext(s))) {
      if (f.kind !== KIND[p.family]) continue;
      if (f.kind === 'plan' && f.plan !== p.plan) continue;
      if (f.kind === 'allocation' && f.allocation !== p.allocation) continue;
      if (f.kind === 'event' && f.event !== p.event) continue;
      out.push([s.start + f.start, s.start + f.end]);
    }
  }
  return out;
}

describe('facts.yaml', () => {
  it('every pattern is compiled, with a family the facts layer reads', () => {
    for (const p of data.patterns) {
      expect(FACT_PATTERNS[p.id], p.id).toBeDefined();
      expect(Object.keys(KIND), `${p.id}: family`).toContain(p.family);
    }
  });
  for (const p of data.patterns) {
    describe(p.id, () => {
      for (const example of p.examples.flag ?? []) {
        it(`records: ${example}`, () => {
          const { text, spans } = unmark(example);
          const [start, end] = spans[0]!;
          const found = factsLike(p, text);
          expect(found.some(([s, e]) => s < end && e > start), `a ${p.family} fact over "${text.slice(start, end)}" (found ${JSON.stringify(found)})`).toBe(true);
        });
      }
      for (const example of p.examples.clean ?? []) {
        it(`records nothing of its kind: ${example}`, () => {
          expect(factsLike(p, example)).toEqual([]);
        });
      }
    });
  }
});

describe('facts.yaml classes extended by a configuration', () => {
  const concerns = (text: string, words?: Record<string, string[]>) =>
    sentencesOf(text).flatMap((s) => sentenceFacts(new SentenceContext(s), factSet(words))).filter((f) => f.kind === 'concern').map((f) => text.slice(f.start, f.end));
  it('records a concern in a local phrase once it is added', () => {
    const text = 'A strategy discussion held on Monday agreed an enquiry.';
    expect(concerns(text)).toEqual([]);
    expect(concerns(text, { concern_phrase: ['strategy discussion held'] })).toEqual(['strategy discussion held']);
  });
  it('records one too short for the gate to find by its first three letters ("dv")', () => {
    expect(concerns('There was dv at the house on Friday.', { concern_phrase: ['dv'] })).toEqual(['dv']);
  });
});
