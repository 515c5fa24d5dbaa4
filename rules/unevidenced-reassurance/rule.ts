import { reportedClaim, type Rule, type SentenceRuleContext } from '@caselint/core';
import { GateScanner, guardsOf, matchesIn, runnable, termsRegExp, triggerOf, type CompiledPattern } from '@caselint/core/terms';
import { docsUrl } from '../docs.js';
import { GUARDS, PATTERNS } from './patterns.generated.js';

/** The rule's guards (patterns.yaml `guards`): what keeps a match from being reassurance made by the writer. */
const guard = guardsOf(GUARDS, 'rules/unevidenced-reassurance/patterns.yaml');


/** The rule with the given patterns (patterns.yaml, compiled): the tests build it without one pattern at a time. */
export function createRule(patterns: readonly CompiledPattern[] = PATTERNS): Rule {
  const REASSURANCE_PATTERNS = patterns.map(runnable);
  // Every pattern's gate in one scan of the sentence.
  const GATES = new GateScanner(patterns);
  // Derived from the patterns by the build: a block without any of these words holds no reassurance.
  const TRIGGER = triggerOf(patterns);
  return {
  trigger: TRIGGER,
  meta: {
    id: 'unevidenced-reassurance',
    // "She is thriving", "The placement went well": one finding, this rule's (its message says what to observe),
    // where simplistic-outcome reports the same words or some of them ("well").
    supersedesWithin: ['simplistic-outcome'],
    severity: 'warn',
    summary: 'Reassurance ("no concerns", "doing well", "settled", "fine") with no evidence in the same sentence or the next one.',
    lesson:
      'Reassurance is the easiest thing to write and the hardest to check. In the review, staff had seen the mother\'s self-care deteriorate, yet the record said things were going well. "No concerns" is an absence, not evidence: it says nothing about what was looked at, by whom, or how often.',
    fix: 'Say what was seen or reported, by whom, and how often (a source, an observation or a figure), in the same sentence or the next one.',
    options: { terms: 'extra reassurance phrases, a local authority\'s own ("all ok")' },
    url: docsUrl('unevidenced-reassurance'),
    messages: {
      noConcerns: '"{{phrase}}" records an absence, not evidence. Say what was checked, by whom, and what was seen: for example, what the home, the baby\'s sleep or the feeding looked like.',
      wellPhrase: '"{{phrase}}" is reassurance without evidence. Say what was observed or reported, by whom and how often.',
      settled: '"{{phrase}}" does not say what shows it. Describe what was observed (sleep, feeding, routines, how the child responds) and who saw it.',
      fine: '"{{phrase}}" does not say what was seen. Describe what was observed, and by whom.',
      advice: '"{{phrase}}" does not say what advice was given or whether it was understood. Record what was said, how the parent showed understanding, and what the carers will check.',
    },
  },

  sentence(ctx) {
    const c = ctx.ctx;
    const extra = termsRegExp(ctx.options.terms);
    // The context masks a sentence once for every rule that asks. Where masking left the text as it was, the gates'
    // scan below decides what the trigger would (a gate's literal is a trigger word), so the trigger is not run.
    const text = c.masked;
    if (!extra && text !== c.norm && !TRIGGER.test(c.norm)) return;
    // Every pattern's gate in one scan; none passes, nothing to do.
    const found = GATES.scan(text);
    if (!extra && !GATES.any(found)) return;
    // "Is she really coping well?" asks; it does not reassure. "Avoid writing that contact went well" advises on wording.
    if (c.isQuestion() || c.rejectsFraming()) return;
    const taken: [number, number][] = [];
    const consider = (start: number, end: number, messageId: string) => {
      if (taken.some(([a, b]) => start < b && a < end)) return;
      if (!accept(ctx, start, end)) return;
      taken.push([start, end]);
      const phrase = ctx.sentence.text.slice(start, end);
      // Evidence in the sentence right after answers it too (DOMAIN.md): the engine looks there.
      ctx.report({ messageId, data: { phrase }, start, end, expected: [`${phrase}: [what was seen or reported, by whom, how often]`], answerable: true });
      // "Safe sleep advice given" is a record of advice, not a claim that all is well: nothing for a contradiction to answer.
      if (messageId !== 'advice') ctx.claim({ kind: 'reassurance', polarity: 'positive', start, end, answerable: true });
    };
    for (let i = 0; i < REASSURANCE_PATTERNS.length; i++) {
      const pattern = REASSURANCE_PATTERNS[i]!;
      if (!GATES.passes(i, found)) continue;
      // At most MAX_MATCHES: a runaway "sentence" (pasted text with no full stops) is cut short.
      for (const m of matchesIn(pattern.re, text, MAX_MATCHES)) {
        const [start, end] = (m.indices!.groups!.v ?? m.indices!.groups!.v2)!;
        consider(start, end, pattern.message!);
      }
    }
    if (extra) for (const m of matchesIn(extra, text)) consider(m.index!, m.index! + m[0].length, 'wellPhrase');
  },
};
}

