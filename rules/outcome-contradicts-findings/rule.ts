import { areaKey, type CaseFact, type CaseFactOf, type Claim, type DocumentFacts, type Fact, type FactOf, type ReportDescriptor, type Rule } from '@caselint/core';
import { docsUrl } from '../docs.js';

/** Turn a list into prose: "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const rule: Rule = {
  meta: {
    id: 'outcome-contradicts-findings',
    severity: 'error',
    summary: 'A positive verdict or reassurance in a document that itself records unachieved areas, deterioration or other concerns.',
    lesson:
      'This is the review\'s central finding: the summary said "passed" and "positive" while the same assessment listed areas still unachieved and staff had seen the mother\'s self-care deteriorate. The short words travelled; the concerns did not. A reader who sees only the summary must still see the concerns.',
    fix: 'Replace the verdict with what the document records: name the areas not achieved and the deterioration, and say what the plan does about each.',
    url: docsUrl('outcome-contradicts-findings'),
    supersedes: ['simplistic-outcome', 'unevidenced-reassurance'],
    messages: {
      concerns: '"{{phrase}}" is reassurance, but {{where}} records {{findings}}. Say what is being done about it instead of summarising as reassurance.',
      evaluationConcerns: '"{{phrase}}" is a favourable judgement, but {{where}} records {{findings}}. Say what the judgement rests on, and what is being done about each.',
      again: '"{{phrase}}" also contradicts what {{where}} records ({{findings}}), as "{{first}}" does above.',
      contradiction: '"{{phrase}}" contradicts what {{where}} records: {{findings}}. Say what was and was not achieved, and what the plan does about each.',
    },
  },

  document(ctx) {
    const facts = ctx.facts;
    // Two rules may claim overlapping words ("went well" as reassurance, "well" as a verdict on the placement): the
    // outer claim speaks for both. Claims are answered in the order they are written, so "above" is above.
    // A word the document records as an area's status is no verdict: "Cooking is also outstanding" (not yet done).
    const statuses = facts.of('area').filter((f) => f.from === 'prose' && f.status === 'unmet');
    // (A prose area's span is the area; its status follows within a few words.)
    const isStatus = (c: Claim) => statuses.some((f) => c.start >= f.end && c.start - f.end <= 40 && normaliseWord(f.statusText).includes(normaliseWord(c.phrase)));
    const claims = outermost(facts.claims.filter((c) => c.polarity === 'positive' && !(statuses.length && isStatus(c))));
    if (claims.length === 0) return;
    const hasEntries = facts.facts.some((f) => f.entry > 0) || claims.some((c) => c.entry > 0);
    // This document's areas as the case sees them: each unmet area once, and the areas a table or list records as met.
    const areas = facts.forCase().filter((f): f is FactOf<'area'> => f.kind === 'area');
    const deteriorations = dedupe(facts.of('deterioration'));
    // Co-sleeping that a safer-sleep plan in the document (or its case) deals with has travelled with the verdict.
    const concerns = [...dedupe(facts.of('concern')), ...(facts.hasPlan('safer-sleep') ? [] : facts.of('co-sleeping'))];
    // Claims that answer to the same facts share one related list (and one message), so a summary with
    // several verdicts costs no more than one.
    const relatedCache = new Map<string, ReportDescriptor['related']>();
    const firstClaim = new Map<string, Claim>();
    // What a claim answers to depends only on its date (and its entry, in case notes): claims of one date share it.
    const answers = answersByDate(facts, claims, hasEntries, areas, deteriorations, concerns);
    for (const claim of claims) {
      const answer = answers.get(answerKey(facts, claim, hasEntries))!;
      const { a, d } = answer;
      // A concern that holds the claim ("no concerns remain" in "concerns remain") is not one it answers to.
      const o = answer.o.filter((r) => !(r.here && r.fact.start <= claim.start && claim.end <= r.fact.end));
      // A reassurance scoped away from the concern ("doing well otherwise") still hides it, and so does an evaluation
      // of people, care or a home ("well run"). A verdict on an assessment, placement or outcome is answered by
      // DOMAIN.md's signals (unmet areas, deterioration, a positive test, co-sleeping, concerns that remain, a skill
      // done only with support), not by a service's shortfall: a parenting assessment is not contradicted by care
      // plans that "required updating".
      const others = claim.kind === 'reassurance' || claim.answers === 'concerns' || a.length + d.length > 0 ? o : o.filter((r) => !(r.fact.kind === 'concern' && r.fact.shortfall));
      if (a.length + d.length + others.length === 0) continue;
      const all = [...a, ...d, ...others];
      const key = all.map((x) => `${x.here ? '' : (x.fact as CaseFact).filePath}:${x.fact.start}`).join(',');
      const first = firstClaim.get(key);
      if (!first) firstClaim.set(key, claim);
      const where = whereRecorded(all);
      // The first claim that answers to a set of findings names them all; later ones point back to it.
      const message: { messageId: string; data: Record<string, string> } = first
        ? { messageId: 'again', data: { phrase: claim.phrase, first: first.phrase, where, findings: brief(a, d.length, others.length) } }
        : { messageId: a.length + d.length ? 'contradiction' : claim.kind === 'verdict' ? 'evaluationConcerns' : 'concerns', data: { phrase: claim.phrase, where, findings: describeFindings(a, d, others) } };
      const areaFacts = a.map((x) => x.fact);
      ctx.report({
        messageId: message.messageId,
        data: message.data,
        start: claim.start,
        end: claim.end,
        expected: a.length
          ? [graded(areaFacts)
              ? `${list(areaFacts.map((x) => `${x.area.toLowerCase()} (${x.statusText})`))}: [what the plan does about each, and by when].`
              : `[Name] achieved [N] areas; ${list(areaFacts.map((x) => x.area.toLowerCase()))} remain${a.length === 1 ? 's' : ''} unachieved.`]
          : undefined,
        // A later claim points to the first one rather than repeating the list: the output stays linear in findings
        // plus facts, however many verdicts a dense document holds.
        related: first
          ? [{ start: first.start, end: first.end, message: `First contradicted by "${first.phrase}", which lists them` }]
          : memo(relatedCache, key, () => [
              ...a.map((x) => relatedTo(x, `${capitalise(x.fact.area)}: ${capitalise(x.fact.statusText)}`)),
              ...d.map((x) => relatedTo(x, `Deterioration: ${x.fact.what}`)),
              ...others.map((x) => relatedTo(x, `Concern: ${describeConcern(x.fact)}`)),
            ]),
      });
    }
  },
};

/** A fact with where and when it was recorded, and how many times its document or case records it. */
interface Recorded<T> {
  fact: T;
  date?: string;
  /** In the document being checked (else in another document of its case). */
  here: boolean;
  times?: number;
}

