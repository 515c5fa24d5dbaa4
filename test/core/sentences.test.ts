// The direct split for plain prose must give exactly retext-english's sentences (with the full stops it takes for an
// abbreviation's where case notes end sentences, split): checked on every block of the example and fixture reports, a
// generated batch, and random prose.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, retextSentences, sentencesOf, splitMissedEnds } from '@caselint/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types
import { generateFolder } from '../../bench/batch.mjs';
import { CORPUS, ROOT } from '../helpers.js';

function blocksIn(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(md|txt)$/.test(d.name))
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name));
  return files.flatMap((f) => parseDocument(readFileSync(f, 'utf8'), f.endsWith('.md') ? 'markdown' : 'text').blocks.map((b) => b.text));
}

describe('sentences', () => {
  it('match retext-english on every block of the example, fixture and generated reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselint-sentences-'));
    try {
      generateFolder(dir, { files: 300, minBytes: 1e6 });
      const blocks = [CORPUS, join(ROOT, 'examples'), join(ROOT, 'test/fixtures'), join(dir, 'reports')].flatMap((d) => {
        try {
          return blocksIn(d);
        } catch {
          return [];
        }
      });
      expect(blocks.length).toBeGreaterThan(3000);
      const differ = blocks.filter((b) => JSON.stringify(sentencesOf(b)) !== JSON.stringify(splitMissedEnds(retextSentences(b))));
      expect(differ.slice(0, 3)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // a megabyte of generated reports through two parsers: slow on a busy two-core machine

  it('end a sentence where retext-english reads an abbreviation but a case note ends one', () => {
    const split = (t: string) => sentencesOf(t).map((s) => s.text);
    expect(split('Kacper has settled in. Next visit within 6 wks.')).toEqual(['Kacper has settled in.', 'Next visit within 6 wks.']);
    expect(split('Mia is 2. She attends nursery.')).toEqual(['Mia is 2.', 'She attends nursery.']);
    expect(split('Mum sat. She was calm (seen by J. Smith).')).toEqual(['Mum sat.', 'She was calm (seen by J. Smith).']);
    // A unit, a time or a day ends a sentence before a capitalised word, but not before a month's or a day's name.
    expect(split('Baby weighed 7 lbs. Mum is coping well.')).toEqual(['Baby weighed 7 lbs.', 'Mum is coping well.']);
    expect(split('Staff rang at 10 p.m. Mum was asleep.')).toEqual(['Staff rang at 10 p.m.', 'Mum was asleep.']);
    expect(split('He was seen on Tues. He is settled.')).toEqual(['He was seen on Tues.', 'He is settled.']);
    expect(split('Contact is at 10 a.m. Monday 3 March, with Dr. Patel.')).toEqual(['Contact is at 10 a.m. Monday 3 March, with Dr. Patel.']);
    // Inches after a number, and an initial, stay as retext-english reads them.
    expect(split('The box was 6 in. Then it broke.')).toEqual(['The box was 6 in. Then it broke.']);
    expect(split('See Plan B. He is settled.')).toEqual(['See Plan B. He is settled.']);
  });

  it('match retext-english on random prose', () => {
    const word = fc.constantFrom('Mother', 'Mia', 'the', 'assessment', 'was', 'positive', 'on', '12', '2024', 'it', 'up', 'Ms', 'Carter', "Carter's", 'self-care', 'St', 'Dr', 'a', 'I', 'no', 'O', '10/12/2020', 'well', '9.7', '12.25', '0.5', '1.5.2', '9.2020', 'kg');
    const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('.', '?', '!', '', ',')).map(([w, end]) => w.join(' ') + end);
    const block = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));
    fc.assert(
      fc.property(block, (b) => {
        expect(sentencesOf(b)).toEqual(splitMissedEnds(retextSentences(b)));
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });
});
