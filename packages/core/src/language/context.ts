import { createRequire } from 'node:module';
import { FAMILY_SPEAKERS, SOURCES, TERMS_OF_ART, TEST_WORDS, VOICE_VERBS } from './lexicon.js';
import { gateSource } from '../knowledge/literals.js';
import { guardsOf } from '../knowledge/patterns.js';
import { CONTEXT_CLASSES, CONTEXT_GUARDS, RECORDED_CONCERN } from '../knowledge/knowledge.generated.js';
import { normalise, phraseRegExp } from './normalise.js';
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
/** A guard of context.yaml, compiled: the knowledge is data, the questions below are the code. */
const guard = guardsOf(CONTEXT_GUARDS, 'context.yaml');
const CONTRAST_RE = guard('contrast');
const META_RE = guard('meta');
const FRAMING_RE = guard('framing');
const CONDITIONAL_RE = guard('conditional');
const GENERIC_SUBJECT_RE = guard('generic_subject');
const QUESTION_RE = guard('question');
const NEGATION_RE = guard('negation');
const SPEAKER_RE = guard('speaker');
const VOICE_VERB_RE = guard('voice_verb');
const BARE_NAME_VOICE_RE = guard('bare_name_voice');
const NOT_A_NAME = new Set([...SOURCES, ...FAMILY_SPEAKERS, ...CONTEXT_CLASSES.not_a_name!]);
const NOT_A_SUBJECT = new Set(CONTEXT_CLASSES.not_a_subject);
const SOURCE_RE = guard('source');
const OBSERVATION_RE = guard('observation');
const DATE_RE = guard('date');
const NOT_A_FIGURE_RE = guard('not_a_figure');
const AGE_RE = guard('age');
const FIGURE_RE = guard('figure');
/** A sentence that records a concern: facts.yaml's recorded_concern, on the facts' own vocabulary. */
const CONCERN_RE = new RegExp(RECORDED_CONCERN);
const ELABORATION_RE = guard('elaboration');
const VIEW_RE = guard('view');
const VIEW_ADOPTED_RE = guard('view_adopted');
const SPEECH_INSIDE = guard('speech_inside');
const SPEECH_BEFORE = guard('speech_before');
const SPEECH_AFTER = guard('speech_after');
const PLANS_AHEAD_RE = guard('plans_ahead');

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
    if (view && !VIEW_ADOPTED_RE.test(this.norm)) return view.index + view[0].length;
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
    if (PLANS_AHEAD_RE.test(this.norm)) return false;
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