/** Each thing recorded so far, by key: its latest record, and how many times it is recorded with each status. */
class Tally<T extends { start: number }> {
  readonly groups = new Map<string, { last: Recorded<T>; counts: Map<string | undefined, number> }>();

  add(r: Recorded<T>, key: string): void {
    const status = statusOf(r.fact);
    const g = this.groups.get(key);
    if (!g) {
      this.groups.set(key, { last: r, counts: new Map([[status, 1]]) });
      return;
    }
    g.counts.set(status, (g.counts.get(status) ?? 0) + 1);
    if (later(r, g.last)) g.last = r;
  }
}

/**
 * Each thing once, by key, across tallies (this document's, the case's): its latest record (by date, then this
 * document over the others, then position), with how many times it is recorded as it now stands. An area recorded
 * as not achieved in March and achieved in May is achieved.
 */
function merged<T extends { start: number }>(...tallies: Tally<T>[]): Recorded<T>[] {
  const out = new Map<string, { last: Recorded<T>; times: number }>();
  for (const tally of tallies) {
    for (const [key, g] of tally.groups) {
      const seen = out.get(key);
      if (!seen) out.set(key, { last: g.last, times: 0 });
      else if (later(g.last, seen.last)) seen.last = g.last;
    }
  }
  const records: Recorded<T>[] = [];
  for (const [key, { last }] of out) {
    // An area's earlier "achieved" is not a time it was unmet.
    const status = statusOf(last.fact);
    const times = tallies.reduce((n, t) => n + (t.groups.get(key)?.counts.get(status) ?? 0), 0);
    records.push(times > 1 ? { ...last, times } : last);
  }
  return records.sort((x, y) => Number(y.here) - Number(x.here) || x.fact.start - y.fact.start);
}

interface Answer {
  a: Recorded<AreaFact>[];
  d: Recorded<DeteriorationFact>[];
  o: Recorded<ConcernFact>[];
}

function answerKey(facts: DocumentFacts, claim: Claim, hasEntries: boolean): string {
  return `${facts.dateOf(claim) ?? ''}\u0000${hasEntries ? claim.entry : ''}`;
}

/**
 * What each claim answers to, once per date and entry. Linear in facts plus claims however many dated entries a
 * year of case notes holds: this document's facts are added to running tallies in entry order, and the case's are
 * tallied once per date.
 */
