import { createRequire } from 'node:module';
import { expand, gateSource } from '../knowledge/literals.js';
import { guardsFromTemplates, guardsOf } from '../knowledge/patterns.js';
import {
  CONTEXT_CLASSES, CONTEXT_EXTENSIBLE, CONTEXT_FRAGMENTS, CONTEXT_GUARDS, CONTEXT_TEMPLATES, FACT_CLASSES, LEXICON, RECORDED_CONCERN, RECORDED_CONCERN_TEMPLATE,
} from '../knowledge/knowledge.generated.js';
import { matchesIn } from './matches.js';
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

/**
 * What the language context knows, compiled: context.yaml's guards over lexicon.yaml's lists, and facts.yaml's
 * recorded_concern. A configuration's "words" may extend the lists context.yaml names as extensible and the classes
 * of facts.yaml; the set is then compiled again with them (once per extension), so an added word counts everywhere
 * the context reads its list.
 */
export interface ContextSet {
  readonly termsOfArt: RegExp;
  /** The longest word of each term of art: a cheap test before the long alternation. */
  readonly termsOfArtGate: RegExp;
  readonly test: RegExp;
  readonly contrast: RegExp;
  readonly meta: RegExp;
  readonly framing: RegExp;
  readonly conditional: RegExp;
  readonly generic: RegExp;
  readonly question: RegExp;
  readonly countedSubjectBefore: RegExp;
  readonly concessiveOpening: RegExp;
  readonly concessionAnswered: RegExp;
  readonly ownFamilyBefore: RegExp;
  readonly clinicalResultBefore: RegExp;
  readonly genericPronoun: RegExp;
  readonly specificClause: RegExp;
  readonly negation: RegExp;
  readonly speaker: RegExp;
  readonly voiceVerb: RegExp;
  readonly findingVerb: RegExp;
  readonly bareNameVoice: RegExp;
  readonly namedBody: RegExp;
  /** The kinds of body a name ends in (derived from named_body by the build): a sentence without one holds no name. */
  readonly namedBodyGate: RegExp;
  readonly voiceVerbs: ReadonlySet<string>;
  /** Capitalised words before a voice verb that are not people's names: no need to ask compromise. */
  readonly notAName: ReadonlySet<string>;
  /** Capitalised sentence openers that are not the person being described. */
  readonly notASubject: ReadonlySet<string>;
  readonly source: RegExp;
  readonly sourceHas: RegExp;
  readonly observation: RegExp;
  readonly date: RegExp;
  readonly notAFigure: RegExp;
  readonly age: RegExp;
  readonly figure: RegExp;
  /** A sentence that records a concern: facts.yaml's recorded_concern, on the facts' own vocabulary. */
  readonly concern: RegExp;
  readonly elaboration: RegExp;
  readonly view: RegExp;
  readonly viewAdopted: RegExp;
  readonly speechInside: RegExp;
  readonly speechBefore: RegExp;
  readonly speechAfter: RegExp;
  readonly plansAhead: RegExp;
  readonly nextSteps: RegExp;
  readonly lapse: RegExp;
  readonly reportThat: RegExp;
  readonly backshiftedOpening: RegExp;
}

type Lists = Readonly<Record<string, readonly string[]>>;

function buildContextSet(guard: (name: string) => RegExp, lists: Lists, concern: string): ContextSet {
  const terms = lists.terms_of_art!;
  return {
    termsOfArt: phraseRegExp(terms),
    termsOfArtGate: new RegExp(gateSource([...new Set(terms.map((t) => normalise(t).split(/\s+/).sort((a, b) => b.length - a.length)[0]!))])),
    test: phraseRegExp(lists.test_words!, ''),
    contrast: guard('contrast'),
    meta: guard('meta'),
    framing: guard('framing'),
    conditional: guard('conditional'),
    generic: guard('generic_subject'),
    question: guard('question'),
    countedSubjectBefore: guard('counted_subject_before'),
    concessiveOpening: guard('concessive_opening'),
    concessionAnswered: guard('concession_answered'),
    ownFamilyBefore: guard('own_family_before'),
    clinicalResultBefore: guard('clinical_result_before'),
    genericPronoun: guard('generic_pronoun'),
    specificClause: guard('specific_clause'),
    negation: guard('negation'),
    speaker: guard('speaker'),
    voiceVerb: guard('voice_verb'),
    findingVerb: guard('finding_verb'),
    bareNameVoice: guard('bare_name_voice'),
    namedBody: guard('named_body'),
    // The kind of body may be capitalised in the name ("the Healthy Child Programme"): the gate ignores case.
    namedBodyGate: new RegExp(gateSource(CONTEXT_GUARDS.named_body!.gate!), 'i'),
    voiceVerbs: new Set(lists.voice_verbs),
    notAName: new Set([...lists.sources!, ...lists.family_speakers!, ...lists.not_a_name!]),
    notASubject: new Set(lists.not_a_subject),
    source: guard('source'),
    sourceHas: guard('source_has'),
    observation: guard('observation'),
    date: guard('date'),
    notAFigure: guard('not_a_figure'),
    age: guard('age'),
    figure: guard('figure'),
    concern: new RegExp(concern),
    elaboration: guard('elaboration'),
    view: guard('view'),
    viewAdopted: guard('view_adopted'),
    speechInside: guard('speech_inside'),
    speechBefore: guard('speech_before'),
    speechAfter: guard('speech_after'),
    plansAhead: guard('plans_ahead'),
    nextSteps: guard('next_steps'),
    lapse: guard('lapse'),
    reportThat: guard('report_that'),
    backshiftedOpening: guard('backshifted_opening'),
  };
}

