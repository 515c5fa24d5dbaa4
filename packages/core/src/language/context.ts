import { createRequire } from 'node:module';
import { FAMILY_MEMBERS, FAMILY_SPEAKERS, GENERIC_QUANTIFIERS, MONTHS, SOURCES, TERMS_OF_ART, TEST_WORDS, TIME_NOUNS, VOICE_VERBS } from './lexicon.js';
import { gateSource } from '../knowledge/literals.js';
import { RECORDED_CONCERN } from '../knowledge/knowledge.generated.js';
import { normalise, phraseRegExp, phraseSource } from './normalise.js';
import type { Sentence } from './sentences.js';

// compromise takes ~200 ms to load and is needed only for the rare sentence where a bare name reports speech,
// so it is loaded on first use.
const require = createRequire(import.meta.url);
let nlpInstance: ((text: string) => { json(o: object): unknown }) | undefined;
function nlp(text: string) {
  nlpInstance ??= require('compromise') as typeof nlpInstance;
  return nlpInstance!(text);
}

const TERMS_OF_ART_RE = phraseRegExp(TERMS_OF_ART);
/** The longest word of each term of art: a cheap test before the long alternation (a trie: one comparison a character). */
const TERMS_OF_ART_GATE = new RegExp(gateSource([...new Set(TERMS_OF_ART.map((t) => normalise(t).split(/\s+/).sort((a, b) => b.length - a.length)[0]!))]));
const TEST_RE = phraseRegExp(TEST_WORDS, '');
const CONTRAST_RE = /\b(?:but|however|although|though|yet|whereas|while|despite|in fact|in reality)\b/;
const META_RE = /\b(?:the\s+(?:word|words|term|terms|label|phrase|description)|described\s+as|referred\s+to\s+as|called|so-called|summarised\s+as|recorded\s+as)\b/;
const FRAMING_RE =
  /\b(?:not|no|never|isn't|wasn't|cannot|can't|neither|nor|rather\s+than|instead\s+of|does\s+not\s+have|has\s+no|there\s+is\s+no)\b[^.;]{0,40}\b(?:pass(?:ed)?\s*(?:or|\/|and)\s*fail(?:ed)?|pass\s+mark|pass\/fail|fail\/pass)\b|\bpass\s*(?:or|\/)\s*fail\b|\btoo\s+(?:early|soon)\s+to\s+(?:say|describe|judge|call|tell|know|conclude)\b|\b(?:not|never)\s+(?:saying|suggesting|claiming|concluding|arguing)\b|\b(?:positive\s+or\s+negative|negative\s+or\s+positive|success\s+or\s+(?:a\s+)?failure|successful\s+or\s+(?:not|unsuccessful)|good\s+or\s+bad)\b|\b(?:is|was)\s+not\s+a\s+(?:\w+\s+)?test\b/;
const CONDITIONAL_RE = /\b(?:(?:the\s+|our\s+|my\s+)?(?:aim|goal|hope|intention|ambition|objective|target)\s+(?:is|was|will\s+be|remains)|if|unless|whether|when|once|until|provided\s+that|so\s+long\s+as|as\s+long\s+as|in\s+order\s+(?:for|to)|aim(?:s|ed)?\s+(?:is\s+)?to|hope(?:s|d)?|pray(?:s|ed)?|wish(?:es|ed)?|would|could|might|will\s+need|needs?\s+to|must|should\s+be|to\s+ensure|to\s+achieve|to\s+secure|towards|working\s+towards|chance\s+of|likelihood\s+of|best\s+chance|expect(?:ed|s)?\s+to|predict(?:ed|s)?)\b/;
/** A counted subject ("many homes", "two-thirds of councils"; a plural, so not "some progress"), an activity as subject, research ("Research has shown that ..."), or anyone of a kind ("A good mother is loving, firm and fair"), opening the sentence. */
const GENERIC_SUBJECT_RE = new RegExp(
  String.raw`^\s*(?:(?:but|and|so|however|yet|also),?\s+)?(?:(?:there\s+are|there\s+were)\s+)?(?:(?:${phraseSource(GENERIC_QUANTIFIERS)}|(?:more|less|fewer)\s+than\s+(?:a\s+|one\s+|two\s+)?[a-z-]+|all\s+but\s+[a-z]+)\s+(?:of\s+(?:the\s+|these\s+|those\s+)?)?(?:[a-z-]+\s+){0,2}?(?!(?:${phraseSource(TIME_NOUNS)}|has|was|is|does|goes|seems|appears|remains)\b)(?:[a-z-]*[a-rt-z]s|people|children|men|women)\b|[a-z]+ing\s+(?:a|an|the|their|good|positive|strong)\s+[^,;]*?\s(?:is|are|was|pays|helps|makes|can|will|means)\b|(?:research|studies|(?:one\s+)?study\s+after\s+another)\s+(?:has\s+|have\s+)?(?:shown|shows|show|suggests|suggest|indicates|indicate|tells\s+us)\b|(?:a|an|any|every)\s+(?:[a-z-]+\s+){0,2}?(?:${phraseSource(FAMILY_MEMBERS)}|child|baby|grandparent)\s+(?:is|are|should|must|needs\s+to|can|has\s+to)\b)`,
);
const QUESTION_RE = /\?["')\]\s]*$/;
const NEGATION_RE = /\b(?:not|no|never|n't|nor|neither|cannot|without|no\s+longer|disengaged\s+from|lack(?:s|ed|ing)?(?:\s+of)?|absence\s+of|devoid\s+of)\b|n't\b/;
const SPEAKER_RE = new RegExp(
  `\\b(?:(?:my|her|his|their|the)\\s+)?(?:${phraseSource(FAMILY_SPEAKERS)}|(?:ms|mr|mrs|miss|mx)\\.?\\s+[a-z'-]+)\\s+(?:(?:had|has|have|also|then|clearly|repeatedly|often|later)\\s+){0,2}(?:${phraseSource(VOICE_VERBS)})\\b`,
);
const VOICE_VERB_RE = new RegExp(`\\b(?:${phraseSource(VOICE_VERBS)})\\b`);
const BARE_NAME_VOICE_RE = new RegExp(`\\b([A-Z][a-z'’-]+)\\s+(?:[a-z]+ly\\s+|has\\s+|had\\s+|also\\s+)?(?:${phraseSource(VOICE_VERBS)})\\b`);
/** Capitalised words before a voice verb that are not people's names: no need to ask compromise. */
const NOT_A_NAME = new Set([...SOURCES, ...FAMILY_SPEAKERS, 'the', 'this', 'that', 'it', 'there', 'which', 'who', 'i', 'we', 'you', 'staff', 'everyone', 'nobody', 'report', 'records', 'unit', 'team', 'court', 'judge', 'manager', 'worker', 'services', 'agency', 'council', 'authority', 'panel', 'review', 'assessment', 'plan', 'note', 'letter', 'email', 'also', 'then', 'later', 'previously', 'recently']);
/** Capitalised sentence openers that are not the person being described. */
const NOT_A_SUBJECT = new Set(['it', 'this', 'that', 'there', 'the', 'a', 'an', 'in', 'on', 'at', 'when', 'if', 'as', 'overall', 'however', 'although', 'while', 'during', 'after', 'before', 'since', 'following', 'today', 'yesterday', 'we', 'i', 'our', 'my', 'no', 'all', 'both', 'each', 'every', 'some', 'these', 'those', 'case', 'placement', 'contact', 'home', 'school', 'nursery', 'staff', 'police', 'health', 'foster', 'social', 'team', 'duty', 'telephone', 'visit', 'supervision']);
const SOURCE_RE = new RegExp(
  `\\b(?:${phraseSource(SOURCES)})\\s+(?:(?:has|have|had|also|then)\\s+)?(?:reported|reports|report|said|says|say|confirmed|confirms|confirm|stated|states|told|tells|noted|notes|advised|informed|described|describes|raised|observed|observes|saw|recorded|records|shared|commented|indicated|show|shows|showed|found|finds|identified)\\b|\\b(?:reported|confirmed|noted|raised|observed|seen|recorded|evidenced|witnessed|shown|picked\\s+up|identified|flagged)\\s+by\\s+(?:the\\s+|her\\s+|his\\s+|their\\s+)?[a-z]|\\bsupported\\s+by\\s+(?:the\\s+|her\\s+|his\\s+|their\\s+)?(?:evidence|records?|observations?|notes|logs?|data|results?|figures|reports?|letters?)\\b|\\baccording\\s+to\\b|\\b(?:records?|notes|logs?|reports?|statements?|charts?|diary|diaries|letters?|results?|figures|data|certificates?|receipts?|minutes)\\s+(?:for\\s+[^.;]{0,30}?\\s+)?(?:show|shows|showed|confirm|confirms|confirmed|record|records|recorded|evidence|evidences)\\b`,
);
const OBSERVATION_RE =
  /\b(?:i|we|staff|the\s+worker|the\s+social\s+worker|carers?|the\s+carers?|foster\s+carers?|the\s+health\s+visitor|the\s+midwife)\s+(?:have\s+|has\s+|had\s+)?(?:observed|saw|watched|noticed|witnessed|seen)\s+(?!(?:no|nothing|none|any|that|evidence|such|(?:[a-z]+\s+)?(?:progress|improvements?|changes?|differences?))\b)\w+(?:\s+\w+){2,}|\b(?:was|were)\s+(?:observed|seen)\s+to\s+\w+|\bon\s+(?:all|each|every|both)\s+(?:\w+\s+)?(?:observed\s+)?(?:occasions|visits|feeds|sessions|contacts)\b|\b(?:showed|shows|show)\s+(?:me|us|staff|the\s+worker|the\s+health\s+visitor|the\s+carers?)\b|\b(?:demonstrated|explained\s+back|repeated\s+back|was\s+able\s+to\s+(?:show|explain|describe|demonstrate|tell))\b|\b(?:i|we|staff|carers?|the\s+carers?)\s+(?:have\s+|has\s+|had\s+)?(?:checked|counted|weighed|measured|inspected|looked\s+(?:in|at|round|around))\b/;
const MONTH_SRC = MONTHS.join('|');
const DATE_RE = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_SRC})\\b(?:\\s+\\d{4})?|\\b(?:${MONTH_SRC})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\b(?:${MONTH_SRC})\\s+\\d{4}\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b(?:19|20)\\d{2}\\b|\\b\\d{1,2}[:.]\\d{2}\\s*(?:am|pm)?\\b|\\b\\d{1,2}\\s*(?:am|pm)\\b`,
  'g',
);
/**
 * Numbers that are not figures about the child or parent: a day and month ("4/2", "22/11"), and the names of
 * routine checks and reviews ("the 6-8 week check", "the 12 week review").
 */
const NOT_A_FIGURE_RE = /\bat\s+all\s+times\b|\b\d{1,2}\/\d{1,2}\b|\b\d{1,2}(?:\s*-\s*\d{1,2})?[\s-]+(?:day|week|month|year)s?(?:\s+old)?\s+(?:check|review|visit|assessment|appointment|development\s+check)s?\b/g;
/** Ages ("aged 15", "now 14 and 15,", "her 3rd birthday", "ages 3 and 8", "10 to 18 year olds"): they say who, not what was seen. */
const AGE_RE = /\baged\s+(?:between\s+)?\d{1,2}(?:\s+(?:and|to)\s+(?:just\s+)?\d{1,2})?|\bnow\s+\d{1,2}(?:\s+and\s+\d{1,2})?(?=\s*[,;])|\b\d{1,2}(?:st|nd|rd|th)\s+birthday\b|\bages?\s+\d{1,2}(?:\s*(?:,|and|to|-)\s*\d{1,2}){0,3}\b|\b\d{1,2}(?:\s*(?:to|and|-)\s*\d{1,2})?[\s-]+(?:years?|yrs?)[\s-]+olds?\b/g;
const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|both)`;
const UNIT = String.raw`(?:times?|sessions?|appointments?|visits?|feeds?|nights?|days?|weeks?|months?|occasions?|minutes?|hours?|contacts?|checks?|meetings?|bottles?|nappies|lessons?|groups?|centiles?|kg|g|grams?|ounces?|oz|ml|per\s+cent|percent)`;
/**
 * A figure: digits (dates are removed first), a frequency, a number word with a unit ("two minutes"), or every, each
 * or all of some occasions ("every appointment"; not "each young person" or "every aspect of his life").
 */
const FIGURE_RE = new RegExp(
  String.raw`\d|\b(?:once|twice|three\s+times|daily|nightly|weekly|fortnightly|(?:every|each|all(?:\s+(?:the|her|his))?)\s+(?:\w+\s+)?${UNIT}|on\s+time|per\s+cent|percent)\b|\b${NUMBER_WORD}\s+(?:\w+\s+)?${UNIT}\b`,
);
/** A sentence that records a concern: facts.yaml's recorded_concern, on the facts' own vocabulary. */
const CONCERN_RE = new RegExp(RECORDED_CONCERN);
/**
 * An elaboration after the phrase: a colon or dash, or "because", "for example", "such as"..., then a clause. A dash
 * and a string of -ing phrases ("settled - enjoying school, taking part in hobbies") is more of the verdict, not what shows it.
 */
const ELABORATION_RE =
  /(?:(?<!\bre):|;(?!\s*(?:however|but|although|though|yet|whereas)\b)|\s+-\s+(?![a-z]+ing\b)|\s\((?=[^)]*\s[^)]*\s)|\b(?:because|as\s+(?:shown|evidenced|demonstrated|proven|proved|confirmed)|(?:proven|proved|confirmed)\s+by|for\s+example|for\s+instance|e\.g\.|such\s+as|including|in\s+that|evidenced\s+by|as\s+evidenced\s+by|shown\s+by|demonstrated\s+by|which\s+(?:was|is|were|are|has|have|included)|where\s+(?:she|he|they)|using\s+the)\b)\s*(?:\S+\s+){3,}\S/;