function answersByDate(
  facts: DocumentFacts,
  claims: Claim[],
  hasEntries: boolean,
  areas: FactOf<'area'>[],
  deteriorations: FactOf<'deterioration'>[],
  concerns: (FactOf<'concern'> | FactOf<'co-sleeping'>)[],
): Map<string, Answer> {
  const areaKeyOf = (f: AreaFact) => keyOf(`a\u0000${f.area}`, () => areaKey(f.area));
  const deteriorationKeyOf = (f: DeteriorationFact) => keyOf(`d\u0000${f.what}`, () => thingKey(f.what));
  const concernKeyOf = (f: ConcernFact) => keyOf(f.kind === 'co-sleeping' ? 'co-sleeping' : `c\u0000${f.what}`, () => thingKey(describeConcern(f)));
  const dated = <T extends Fact>(f: T): Recorded<T> => ({ fact: f, date: facts.dateOf(f), here: true });
  const elsewhere = <T extends CaseFact>(f: T): Recorded<T> => ({ fact: f, here: false, ...(f.date ? { date: f.date } : {}) });

  // The case's facts known by a date, tallied once per date.
  const caseTallies = new Map<string, { a: Tally<AreaFact>; d: Tally<DeteriorationFact>; o: Tally<ConcernFact> }>();
  const caseBy = (date: string | undefined) => {
    let t = caseTallies.get(date ?? '');
    if (!t) {
      t = { a: new Tally(), d: new Tally(), o: new Tally() };
      for (const f of facts.elsewhere('area', date)) t.a.add(elsewhere(f), areaKeyOf(f));
      for (const f of facts.elsewhere('deterioration', date)) t.d.add(elsewhere(f), deteriorationKeyOf(f));
      for (const f of [...facts.elsewhere('concern', date), ...facts.elsewhere('co-sleeping', date)]) t.o.add(elsewhere(f), concernKeyOf(f));
      caseTallies.set(date ?? '', t);
    }
    return t;
  };

  // This document's facts, in entry order (all at once without dated entries), added as the entries are reached.
  const own = { a: new Tally<AreaFact>(), d: new Tally<DeteriorationFact>(), o: new Tally<ConcernFact>() };
  const ownRecords = [
    ...areas.map((f) => () => own.a.add(dated(f), areaKeyOf(f))),
    ...deteriorations.map((f) => () => own.d.add(dated(f), deteriorationKeyOf(f))),
    ...concerns.map((f) => () => own.o.add(dated(f), concernKeyOf(f))),
  ];
  const entryOf = [...areas.map((f) => f.entry), ...deteriorations.map((f) => f.entry), ...concerns.map((f) => f.entry)];
  const order = ownRecords.map((_, i) => i).sort((x, y) => (hasEntries ? entryOf[x]! - entryOf[y]! : 0) || x - y);

  const requests = new Map<string, Claim>();
  for (const claim of claims) {
    const key = answerKey(facts, claim, hasEntries);
    if (!requests.has(key)) requests.set(key, claim);
  }
  const answers = new Map<string, Answer>();
  let next = 0;
  for (const [key, claim] of [...requests].sort((x, y) => (hasEntries ? x[1].entry - y[1].entry : 0))) {
    while (next < order.length && (!hasEntries || entryOf[order[next]!]! <= claim.entry)) ownRecords[order[next++]!]!();
    const known = caseBy(facts.dateOf(claim));
    answers.set(key, {
      a: merged(known.a, own.a).filter((r) => r.fact.status === 'unmet'),
      d: merged(known.d, own.d),
      o: merged(known.o, own.o),
    });
  }
  return answers;
}

/**
 * Keys, once per wording: every document of a case groups the same facts, and a document checked again as it is
 * edited records the same things (as new fact objects) each time. Bounded: emptied past a few thousand wordings.
 */
const keys = new Map<string, string>();
function keyOf(wording: string, make: () => string): string {
  let k = keys.get(wording);
  if (k === undefined) {
    if (keys.size >= 4096) keys.clear();
    keys.set(wording, (k = make()));
  }
  return k;
}

/**
 * What is recorded, as a key: "Her self-care deteriorated" in week 1 and "her self-care has deteriorated again" in
 * week 9 are one thing recorded twice. Words that only place or repeat it are left out.
 */