const BASE_LISTS: Lists = { ...LEXICON, ...CONTEXT_CLASSES };
/** The context as the data defines it: the guards the build compiled. */
const BASE: ContextSet = buildContextSet(guardsOf(CONTEXT_GUARDS, 'context.yaml'), BASE_LISTS, RECORDED_CONCERN);
const extended = new Map<string, ContextSet>();

/** The context for a configuration's "words" (the base context when they extend nothing it reads). */
export function contextSet(words?: Readonly<Record<string, readonly string[]>>): ContextSet {
  if (!words) return BASE;
  // Asked once per block with the configuration's own words object: known by identity, no key to build.
  const known = byWords.get(words);
  if (known) return known;
  const set = contextSetFor(words);
  byWords.set(words, set);
  return set;
}
const byWords = new WeakMap<object, ContextSet>();

function contextSetFor(words: Readonly<Record<string, readonly string[]>>): ContextSet {
  const mine = Object.entries(words).filter(([name, list]) => list.length > 0 && (CONTEXT_EXTENSIBLE.includes(name) || name in FACT_CLASSES));
  if (mine.length === 0) return BASE;
  const key = JSON.stringify(mine);
  let set = extended.get(key);
  if (!set) {
    const lists: Record<string, readonly string[]> = { ...BASE_LISTS };
    const facts: Record<string, readonly string[]> = { ...FACT_CLASSES };
    for (const [name, list] of mine) {
      const added = list.map((w) => normalise(w).trim()).filter(Boolean);
      if (name in FACT_CLASSES) facts[name] = [...facts[name]!, ...added];
      else lists[name] = [...lists[name]!, ...added];
    }
    if (extended.size > 16) extended.clear();
    const guard = guardsFromTemplates(CONTEXT_TEMPLATES, lists, 'context.yaml', CONTEXT_FRAGMENTS);
    extended.set(key, (set = buildContextSet(guard, lists, expand(RECORDED_CONCERN_TEMPLATE, facts))));
  }
  return set;
}

/** The shared language context of one sentence, computed lazily: what the rules need to stay precise. */
export class SentenceContext {
  readonly sentence: Sentence;
  /** Normalised sentence text (same length as the original). */
  readonly norm: string;
  private maskedText?: string;
  private voiceFrom?: number | null;

  /** What the context knows (a configuration may extend it: contextSet). */
  readonly set: ContextSet;

  /** `norm` may be given when the caller normalised the whole block (normalising keeps offsets). */
  /** The sentence before this one in its block (set by the linter), for an account that runs on. */
  previous?: SentenceContext;

  constructor(sentence: Sentence, norm?: string, set: ContextSet = BASE) {
    this.sentence = sentence;
    this.norm = norm ?? normalise(sentence.text);
    this.set = set;
  }

