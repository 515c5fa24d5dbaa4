// Verdicts recognised by their frame (packages/core/data/frames.yaml): a subject and an evaluation, said as the
// writer's own conclusion and without evidence. The frames are data; this module runs them and applies the
// language context that decides whose conclusion a verdict is.
import { alternation, expand, gateSource, tokenPrefixes, type WordClasses } from '../knowledge/literals.js';
import { EVALUATION_NEGATIVE, EVALUATION_POSITIVE, EVALUATION_VERDICT_NEGATIVE, FRAME_CLASSES, FRAME_FRAGMENTS, FRAME_GUARD_TEMPLATES, FRAME_GUARDS, FRAMES, LEXICON } from '../knowledge/knowledge.generated.js';
import type { SentenceContext } from './context.js';
import { matchesIn } from './matches.js';
import { APPRAISING_VERBS, DESCRIBING_VERBS, HEARSAY_VERBS, RECEIVED_VERBS, TELLING_VERBS } from './lexicon.js';
import { GateScanner, guardsFromTemplates, guardsOf, type LiteralsFound } from '../knowledge/patterns.js';
import { normalise } from './normalise.js';

export interface FrameVerdict {
  /** The frame's id in frames.yaml. */
  frame: string;
  /** The verdict's offsets in the sentence. */
  start: number;
  end: number;
  polarity: 'positive' | 'negative';
}

interface RunnableFrame {
  id: string;
  polarity?: 'positive' | 'negative';
  re: RegExp;
  /** The bit of the frame's word class in FrameSet.wordIndex, for a frame that checks words (else 0). */
  bit: number;
  /** Whether the frame has a literal gate in FrameSet.scanner (every frame but one that checks words and requires no literal). */
  literals: boolean;
  /** Literals one of which every match contains; or, for a frame that checks words, the class's words. */
  gate: RegExp | undefined;
  words: ReadonlySet<string> | undefined;
}

export interface FrameSet {
  frames: readonly RunnableFrame[];
  /** The frames' literal gates, tested in one scan (frame i is gate i). */
  scanner: GateScanner;
  /** Every word of the checked classes, with the bits of the classes it is in. */
  wordIndex: ReadonlyMap<string, number>;
  /** Finds the words of wordIndex in a text (see classMask). */
  classWords: RegExp;
  /** The first words of the classes' two-word entries ("well", "child"). */
  prefixes: ReadonlySet<string>;
  degree: ReadonlySet<string>;
  negative: RegExp;
  attribution: RegExp;
  /** A subject's head word: an aspect of care (group `aspect`), or a person or thing that a verdict can judge. */
  subjectHead: RegExp;
  /** An aspect of care at the end of a verdict ("unstable accommodation"). */
  aspectLast: RegExp;
  /** The guards that read lexicon.yaml's lists, which a configuration may extend (the others are fixed). */
  guards: FrameListGuards;
}

interface FrameListGuards {
  ownFamilyBefore: RegExp;
  familyAfter: RegExp;
  goalBefore: RegExp;
  shortfallBefore: RegExp;
  modalAfter: RegExp;
}

/** The guards of frames.yaml that read lexicon.yaml's lists, compiled by `guard`. */
function listGuards(guard: (name: string) => RegExp): FrameListGuards {
  return {
    ownFamilyBefore: guard('own_family_before'),
    familyAfter: guard('family_after'),
    goalBefore: guard('goal_before'),
    shortfallBefore: guard('shortfall_before'),
    modalAfter: guard('modal_after'),
  };
}

/** No real sentence holds more candidates for one frame; stop looking past this many. */
const MAX_MATCHES = 20;
/** What separates the words of a list of evaluations ("warm, caring and consistent"). */
const LIST_SEPARATOR = /\s*,\s*and\s+|\s*,\s*|\s+and\s+/g;

/**
 * Which of the frame set's word classes have a word in the masked text, as a bit mask. One scan with the classes'
 * words as a trie finds the few that are there, and only those are looked up (a lookup for every word of every
 * sentence cost more than the frames themselves). It gives what looking up each word of the sentence would:
 * a class word counts only as a whole word (a run of letters, apostrophes and hyphens), and "well" with the next
 * word ("well cared") as one. Remembered per text, so a sentence is scanned once however many frames and gates ask.
 */