function thingKey(what: string): string {
  return what
    .toLowerCase()
    .slice(what.lastIndexOf('. ') + 1)
    .replace(/\b(?:her|his|their|the|a|an|again|also|further|has|have|had|been|is|was|were|this|that|week|day|month|\d+)\b/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function statusOf(f: object): string | undefined {
  return 'status' in f ? String(f.status) : undefined;
}

function later(r: Recorded<{ start: number }>, than: Recorded<{ start: number }>): boolean {
  if (r.date && than.date && r.date !== than.date) return r.date > than.date;
  if (r.here !== than.here) return r.here;
  return r.fact.start > than.fact.start;
}

/** A related place: in this document by offsets, in another by its file, line and column. */
function relatedTo(r: Recorded<Fact | CaseFact>, message: string): NonNullable<ReportDescriptor['related']>[number] {
  const text = r.times ? `${message} (recorded ${r.times === 2 ? 'twice' : `${r.times} times`})` : message;
  if (r.here) return { start: r.fact.start, end: r.fact.end, message: text };
  const f = r.fact as CaseFact;
  return {
    start: f.start, end: f.end, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
    filePath: f.filePath, message: text, ...(f.docx ? { docx: f.docx } : {}), ...(f.pdf ? { pdf: f.pdf } : {}),
  };
}

/** "this document", or "its case (pams-report.md)" when other documents of the case record some of it. */
function whereRecorded(all: Recorded<Fact | CaseFact>[]): string {
  const files = [...new Set(all.filter((r) => !r.here).map((r) => baseName((r.fact as CaseFact).filePath)))];
  if (files.length === 0) return 'this document';
  return `its case${all.some((r) => r.here) ? ' (this document and ' : ' ('}${list(files)})`;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The findings in full, for the first claim that answers to them (later ones get the brief form). */
function describeFindings(a: Recorded<AreaFact>[], d: Recorded<DeteriorationFact>[], others: Recorded<ConcernFact>[]): string {
  const parts: string[] = [];
  if (a.length) parts.push(`${areaCount(a.map((x) => x.fact))} (${a.map((x) => capitalise(x.fact.area)).join(', ')})`);
  if (d.length) parts.push(`deterioration (${tally(d).join('; ')})`);
  const more = a.length + d.length > 0;
  const concernWord = others.length === 1 ? (more ? 'another concern' : 'a concern') : more ? 'other concerns' : 'concerns';
  if (others.length) parts.push(`${concernWord} (${tally(others).join('; ')})`);
  return list(parts);
}

type AreaFact = FactOf<'area'> | CaseFactOf<'area'>;
type DeteriorationFact = FactOf<'deterioration'> | CaseFactOf<'deterioration'>;
type ConcernFact = FactOf<'concern'> | FactOf<'co-sleeping'> | CaseFactOf<'concern'> | CaseFactOf<'co-sleeping'>;

/**
 * Areas given a grade or rating (GCP2 grades, RAG colours, need levels) rather than achieved / not achieved:
 * they are described as rated, not as failed.
 */
function graded(a: AreaFact[]): boolean {
  return a.every((x) => /^(?:grade\s*)?[1-5]$|^(?:red|amber)$|\b(?:priority|need|level)\b/i.test(x.statusText.trim()));
}

/** "4 areas not achieved", or for grades and ratings "2 areas graded as a concern". */
function areaCount(a: AreaFact[]): string {
  return `${a.length} area${a.length === 1 ? '' : 's'} ${graded(a) ? 'graded as a concern' : 'not achieved'}`;
}

/** "4 areas not achieved, deterioration and 2 other concerns". */
function brief(a: Recorded<AreaFact>[], deteriorations: number, concerns: number): string {
  const areas = a.length;
  const parts: string[] = [];
  if (areas) parts.push(areaCount(a.map((x) => x.fact)));
  if (deteriorations) parts.push('deterioration');
  // "another concern", not "1 other concern"; "2 other concerns"; "a concern" when it is all there is.
  const more = areas + deteriorations > 0;
  if (concerns) parts.push(concerns === 1 ? (more ? 'another concern' : 'a concern') : `${concerns} ${more ? 'other ' : ''}concerns`);
  return list(parts);
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** A concern as the document words it (names, months and acronyms keep their capitals, as a deterioration's do). */
function describeConcern(f: ConcernFact): string {
  return f.kind === 'co-sleeping' ? 'co-sleeping or bed-sharing seen' : f.what;
}

/** Claims in document order, without any that lies inside another (the longer one kept). */
function outermost(claims: Claim[]): Claim[] {
  const sorted = [...claims].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Claim[] = [];
  let end = -1;
  for (const c of sorted) {
    if (c.end <= end) continue;
    out.push(c);
    end = c.end;
  }
  return out;
}

/** Facts (sorted by start) without those that overlap one kept before: one pass, as a dense document has hundreds. */
function dedupe<T extends { start: number; end: number }>(facts: T[]): T[] {
  const out: T[] = [];
  let end = -1;
  for (const f of facts) {
    if (f.start < end) continue;
    out.push(f);
    end = Math.max(end, f.end);
  }
  return out;
}

/** Each thing with how often it is recorded: "self-care deteriorated (3 times)". */
function tally(items: Recorded<DeteriorationFact | ConcernFact>[]): string[] {
  return items.map((r) => {
    const what = r.fact.kind === 'deterioration' ? r.fact.what : describeConcern(r.fact);
    const n = r.times ?? 1;
    return n === 1 ? what : `${what} (${n === 2 ? 'twice' : `${n} times`})`;
  });
}

export type { DocumentFacts };
export default rule;

function normaliseWord(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