/** Someone's view, belief or wish, reported: what follows is theirs, not the writer's. */
const VIEW_RE =
  /\b(?:her|his|their|(?!(?:authority|authority's|council|court|department|service|team|unit|assessor|worker|agency|panel|guardian|department)'s)[a-z]+'s)\s+(?:own\s+)?(?:view|views|belief|opinion|position|understanding|feeling|feelings|perception|hope|wish|account|words)\s+(?:is|was|are|were)\s+(?:that\s+)?|\bin\s+(?:her|his|their)\s+(?:own\s+)?words\b|\b(?:she|he|they)\s+(?:believes?|feels?|thinks?|hopes?|considers?)\s+that\b/;
/** A quotation that is someone speaking: first person inside, or a speech word before the opening mark. */
const SPEECH_INSIDE = /\b(?:i|i'm|i've|me|my|we|we're|our|us)\b/;
const SPEECH_BEFORE = /(?:\b(?:said|says|say|told|tells|wrote|writes|write|words|replied|stated|explained|added|commented|asked|shouted|texted|messaged|form|note|letter)\b[^"']{0,25}|:\s*)$/;
/** A reporting clause just after the closing quotation mark: '"Much of the support is poor," the inspection report states.' (Read on the 60 characters after it.) */
const SPEECH_AFTER = /^\s*,?\s*(?:[a-z'-]+\s+){1,4}(?:said|says|states|stated|wrote|writes|found|finds|concluded|concludes|reported|reports|added)\b/;

/** The shared language context of one sentence, computed lazily: what the rules need to stay precise. */
export class SentenceContext {
  readonly sentence: Sentence;
  /** Normalised sentence text (same length as the original). */
  readonly norm: string;
  private maskedText?: string;
  private voiceFrom?: number | null;

  /** `norm` may be given when the caller normalised the whole block (normalising keeps offsets). */
  constructor(sentence: Sentence, norm?: string) {
    this.sentence = sentence;
    this.norm = norm ?? normalise(sentence.text);
  }

  /** The normalised text with names and terms of art blanked out, so their words never trigger a rule. */
  get masked(): string {
    if (this.maskedText === undefined) {
      this.maskedText = TERMS_OF_ART_GATE.test(this.norm) ? this.norm.replace(TERMS_OF_ART_RE, (m) => ' '.repeat(m.length)) : this.norm;
    }
    return this.maskedText;
  }

  /** A test or medical result is talked about in this stretch of text. */
  mentionsTest(from?: number, to?: number): boolean {
    if (from === undefined && to === undefined) return (this.memo.test ??= TEST_RE.test(this.norm));
    return TEST_RE.test(this.norm.slice(from ?? 0, to ?? this.norm.length));
  }

  /**
   * Whole-sentence answers, computed once: a rule may ask about every match in a sentence, and a runaway
   * "sentence" (a pasted block with no full stops) must not turn each question into a scan of all of it.
   */
  private readonly memo: { test?: boolean; contrast?: boolean; framing?: boolean; evidence?: boolean; generic?: boolean; question?: boolean } = {};

  /** The phrase at [start, end) is in quotation marks (double, or single ones that are not apostrophes). */
  isQuoted(start: number, end: number): boolean {
    return this.quoteSpans().some(([a, b]) => a <= start && end <= b);
  }

  private spans?: [number, number][];
  /** Quoted stretches of the sentence, as [first character inside, last character inside + 1]. */
  private quoteSpans(): [number, number][] {
    if (this.spans) return this.spans;
    const spans: [number, number][] = [];
    const text = this.norm;
    let open = -1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '"') {
        if (open < 0) open = i + 1;
        else (spans.push([open, i]), (open = -1));
      }
    }
    // A double quote left open: a quotation running over sentences. The sentence that ends it ("He clearly is
    // happy.\u201d") is quoted up to it; the sentence that starts one ("\u201cStaff know children well.") from it on.
    if (open >= 0) {
      const at = open - 1;
      if (/^[\s.,;:!?)\]]*$/.test(text.slice(at + 1))) spans.push([0, at]);
      else if (/^[\s(\[]*$/.test(text.slice(0, at))) spans.push([open, text.length]);
    }
    // Single quotes: an opening one follows a space or bracket and precedes a letter; a closing one follows a
    // letter or punctuation and precedes a space, punctuation or the end (so "children's" is no quote).
    let single = -1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== "'") continue;
      const before = text[i - 1];
      const after = text[i + 1];
      const opens = (before === undefined || /[\s(\[:-]/.test(before)) && after !== undefined && /[^\s]/.test(after);
      const closes = before !== undefined && /[^\s]/.test(before) && (after === undefined || /[\s.,;:!?)\]]/.test(after));
      if (single < 0 && opens) single = i + 1;
      else if (single >= 0 && closes) (spans.push([single, i]), (single = -1));
    }
    return (this.spans = spans);
  }

  /** The writer quotes the verdict to qualify or challenge it ("the report says 'passed', but ..."). */
  quotesToQualify(start: number, end: number): boolean {
    const contrast = (this.memo.contrast ??= CONTRAST_RE.test(this.norm));
    if (META_RE.test(this.norm.slice(Math.max(0, start - 40), start))) return contrast || this.isQuoted(start, end);
    return this.isQuoted(start, end) && contrast;
  }

  /**
   * The sentence is about no particular family, home or service: its subject is counted rather than named ("many
   * homes", "more than two-thirds of councils", "some services") or is an activity ("Building a positive
   * relationship ... pays dividends"). DOMAIN.md: generic commentary is not a verdict.
   */
  isGeneric(): boolean {
    return (this.memo.generic ??= GENERIC_SUBJECT_RE.test(this.norm));
  }

  /** The sentence rejects the pass/fail framing ("not a simple pass or fail", "PAMS has no pass mark"). */
  rejectsFraming(): boolean {
    return (this.memo.framing ??= FRAMING_RE.test(this.norm));
  }

  /** The clause before `at` makes what follows conditional, hoped-for or required rather than recorded. */
  conditionalBefore(at: number): boolean {
    const clause = clauseBefore(this.norm, at);
    if (CONDITIONAL_RE.test(clause)) return true;
    // A list's later items are in the clause of its first: "whether a child is safe, well-cared for, and able to thrive".
    if (!/^\s*(?:and|or)\s/.test(clause)) return false;
    const items = this.norm.slice(Math.max(0, at - 200), at).split(',');
    for (let i = items.length - 2; i >= 0 && i >= items.length - 5; i--) {
      if (CONDITIONAL_RE.test(items[i]!)) return true;
      if (items[i]!.trim().split(/\s+/).length > 4) break;
    }
    return false;
  }

  /** A negation in the few words before `at`. */
  negatedBefore(at: number, words = 3): boolean {
    const before = this.norm.slice(Math.max(0, at - 24 * words), at).split(/\s+/).filter(Boolean).slice(-words).join(' ');
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
    // A semicolon ends the reported clause: "she said the baby sleeps in his basket; safe sleep advice given".
    return v !== undefined && v <= at && !this.norm.slice(v, at).includes(';');
  }

  /** The sentence asks rather than states ("Is she really coping well, or ...?"). */
  isQuestion(): boolean {
    return (this.memo.question ??= QUESTION_RE.test(this.norm));
  }

  /** The phrase at [start, end) sits inside quoted speech ("she said: 'it has been really positive for me'"). */
  inQuotedSpeech(start: number, end: number): boolean {
    const span = this.quoteSpans().find(([a, b]) => a <= start && end <= b);
    if (!span) return false;
    const inside = this.norm.slice(span[0], span[1]);
    return SPEECH_INSIDE.test(inside) || SPEECH_BEFORE.test(this.norm.slice(Math.max(0, span[0] - 41), span[0] - 1)) || SPEECH_AFTER.test(this.norm.slice(span[1] + 1, span[1] + 61));
  }

  private findVoice(): number | undefined {
    const view = VIEW_RE.exec(this.norm);
    // "The unit's view, which I share, is that ...": the writer adopts it.
    if (view && !/\b(?:which|as)\s+(?:i|we)\s+(?:share|agree\s+with)\b|\b(?:i|we)\s+(?:agree|concur)\b/.test(this.norm)) return view.index + view[0].length;
    const m = SPEAKER_RE.exec(this.norm);
    if (m) return m.index + m[0].length;
    if (!VOICE_VERB_RE.test(this.norm)) return undefined;
    // Bare names ("Jade said ...") need part-of-speech knowledge: ask compromise, on this sentence only, and only
    // when a capitalised word stands just before a voice verb.
    const bare = BARE_NAME_VOICE_RE.exec(this.sentence.text);
    if (!bare || NOT_A_NAME.has(bare[1]!.toLowerCase())) return undefined;
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
    if (ELABORATION_RE.test(this.norm.slice(from, from + 400))) return true;
    if (this.hasEvidence()) return true;
    return next ? (next.hasEvidence() || next.isDescription()) && !next.isBareReassurance() && !next.recordsConcern() : false;
  }

  /**
   * The sentence records a concern (a positive drug test, a fall, missing episodes, co-sleeping, an unmet area):
   * it does not support the reassurance before it, it answers it ("Mum is coping well. Carers saw her bed-sharing ...").
   */
  recordsConcern(): boolean {
    return CONCERN_RE.test(this.norm);
  }

  /** A figure, a named source or an observation anywhere in the sentence. */
  hasEvidence(): boolean {
    return (this.memo.evidence ??= hasEvidence(this.norm));
  }

  /**
   * A sentence that describes what someone does, in detail: it starts with the person, does not report their
   * words, and runs to several clauses ("He sleeps through from 19:30, eats with the family and ...").
   */
  isDescription(): boolean {
    if (this.sentence.words < 10) return false;
    const first = /^([A-Z][a-z'’-]*)\s/.exec(this.sentence.text)?.[1]?.toLowerCase();
    if (!first || (!/^(?:he|she|they)$/.test(first) && NOT_A_SUBJECT.has(first))) return false;
    if (VOICE_VERB_RE.test(this.norm.split(/\s+/).slice(0, 4).join(' '))) return false;
    if (/\b(?:recommend\w*|should|would|could|must|may|might|will|plan|plans|hope\w*|needs?\s+to)\b/.test(this.norm)) return false;
    const commas = (this.norm.match(/,\s/g) ?? []).length;
    const clauses = commas + (this.norm.match(/\s(?:and|then)\s/g) ?? []).length;
    return commas >= 1 && clauses >= 2;
  }

  /** Very short sentences that are themselves reassurance ("Placement going well.") are not evidence for another. */
  isBareReassurance(): boolean {
    return this.sentence.words <= 4;
  }
}

interface CompromiseSentence {
  terms: { normal: string; tags: string[]; offset: { start: number; length: number } }[];
}


/** A figure that is not a date, a named source, or an observation. */
export function hasEvidence(norm: string): boolean {
  if (SOURCE_RE.test(norm) || OBSERVATION_RE.test(norm)) return true;
  return FIGURE_RE.test(norm.replace(DATE_RE, ' ').replace(NOT_A_FIGURE_RE, ' ').replace(AGE_RE, ' '));
}

/** The clause that ends at `at`: back to the previous comma, semicolon, colon or dash. */
export function clauseBefore(norm: string, at: number): string {
  const before = norm.slice(Math.max(0, at - 300), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' - '));
  return before.slice(cut + 1);
}
