import type { SentenceContext } from '../language/context.js';
import { FACT_CLASSES, FACT_GATES, FACT_GUARDS, FACT_PATTERNS } from '../knowledge/knowledge.generated.js';
import { guardsOf } from '../knowledge/patterns.js';
import { expand } from '../knowledge/literals.js';
import { matchesIn } from '../language/matches.js';
import { classifyStatus } from './status.js';
import { toldAsHistory, yearOfClause } from './history.js';
import type { Span } from '../types.js';
import type { AllocationKind, EventKind, FactBody, PlanKind } from './types.js';

/** A fact found in one sentence, with offsets into the sentence text. Turned into a `Fact` by the caller. */
export type SentenceFact = Span & FactBody;

// What keeps a match from being a fact in the case now (facts.yaml `guards`; each note says what part of the
// sentence it reads).
const guard = guardsOf(FACT_GUARDS, 'facts.yaml');
const NO_AREAS = guard('no_areas');
const REPORTED_THAT = guard('reported_that');
const REFUSAL_AFTER = guard('refusal_after');
const PARENT_ASLEEP_BEFORE = guard('parent_asleep_before');
const RISKS_LISTED = guard('risks_listed');
const ADVICE_AFTER = guard('advice_after');
export const NOT_A_MENTION = guard('not_a_mention');
export const PLAN_ABSENT_BEFORE = guard('plan_absent_before');
export const PLAN_ABSENT_AFTER = guard('plan_absent_after');
const HYPOTHETICAL_PLACED = guard('hypothetical_placed');
const PLACEMENT_PLANNED = guard('placement_planned');
const PLACEMENT_STARTS_BEFORE = guard('placement_starts_before');
const PLACEMENT_STARTS_AFTER = guard('placement_started_after');
const HYPOTHETICAL_MOVE = guard('hypothetical_move');
const GERUND_MOVE = guard('gerund_move');
const SERVICE_STEP = guard('service_step');
const HOSPITAL_DISCHARGE = guard('hospital_discharge');
const MOVE_GENERIC_AFTER = guard('move_generic_after');
const MOVE_IS_PLACEMENT = guard('move_is_placement');
const MOVE_DESTINATION = guard('move_destination');

/**
 * Each family's keywords (regular-expression sources), derived by the build from the family's patterns in facts.yaml:
 * a sentence can hold a family's facts only if one of them occurs in it, so most sentences skip most of the patterns.
 * Every keyword starts with three letters or hyphens (after an optional \b): familiesIn looks for those first.
 */
export const GATE_KEYWORDS = {
  area: FACT_GATES.area!,
  deterioration: FACT_GATES.deterioration!,
  concern: FACT_GATES.concern!,
  skill: FACT_GATES.skill!,
  shortfall: FACT_GATES.shortfall!,
  finding: FACT_GATES.finding!,
  rating: FACT_GATES.rating!,
  coSleeping: FACT_GATES.coSleeping!,
  plan: FACT_GATES.plan!,
  allocation: FACT_GATES.allocation!,
  rated: FACT_GATES.rated!,
  event: FACT_GATES.event!,
};

type Family = keyof typeof GATE_KEYWORDS;
/** The families in bit order. */
export const FAMILIES = Object.keys(GATE_KEYWORDS) as Family[];
/** One bit per family of facts. */
const BIT = Object.fromEntries(FAMILIES.map((f, i) => [f, 1 << i])) as Record<Family, number>;
const ALL_FAMILIES = (1 << FAMILIES.length) - 1;

/**
 * The facts layer's patterns, compiled: as the build left them, or with a configuration's extra words for some of
 * facts.yaml's classes (`{ "words": { "concern_phrase": ["strategy meeting held"] } }`).
 */
export interface FactSet {
  /** Each pattern by its id in facts.yaml. */
  pattern: Record<string, RegExp>;
  /** Each family's patterns, in facts.yaml's order. */
  byFamily: Record<Family, RegExp[]>;
  plans: [PlanKind, RegExp][];
  allocation: [AllocationKind, RegExp][];
  events: [EventKind, RegExp][];
  /** Each family's gate, anchored: does one of its keywords start here? */
  gateAt: RegExp[];
  /** For each three characters of the gate alphabet (five bits each), the families with a keyword that starts with them. */
  starts: Uint16Array;
  /** Families that run on every sentence: a configured word too short to find by its first three characters. */
  always: number;
}

