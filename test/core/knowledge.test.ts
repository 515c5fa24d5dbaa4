// The knowledge data (packages/core/data) is tested by its own examples: every frame's `flag` examples mark the
// phrase caselint must report, its `clean` examples must draw no verdict, and every frame must have an example
// that it alone flags, so that deleting a frame fails a test.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, frameSet, frameVerdicts, Linter, parseDocument, readConfigFile, resolveConfig, SentenceContext, sentencesOf, type Rule } from '@caselint/core';
import type { CompiledPattern } from '@caselint/core/terms';
import { rules, VERDICT_RULES as FAMILY } from '@caselint/rules';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';
import { mark, unmark, type Span } from '../marks.js';

interface FrameData {
  frames: { id: string; examples: { flag?: string[]; clean?: string[] } }[];
}
const data = parse(readFileSync(join(ROOT, 'packages/core/data/frames.yaml'), 'utf8')) as FrameData;
const linter = new Linter(rules);
const config = defaultConfig();

/** What a frame set finds in a one-sentence text, as spans in that text. */
function framed(text: string, set = frameSet()): Span[] {
  const out: Span[] = [];
  for (const s of sentencesOf(text)) {
    for (const v of frameVerdicts(new SentenceContext(s), set)) out.push([s.start + v.start, s.start + v.end]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

describe('frames.yaml', () => {
  for (const frame of data.frames) {
    describe(frame.id, () => {
      for (const example of frame.examples.flag ?? []) {
        it(`flags: ${example}`, () => {
          const { text, spans } = unmark(example);
          const found = linter.lint(parseDocument(`${text}\n`, 'text'), config).filter((f) => f.ruleId === 'simplistic-outcome');
          expect(mark(text, found.map((f): Span => [f.start, f.end]))).toBe(mark(text, spans));
        });
      }
      for (const example of frame.examples.clean ?? []) {
        it(`leaves clean: ${example}`, () => {
          const found = linter.lint(parseDocument(`${example}\n`, 'text'), config).filter((f) => FAMILY.has(f.ruleId));
          expect(found.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
        });
      }
      it('has an example that it alone flags (deleting it fails a test)', () => {
        const full = frameSet();
        const without = { ...full, frames: full.frames.filter((f) => f.id !== frame.id) };
        const alone = (frame.examples.flag ?? []).filter((example) => {
          const { text, spans } = unmark(example);
          return JSON.stringify(framed(text, full)) === JSON.stringify(spans) && JSON.stringify(framed(text, without)) !== JSON.stringify(spans);
        });
        expect(alone.length, `no flag example of "${frame.id}" depends on it`).toBeGreaterThan(0);
      });
    });
  }
});

describe('configured words', () => {
  it('a configuration can extend a word class, and the frames are recompiled with it', () => {
    const text = 'The placement has been tickety-boo.';
    expect(framed(text)).toEqual([]);
    const extended = frameSet({ evaluation_positive: ['tickety-boo'] });
    expect(framed(text, extended)).toEqual([[23, 34]]);
  });
});

// Each rule's patterns.yaml: deleting any one pattern must change what the rule reports on one of its cases.
describe.each(['simplistic-outcome', 'unevidenced-reassurance'])('rules/%s/patterns.yaml', (id) => {
  it('has, for every pattern, a case in cases.yaml that it alone flags', async () => {
    const { createRule } = (await import(`../../rules/dist/${id}/rule.js`)) as { createRule(p?: readonly CompiledPattern[]): Rule };
    const { PATTERNS } = (await import(`../../rules/dist/${id}/patterns.generated.js`)) as { PATTERNS: readonly CompiledPattern[] };
    const cases = (parse(readFileSync(join(ROOT, 'rules', id, 'cases.yaml'), 'utf8')) as { flag: (string | { text: string; format?: 'text' | 'markdown' })[] }).flag;
    const texts = cases.map((c) => (typeof c === 'string' ? { text: c, format: 'text' as const } : { text: c.text, format: c.format ?? ('text' as const) }));
    const spansWith = (rule: Rule, text: string, format: 'text' | 'markdown') =>
      JSON.stringify(new Linter([rule]).lint(parseDocument(unmark(text).text, format), config).map((f) => [f.start, f.end]));
    const full = createRule();
    const baseline = texts.map((t) => spansWith(full, t.text, t.format));
    const unneeded: string[] = [];
    for (const p of PATTERNS) {
      const without = createRule(PATTERNS.filter((q) => q !== p));
      if (texts.every((t, i) => spansWith(without, t.text, t.format) === baseline[i])) unneeded.push(p.id);
    }
    expect(unneeded, 'patterns that no case needs (dead, or a case is missing)').toEqual([]);
  });
});

describe('"words" in a configuration', () => {
  it('adds words to a class for every frame that uses it', () => {
    const text = 'The placement has been tickety-boo.\n';
    const flagged = (config: ReturnType<typeof defaultConfig>) =>
      linter.lint(parseDocument(text, 'text'), config).filter((f) => f.ruleId === 'simplistic-outcome').map((f) => f.phrase);
    expect(flagged(config)).toEqual([]);
    expect(flagged(resolveConfig({ words: { evaluation_positive: ['tickety-boo'] } }))).toEqual(['tickety-boo']);
  });

  it('adds words to a class of facts.yaml: a local concern answers a reassurance', () => {
    const text = 'Mum is coping well.\n\nA strategy discussion held on 3 May agreed a child protection enquiry.\n';
    const contradiction = (config: ReturnType<typeof defaultConfig>) =>
      linter.lint(parseDocument(text, 'text'), config).filter((f) => f.ruleId === 'outcome-contradicts-findings').map((f) => f.phrase);
    expect(contradiction(config)).toEqual([]);
    expect(contradiction(resolveConfig({ words: { concern_phrase: ['strategy discussion held'] } }))).toEqual(['coping well']);
  });

  // The lists of lexicon.yaml a configuration may extend (context.yaml `extensible`): an added word counts wherever
  // the language context or the frames' guards read the list.
  const phrases = (text: string, words?: Record<string, string[]>) =>
    linter.lint(parseDocument(`${text}\n`, 'text'), words ? resolveConfig({ words }) : config).map((f) => `${f.ruleId}: ${f.phrase}`);
  it.each([
    ['terms_of_art', 'A local programme\'s name is not a verdict', 'Mum completed Successful Families in May.', ['Successful Families'], 'simplistic-outcome: Successful Families'],
    ['voice_verbs', 'a verb of speech makes the words the speaker\'s', 'Mother recounted that contact is going well.', ['recounted'], 'unevidenced-reassurance: going well'],
    ['sources', 'a local service that "has no concerns" is where the reassurance comes from', 'The family hub has no concerns.', ['family hub'], 'unevidenced-reassurance: no concerns'],
    ['family_speakers', 'a family member\'s reported feelings are their own', 'Her aunty feels the placement is positive.', ['aunty'], 'simplistic-outcome: positive'],
    ['family_members', 'the speaker\'s own family, in a child\'s own words, is their view', 'My nanna is a lovely lady.', ['nanna'], 'simplistic-outcome: a lovely lady'],
    ['shortfall_nouns', 'a shortfall in what follows records a concern', 'There were shortcomings in the effective management of the home.', ['shortcomings'], 'simplistic-outcome: effective management'],
    ['test_words', 'a local test\'s "positive" is a result', 'The sweat patch result was positive, so the placement was not positive.', ['sweat patch'], 'simplistic-outcome: positive'],
  ])('extends %s of lexicon.yaml: %s', (list, _why, text, words, finding) => {
    expect(phrases(text)).toContain(finding);
    expect(phrases(text, { [list]: words })).not.toContain(finding);
  });

  it('extends a class of facts.yaml for the recorded-concern test: a local concern in the next sentence answers a reassurance rather than evidencing it', () => {
    // (A figure makes the next sentence evidence: "6 professionals". "section 47" is a name, not a figure.)
    const text = 'Mum is coping well. A strategy discussion held on 3 May was attended by 6 professionals.';
    expect(phrases(text)).toEqual([]);
    expect(phrases(text, { concern_phrase: ['strategy discussion held'] })).toEqual(['outcome-contradicts-findings: coping well']);
  });

  it('an unknown word class is a configuration error naming the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselint-words-'));
    const file = join(dir, '.caselintrc.json');
    writeFileSync(file, JSON.stringify({ words: { verdicts: ['tickety-boo'] } }));
    expect(() => readConfigFile(file)).toThrow(/"words\.verdicts" is not a word class \(known: .*evaluation_positive/);
  });
});
