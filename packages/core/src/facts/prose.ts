import type { SentenceContext } from '../language/context.js';
import { phraseSource } from '../language/normalise.js';
import { LEXICON } from '../knowledge/knowledge.generated.js';
import { matchesIn } from '../language/matches.js';
import { classifyStatus } from './status.js';
import { toldAsHistory, yearOfClause } from './history.js';
import type { Span } from '../types.js';
import type { AllocationKind, EventKind, FactBody, PlanKind } from './types.js';

/** A fact found in one sentence, with offsets into the sentence text. Turned into a `Fact` by the caller. */
export type SentenceFact = Span & FactBody;

const UNMET_STATUS = String.raw`un-?achieved|not\s+(?:yet\s+)?(?:fully\s+)?(?:achieved|met)|unmet|partially\s+achieved|partly\s+achieved|outstanding`;
const BE = String.raw`remain|remains|remained|are|were|was|is|have\s+been|has\s+been|had\s+been|continue\s+to\s+be|stay|stayed`;

// "the areas of health and budgeting remained unachieved"
const AREAS_THEN_STATUS = new RegExp(String.raw`\b(?:areas?|domains?|skills?|needs?)\s+(?:of|in|around|relating\s+to|for)\s+(?<list>[^.;:]{3,200}?)\s+(?:${BE})\s+(?:still\s+)?(?<status>${UNMET_STATUS})\b`, 'g');
// "four areas remain unachieved: health and illness, safety in the home ..."
const STATUS_THEN_LIST = new RegExp(String.raw`\b(?:${BE}|(?:areas?|domains?|skills?)\s+as)\s+(?:still\s+)?(?<status>${UNMET_STATUS})\s*(?::|-|,?\s+namely|,?\s+including|,?\s+which\s+are|,?\s+these\s+are)\s*(?<list>[^.;]{3,240})`, 'g');
// "safety, sleep routines and feeding remain unachieved" at the start of a clause
const LIST_THEN_STATUS = new RegExp(String.raw`(?:^|[;:]\s*|,\s+but\s+|\bbut\s+|\bwhile\s+|\bwhereas\s+|\b(?:shows?|showed|records?|recorded|found|confirms?|confirmed)\s+that\s+)(?<list>[a-z][^.;:]{2,200}?)\s+(?:${BE})\s+(?:still\s+)?(?<status>${UNMET_STATUS})\b`, 'g');
// "unmet needs in safety and sleep"
const UNMET_NEEDS_IN = /\b(?<status>unmet|unachieved)\s+(?:needs?|areas?)\s+(?:in|around|with|for|relating\s+to)\s+(?<list>[^.;:]{3,160})/g;