function classMask(text: string, set: FrameSet): number {
  const memo = lastMask;
  if (memo.text === text && memo.set === set) return memo.mask;
  let mask = 0;
  const index = set.wordIndex;
  const re = set.classWords;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const bits = index.get(w);
    if (bits !== undefined) mask |= bits;
    // "well" may be a class word itself ("a well lady") and start another ("well led"): both count.
    if (set.prefixes.has(w)) mask |= index.get(`${w} ${nextWord(text, re.lastIndex)}`) ?? 0;
  }
  lastMask = { text, set, mask };
  return mask;
}
/** The last sentence's answer: the rules and the frames ask about one sentence at a time, one after another. */
let lastMask: { text?: string; set?: FrameSet; mask: number } = { mask: 0 };

/** A word's characters, as the sentence's word list splits them: a-z, apostrophe, hyphen. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || c === 45;
}

/** The word (run of word characters) that starts at or after `at`. */
function nextWord(text: string, at: number): string {
  while (at < text.length && !isWordChar(text.charCodeAt(at))) at++;
  let end = at;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return text.slice(at, end);
}

/**
 * Whole words of the classes (one word, or the first word of a two-word entry: "well" of "well led", "child" of
 * "child centred"), as one expression: what `classMask` looks for. Entries of more words, or of other characters,
 * can never be read word by word (the build refuses them in the data).
 */
