import { frameGate, frameSet, frameVerdicts, genericBefore, reportedAfterPhrase, reportedPassivelyAfter, type FrameSet, type Rule, type SentenceRuleContext } from '@caselint/core';
import { GateScanner, guardsOf, matchesIn, runnable, termsRegExp, type CompiledPattern } from '@caselint/core/terms';
import { docsUrl } from '../docs.js';
import { GUARDS, PATTERNS } from './patterns.generated.js';

/** The rule's guards (patterns.yaml `guards`): what keeps a match from being a verdict, and what a verdict judges. */
const guard = guardsOf(GUARDS, 'rules/simplistic-outcome/patterns.yaml');

/** No real sentence holds more candidates for one pattern; stop looking past this many. */
const MAX_MATCHES = 40;
const TARGET_WORD = guard('target_word');
const ASSESSMENT = guard('assessment');
const AREAS_STATED_AFTER = guard('areas_stated_after');
const JUDGES_PLACEMENT = guard('judges_placement');
const JUDGES_CONTACT = guard('judges_contact');
const JUDGES_PROGRESS = guard('judges_progress');
const JUDGES_PARENTING = guard('judges_parenting');
const JUDGES_ASSESSMENT = guard('judges_assessment');
const NAMES_ASSESSMENT = guard('names_assessment');

type Target = 'assessment' | 'placement' | 'contact' | 'progress' | 'parenting' | 'outcome';

function targetOf(np: string): Target {
  if (JUDGES_PLACEMENT.test(np)) return 'placement';
  if (JUDGES_CONTACT.test(np)) return 'contact';
  if (JUDGES_PROGRESS.test(np)) return 'progress';
  if (JUDGES_PARENTING.test(np) && !NAMES_ASSESSMENT.test(np)) return 'parenting';
  if (JUDGES_ASSESSMENT.test(np)) return 'assessment';
  return 'outcome';
}

const EXPECTED: Record<Target, string[]> = {
  assessment: ['[Name] achieved [N] of [M] areas; [areas] remain unachieved and need [support] before [decision].'],
  placement: ['During the placement [what was observed, how often, by whom]; concerns remain about [areas].'],
  contact: ['[Name] arrived [when], brought [what], [did what with the child]; [the child responded how]; [what went less well].'],
  progress: ['[Name] now [specific skill or change], seen [when, by whom]; [what is still to be achieved].'],
  parenting: ['[Name] [meets / does not yet meet] [specific needs], as shown by [observations]; [areas] remain a concern.'],
  outcome: ['The assessment found [strengths] and [areas not achieved]; the plan is [what happens next].'],
};

const FRAME_EXPECTED = '[What was seen or done], [by whom], [how often]; [what is still of concern].';

/** Verdict words whose sense is negative, for a claim's polarity. */
const NEGATIVE_VERDICT = guard('negative_verdict');

