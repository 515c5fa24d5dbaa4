import nlp from 'compromise';
import { FAMILY_SPEAKERS, MONTHS, SOURCES, TERMS_OF_ART, TEST_WORDS, VOICE_VERBS } from './lexicon.js';
import { normalise, phraseRegExp, phraseSource } from './normalise.js';
import type { Sentence } from './sentences.js';

const TERMS_OF_ART_RE = phraseRegExp(TERMS_OF_ART);
const TEST_RE = phraseRegExp(TEST_WORDS, '');
const CONTRAST_RE = /\b(?:but|however|although|though|yet|whereas|while|despite|in fact|in reality)\b/;
const META_RE = /\b(?:the\s+(?:word|words|term|terms|label|phrase|description)|described\s+as|referred\s+to\s+as|called|so-called|summarised\s+as|recorded\s+as)\b/;
const FRAMING_RE =
  /\b(?:not|no|never|isn't|wasn't|cannot|can't|neither|nor|rather\s+than|instead\s+of|does\s+not\s+have|has\s+no|there\s+is\s+no)\b[^.;]{0,40}\b(?:pass(?:ed)?\s*(?:or|\/|and)\s*fail(?:ed)?|pass\s+mark|pass\/fail|fail\/pass)\b|\bpass\s*(?:or|\/)\s*fail\b|\b(?:is|was)\s+not\s+a\s+(?:\w+\s+)?test\b/;
const CONDITIONAL_RE = /\b(?:(?:the\s+|our\s+|my\s+)?(?:aim|goal|hope|intention|ambition|objective|target)\s+(?:is|was|will\s+be|remains)|if|unless|whether|when|once|until|provided\s+that|so\s+long\s+as|as\s+long\s+as|in\s+order\s+(?:for|to)|aim(?:s|ed)?\s+(?:is\s+)?to|hope(?:s|d)?|would|could|might|will\s+need|needs?\s+to|must|should\s+be|to\s+ensure|to\s+achieve|to\s+secure|towards|working\s+towards|chance\s+of|likelihood\s+of|best\s+chance|expect(?:ed|s)?\s+to|predict(?:ed|s)?)\b/;
const NEGATION_RE = /\b(?:not|no|never|n't|nor|neither|cannot|without|no\s+longer)\b|n't\b/;
const SPEAKER_RE = new RegExp(
  `\\b(?:(?:my|her|his|their|the)\\s+)?(?:${phraseSource(FAMILY_SPEAKERS)}|(?:ms|mr|mrs|miss|mx)\\.?\\s+[a-z'-]+)\\s+(?:(?:had|has|have|also|then|clearly|repeatedly|often|later)\\s+){0,2}(?:${phraseSource(VOICE_VERBS)})\\b`,
);
const VOICE_VERB_RE = new RegExp(`\\b(?:${phraseSource(VOICE_VERBS)})\\b`);
const SOURCE_RE = new RegExp(
  `\\b(?:${phraseSource(SOURCES)})\\s+(?:(?:has|have|had|also|then)\\s+)?(?:reported|reports|said|says|confirmed|confirms|stated|states|told|tells|noted|notes|advised|informed|described|describes|raised|observed|observes|saw|recorded|records|shared|commented|indicated|show|shows|showed)\\b|\\b(?:reported|confirmed|noted|raised|observed|seen|recorded|evidenced|witnessed|shown|supported)\\s+by\\s+(?:the\\s+|her\\s+|his\\s+|their\\s+)?[a-z]|\\baccording\\s+to\\b|\\b(?:records|notes|logs|reports)\\s+show\\b`,
);
const OBSERVATION_RE =
  /\b(?:i|we|staff|the\s+worker|the\s+social\s+worker|carers?|the\s+carers?|foster\s+carers?|the\s+health\s+visitor|the\s+midwife)\s+(?:have\s+|has\s+|had\s+)?(?:observed|saw|watched|noticed|witnessed|seen)\s+\w+(?:\s+\w+){2,}|\b(?:was|were)\s+(?:observed|seen)\s+to\s+\w+|\bon\s+(?:all|each|every|both)\s+(?:\w+\s+)?(?:observed\s+)?(?:occasions|visits|feeds|sessions|contacts)\b/;
const MONTH_SRC = MONTHS.join('|');
const DATE_RE = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_SRC})\\b(?:\\s+\\d{4})?|\\b(?:${MONTH_SRC})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\b(?:${MONTH_SRC})\\s+\\d{4}\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b(?:19|20)\\d{2}\\b|\\b\\d{1,2}[:.]\\d{2}\\s*(?:am|pm)?\\b|\\b\\d{1,2}\\s*(?:am|pm)\\b`,
  'g',
);
const FIGURE_RE =
  /\d|\b(?:once|twice|three\s+times|daily|weekly|fortnightly|every|each|all\s+(?:the\s+)?(?:\w+\s+)?(?:sessions|appointments|visits|feeds|contacts|nights|days|occasions)|on\s+time|per\s+cent|percent|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\b/;
const ELABORATION_RE =
  /^\s*(?::|;?\s+-\s+|,?\s+(?:because|as\s+(?:she|he|they|shown|evidenced|demonstrated)|since|for\s+example|for\s+instance|e\.g\.|such\s+as|including|in\s+that|evidenced\s+by|as\s+evidenced\s+by|shown\s+by|demonstrated\s+by|which\s+(?:was|is|were|are|has|have|included)|where\s+(?:she|he|they))\b)\s*(?:\S+\s+){3,}\S/;

/** The shared language context of one sentence, computed lazily: what the rules need to stay precise. */
export class SentenceContext {
  readonly sentence: Sentence;
  /** Normalised sentence text (same length as the original). */
  readonly norm: string;
  private maskedText?: string;
  private voiceFrom?: number | null;

  constructor(sentence: Sentence) {
    this.sentence = sentence;
    this.norm = normalise(sentence.text);
  }

  /** The normalised text with names and terms of art blanked out, so their words never trigger a rule. */
  get masked(): string {
    if (this.maskedText === undefined) this.maskedText = this.norm.replace(TERMS_OF_ART_RE, (m) => ' '.repeat(m.length));
    return this.maskedText;
  }

  /** A test or medical result is talked about in this stretch of text. */
  mentionsTest(from = 0, to = this.norm.length): boolean {
    return TEST_RE.test(this.norm.slice(from, to));
  }

  /** The phrase at [start, end) is in quotation marks. */
  isQuoted(start: number, end: number): boolean {
    const before = this.norm.slice(0, start);
    const after = this.norm.slice(end);
    const dq = (before.match(/"/g) ?? []).length;
    if (dq % 2 === 1 && after.includes('"')) return true;
    return /(?:^|[\s(])'\s*$/.test(before.slice(-3)) && /^\s*[^\w\s]?'/.test(after.slice(0, 3));
  }

  /** The writer quotes the verdict to qualify or challenge it ("the report says 'passed', but ..."). */
  quotesToQualify(start: number, end: number): boolean {
    if (META_RE.test(this.norm.slice(Math.max(0, start - 40), start))) return CONTRAST_RE.test(this.norm) || this.isQuoted(start, end);
    return this.isQuoted(start, end) && CONTRAST_RE.test(this.norm);
  }

  /** The sentence rejects the pass/fail framing ("not a simple pass or fail", "PAMS has no pass mark"). */
  rejectsFraming(): boolean {
    return FRAMING_RE.test(this.norm);
  }

  /** The clause before `at` makes what follows conditional, hoped-for or required rather than recorded. */
  conditionalBefore(at: number): boolean {
    const clause = clauseBefore(this.norm, at);
    return CONDITIONAL_RE.test(clause);
  }

  /** A negation in the few words before `at`. */
  negatedBefore(at: number, words = 3): boolean {
    const before = this.norm.slice(0, at).split(/\s+/).filter(Boolean).slice(-words).join(' ');
    return NEGATION_RE.test(before);
  }

  /**
   * Where reported voice starts: after "Mother said", "she feels", "Ms Carter told me", or a named person
   * (found with compromise) saying or feeling something. A verdict after it is the speaker's, not the writer's.
   */
  voiceStart(): number | undefined {
    if (this.voiceFrom === undefined) this.voiceFrom = this.findVoice() ?? null;
    return this.voiceFrom ?? undefined;
  }

  /** The phrase at `at` lies in a family member's or a named person's reported words or feelings. */
  inReportedVoice(at: number): boolean {
    const v = this.voiceStart();
    return v !== undefined && v <= at;
  }

  private findVoice(): number | undefined {
    const m = SPEAKER_RE.exec(this.norm);
    if (m) return m.index + m[0].length;
    if (!VOICE_VERB_RE.test(this.norm)) return undefined;
    // Bare names ("Jade said ...") need part-of-speech knowledge: ask compromise, on this sentence only.
    const terms = nlp(this.sentence.text).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
    for (const s of terms) {
      const list = s.terms;
      for (let i = 1; i < list.length; i++) {
        const word = list[i]!.normal;
        if (!VOICE_VERBS.includes(word)) continue;
        for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
          const t = list[j]!;
          if (t.tags.includes('Person') && !/^(?:i|we|me|us)$/.test(t.normal)) return list[i]!.offset.start + list[i]!.offset.length;
          if (!t.tags.includes('Adverb') && !t.tags.includes('Auxiliary') && !t.tags.includes('Person')) break;
        }
      }
    }
    return undefined;
  }

  /** Evidence in this sentence after `from`, or in `next`: a figure, a named source, an observation, an elaboration. */
  evidenceAfter(from: number, next?: SentenceContext): boolean {
    const rest = this.norm.slice(from);
    if (ELABORATION_RE.test(rest)) return true;
    if (hasEvidence(this.norm)) return true;
    return next ? hasEvidence(next.norm) && !next.isBareReassurance() : false;
  }

  /** Very short sentences that are themselves reassurance ("Placement going well.") are not evidence for another. */
  isBareReassurance(): boolean {
    return this.sentence.tokens.filter((t) => t.kind === 'word').length <= 4;
  }
}

interface CompromiseSentence {
  terms: { normal: string; tags: string[]; offset: { start: number; length: number } }[];
}

/** A figure that is not a date, a named source, or an observation. */
export function hasEvidence(norm: string): boolean {
  if (SOURCE_RE.test(norm) || OBSERVATION_RE.test(norm)) return true;
  return FIGURE_RE.test(norm.replace(DATE_RE, ' '));
}

/** The clause that ends at `at`: back to the previous comma, semicolon, colon or dash. */
export function clauseBefore(norm: string, at: number): string {
  const before = norm.slice(0, at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' - '));
  return before.slice(cut + 1);
}