const REPORTED_THAT = /^.*\b(?:shows?|showed|records?|recorded|found|finds|confirms?|confirmed|notes?|noted|says?|said)\s+that\s+/;
/** "Grades: 4 for safety, 4 for hygiene", "Ratings: red for safety and supervision, amber for routines". */
const RATED_FOR = /(?:^|[:;,]\s*|\band\s+)(?<status>[1-5]|grade\s*[1-5]|red|amber|green)\s+for\s+(?<list>[a-z][a-z' -]{2,60}?)(?=\s*(?:[,;.]|$|\band\s+(?:[1-5]|grade|red|amber|green)\b))/g;
const AREA_PATTERNS = [AREAS_THEN_STATUS, STATUS_THEN_LIST, LIST_THEN_STATUS, UNMET_NEEDS_IN];

const DETERIORATION_VERB =
  /\b(?:has\s+|had\s+|have\s+)?(?<verb>deteriorated|deteriorating|declined|declining|regressed|relapsed|worsened|worsening|got\s+worse|become\s+worse|became\s+worse|slipped|escalated|escalating)\b/g;
const DETERIORATION_NOUN = /\b(?<verb>deterioration|decline|regression|relapse)\s+(?:in|of)\s+(?<what>(?:[\w'-]+\s*){1,6})/g;
/** "Birth mum had a relapse": "relapsed" said with a noun. (Not a relapse prevention plan, nor a risk of relapse.) */
const HAD_A_RELAPSE = /\b(?:had|has\s+had|have\s+had|suffered|experienced)\s+(?:a\s+|another\s+|a\s+further\s+|a\s+serious\s+|a\s+significant\s+)?(?<verb>relapse)\b(?!\s+(?:prevention|plan|risk|indicators?|signatures?|warning)\b)/g;
const REFUSAL_AFTER = /^\s+(?:the|a|an|to(?!\s+\d)|his|her|their|my|our|offer|offers|help|support|services?|referral|invitation|treatment|contact|visit|visits|medication|appointment|appointments|all|any|this|that|it|them)\b/;
const CONCERNS =
  /\b(?:domestic\s+(?:abuse|violence)\s+incidents?|incidents?\s+of\s+domestic\s+(?:abuse|violence)|tested\s+positive\s+for\s+[\w-]+|positive\s+for\s+(?:cannabis|cocaine|heroin|alcohol|amphetamines?|opiates|methadone|benzodiazepines|drugs?)|(?:drug|hair[- ]strand|toxicology|breath|alcohol|urine)\s+tests?\s+(?:was|were|came\s+back|returned|is|are)\s+positive|concerns?\s+remain|ongoing\s+concerns?|continuing\s+concerns?|concerns?\s+(?:persist|continue|have\s+increased|increased)|significant\s+concerns?|missing\s+episodes?|(?:went|gone|been\s+reported|was\s+reported)\s+missing|serious\s+concerns?)\b/g;
/**
 * "Contact has been inconsistent", "staff manage behaviour inconsistently": DOMAIN.md counts inconsistency among the
 * signs that an area is not met. ("Inconsistent with" compares accounts; it is left out.)
 */
const INCONSISTENT =
  /\b(?:(?:is|are|was|were|remains?|remained|has\s+been|have\s+been|had\s+been)\s+(?:(?:very|often|sometimes|still|highly|too|quite|at\s+times)\s+)?inconsistent(?!\s+with\b)|inconsistently)\b/g;
const CO_SLEEPING =
  /\b(?:co-?sleep(?:ing|s|t)?|co-?slept|bed[- ]?shar(?:ing|ed|es|e)|shar(?:ed|ing|es)\s+(?:a|her|his|the|their)\s+bed|(?:in|into|on)\s+(?:(?:ms|mr|mrs|miss)\.?\s+[a-z'-]+'s|(?:her|his|their)\s+(?:mother|father|mum|dad|parents?)'s|(?:the\s+)?(?:mother|father|mum|dad|parent|parents)'s|(?:an?|the)\s+(?:adult|double|parental|parents')|the\s+parents')\s+bed|asleep\s+(?:on|in)\s+(?:the\s+)?(?:sofa|settee|couch|armchair)\s+with|fell\s+asleep\s+(?:with|holding|while\s+holding|while\s+feeding)|asleep\s+(?:in|on)\s+(?:her|his|their|the)\s+(?:own\s+)?(?:adult|double|parents'?)\s+bed\s+with|(?:mum|mother|dad|father|parents?)\s+and\s+(?:the\s+)?baby(?:\s+[a-z]+)?\s+(?:were\s+|was\s+)?(?:found\s+)?(?:asleep|sleeping)\s+together|asleep\s+together\s+in\s+(?:[a-z']+\s+){0,2}bed|(?:dozes?|dozed|dozing|nods?|nodded|drops?|dropped)\s+off\s+(?:on|in)\s+(?:the\s+)?(?:sofa|settee|couch|armchair|chair)\s+with|(?:taking|takes|took|brings|brought|bringing)\s+(?:[a-z]+|him|her|the\s+baby)\s+into\s+(?:her|his|their|mum's|dad's)\s+(?:own\s+)?bed\b)/g;
/** Asleep in one's own bed with someone: co-sleeping when a parent is the one asleep (PARENT_ASLEEP_BEFORE). */
const ASLEEP_IN_OWN_BED = /\basleep\s{1,3}(?:in|on)\s{1,3}(?:her|his|their)\s{1,3}(?:own\s{1,3})?bed\s{1,3}with\b/g;
/**
 * "Ms Reid was found asleep in her bed with Ella beside her" is co-sleeping; "Mia was asleep in her bed with her teddy"
 * is not. Read on the 45 characters before "asleep".
 */
const PARENT_ASLEEP_BEFORE = /\b(?:mum|mother|dad|father|(?:ms|mr|mrs|miss)\.?\s{1,3}[a-z'-]{1,30})\s{1,3}(?:was\s{1,3}|were\s{1,3})?(?:found\s{1,3}|seen\s{1,3}|lying\s{1,3})?$/;
const RISKS_LISTED = /\b(?:risks?|dangers?)\s+of\b(?![^.;]*\b(?:found|seen|saw|observed|reported|discovered|witnessed)\b)[^.;]*\band\s+(?:of\s+)?$/;
export const NOT_A_MENTION = /\b(?:no|not|never|without|denies|denied|deny|if|whether|risks?|dangers?|about|advice|advised|explain(?:ed|s)?|discuss(?:ed|es)?|leaflet|avoid|against|should|must|unless|prevent)\b/;

const PLANS: [PlanKind, RegExp][] = [
  ['safer-sleep', /\b(?:safer?\s+sleep(?:ing)?\s+(?:plan|assessment(?:\s+tool)?|agreement|tool|risk\s+assessment)|(?:safe\s+)?sleep(?:ing)?\s+(?:safety\s+)?plan|co-?sleeping\s+(?:plan|risk\s+assessment)|(?:(?:the\s+)?(?:foster\s+)?carers?|they|night\s+staff|staff)\s+(?:will|must|are\s+to|should)\s+(?:check|monitor|look\s+in(?:\s+on)?)\b[^.]{0,80}\b(?:room|cot|bed|sleep|night|overnight|nursery|monitor))/g],
  ['placement-plan', /\bplacement\s+plan\b/g],
  ['transition', /\btransition(?:al)?\s+(?:plan|planning|meeting|arrangements|review)\b|\b(?:rehabilitation|reunification|return(?:\s+home)?|introductions?)\s+plan\b|\bphased\s+(?:return|move|introductions?|overnights?|overnight\s+stays)\b|\bmid-?(?:way|point)\s+review\b|\bplan\s+for\s+(?:the\s+)?move\b|\bmove\s+plan\b|\bmoving[- ]on\s+plan\b/g],
  ['exit', /\bexit\s+(?:plan|strategy)\b/g],
  ['purpose', /\bpurpose\s+of\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,3}?placement\b|\bplacement'?s\s+purpose\b|\bplacement\s+whose\s+purpose\b|(?:^|[.;]\s*)purpose\s*[:-]\s*\w/g],
  ['risk-assessment', /\brisk\s+assessments?\b/g],
];
export const PLAN_ABSENT_BEFORE = /\b(?:no|without|not|never|lack\s+of|absence\s+of|needs?|requires?|required|recommend(?:s|ed)?\s+that|awaiting|await)\s+(?:(?:a|an|the|any|yet|current|written|formal|agreed)\s+){0,3}$/;
export const PLAN_ABSENT_AFTER = /^\s*(?:has|have|had|was|were|is|are)?\s*(?:not|never|yet\s+to|still\s+to)\b|^\s*(?:(?:is|was|remains?)\s+)?(?:outstanding|awaited|overdue|missing|needed|required)\b|^\s*(?:needs?|should|must)\s+(?:to\s+)?be\b/;

const ALLOCATION: [AllocationKind, RegExp][] = [
  ['worker-left', /\b(?:(?:social\s+)?workers\s+(?:came\s+and\s+went|kept\s+changing)|(?:social\s+worker|allocated\s+worker|case\s+worker|caseworker|case\s+holder|key\s+worker|practitioner|worker|sw)(?:\s*,\s*[a-z][a-z' -]{1,30},)?(?:\s+who)?\s+(?:has\s+|had\s+|have\s+)?(?:(?:then|since|subsequently|recently|immediately|suddenly)\s+)?(?:left|leaves|is\s+leaving|was\s+leaving|resigned|went\s+on\s+(?:long-term\s+)?(?:sick\s+)?leave|moved\s+on|is\s+on\s+long-term\s+sick|(?:been|is|was)\s+on\s+(?:long-term\s+)?(?:sick|sickness|maternity)\s+leave|(?:been|is|was)\s+off\s+sick))(?!\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:home|house|flat|property|visit|meeting|room|office|building|premises|unit|school|nursery|hospital|car|contact\s+centre)\b|\s+at\s+\d|\s+(?:a\s+)?(?:message|voicemail|note|card|letter|leaflet)s?\b)/g],
  ['unallocated', /\bunallocated\b|\bawaiting\s+(?:re-?)?allocation\b|\bpending\s+(?:re-?)?allocation\b|\bno\s+allocated\s+(?:social\s+)?worker\b|\bwithout\s+an?\s+allocated\s+(?:social\s+)?worker\b|\bnot\s+(?:yet\s+)?(?:been\s+)?re-?allocated\b|\bno\s+social\s+worker\b|\bno\s+(?:other|new)\s+(?:social\s+)?worker\s+has\s+been\s+allocated\b|\bwithout\s+a\s+social\s+worker\b/g],
  ['reallocated', /\b(?:re-?allocated|has\s+been\s+allocated|was\s+allocated|is\s+now\s+allocated|allocated\s+to\s+(?!the\b)[a-z]|new\s+(?:social\s+)?worker\s+(?:is|was|has\s+been)\s+(?:now\s+)?(?:allocated|appointed)|new\s+allocated\s+(?:social\s+)?worker)\b/g],
  ['handover', /\bhand-?over\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:completed|took\s+place|done|held|meeting|visit)\b|\bhanded\s+over\s+to\b|\bfull\s+hand-?over\b|\bjoint\s+(?:handover\s+)?visit\b|\bcase\s+transfer\s+(?:completed|meeting)\b/g],
];

// Each lazy [^.;]{1,60}? / {1,50}? reads at most that many characters from a keyword, and sentence text has white-space
// runs of at most 16 characters (boundSpaceRuns): linear in the sentence, whatever a ReDoS checker counts.
const EVENTS: [EventKind, RegExp][] = [
  ['placement', /\b(?:(?<!always\s+been\s+)(?<!previously\s+)placed\s+(?:with|in|at)(?=\s+(?!her\s+mother|his\s+mother|their\s+mother|the\s+care\s+of\s+her))|placement(?:\s+(?:with|of|for|at)\s+[^.;]{1,60}?)?\s+(?:began|started|commenced|was\s+made|will\s+(?:start|begin|commence)|starts|begins)|(?:mother[\s-]+and[\s-]+baby|parent[\s-]+and[\s-]+child|residential|kinship|connected\s+persons?|sgo|special\s+guardianship)\s+(?:foster\s+)?placement|foster\s+placement|(?:identified|found|matched\s+(?:him|her|them)\s+with|moved\s+to|moving\s+to|move\s+to|transferred\s+to)\s+(?:a\s+|the\s+|his\s+|her\s+|their\s+)?new\s+(?:foster\s+)?(?:carers?|placement|foster\s+home|residential\s+home|children's\s+home))\b/g],
  ['move', /\b(?:move|moved|moves|moving|transfer|transferred|transition|return|returns|returned|returning|step(?:ped)?\s+down|discharge[ds]?|leave|leaves|left)\s+(?:on\s+)?(?:to|into|back\s+to|from|home\b|the\s+unit)|\b(?:leave|leaves|left|leaving)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:placement|unit|foster\s+home)\b|\btransition\s+(?:went|has\s+gone|had\s+gone|is\s+going|was\s+going|continues|began|started|happened|period)\b|\b(?:smooth|successful|planned|gradual)\s+transition\b|\bend\s+of\s+(?:the\s+)?(?:assessment|placement)\b|\b(?:assessment|placement)(?:\s+(?:of|for|with)\s+[^.;]{1,50}?)?\s+(?:will\s+)?(?:end|ends|ended|ending|concludes?|concluded)\b|\bindependent\s+living\b/g],
];
// What makes a mention of a placement or a move an event in the case now: word lists in lexicon.yaml (event_*,
// placement_*, move_*), the structure here. Each is read on at most 60 characters around the mention.
const MODAL_BE = String.raw`\b(?:${phraseSource(LEXICON.event_modals)})\b(?:\s+(?:not|never|have|then|also|[a-z]+ly)){0,3}\s+(?:be|been)\s+$`;
/**
 * "placed" that is not a placement made: a possibility ("should be placed", "would never have been placed"), a
 * proposal ("they suggested that the boy be placed with his grandmother"), children in general ("children placed in
 * special guardianship"), a habit ("children are regularly placed"). What a court orders or parties agree ("agreed
 * to their daughter being placed", "will be placed") goes ahead.
 */
const HYPOTHETICAL_PLACED = new RegExp(
  String.raw`${MODAL_BE}|\b(?:${phraseSource(LEXICON.event_proposals)})\b[^.;]{0,60}\bbe\s+$|\bchildren\s+(?:(?:who|that)\s+(?:are|were|have\s+been)\s+)?$|\b(?:${phraseSource(LEXICON.event_habits)})\s+$`,
);
/**
 * A placement named by its noun ("a mother-and-baby foster placement") is an event only when it starts: entered,
 * found, begun or recommended ("went into a foster placement", "a foster placement was found"), not where it is
 * mentioned ("doing well in his foster placement").
 */
const PLACEMENT_STARTS_BEFORE = new RegExp(String.raw`\b(?:${phraseSource(LEXICON.placement_starts)})\s+(?:(?:a|an|the|her|his|their)\s+)?(?:[\w'-]+\s+){0,4}$`);
const PLACEMENT_STARTS_AFTER = new RegExp(String.raw`^\s+(?:${phraseSource(LEXICON.placement_started)})\b`);
/**
 * A move that is not going ahead: a possibility ("should be returned"), a wish ("anxious to return to the foster
 * placement"), a lost prospect ("no prospect of the boy being returned"). A ruling that it will happen goes ahead.
 */
const HYPOTHETICAL_MOVE = new RegExp(
  String.raw`${MODAL_BE}|\b(?:${phraseSource(LEXICON.move_wishes)})\s+to\s+$|\bno\s+(?:${phraseSource(LEXICON.move_prospects)})\s+of\b[^.;]{0,40}$`,
);
/** A gerund as subject, then a modal: "moving into foster care can be scary". */
const MOVE_GENERIC_AFTER = /^[^.;]{0,40}\b(?:can|could|may|might)\s+be\b/;
const MOVE_DESTINATION = /\b(?:placement|foster|unit|home|independent|residential|care|carers?|mother|father|parents|family|accommodation|flat|refuge|hostel|kinship|community)\b/;

/**
 * Each family's keywords (regular-expression sources), as data: a sentence can hold a family's facts only if one of
 * them occurs in it, so most sentences skip most of the patterns above. Every keyword starts with three lower-case
 * letters (after an optional \b): familiesIn looks for those first.
 */
export const GATE_KEYWORDS = {
  area: ['achiev', 'unmet', String.raw`not\s+(?:yet\s+)?met`, 'outstanding'],
  deterioration: ['deteriorat', 'declin', 'regress', 'relaps', 'wors', 'slipped', 'escalat'],
  concern: ['domestic', 'positive', 'concern', 'missing', 'inconsisten'],
  coSleeping: ['sleep', 'slept', 'bed', 'asleep', 'doz', 'nod'],
  plan: ['plan', 'assessment', 'purpose', 'exit', 'transition', 'carer'],
  allocation: ['allocat', String.raw`\bleft\b`, 'leav', 'resign', 'hand-?over', String.raw`handed\s+over`, 'sick', String.raw`moved\s+on`, String.raw`social\s+worker`],
  rated: ['grade', 'rated', 'rating', 'scor', String.raw`\brag\b`],
  event: ['plac', 'mov', 'transfer', 'transition', 'return', 'step', 'discharg', 'leave', 'left', String.raw`\bend`, 'conclud', 'independent', 'identif', 'found', 'matched'],
};

type Family = keyof typeof GATE_KEYWORDS;
/** The families in bit order. */
export const FAMILIES = Object.keys(GATE_KEYWORDS) as Family[];
/** Each family's gate, anchored: does one of its keywords start here? */
const GATE_AT = FAMILIES.map((f) => new RegExp(GATE_KEYWORDS[f].join('|'), 'y'));

/** One bit per family of facts. */
const BIT = Object.fromEntries(FAMILIES.map((f, i) => [f, 1 << i])) as Record<Family, number>;
const ALL_FAMILIES = (1 << FAMILIES.length) - 1;

/** For each three lower-case letters (a-z as 0-25, five bits each), the families with a keyword that starts with them. */
const STARTS = new Uint8Array(1 << 15);
FAMILIES.forEach((family, i) => {
  for (const keyword of GATE_KEYWORDS[family]) {
    const lead = keyword.replace(/^\\b/, '');
    if (!/^[a-z]{3}/.test(lead)) throw new Error(`A fact gate keyword must start with three letters: ${keyword}`);
    STARTS[trigram(lead.charCodeAt(0), lead.charCodeAt(1), lead.charCodeAt(2))] |= 1 << i;
  }
});

/** Index of three lower-case letters in STARTS, or -1 when any of them is not one. */
function trigram(a: number, b: number, c: number): number {
  a -= 97;
  b -= 97;
  c -= 97;
  return a >= 0 && a < 26 && b >= 0 && b < 26 && c >= 0 && c < 26 ? (a << 10) | (b << 5) | c : -1;
}

/**
 * Which families of facts a sentence can hold, as BIT flags: exactly whether each family's keywords occur in it.
 * One pass over the characters; the keywords' regular expressions run only where their first three letters stand.
 */
export function familiesIn(norm: string): number {
  let found = 0;
  // The last three characters, five bits each; `letters` counts how many of them, from the right, are a-z.
  let window = 0;
  let letters = 0;
  for (let at = 0; at < norm.length; at++) {
    const c = norm.charCodeAt(at) - 97;
    if (c < 0 || c >= 26) {
      letters = 0;
      continue;
    }
    window = ((window << 5) | c) & 0x7fff;
    if (++letters < 3) continue;
    let candidates = STARTS[window]! & ~found;
    for (let i = 0; candidates !== 0; i++, candidates >>>= 1) {
      if ((candidates & 1) === 0) continue;
      const re = GATE_AT[i]!;
      re.lastIndex = at - 2;
      if (re.test(norm)) found |= 1 << i;
    }
    if (found === ALL_FAMILIES) break;
  }
  return found;
}

/** Extract the facts one sentence records. */
export function sentenceFacts(ctx: SentenceContext): SentenceFact[] {
  const norm = ctx.norm;
  const out: SentenceFact[] = [];
  const families = familiesIn(norm);

  // Each family of facts has a cheap keyword gate, so most sentences skip the heavier patterns.
  // Areas and their status, in prose.
  if (families & BIT.rated) {
    for (const m of matchesIn(RATED_FOR, norm)) {
      const statusText = /^[1-5]$/.test(m.groups!.status!) ? `grade ${m.groups!.status}` : m.groups!.status!;
      const status = classifyStatus(statusText);
      if (!status) continue;
      const listStart = m.index! + m[0].lastIndexOf(m.groups!.list!);
      for (const item of splitList(m.groups!.list!)) {
        const at = listStart + item.offset;
        out.push({ kind: 'area', from: 'prose', area: item.text, status, statusText: m.groups!.status!, start: at, end: at + item.text.length });
      }
    }
  }
  if (families & BIT.area) for (const re of AREA_PATTERNS) {
    for (const m of matchesIn(re, norm)) {
      const whole = m.groups!.list!;
      const statusText = m.groups!.status!;
      if (/\bno\s+(?:areas?|domains?|skills?|needs?)\b/.test(norm.slice(Math.max(0, m.index! - 12), m.index! + 20))) continue;
      // "the PAMS update shows that safety in the home is still not achieved": the list starts after "shows that".
      const lead = REPORTED_THAT.exec(whole)?.[0].length ?? 0;
      const list = whole.slice(lead);
      const listStart = m.index! + m[0].indexOf(whole) + lead;
      for (const item of splitList(list)) {
        const at = listStart + item.offset;
        out.push({ kind: 'area', from: 'prose', area: item.text, status: classifyStatus(statusText) ?? 'unmet', statusText, start: at, end: at + item.text.length });
      }
    }
  }

  if (families & BIT.deterioration) for (const m of matchesIn(DETERIORATION_VERB, norm)) {
    const verbEnd = m.index! + m[0].length;
    if (m.groups!.verb === 'declined' || m.groups!.verb === 'declining') {
      if (REFUSAL_AFTER.test(norm.slice(verbEnd))) continue;
    }
    if (ctx.negatedBefore(m.index!, 2)) continue;
    const what = subjectBefore(ctx.sentence.text, m.index!);
    const found = what ? ctx.sentence.text.lastIndexOf(what, m.index!) : -1;
    out.push({ kind: 'deterioration', what: what ? `${what} ${m.groups!.verb}` : m.groups!.verb!, start: found >= 0 ? found : m.index!, end: verbEnd });
  }
  if (families & BIT.deterioration) for (const m of matchesIn(HAD_A_RELAPSE, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    const start = subjectStart(ctx.sentence.text, m.index!);
    const end = m.index! + m[0].length;
    out.push({ kind: 'deterioration', what: ctx.sentence.text.slice(start, end), start, end });
  }
  if (families & BIT.deterioration) for (const m of matchesIn(DETERIORATION_NOUN, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    out.push({ kind: 'deterioration', what: ctx.sentence.text.slice(m.index!, m.index! + m[0].length).trim(), start: m.index!, end: m.index! + m[0].trimEnd().length });
  }
  if (families & BIT.concern) for (const m of matchesIn(CONCERNS, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    out.push({ kind: 'concern', what: ctx.sentence.text.slice(m.index!, m.index! + m[0].length), start: m.index!, end: m.index! + m[0].length });
  }
  if (families & BIT.concern) for (const m of matchesIn(INCONSISTENT, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    const start = subjectStart(ctx.sentence.text, m.index!);
    const end = m.index! + m[0].length;
    out.push({ kind: 'concern', what: ctx.sentence.text.slice(start, end), start, end });
  }
  const parentAsleep = families & BIT.coSleeping ? matchesIn(ASLEEP_IN_OWN_BED, norm).filter((m) => PARENT_ASLEEP_BEFORE.test(norm.slice(Math.max(0, m.index! - 45), m.index!))) : [];
  if (families & BIT.coSleeping) for (const m of [...matchesIn(CO_SLEEPING, norm), ...parentAsleep]) {
    const words = norm.slice(Math.max(0, m.index! - 100), m.index!).split(/\s+/);
    if (NOT_A_MENTION.test(words.slice(-7).join(' '))) continue;
    // "the risks of falling asleep with a baby on a sofa and of bed-sharing": a list of risks, not a sighting.
    if (RISKS_LISTED.test(words.slice(-13).join(' '))) continue;
    if (/^\s*(?:plan|risks?|risk\s+assessment|policy|advice|leaflet|guidance)\b/.test(norm.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue;
    out.push({ kind: 'co-sleeping', start: m.index!, end: m.index! + m[0].length });
  }
  if (families & BIT.plan) for (const [plan, re] of PLANS) {
    for (const m of matchesIn(re, norm)) {
      if (PLAN_ABSENT_BEFORE.test(norm.slice(Math.max(0, m.index! - 80), m.index!))) continue;
      if (PLAN_ABSENT_AFTER.test(norm.slice(m.index! + m[0].length))) continue;
      out.push({ kind: 'plan', plan, start: m.index!, end: m.index! + m[0].length });
    }
  }
  if (families & BIT.allocation) for (const [allocation, re] of ALLOCATION) {
    for (const m of matchesIn(re, norm)) {
      if ((allocation === 'reallocated' || allocation === 'handover') && ctx.negatedBefore(m.index!, 3)) continue;
      if (allocation === 'worker-left' && ctx.negatedBefore(m.index!, 2)) continue;
      // "no other worker has been allocated" is the absence of a reallocation.
      if (allocation === 'reallocated' && ctx.negatedBefore(m.index!, 4)) continue;
      const end = m.index! + m[0].length;
      // "Her previous social worker left in 2019": history, not a gap in the case now.
      const gap = allocation === 'worker-left' || allocation === 'unallocated';
      if (gap && toldAsHistory(norm, m.index!, end, allocation === 'worker-left')) continue;
      const year = gap ? yearOfClause(norm, m.index!, end) : undefined;
      out.push(year ? { kind: 'allocation', allocation, year, start: m.index!, end } : { kind: 'allocation', allocation, start: m.index!, end });
    }
  }
  if (families & BIT.event) for (const [event, re] of EVENTS) {
    for (const m of matchesIn(re, norm)) {
      // A move needs a destination that makes it a placement move; the end of an assessment or placement does not.
      if (event === 'move' && !/^(?:end\b|assessment|placement|independent|transition|smooth|successful|planned|gradual)|\b(?:placement|unit|foster\s+home)$/.test(m[0]) && !MOVE_DESTINATION.test(norm.slice(m.index!, m.index! + m[0].length + 60))) continue;
      if (ctx.negatedBefore(m.index!, 2)) continue;
      const end = m.index! + m[0].length;
      const before = norm.slice(Math.max(0, m.index! - 60), m.index!);
      if (event === 'placement') {
        if (m[0].startsWith('placed') && HYPOTHETICAL_PLACED.test(before)) continue;
        if (m[0].endsWith('placement') && !PLACEMENT_STARTS_BEFORE.test(before) && !PLACEMENT_STARTS_AFTER.test(norm.slice(end, end + 40))) continue;
      } else {
        if (HYPOTHETICAL_MOVE.test(before)) continue;
        if (/^(?:moving|returning|leaving|transferring)\b/.test(m[0]) && MOVE_GENERIC_AFTER.test(norm.slice(end, end + 60))) continue;
      }
      // "Fewer children are being placed in foster care": about no particular child.
      if (ctx.isGeneric()) continue;
      // "Mother was herself placed in foster care aged 12": someone's history, not a placement in the case now.
      if (toldAsHistory(norm, m.index!, end)) continue;
      const year = yearOfClause(norm, m.index!, end);
      out.push(year ? { kind: 'event', event, year, start: m.index!, end } : { kind: 'event', event, start: m.index!, end });
    }
  }
  return out;
}

/** Split "health and illness, safety in the home, safe sleeping and budgeting" into its items. */
export function splitList(list: string): { text: string; offset: number }[] {
  const items: { text: string; offset: number }[] = [];
  const hasCommas = list.includes(',');
  const parts: { text: string; offset: number }[] = [];
  const re = hasCommas ? /,\s*/g : /\s+(?:and|or|&)\s+/g;
  let last = 0;
  for (const m of matchesIn(re, list)) {
    parts.push({ text: list.slice(last, m.index!), offset: last });
    last = m.index! + m[0].length;
  }
  parts.push({ text: list.slice(last), offset: last });
  // With commas, only the last item can hold a final "and": "safe sleeping and budgeting".
  if (hasCommas && parts.length > 1) {
    const tail = parts.pop()!;
    const m = /^(?:and|or)\s+/.exec(tail.text);
    const t = m ? { text: tail.text.slice(m[0].length), offset: tail.offset + m[0].length } : tail;
    const and = /\s+(?:and|or|&)\s+/.exec(t.text);
    if (and) {
      parts.push({ text: t.text.slice(0, and.index), offset: t.offset });
      parts.push({ text: t.text.slice(and.index + and[0].length), offset: t.offset + and.index + and[0].length });
    } else parts.push(t);
  }
  for (const p of parts) {
    const lead = p.text.length - p.text.trimStart().length;
    let text = p.text.trim().replace(/^(?:and|or)\s+/, '');
    const article = /^(?:the|her|his|their|of|in)\s+/.exec(text);
    let offset = p.offset + lead + (p.text.trim().length - text.length);
    if (article) {
      text = text.slice(article[0].length);
      offset += article[0].length;
    }
    text = text.replace(/[\s,;:.)]+$/, '');
    const words = text.split(/\s+/).length;
    if (text.length >= 3 && words <= 7) items.push({ text, offset });
  }
  return items;
}

/** Where a fact's phrase starts: at the words before `at` that say whose it is ("Ms Reid's attendance"), if any. */
function subjectStart(text: string, at: number): number {
  const what = subjectBefore(text, at);
  const found = what ? text.lastIndexOf(what, at) : -1;
  return found >= 0 ? found : at;
}

/** The few words before a verb that say what deteriorated: "Ms Carter's presentation and self-care". */
function subjectBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 200), at).trimEnd();
  // The clause: after the last comma, semicolon, colon or full stop (a sentence may run on past "in week 5. Her").
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('. ')) + 1);
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-6);
  const possessive = words.findIndex((w) => /['’]s$/.test(w));
  const subject = possessive >= 0 ? words.slice(possessive + 1) : words.slice(-4);
  return subject.filter((w) => !/^(?:has|had|have|also|then|further|significantly|rapidly)$/i.test(w)).join(' ');
}