function buildFactSet(sources: Record<string, string>, gates: Record<Family, readonly string[]>, always: number): FactSet {
  const pattern: Record<string, RegExp> = {};
  for (const [id, source] of Object.entries(sources)) pattern[id] = new RegExp(source, 'g');
  // The patterns of one family, in the order facts.yaml gives them, each with the kind of fact it records.
  const kinds = <K extends string>(family: Family, key: 'plan' | 'allocation' | 'event') =>
    Object.values(FACT_PATTERNS).filter((p) => p.family === family).map((p) => [p[key] as K, pattern[p.id]!] as [K, RegExp]);
  const starts = new Uint16Array(1 << 15);
  FAMILIES.forEach((family, i) => {
    for (const keyword of gates[family]) {
      const lead = keyword.replace(/^\\b/, '');
      if (!/^[a-z-]{3}/.test(lead)) throw new Error(`A fact gate keyword must start with three letters or hyphens: ${keyword}`);
      starts[trigram(lead.charCodeAt(0), lead.charCodeAt(1), lead.charCodeAt(2))] |= 1 << i;
    }
  });
  return {
    pattern,
    byFamily: Object.fromEntries(FAMILIES.map((f) => [f, Object.values(FACT_PATTERNS).filter((p) => p.family === f).map((p) => pattern[p.id]!)])) as Record<Family, RegExp[]>,
    plans: kinds('plan', 'plan'),
    allocation: kinds('allocation', 'allocation'),
    events: kinds('event', 'event'),
    gateAt: FAMILIES.map((f) => new RegExp(gates[f].join('|'), 'y')),
    starts,
    always,
  };
}

const DEFAULT_SOURCES = Object.fromEntries(Object.values(FACT_PATTERNS).map((p) => [p.id, p.source]));
let defaultFacts: FactSet | undefined;
const extendedFacts = new Map<string, FactSet>();