export const rule: Rule = createRule();

/** No real sentence holds more candidates for one pattern; stop looking past this many. */
const MAX_MATCHES = 40;
const NOT_A_PERSON = guard('not_a_person');
const THING_REASSURANCE = guard('thing_reassurance');
const ABSENCE = guard('absence');
const ABSENCE_OR_NOTHING = guard('absence_or_nothing');
const FIRST_PERSON_SUBJECT = guard('first_person_subject');
const PAPERWORK_AFTER = guard('paperwork_after');
const INDIRECT_QUESTION = guard('indirect_question');

function accept(ctx: SentenceRuleContext, start: number, end: number): boolean {
  const c = ctx.ctx;
  const phrase = c.norm.slice(start, end);
  // "Mother is not coping well" is a concern, not reassurance.
  if (!ABSENCE_OR_NOTHING.test(phrase) && c.negatedBefore(start, 3)) return false;
  // A quoted reassurance is mentioned, not made: someone's words, or a phrase under discussion ("avoid 'doing well'").
  if (c.quotesToQualify(start, end) || c.inQuotedSpeech(start, end) || c.isQuoted(start, end)) return false;
  if (c.framedAt(start)) return false;
  // "The dispute was settled", "the bill was fine": things, not people, are not reassurance about a child.
  if (THING_REASSURANCE.test(phrase) && NOT_A_PERSON.test(c.norm.slice(Math.max(0, start - 120), start))) return false;
  // "raised no issues with the chronology": about a document, not the child.
  if (ABSENCE.test(phrase) && PAPERWORK_AFTER.test(c.norm.slice(end, end + 60))) return false;
  if (ABSENCE.test(phrase) && c.sourceHasBefore(start)) return false;
  if (c.inReportedVoice(start) || c.genericAt(start) || c.countedSubjectBefore(start) || c.concededBefore(start, end)) return false;
  // "the health visitor told me I'm doing really well", "the social worker recorded no concerns": reported, not claimed.
  if (reportedClaim(c, start, end)) return false;
  // "I needed reassurance that I was doing okay": the writer's own account of themselves.
  if (FIRST_PERSON_SUBJECT.test(c.norm.slice(Math.max(0, start - 30), start))) return false;
  // "My brother is still visiting me now, he's doing well": the speaker's own family, a child's view.
  if (c.ownFamilyBefore(start)) return false;
  // "His bloods were fine", "her iron levels are fine now": a clinical result, not reassurance about care.
  if (c.clinicalResultBefore(start)) return false;
  if (c.conditionalBefore(start)) return false;
  // "Asked how she was coping, ...": an indirect question.
  if (INDIRECT_QUESTION.test(c.norm.slice(Math.max(0, start - 80), start))) return false;
  return !c.evidenceAfter(end);
}

export default rule;