function classWordsRegExp(words: Iterable<string>, prefixes: readonly string[]): RegExp {
  const list = [...new Set([...[...words].filter((w) => /^[a-z'-]+$/.test(w)), ...prefixes])];
  return new RegExp(list.length ? String.raw`(?<![a-z'-])(?:${gateSource(list)})(?![a-z'-])` : '(?!)', 'g');
}

/** The frames' literal gates found in a sentence, remembered with its text (one scan however often asked). */
function scanned(text: string, set: FrameSet): LiteralsFound {
  const memo = lastScan;
  if (memo.text === text && memo.set === set) return memo.found;
  const found = set.scanner.scan(text);
  lastScan = { text, set, found };
  return found;
}
let lastScan: { text?: string; set?: FrameSet; found: LiteralsFound } = { found: [] };

/**
 * The first run of words of a list (group `e`) that are in the class: where it starts and ends, and whether it
 * starts with the list's first word ("educated, intelligent" gives "intelligent", not first). Degree words
 * ("very", "extremely") may lead each item. Undefined when no word of the list is in the class.
 */
function evaluationRun(
  text: string,
  e: [number, number],
  words: ReadonlySet<string>,
  degree: ReadonlySet<string>,
): { start: number; end: number; first: boolean } | undefined {
  const list = text.slice(e[0], e[1]);
  let at = 0;
  let run: { start: number; end: number; first: boolean } | undefined;
  LIST_SEPARATOR.lastIndex = 0;
  for (;;) {
    const sep = LIST_SEPARATOR.exec(list);
    const item = list.slice(at, sep ? sep.index : list.length);
    const parts = item.split(/\s+/);
    while (parts.length > 1 && degree.has(parts[0]!)) parts.shift();
    const word = parts.join(' ');
    const end = e[0] + at + item.length;
    if (words.has(word)) {
      if (run) run.end = end;
      else run = { start: end - word.length, end, first: at === 0 };
    } else if (run) return run;
    if (!sep) return run;
    at = sep.index + sep[0].length;
  }
}

function build(classes: WordClasses, added: readonly string[] | undefined): FrameSet {
  const bits = new Map<string, number>();
  const gates: (readonly string[])[] = [];
  const frames = FRAMES.map((f) => {
    const source = added ? expand(f.template, classes, FRAME_FRAGMENTS) : f.source;
    // Extending classes only adds words: the derived gate plus the added words still lets every match through.
    // A frame that checks words and requires no literal (an empty gate) has no literal gate at all.
    const literals = f.gate.length > 0;
    const gate = added && literals ? [...f.gate, ...added.map((w) => w.toLowerCase())] : f.gate;
    gates.push(literals ? gate : ['\u0000']);
    const words = f.tokens ? new Set(classes[f.tokens]!.map((w) => w.toLowerCase().replace(/\s+/g, ' '))) : undefined;
    let bit = 0;
    if (f.tokens) {
      if (!bits.has(f.tokens)) bits.set(f.tokens, 1 << bits.size);
      bit = bits.get(f.tokens)!;
    }
    return { id: f.id, polarity: f.polarity, re: new RegExp(source, 'dg'), gate: words ? undefined : new RegExp(gateSource(gate)), words, bit, literals };
  });
  const wordIndex = new Map<string, number>();
  for (const f of frames) if (f.words) for (const w of f.words) wordIndex.set(w, (wordIndex.get(w) ?? 0) | f.bit);
  const prefixes = tokenPrefixes([...wordIndex.keys()]);
  return {
    frames,
    scanner: new GateScanner(frames.map((f, i) => ({ id: f.id, name: f.id, source: '', gate: gates[i]! }))),
    wordIndex,
    classWords: classWordsRegExp(wordIndex.keys(), prefixes),
    prefixes: new Set(prefixes),
    degree: new Set(classes.degree!),
    negative: new RegExp(`^(?:${alternation(classes.evaluation_negative!)})$`),
    // A verb of speech, thought or finding before the verdict: the verdict is reported, not the writer's. The verbs
    // of describing are among them, or "was regarded as a good mum" would never reach the check that reads them.
    attribution: new RegExp(String.raw`\b(?:${alternation([...new Set([...classes.reporting_verb!, ...DESCRIBING_VERBS])])})\b`, 'g'),
    subjectHead: new RegExp(String.raw`\b(?:(?<aspect>${alternation(classes.aspect!)})|${alternation([...classes.person!, ...classes.thing!])})\b`),
    aspectLast: new RegExp(String.raw`\b(?:${alternation(classes.aspect!)})$`),
    guards: frameListGuards(classes),
  };
}

/**
 * The list guards for these classes: as the build compiled them, or compiled again where a configuration extends
 * one of the lexicon.yaml lists they read (context.yaml names the lists a configuration may extend).
 */
function frameListGuards(classes: WordClasses): FrameListGuards {
  const extendedLists = Object.keys(LEXICON).filter((name) => classes[name]?.length);
  if (extendedLists.length === 0) return (baseListGuards ??= listGuards(guardsOf(FRAME_GUARDS, 'frames.yaml')));
  const env: Record<string, readonly string[]> = { ...LEXICON, ...classes };
  for (const name of extendedLists) env[name] = [...LEXICON[name as keyof typeof LEXICON], ...classes[name]!.map((w) => normalise(w).trim())];
  return listGuards(guardsFromTemplates(FRAME_GUARD_TEMPLATES, env, 'frames.yaml'));
}
let baseListGuards: FrameListGuards | undefined;

const BASE_CLASSES: WordClasses = {
  ...FRAME_CLASSES,
  evaluation: [...EVALUATION_POSITIVE, ...EVALUATION_VERDICT_NEGATIVE],
  evaluation_positive: EVALUATION_POSITIVE,
  evaluation_negative: EVALUATION_NEGATIVE,
};
let defaultSet: FrameSet | undefined;
const extended = new Map<string, FrameSet>();

/**
 * The frames, compiled: as the build left them, or recompiled with a configuration's extra words for some
 * classes (`{ "words": { "evaluation_positive": ["tickety-boo"] } }`). Compiled once per distinct extension.
 */
export function frameSet(words?: Readonly<Record<string, readonly string[]>>): FrameSet {
  if (!words || Object.keys(words).length === 0) return (defaultSet ??= build(BASE_CLASSES, undefined));
  const key = JSON.stringify(words);
  let set = extended.get(key);
  if (!set) {
    const classes: Record<string, readonly string[]> = { ...BASE_CLASSES };
    for (const [name, list] of Object.entries(words)) classes[name] = [...(classes[name] ?? []), ...list];
    classes.evaluation = [...classes.evaluation_positive!, ...EVALUATION_VERDICT_NEGATIVE, ...(words.evaluation_negative ?? [])];
    if (extended.size > 16) extended.clear();
    extended.set(key, (set = build(classes, Object.values(words).flat())));
  }
  return set;
}


// What keeps a frame's match from being the writer's verdict (frames.yaml `guards`; each note says what part of the
// sentence it reads).
const guard = guardsOf(FRAME_GUARDS, 'frames.yaml');
const GENERIC_BEFORE = guard('generic_before');
const PROFESSIONAL_SUBJECT = guard('professional_subject');
const PHYSICAL_WARMTH = guard('physical_warmth');
const HELPER_PRAISED = guard('helper_praised');
const SPEAKER_IN_SENTENCE = guard('speaker_in_sentence');
const SELF_JUDGEMENT = guard('self_judgement');
const INFERENCE_SUBJECT = guard('inference_subject');
const HELD_VIEW_BEFORE = guard('held_view_before');
const OWN_RELATIONSHIP_BEFORE = guard('own_relationship_before');
const RELATIONSHIP_END = guard('relationship_end');
const OWN_SUPPORT_BEFORE = guard('own_support_before');
const SUPPORT_END = guard('support_end');
const QUANTIFIER_NEXT = guard('quantifier_next');
const OWN_FAMILY_HAD = guard('own_family_had');
const OWN_POSSESSIVE_BEFORE = guard('own_possessive_before');
const TEST_SENSE = guard('test_sense');
const LEGAL_BEFORE = guard('legal_before');
const LEGAL_AFTER = guard('legal_after');
const SPEAKER_AFTER = guard('speaker_after');
/** Verbs of being told: what follows is someone else's even when the writer heard it ("we hear from our agency that"). */
const RECEIVED = new Set(RECEIVED_VERBS);
/** Verbs of describing: "was described as ..." is someone's description, passive or not. */
const DESCRIBING = new Set(DESCRIBING_VERBS);
/** Verbs of praise: "has been praised for its committed staff" is someone's praise, passive or not. */
const APPRAISING = new Set(APPRAISING_VERBS);
const HEARSAY = new Set(HEARSAY_VERBS);
/** Received verbs whose subject is the one who tells ('I told her that ...'), not the one told. */
const TELLING = new Set(TELLING_VERBS);
const INFINITIVE_BEFORE = guard('infinitive_before');
const SKILL_BEFORE = guard('skill_before');
const SKILL_VERBS = guard('skill_verbs');
const FIRST_PERSON = guard('first_person');
const NOT_REPORTING_AFTER = guard('not_reporting_after');
const PASSIVE_BEFORE = guard('passive_before');
const AGENT_AFTER = guard('agent_after');
const PRAISED = guard('praised');
const QUALIFIED_AFTER = guard('qualified_after');
const WEIGHS_CONCERNS = guard('weighs_concerns');
const CONCERNS_ADDRESSED = guard('concerns_addressed');

function weighsConcerns(text: string): boolean {
  return matchesIn(WEIGHS_CONCERNS, text).some((m) => !CONCERNS_ADDRESSED.test(text.slice(Math.max(0, m.index - 50), m.index)));
}

/** Verdicts found by the frames in one sentence, after attribution, generic statements and evidence are set aside. */
export function frameVerdicts(c: SentenceContext, set: FrameSet = frameSet()): FrameVerdict[] {
  const text = c.masked;
  const out: FrameVerdict[] = [];
  if (c.isQuestion() || c.rejectsFraming() || c.isGeneric()) return out;
  const found = scanned(text, set);
  for (let i = 0; i < set.frames.length; i++) {
    const f = set.frames[i]!;
    if (f.literals && !set.scanner.passes(i, found)) continue;
    if (f.words && !(classMask(text, set) & f.bit)) continue;
    // An exec loop rather than matchesIn: a match whose words are not in the class is tried again one
    // character on ("a chatty, friendly young person": not from "chatty", but from "friendly").
    const re = f.re;
    re.lastIndex = 0;
    for (let n = 0; n < MAX_MATCHES; n++) {
      const m = re.exec(text);
      if (!m) break;
      const [start0, matchEnd] = (m.indices!.groups!.v ?? m.indices!.groups!.v2)!;
      let start = start0;
      let end = matchEnd;
      const e = m.indices!.groups!.e;
      if (e && f.words) {
        // The expression matched any words where the class stands: keep the ones in the class.
        const run = evaluationRun(text, e, f.words, set.degree);
        // A list that is the whole verdict may start with other words ("are educated, intelligent people");
        // one followed by what it judges ("a warm relationship") must start with an evaluation.
        const whole = e[0] === start0 && e[1] === matchEnd;
        // A list cut by a quantifier is two phrases: "dealt with effectively and robustly, many families had ...".
        if (!run || (!run.first && !whole) || (!whole && QUANTIFIER_NEXT.test(text.slice(run.end, e[1])))) {
          re.lastIndex = m.index + 1;
          continue;
        }
        if (!run.first) start = run.start;
        if (e[1] === matchEnd) end = run.end;
      }
      re.lastIndex = Math.max(m.index + 1, matchEnd);
      if (out.some((o) => start < o.end && o.start < end)) continue;
      const np = m.indices!.groups!.np;
      const from = np ? Math.min(np[0], start) : start;
      // Attribution is looked for before the verdict itself, not its subject: in "In both services, inspectors found
      // that children's rights were respected" the subject class matched "services", before the reporting verb.
      if (attributed(c.norm, start, set.attribution)) continue;
      if (c.framedAt(start) || c.genericAt(from)) continue;
      const lead = clause(c.norm, start);
      const g = set.guards;
      if (GENERIC_BEFORE.test(lead) || INFINITIVE_BEFORE.test(lead) || g.goalBefore.test(lead) || g.modalAfter.test(text.slice(end, end + 12))) continue;
      if (g.ownFamilyBefore.test(lead) || g.shortfallBefore.test(lead)) continue;
      // "Our Guardian ad Litem was an angel": a verdict on a worker, not on the family, the placement or the assessment.
      if (PROFESSIONAL_SUBJECT.test(lead)) continue;
      // "I feel I was a good mum": the speaker's account of themself (DOMAIN.md: the parent's own voice).
      if (SELF_JUDGEMENT.test(lead)) continue;
      // "Flat warm, one bedroom": the heating, not the warmth of care.
      if (PHYSICAL_WARMTH.test(text.slice(from, end)) || PHYSICAL_WARMTH.test(lead.trimStart() + text.slice(start, end))) continue;
      // "The scan results were good": a result, not care.
      if (c.clinicalResultBefore(start)) continue;
      if (HELPER_PRAISED.test(lead + text.slice(start, end)) && SPEAKER_IN_SENTENCE.test(c.norm)) continue;
      if (c.countedSubjectBefore(from) || c.concededBefore(from, end)) continue;
      if ((OWN_FAMILY_HAD.test(lead) || OWN_POSSESSIVE_BEFORE.test(lead)) && g.familyAfter.test(text.slice(start, end))) continue;
      if (OWN_RELATIONSHIP_BEFORE.test(lead) && RELATIONSHIP_END.test(text.slice(start, end))) continue;
      if (OWN_SUPPORT_BEFORE.test(lead) && SUPPORT_END.test(text.slice(start, end))) continue;
      if (SPEAKER_AFTER.test(text.slice(end, end + 16))) continue;
      if (reportedAfter(c.norm, end, set.attribution) || reportedPassivelyAfter(c.norm, end)) continue;
      if ((f.polarity === undefined && c.negatedBefore(start, 3)) || c.conditionalBefore(from)) continue;
      if (c.isQuoted(start, end) || c.inQuotedSpeech(start, end) || c.inReportedVoice(from)) continue;
      if (c.evidenceAfter(end)) continue;
      // "the drug test was positive": a result, not a verdict; "the application was successful": a legal outcome.
      if (TEST_SENSE.test(text.slice(start, end)) && c.mentionsTest()) continue;
      if (LEGAL_BEFORE.test(text.slice(Math.max(0, from - 60), start)) || LEGAL_AFTER.test(text.slice(end, end + 40))) continue;
      if (weighsConcerns(text)) continue;
      // "meets Jack's basic care needs consistently, but she does not yet recognise signs of illness": qualified.
      if (QUALIFIED_AFTER.test(text.slice(end, end + 300))) continue;
      const words = text.slice(start, end).split(/[^a-z'-]+/);
      // "isn't coping", "chaotic": a verdict against, which no recorded concern contradicts.
      const negative = words.some((w) => set.negative.test(w) || w === 'not' || w.endsWith("n't"));
      if (negative && f.polarity === undefined && judgesAspect(set, lead, text.slice(start, end))) continue;
      out.push({ frame: f.id, start, end, polarity: f.polarity ?? (negative ? 'negative' : 'positive') });
    }
    re.lastIndex = 0;
  }
  return out;
}

/**
 * The phrase at `at` is someone else's conclusion, reported: a verb of speech, thought or finding comes before it
 * ("the health visitor told me I'm doing really well"), or a reporting clause closes the sentence.
 */
export function reportedClaim(c: SentenceContext, at: number, end: number, set: FrameSet = frameSet()): boolean {
  return attributed(c.norm, at, set.attribution) || reportedAfter(c.norm, end, set.attribution);
}

/**
 * The clause before `start` makes what follows advice, a requirement, an aim or generic commentary ("the importance of
 * good parenting", "children should have a stable home"): frames.yaml's `generic_before`, for the rules' own patterns.
 */
export function genericBefore(c: SentenceContext, start: number): boolean {
  return GENERIC_BEFORE.test(clause(c.norm, start));
}

/** A reporting clause closes the sentence after the phrase ending at `end` ("..., inspectors have said."). */
export function reportedAfterPhrase(c: SentenceContext, end: number, set: FrameSet = frameSet()): boolean {
  return reportedAfter(c.norm, end, set.attribution, true);
}

/** A verb of speech, thought or finding before `at` whose subject is not the writer (I, we). */
function attributed(norm: string, at: number, attribution: RegExp): boolean {
  let before = norm.slice(Math.max(0, at - 200), at);
  // A semicolon ends the reported clause: "she said the baby sleeps in his basket; safe sleep advice given".
  before = before.slice(before.lastIndexOf(';') + 1);
  // "The guardian was of the view that ...", "in the carers' view, ...", "apparently ...": a view held and reported.
  if (HELD_VIEW_BEFORE.test(before)) return true;
  for (const m of matchesIn(attribution, before)) {
    const lead = before.slice(Math.max(0, m.index - 40), m.index);
    const after = before.slice(m.index + m[0].length);
    const passive = PASSIVE_BEFORE.test(lead);
    // ("I am pleased to hear that ..." endorses what was heard; "Conference was told that ..." records it.)
    // ("I told her that she was a good mum": the writer's own verdict, said to someone.)
    if (RECEIVED.has(m[0]) && !passive && !/\bto\s+$/.test(lead) && !(TELLING.has(m[0]) && FIRST_PERSON.test(lead))) return true;
    // "was described as being a devoted parent": a description is someone's, passive or not.
    if (DESCRIBING.has(m[0]) && /^\s+as\b/.test(after)) return true;
    if (APPRAISING.has(m[0]) && passive) return true;
    // "It was reported that there was a stable team": someone reported it, though the passive does not say who.
    if (HEARSAY.has(m[0]) && passive && /^\s+that\b/.test(after)) return true;
    if (FIRST_PERSON.test(lead)) continue;
    // "This indicates that she is a good mum": the writer's own inference, not a report.
    if (INFERENCE_SUBJECT.test(lead)) continue;
    // "the situation she found herself in", "they accepted the challenge head on": the verb takes an object, not a report.
    if (NOT_REPORTING_AFTER.test(after)) continue;
    // "was able to recognise her own limitations": a skill, not a report.
    if (SKILL_BEFORE.test(lead) && SKILL_VERBS.test(m[0])) continue;
    // A passive with its agent ("it was agreed by all parties that") is someone's conclusion after all, within its
    // clause: in "described by the unit as positive and Mum is doing well", "doing well" is the writer's.
    if (!passive || (AGENT_AFTER.test(after) && !/\b(?:and|but)\b/.test(after))) return true;
  }
  return false;
}

const REPORTED_PASSIVE_AFTER = guard('reported_passive_after');

/** The verdict is followed by a passive report that names its source: someone else's finding, reported. */
export function reportedPassivelyAfter(norm: string, end: number): boolean {
  return REPORTED_PASSIVE_AFTER.test(norm.slice(end, end + 80));
}

const PARTICIPLE_OPENING = guard('participle_opening');

/**
 * A reporting clause that closes the sentence ("..., inspectors have found."), or the main clause after an
 * opening participle clause that holds the verdict ("Emphasising the boy's need for ..., the judge found ...").
 */
function reportedAfter(norm: string, end: number, attribution: RegExp, needsSubject = false): boolean {
  const opening = PARTICIPLE_OPENING.exec(norm);
  if (opening && end <= opening[0].length) {
    const main = norm.slice(opening[0].length, opening[0].length + 120);
    attribution.lastIndex = 0;
    if (attribution.test(main) || PRAISED.test(main)) {
      attribution.lastIndex = 0;
      return true;
    }
    attribution.lastIndex = 0;
  }
  const tail = norm.slice(end, end + 200);
  // A reporting aside between commas after the verdict: "..., inspectors found, which led to ...".
  const aside = /^[^.;]*?,\s*((?:[a-z'-]+\s+){1,3}(?:(?:have|has|had)\s+)?[a-z]+)\s*,/.exec(tail);
  if (aside) {
    for (const m of matchesIn(attribution, aside[1]!)) if (!FIRST_PERSON.test(aside[1]!.slice(0, m.index))) return true;
  }
  const comma = tail.lastIndexOf(',');
  if (comma < 0) return false;
  const last = tail.slice(comma + 1);
  // ("..., which concluded positively." is a relative clause about what came before, not a reporting clause.)
  if (!/^\s*(?!(?:which|who|that|where|when)\b)(?:[a-z'-]+\s+){1,3}(?:(?:have|has|had)\s+)?[a-z]+\s*[.!]?\s*$/.test(last)) return false;
  for (const m of matchesIn(attribution, last)) {
    const subject = last.slice(0, m.index);
    // A note's closing instruction ("assessment positive, agree closure") has no subject: it reports nothing.
    if (needsSubject && !/[a-z]/.test(subject) && !/^(?:said|says|wrote|writes)$/.test(m[0])) continue;
    if (!FIRST_PERSON.test(subject)) return true;
  }
  return false;
}

/** The clause that ends at `at`: back to the previous comma, semicolon, colon or dash (at most 200 characters). */
function clause(norm: string, at: number): string {
  let before = norm.slice(Math.max(0, at - 200), at);
  // A list's later items are in the clause of its first ("to provide a safe, nurturing home"): read what comes before
  // the list, as the first item would.
  const tail = before.trimEnd().endsWith(',') ? before.slice(-60) : '';
  const list = tail ? LIST_ITEMS_BEFORE.exec(tail) : null;
  if (list) before = before.slice(0, before.length - tail.length + list.index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' - '));
  return before.slice(cut + 1);
}

/** One to three single words, each with its comma, just before a phrase: the earlier items of a list. */
const LIST_ITEMS_BEFORE = /(?<=\s)(?:[a-z-]{3,},\s+){1,3}$/;


/**
 * The verdict judges one aspect of care ("contact with his father was erratic", "there had been unstable
 * accommodation"): the subject's first head word before it, or else its own last word, is an aspect (frames.yaml).
 * Said against, that records a concern rather than hiding one.
 */
function judgesAspect(set: FrameSet, lead: string, verdict: string): boolean {
  const head = set.subjectHead.exec(lead);
  if (head) return head.groups!.aspect !== undefined;
  return set.aspectLast.test(verdict);
}

/** Whether any frame's gate passes on a sentence's masked text. */
export function frameGate(text: string, set: FrameSet = frameSet()): boolean {
  const found = scanned(text, set);
  return set.frames.some((f, i) => (!f.literals || set.scanner.passes(i, found)) && (!f.words || (classMask(text, set) & f.bit) !== 0));
}