/** The rule with the given patterns (patterns.yaml, compiled): the tests build it without one pattern at a time. */
export function createRule(patterns: readonly CompiledPattern[] = PATTERNS): Rule {
  const VERDICT_PATTERNS = patterns.map(runnable);
  // Every pattern's gate in one scan of the sentence.
  const GATES = new GateScanner(patterns);
  // Derived from the patterns and the frames by the build: a block without any of these words holds no verdict.
  // The block-level trigger is left out: nearly every block of a report has an evaluative word for the frames,
  // and the sentence-level check below (one scan for the patterns' literals, one pass over the words for the
  // frames' classes) decides as cheaply.
  return {
  meta: {
    id: 'simplistic-outcome',
    severity: 'warn',
    summary: 'A one-word verdict ("passed", "positive", "successful", "went well") stands in for what an assessment, placement or progress actually found.',
    lesson:
      'In the review that led to caselint, a PAMS assessment summarised as "passed" and a placement called "positive" travelled further than the report, and the unachieved areas in it were never acted on. PAMS and similar assessments have no pass mark: they are a profile of strengths and needs.',
    fix: 'Replace the verdict with specifics: which areas were achieved and which were not, what was observed, how often and by whom, and what remains to be done.',
    options: { terms: 'extra verdict phrases, a local authority\'s own ("signed off as complete")' },
    url: docsUrl('simplistic-outcome'),
    messages: {
      assessment: '"{{phrase}}" reduces the assessment to a verdict. Assessments such as PAMS have no pass mark: say which areas were achieved, which remain unachieved, and what support is still needed.',
      placement: '"{{phrase}}" judges the placement in one word. Say what was observed, how often and by whom, and what concerns remain.',
      contact: '"{{phrase}}" judges contact in one word. Say what happened: whether the parent came on time and prepared, what they did with the child, how the child responded, and what went less well.',
      progress: '"{{phrase}}" says there was progress without saying what changed. Name the skills or areas that improved, the evidence, and what is still to be achieved.',
      parenting: '"{{phrase}}" grades parenting in one word. Say which of the child\'s needs are met, how you know, and which are not yet met.',
      outcome: '"{{phrase}}" gives an outcome without its content. Say what was found: the areas achieved and not achieved, and what happens next.',
      evaluation: '"{{phrase}}" is a judgement without its evidence. Say what was seen or done, by whom and how often, and what is still of concern.',
    },
  },

  sentence(ctx) {
    const extra = termsRegExp(ctx.options.terms);
    // Masking only blanks words out, so a sentence without trigger words has none masked either: no need to mask it.
    const words = !!ctx.words && Object.keys(ctx.words).length > 0;
    const text = ctx.ctx.masked;
    const found = GATES.scan(text);
    if (!extra && !words && !GATES.any(found) && !frameGate(text)) return;
    if (ctx.ctx.rejectsFraming() || ctx.ctx.isQuestion() || ctx.ctx.isGeneric()) return;
    const taken: [number, number][] = [];
    const set = frameSet(ctx.words);
    for (let i = 0; i < VERDICT_PATTERNS.length; i++) {
      const pattern = VERDICT_PATTERNS[i]!;
      if (!GATES.passes(i, found)) continue;
      // At most MAX_MATCHES: a runaway "sentence" (pasted text with no full stops) is cut short.
      for (const m of matchesIn(pattern.re, text, MAX_MATCHES)) {
        const idx = m.indices!.groups!;
        const v = idx.v ?? idx.v2;
        const np = idx.np ?? idx.np2;
        if (!v) continue;
        let [start, end] = v;
        // "has passed" reads as "passed"; "did not pass" keeps its negation.
        const phraseText = text.slice(start, end).trim().replace(/^(?:has|have|had)\s+/, '');
        start += text.slice(start, end).indexOf(phraseText);
        end = start + phraseText.length;
        if (pattern.needsAssessment && !ASSESSMENT.test(text)) continue;
        if (pattern.needsTarget && !TARGET_WORD.test(text)) continue;
        if (pattern.needsNoEvidence && ctx.ctx.evidenceAfter(end)) continue;
        // An assessment's verdict with the areas it rests on is what the fix asks for.
        if (AREAS_STATED_AFTER.test(ctx.ctx.norm.slice(end, end + 160))) continue;
        // "The unit described the assessment as positive; however the profile shows safety as unachieved": reported to be disputed.
        if (pattern.attributed && DISPUTED_AFTER.test(ctx.ctx.norm.slice(end, end + 300))) continue;
        if (taken.some(([a, b]) => start < b && a < end)) continue;
        const npText = np ? text.slice(np[0], np[1]) : '';
        if (!accept(ctx, set, start, end, npText, np?.[0])) continue;
        const target = (pattern.target as Target | undefined) ?? targetOf(npText || text);
        // "the importance and value of good parenting skills": commentary, not a record.
        if (target !== 'assessment' && genericBefore(ctx.ctx, Math.min(start, np?.[0] ?? start))) continue;
        taken.push([start, end]);
        emit(ctx, start, end, target);
      }
    }
    // Verdicts recognised by their frame: a subject and an evaluation (frames.yaml).
    for (const v of frameVerdicts(ctx.ctx, set)) {
      if (taken.some(([a, b]) => v.start < b && a < v.end)) continue;
      taken.push([v.start, v.end]);
      const phrase = ctx.sentence.text.slice(v.start, v.end);
      // Evidence in the sentence right after answers it too (DOMAIN.md): the engine looks there.
      ctx.report({ messageId: 'evaluation', data: { phrase }, start: v.start, end: v.end, expected: [FRAME_EXPECTED], answerable: true });
      // An evaluation of people, care or a home: any concern the document records answers it, as it answers reassurance.
      ctx.claim({ kind: 'verdict', polarity: v.polarity, answers: 'concerns', start: v.start, end: v.end, answerable: true });
    }
    if (extra) {
      for (const m of matchesIn(extra, text)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && a < end)) continue;
        if (!accept(ctx, set, start, end, '', undefined)) continue;
        taken.push([start, end]);
        emit(ctx, start, end, targetOf(text));
      }
    }
  },
};
}

export const rule: Rule = createRule();