/** The fact patterns, compiled once per distinct extension of facts.yaml's classes (other classes do not change them). */
export function factSet(words?: Readonly<Record<string, readonly string[]>>): FactSet {
  const own = words ? Object.entries(words).filter(([name, list]) => name in FACT_CLASSES && list.length > 0) : [];
  if (own.length === 0) return (defaultFacts ??= buildFactSet(DEFAULT_SOURCES, GATE_KEYWORDS, 0));
  const key = JSON.stringify(own);
  let set = extendedFacts.get(key);
  if (!set) {
    const classes: Record<string, readonly string[]> = { ...FACT_CLASSES };
    for (const [name, list] of own) classes[name] = [...classes[name]!, ...list];
    const sources: Record<string, string> = {};
    const gates = Object.fromEntries(FAMILIES.map((f) => [f, [...GATE_KEYWORDS[f]]])) as Record<Family, string[]>;
    let always = 0;
    for (const p of Object.values(FACT_PATTERNS)) {
      sources[p.id] = expand(p.template, classes);
      // An added word is in every match that uses it: its first word, added to the family's gate, lets those through.
      for (const [name, list] of own) {
        if (!p.template.includes(`{${name}}`)) continue;
        for (const w of list) {
          const first = w.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").split(/\s+/)[0]!;
          if (/^[a-z-]{3}/.test(first)) gates[p.family as Family].push(first.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
          else always |= BIT[p.family as Family];
        }
      }
    }
    if (extendedFacts.size > 16) extendedFacts.clear();
    extendedFacts.set(key, (set = buildFactSet(sources, gates, always)));
  }
  return set;
}

/** A character's code in the gate alphabet: a-z as 0-25, the hyphen as 26 ("co-sleeping", "re-allocated"); else -1. */
function code(ch: number): number {
  return ch >= 97 && ch <= 122 ? ch - 97 : ch === 45 ? 26 : -1;
}

/** Index of three characters of the gate alphabet in FactSet.starts, or -1 when any of them is not one. */
function trigram(a: number, b: number, c: number): number {
  a = code(a);
  b = code(b);
  c = code(c);
  return a >= 0 && b >= 0 && c >= 0 ? (a << 10) | (b << 5) | c : -1;
}

/**
 * Which families of facts a sentence can hold, as BIT flags: exactly whether each family's keywords occur in it.
 * One pass over the characters; the keywords' regular expressions run only where their first three characters stand.
 */
export function familiesIn(norm: string, set: FactSet = factSet()): number {
  const { starts, gateAt } = set;
  let found = set.always;
  // The last three characters, five bits each; `letters` counts how many of them, from the right, are in the alphabet.
  let window = 0;
  let letters = 0;
  for (let at = 0; at < norm.length; at++) {
    const c = code(norm.charCodeAt(at));
    if (c < 0) {
      letters = 0;
      continue;
    }
    window = ((window << 5) | c) & 0x7fff;
    if (++letters < 3) continue;
    let candidates = starts[window]! & ~found;
    for (let i = 0; candidates !== 0; i++, candidates >>>= 1) {
      if ((candidates & 1) === 0) continue;
      const re = gateAt[i]!;
      re.lastIndex = at - 2;
      if (re.test(norm)) found |= 1 << i;
    }
    if (found === ALL_FAMILIES) break;
  }
  return found;
}

/** The patterns of those of the given families the sentence can hold, in the order given. */
function patternsOf(set: FactSet, families: number, ...names: Family[]): RegExp[] {
  const found = names.filter((f) => families & BIT[f]);
  return found.length === 1 ? set.byFamily[found[0]!] : found.flatMap((f) => set.byFamily[f]);
}

/** Extract the facts one sentence records. */
export function sentenceFacts(ctx: SentenceContext, set: FactSet = factSet()): SentenceFact[] {
  const norm = ctx.norm;
  const out: SentenceFact[] = [];
  const families = familiesIn(norm, set);
  const { pattern } = set;

  // Each family of facts has a cheap keyword gate, so most sentences skip the heavier patterns.
  // Areas and their status, in prose.
  if (families & BIT.rated) {
    for (const m of matchesIn(pattern['rated-for']!, norm)) {
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
  // An area's status in prose: the area family, and the ratings said with their verb ("was rated red"), gated apart
  // since their words ("assessed", "recorded") are common.
  if (families & (BIT.area | BIT.rating)) for (const re of patternsOf(set, families, 'area', 'rating')) {
    for (const m of matchesIn(re, norm)) {
      const whole = m.groups!.list!;
      // "physical care was graded 4": a grade said as a number.
      const statusText = /^[345]$/.test(m.groups!.status!) ? `grade ${m.groups!.status}` : m.groups!.status!;
      if (NO_AREAS.test(norm.slice(Math.max(0, m.index! - 12), m.index! + 20))) continue;
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

  if (families & BIT.deterioration) for (const m of matchesIn(pattern['deterioration-verb']!, norm)) {
    const verbEnd = m.index! + m[0].length;
    if (m.groups!.verb === 'declined' || m.groups!.verb === 'declining') {
      if (REFUSAL_AFTER.test(norm.slice(verbEnd))) continue;
    }
    if (ctx.negatedBefore(m.index!, 2)) continue;
    const what = subjectBefore(ctx.sentence.text, m.index!);
    const found = what ? ctx.sentence.text.lastIndexOf(what, m.index!) : -1;
    out.push({ kind: 'deterioration', what: what ? `${what} ${m.groups!.verb}` : m.groups!.verb!, start: found >= 0 ? found : m.index!, end: verbEnd });
  }
  if (families & BIT.deterioration) for (const m of matchesIn(pattern['had-a-relapse']!, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    const start = subjectStart(ctx.sentence.text, m.index!);
    const end = m.index! + m[0].length;
    out.push({ kind: 'deterioration', what: ctx.sentence.text.slice(start, end), start, end });
  }
  if (families & BIT.deterioration) for (const m of matchesIn(pattern['deterioration-noun']!, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    out.push({ kind: 'deterioration', what: ctx.sentence.text.slice(m.index!, m.index! + m[0].length).trim(), start: m.index!, end: m.index! + m[0].trimEnd().length });
  }
  if (families & BIT.concern) for (const m of matchesIn(pattern.concern!, norm)) {
    if (ctx.negatedBefore(m.index!, 2)) continue;
    const end = withObject(norm, m.index! + m[0].length);
    out.push({ kind: 'concern', what: ctx.sentence.text.slice(m.index!, end), start: m.index!, end });
  }
  // Inconsistency and shortfalls are said of something: the concern names it ("staff supervision required improvement").
  // Two in one sentence ("the care plans required updating and supervision needed to be strengthened") are two
  // concerns: the second's subject starts after the first.
  // A shortfall ("required updating") is marked as one: it answers an evaluation of a service, not an assessment's verdict.
  if (families & (BIT.concern | BIT.skill | BIT.shortfall | BIT.finding)) {
    let previousEnd = 0;
    const signs = [...(families & BIT.concern ? matchesIn(pattern.inconsistent!, norm) : []), ...patternsOf(set, families, 'skill').flatMap((re) => matchesIn(re, norm))];
    const shortfalls = patternsOf(set, families, 'shortfall', 'finding').flatMap((re) => matchesIn(re, norm));
    const said = [...signs.map((m) => ({ m, shortfall: false })), ...shortfalls.map((m) => ({ m, shortfall: true }))].sort((x, y) => x.m.index! - y.m.index!);
    for (const { m, shortfall } of said) {
      if (ctx.negatedBefore(m.index!, 2)) continue;
      let start = subjectStart(ctx.sentence.text, m.index!);
      if (start < previousEnd) start = Math.min(m.index!, previousEnd + SUBJECT_JOIN.exec(norm.slice(previousEnd))![0].length);
      const end = withObject(norm, m.index! + m[0].length);
      previousEnd = end;
      const what = ctx.sentence.text.slice(start, end);
      out.push(shortfall ? { kind: 'concern', what, shortfall, start, end } : { kind: 'concern', what, start, end });
    }
  }
  const parentAsleep = families & BIT.coSleeping ? matchesIn(pattern['asleep-in-own-bed']!, norm).filter((m) => PARENT_ASLEEP_BEFORE.test(norm.slice(Math.max(0, m.index! - 45), m.index!))) : [];
  if (families & BIT.coSleeping) for (const m of [...matchesIn(pattern['co-sleeping']!, norm), ...parentAsleep]) {
    const words = norm.slice(Math.max(0, m.index! - 100), m.index!).split(/\s+/);
    if (NOT_A_MENTION.test(words.slice(-7).join(' '))) continue;
    // "the risks of falling asleep with a baby on a sofa and of bed-sharing": a list of risks, not a sighting.
    if (RISKS_LISTED.test(words.slice(-13).join(' '))) continue;
    if (ADVICE_AFTER.test(norm.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue;
    out.push({ kind: 'co-sleeping', start: m.index!, end: m.index! + m[0].length });
  }
  if (families & BIT.plan) for (const [plan, re] of set.plans) {
    for (const m of matchesIn(re, norm)) {
      if (PLAN_ABSENT_BEFORE.test(norm.slice(Math.max(0, m.index! - 80), m.index!))) continue;
      if (PLAN_ABSENT_AFTER.test(norm.slice(m.index! + m[0].length))) continue;
      out.push({ kind: 'plan', plan, start: m.index!, end: m.index! + m[0].length });
    }
  }
  if (families & BIT.allocation) for (const [allocation, re] of set.allocation) {
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
  if (families & BIT.event) for (const [event, re] of set.events) {
    for (const m of matchesIn(re, norm)) {
      // A move needs a destination that makes it a placement move; the end of an assessment or placement does not.
      if (event === 'move' && !MOVE_IS_PLACEMENT.test(m[0]) && !MOVE_DESTINATION.test(norm.slice(m.index!, m.index! + m[0].length + 60))) continue;
      if (ctx.negatedBefore(m.index!, 2)) continue;
      const end = m.index! + m[0].length;
      const before = norm.slice(Math.max(0, m.index! - 60), m.index!);
      if (event === 'placement') {
        if (m[0].startsWith('placed') && HYPOTHETICAL_PLACED.test(before)) continue;
        // Read before the word "placement" itself, so that the match's own verb counts ("move to a new foster placement").
        const word = end - 'placement'.length;
        if (m[0].endsWith('placement') && !PLACEMENT_STARTS_BEFORE.test(before) && !PLACEMENT_STARTS_BEFORE.test(norm.slice(Math.max(0, word - 60), word)) && !PLACEMENT_STARTS_AFTER.test(norm.slice(end, end + 40))) continue;
      } else {
        if (HYPOTHETICAL_MOVE.test(before)) continue;
        if (SERVICE_STEP.test(norm.slice(m.index!, end + 40))) continue;
        if (HOSPITAL_DISCHARGE.test(norm.slice(m.index!, end + 60))) continue;
        if (GERUND_MOVE.test(m[0]) && MOVE_GENERIC_AFTER.test(norm.slice(end, end + 60))) continue;
      }
      // "Fewer children are being placed in foster care": about no particular child.
      if (ctx.genericAt(m.index!)) continue;
      // "Mother was herself placed in foster care aged 12": someone's history, not a placement in the case now.
      if (toldAsHistory(norm, m.index!, end)) continue;
      const year = yearOfClause(norm, m.index!, end);
      const fact: SentenceFact = year ? { kind: 'event', event, year, start: m.index!, end } : { kind: 'event', event, start: m.index!, end };
      if (event === 'placement' && m[0].startsWith('placed') && PLACEMENT_PLANNED.test(norm.slice(Math.max(0, m.index! - 120), m.index!))) (fact as Extract<SentenceFact, { kind: 'event' }>).planned = true;
      out.push(fact);
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
/** What joins two things said in one sentence: "..., and", "and", "but". */
const SUBJECT_JOIN = /^[\s,;]*(?:(?:and|but|while|whilst)\s+)?/;

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
  const all = clause.trim().split(/\s+/).filter(Boolean);
  const words = all.slice(-6);
  const possessive = words.findIndex((w) => /['’]s$/.test(w));
  // A short clause is its own subject ("She can make up bottles"); a longer one keeps its last four words.
  const subject = possessive >= 0 ? words.slice(possessive + 1) : all.length <= 6 ? all : words.slice(-4);
  return subject.filter((w) => !/^(?:has|had|have|also|then|further|significantly|rapidly)$/i.test(w)).join(' ');
}

/**
 * A concern that ends wanting its object ("mum was struggling with", "struggled to maintain") names what it is about:
 * the words after it, to the next punctuation or conjunction (at most six), without a trailing function word
 * ("struggling with the children").
 */
function withObject(norm: string, end: number): number {
  // "struggling to cope with the night feeds": the preposition may follow the match.
  const preposition = PREPOSITION_NEXT.exec(norm.slice(end, end + 8));
  if (preposition) end += preposition[0].length;
  else if (!ENDS_WANTING_OBJECT.test(norm.slice(Math.max(0, end - 10), end))) return end;
  const object = OBJECT_AFTER.exec(norm.slice(end, end + 80));
  if (!object) return end;
  const words = object[0].split(/(?=\s)/);
  while (words.length && FUNCTION_WORDS.has(words[words.length - 1]!.trim())) words.pop();
  return end + words.join('').length;
}
const ENDS_WANTING_OBJECT = /\b(?:with|to|of|for|about|around|on|in|maintain|meet|manage)$/;
const PREPOSITION_NEXT = /^\s+(?:with|of|about|around|regarding|over)\b/;
const OBJECT_AFTER = /^(?:\s+(?!(?:and|but|or|so|because|as|when|while|which|who|that|after|before|since|until|if)\b)[a-z0-9'’-]+){1,6}/;
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'with', 'for', 'her', 'his', 'their', 'its', 'my', 'our']);