  /** The normalised text with names and terms of art blanked out, so their words never trigger a rule. */
  get masked(): string {
    if (this.maskedText === undefined) {
      let text = this.set.termsOfArtGate.test(this.norm) ? this.norm.replace(this.set.termsOfArt, (m) => ' '.repeat(m.length)) : this.norm;
      // "The Strong Families team", "the Safe and Well programme": a named body, read in the sentence as written
      // (the normalised text keeps every offset, so its spans are the same).
      if (this.set.namedBodyGate.test(this.sentence.text)) {
        for (const m of this.sentence.text.matchAll(this.set.namedBody)) text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index! + m[0].length);
      }
      this.maskedText = text;
    }
    return this.maskedText;
  }

  /** A test or medical result is talked about in this stretch of text. */
  mentionsTest(from?: number, to?: number): boolean {
    if (from === undefined && to === undefined) return (this.memo.test ??= this.set.test.test(this.norm));
    return this.set.test.test(this.norm.slice(from ?? 0, to ?? this.norm.length));
  }

  /**
   * Whole-sentence answers, computed once: a rule may ask about every match in a sentence, and a runaway
   * "sentence" (a pasted block with no full stops) must not turn each question into a scan of all of it.
   */
  private readonly memo: { test?: boolean; contrast?: boolean; evidence?: boolean; question?: boolean; continues?: boolean } = {};

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
    const contrast = (this.memo.contrast ??= this.set.contrast.test(this.norm));
    if (this.set.meta.test(this.norm.slice(Math.max(0, start - 40), start))) return contrast || this.isQuoted(start, end);
    return this.isQuoted(start, end) && contrast;
  }

  /**
   * The sentence is about no particular family, home or service: its subject is counted rather than named ("many
   * homes", "more than two-thirds of councils", "some services") or is an activity ("Building a positive
   * relationship ... pays dividends"). DOMAIN.md: generic commentary is not a verdict.
   */
  isGeneric(): boolean {
    return this.genericReach().all;
  }

  /**
   * The phrase at `at` is in the generic commentary the sentence opens with: not in a later clause about someone in
   * particular ("Many children struggle at first, but Sam has settled really well").
   */
  genericAt(at: number): boolean {
    return covers(this.genericReach(), this.set.specificClause, this.sentence.text, at);
  }

  private genericReach(): Reach {
    // "he or she", "s/he": only where the sentence has "or" or a slash, which few do.
    return (this.reaches.generic ??= reach(
      this.set.generic.exec(this.norm) ?? (this.norm.includes(' or ') || this.norm.includes('/') ? this.set.genericPronoun.exec(this.norm) : null),
      this.set.specificClause,
      this.sentence.text,
    ));
  }

  /** How far an opening (generic commentary, a rejection of the framing) reaches in this sentence, found once. */
  private readonly reaches: { generic?: Reach; framing?: Reach } = {};

  /** The verdict at `at` has a counted subject just before it ("many homes that are", "most of them are"): generic commentary. */
  countedSubjectBefore(at: number): boolean {
    return this.set.countedSubjectBefore.test(this.norm.slice(Math.max(0, at - 80), at));
  }

  /**
   * The verdict is conceded in an opening clause and answered by a shortfall in the main one ("Even though they loved their
   * children, their mum and dad did not always know how to take care of them"): stated in order to qualify it.
   */
  concededBefore(start: number, end: number): boolean {
    return this.set.concessiveOpening.test(this.norm.slice(0, start)) && this.set.concessionAnswered.test(this.norm.slice(end, end + 300));
  }

  /**
   * A clinical result or an exam's is what the verdict judges ("his bloods were fine", "the scan results were good",
   * "her GCSE results were excellent"): a result, as a test's is (DOMAIN.md), not a verdict on care.
   */
  clinicalResultBefore(at: number): boolean {
    return this.set.clinicalResultBefore.test(this.norm.slice(Math.max(0, at - 60), at));
  }

  /** The speaker's own family earlier in the sentence ("My brother is still visiting me now, he's doing well"): a child's view. */
  ownFamilyBefore(at: number): boolean {
    return this.set.ownFamilyBefore.test(this.norm.slice(Math.max(0, at - 100), at));
  }

  /**
   * The sentence rejects the pass/fail framing ("not a simple pass or fail", "PAMS has no pass mark") or declines a
   * verdict, all of it: no "but" follows the rejection ("I'm not claiming he's a saint, but he's come on in leaps and
   * bounds" asserts what follows; `framedAt` decides for each phrase there).
   */
  rejectsFraming(): boolean {
    return this.framingReach().all;
  }

  /** The phrase at `at` is what a rejection of the framing is about: not after a "but" that follows it. */
  framedAt(at: number): boolean {
    return covers(this.framingReach(), BUT, this.norm, at);
  }

  private framingReach(): Reach {
    return (this.reaches.framing ??= reach(this.set.framing.exec(this.norm), BUT, this.norm));
  }

  /** The clause before `at` makes what follows conditional, hoped-for or required rather than recorded. */
  conditionalBefore(at: number): boolean {
    const clause = clauseBefore(this.norm, at);
    if (this.set.conditional.test(clause)) return true;
    // A bracketed aside belongs to the clause it interrupts: "whether they can give good enough parenting (in
    // Winnicott's sense: care that meets his needs reliably) ...".
    const open = this.norm.lastIndexOf('(', at);
    if (open > 0 && this.norm.lastIndexOf(')', at) < open && this.set.conditional.test(clauseBefore(this.norm, open))) return true;
    // A list's later items are in the clause of its first: "whether a child is safe, well-cared for, and able to thrive",
    // "whether the child is settled, happy and doing well".
    if (!/^\s*(?:(?:[a-z-]+\s+){0,2}(?:and|or)\s|$)/.test(clause)) return false;
    const items = this.norm.slice(Math.max(0, at - 200), at).split(',');
    for (let i = items.length - 2; i >= 0 && i >= items.length - 5; i--) {
      if (this.set.conditional.test(items[i]!)) return true;
      if (items[i]!.trim().split(/\s+/).length > 4) break;
    }
    return false;
  }

  /** A negation in the few words before `at`. */
  negatedBefore(at: number, words = 3): boolean {
    const before = this.norm.slice(Math.max(0, at - 24 * words), at).split(/\s+/).filter(Boolean).slice(-words).join(' ');
    return this.set.negation.test(before);
  }

  /**
   * Where reported voice starts: after "Mother said", "she feels", "Ms Carter told me", or a named person
   * (found with compromise) saying or feeling something. A verdict after it is the speaker's, not the writer's.
   */
  voiceStart(): number | undefined {
    if (this.voiceFrom === undefined) this.voiceFrom = this.findVoice() ?? null;
    return this.voiceFrom ?? undefined;
  }

  /** The phrase at `at` lies in someone's reported words or feelings: begun in this sentence, or carried on from the one before. */
  inReportedVoice(at: number): boolean {
    const v = this.voiceStart();
    // A semicolon ends the reported clause: "she said the baby sleeps in his basket; safe sleep advice given".
    if (v !== undefined && v <= at && !this.norm.slice(v, at).includes(';')) return true;
    return this.continuesReport() && !this.norm.slice(0, at).includes(';');
  }

  /**
   * An account reported in the sentence before runs on into this one, told in the past perfect: "The social worker
   * said that the mother was bereft. She had engaged well with the social workers": the second is the social
   * worker's account too, as both readers of published court reports took it.
   */
  continuesReport(): boolean {
    if (this.memo.continues !== undefined) return this.memo.continues;
    const before = this.previous;
    let continues = false;
    if (before && this.set.backshiftedOpening.test(this.norm)) {
      const m = this.set.reportThat.exec(before.norm);
      continues = !!m && !before.norm.slice(m.index).includes(';');
    }
    return (this.memo.continues = continues);
  }

  /** A source "has" (or "had") just before `at`: "the health visitor has no concerns" is the health visitor's. */
  sourceHasBefore(at: number): boolean {
    return this.set.sourceHas.test(this.norm.slice(Math.max(0, at - 40), at));
  }

  /** The sentence asks rather than states ("Is she really coping well, or ...?"). */
  isQuestion(): boolean {
    return (this.memo.question ??= this.set.question.test(this.norm));
  }

  /** The phrase at [start, end) sits inside quoted speech ("she said: 'it has been really positive for me'"). */
  inQuotedSpeech(start: number, end: number): boolean {
    const span = this.quoteSpans().find(([a, b]) => a <= start && end <= b);
    if (!span) return false;
    const inside = this.norm.slice(span[0], span[1]);
    return this.set.speechInside.test(inside) || this.set.speechBefore.test(this.norm.slice(Math.max(0, span[0] - 41), span[0] - 1)) || this.set.speechAfter.test(this.norm.slice(span[1] + 1, span[1] + 61));
  }

  private findVoice(): number | undefined {
    const view = this.set.view.exec(this.norm);
    // "The unit's view, which I share, is that ...": the writer adopts it.
    if (view && !this.set.viewAdopted.test(this.norm)) return view.index + view[0].length;
    const m = this.set.speaker.exec(this.norm);
    if (m) return m.index + m[0].length;
    if (!this.set.voiceVerb.test(this.norm)) return undefined;
    // Bare names ("Jade said ...") need part-of-speech knowledge: ask compromise, on this sentence only, and only
    // when a capitalised word stands just before a voice verb.
    const bare = this.set.bareNameVoice.exec(this.sentence.text);
    if (!bare || this.set.notAName.has(bare[1]!.toLowerCase())) return undefined;
    const terms = nlp(this.sentence.text).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
    for (const s of terms) {
      const list = s.terms;
      for (let i = 1; i < list.length; i++) {
        const word = list[i]!.normal;
        if (!this.set.voiceVerbs.has(word)) continue;
        for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
          const t = list[j]!;
          if (t.tags.includes('Person') && !/^(?:i|we|me|us)$/.test(t.normal)) return list[i]!.offset.start + list[i]!.offset.length;
          if (!t.tags.includes('Adverb') && !t.tags.includes('Auxiliary') && !t.tags.includes('Person')) break;
        }
      }
    }
    return undefined;
  }

  /** Evidence in this sentence after `from`: a figure, a named source, an observation, an elaboration. */
  evidenceAfter(from: number): boolean {
    return this.set.elaboration.test(this.norm.slice(from, from + 400)) || this.hasEvidence();
  }

  /**
   * Coming right after a verdict or a reassurance, this sentence answers it: it gives evidence or describes in detail,
   * and is neither bare reassurance itself nor a concern ("Contact went well. Mum arrived on time, brought milk, ...").
   */
  answersVerdictBefore(): boolean {
    return (this.hasEvidence() || this.isDescription()) && !this.isBareReassurance() && !this.recordsConcern() && !this.set.nextSteps.test(this.norm) && !this.recordsLapse();
  }

  /** A lapse in care or in keeping to a plan, not denied ("missed 3 of the 5 sessions"; not "has not missed a feed"). */
  recordsLapse(): boolean {
    return matchesIn(this.set.lapse, this.norm).some((m) => !this.negatedBefore(m.index, 2));
  }

  /**
   * The sentence records a concern (a positive drug test, a fall, missing episodes, co-sleeping, an unmet area):
   * it does not support the reassurance before it, it answers it ("Mum is coping well. Carers saw her bed-sharing ...").
   */
  recordsConcern(): boolean {
    return this.set.concern.test(this.norm);
  }

  /** A figure, a named source or an observation anywhere in the sentence. */
  hasEvidence(): boolean {
    return (this.memo.evidence ??= hasEvidence(this.norm, this.set));
  }

  /**
   * A sentence that describes what someone does, in detail: it starts with the person, does not report their
   * words or a finding, and runs to several clauses ("He sleeps through from 19:30, eats with the family and ...").
   */
  isDescription(): boolean {
    if (this.sentence.words < 10) return false;
    const first = /^([A-Z][a-z'’-]*)\s/.exec(this.sentence.text)?.[1]?.toLowerCase();
    if (!first || (!/^(?:he|she|they)$/.test(first) && this.set.notASubject.has(first))) return false;
    const opening = this.norm.split(/\s+/).slice(0, 4).join(' ');
    if (this.set.voiceVerb.test(opening) || this.set.findingVerb.test(opening)) return false;
    if (this.set.plansAhead.test(this.norm)) return false;
    const commas = (this.norm.match(/,\s/g) ?? []).length;
    const clauses = commas + (this.norm.match(/\s(?:and|then)\s/g) ?? []).length;
    return commas >= 1 && clauses >= 2;
  }

  /** Very short sentences that are themselves reassurance ("Placement going well.") are not evidence for another. */
  isBareReassurance(): boolean {
    return this.sentence.words <= 4;
  }
}


/** "but" in a sentence: what follows it is asserted, whatever was declined before it. */
const BUT = /\bbut\b/;

/**
 * An opening that covers its sentence up to a later clause that `release` finds: where the opening ends (-1: there
 * is none), and whether it covers all of the sentence (no such clause follows it).
 */
interface Reach { end: number; all: boolean }

function reach(opening: RegExpExecArray | null, release: RegExp, text: string): Reach {
  const end = opening ? opening.index + opening[0].length : -1;
  return { end, all: end >= 0 && !release.test(text.slice(end)) };
}

/** The phrase at `at` is inside what the opening covers: before its end, or with no releasing clause between. */
function covers(r: Reach, release: RegExp, text: string, at: number): boolean {
  if (r.all) return true;
  return r.end >= 0 && (at < r.end || !release.test(text.slice(r.end, at)));
}

interface CompromiseSentence {
  terms: { normal: string; tags: string[]; offset: { start: number; length: number } }[];
}


/** A figure that is not a date, a named source, or an observation. */
export function hasEvidence(norm: string, set: ContextSet = BASE): boolean {
  if (set.source.test(norm) || set.observation.test(norm)) return true;
  return set.figure.test(norm.replace(set.date, ' ').replace(set.notAFigure, ' ').replace(set.age, ' '));
}

/** The clause that ends at `at`: back to the previous comma, semicolon, colon or dash. */
export function clauseBefore(norm: string, at: number): string {
  const before = norm.slice(Math.max(0, at - 300), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' - '));
  return before.slice(cut + 1);
}