// What keeps a match from being a verdict (patterns.yaml `guards`; each note says what part of the sentence it reads).
const TASK_BEFORE = guard('task_before');
const DISPUTED_BEFORE = guard('disputed_before');
const GOAL_BEFORE = guard('goal_before');
const TOLD_BEFORE = guard('told_before');
const RECEIVED_BEFORE = guard('received_before');
const OPINION_BEFORE = guard('opinion_before');
const REPORTED_BEFORE = guard('reported_before');
const DISPUTED_AFTER = guard('disputed_after');
const TEST_SUBJECT = guard('test_subject');
const ON_ASSESSMENT = guard('on_assessment');
const TEST_BEFORE = guard('test_before');
const POSITIVE_OR_NEGATIVE = guard('positive_or_negative');
const CONDITION_AFTER = guard('condition_after');

function accept(ctx: SentenceRuleContext, set: FrameSet, start: number, end: number, npText: string, npStart: number | undefined): boolean {
  const c = ctx.ctx;
  const verdict = c.norm.slice(start, end);
  // "passed her driving test", "the drug test was positive": real tests and results, not verdicts.
  if (npText && TEST_SUBJECT.test(npText)) return false;
  // "the scan results were good", "his eczema has improved": a clinical or exam result, not a verdict on care.
  if (c.clinicalResultBefore(start)) return false;
  // A test elsewhere in the sentence does not excuse a verdict on an assessment with no test in between.
  const onAssessment = ON_ASSESSMENT.test(npText) && !TEST_BEFORE.test(c.norm.slice(0, start));
  if (POSITIVE_OR_NEGATIVE.test(verdict) && c.mentionsTest() && !onAssessment) return false;
  if (c.quotesToQualify(start, end) || c.inQuotedSpeech(start, end)) return false;
  if (c.framedAt(start) || c.genericAt(Math.min(start, npStart ?? start))) return false;
  if (c.inReportedVoice(Math.min(start, npStart ?? start))) return false;
  if (c.conditionalBefore(Math.min(start, npStart ?? start))) return false;
  if (c.countedSubjectBefore(start) || c.concededBefore(start, end)) return false;
  if (TOLD_BEFORE.test(c.norm.slice(Math.max(0, start - 120), start))) return false;
  // Someone else's view or concession, reported ("the report recognised that the outcomes are good", "he recognised that
  // she was a good mother"): theirs.
  if (OPINION_BEFORE.test(c.norm.slice(Math.max(0, start - 160), start))) return false;
  // Reported in order to qualify it ("the unit reported that her parenting was good, but they had concerns about ..."),
  // or in the reporter's own quotation marks ("the closing summary states that he \"passed his PAMS\""): theirs, which
  // the writer can then answer (DOMAIN.md: a verdict attributed and quoted is not the writer's).
  if (REPORTED_BEFORE.test(c.norm.slice(Math.max(0, start - 120), start)) && (c.isQuoted(start, end) || DISPUTED_AFTER.test(c.norm.slice(end, end + 300)))) return false;
  // "good progress was also noted within the official report": a finding reported with its source.
  if (reportedPassivelyAfter(c.norm, end)) return false;
  // "..., inspectors have said.": a reporting clause closing the sentence makes all of it theirs.
  if (reportedAfterPhrase(c, end, set)) return false;
  // "My husband and I have received both negative viability assessments": someone's conclusion, received (but "received
  // a pass" is still the pass/fail verdict).
  if (POSITIVE_OR_NEGATIVE.test(verdict) && RECEIVED_BEFORE.test(c.norm.slice(Math.max(0, start - 40), start))) return false;
  // "key to achieving successful outcomes": a goal, not a verdict; "enabling children to make good progress": a task.
  if (GOAL_BEFORE.test(c.norm.slice(Math.max(0, start - 30), start))) return false;
  if (TASK_BEFORE.test(c.norm.slice(Math.max(0, start - 40), start))) return false;
  // "My client disagreed with the negative viability assessment": disputed, not claimed.
  if (DISPUTED_BEFORE.test(c.norm.slice(Math.max(0, start - 80), start))) return false;
  // "will be judged successful only if ...": the condition, not a verdict.
  if (CONDITION_AFTER.test(c.norm.slice(end, end + 24))) return false;
  if (JUDGES_PROGRESS.test(npText) && c.evidenceAfter(end)) return false;
  return true;
}

function emit(ctx: SentenceRuleContext, start: number, end: number, target: Target): void {
  const phrase = ctx.sentence.text.slice(start, end);
  ctx.report({ messageId: target, data: { phrase }, start, end, expected: EXPECTED[target] });
  ctx.claim({ kind: 'verdict', polarity: NEGATIVE_VERDICT.test(ctx.ctx.norm.slice(start, end)) ? 'negative' : 'positive', start, end });
}


export default rule;
