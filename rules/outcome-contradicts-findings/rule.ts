import { areaKey, type CaseFact, type CaseFactOf, type Claim, type DocumentFacts, type Fact, type FactOf, type ReportDescriptor, type Rule } from '@caselint/core';
import { docsUrl } from '../docs.js';

/** Turn a list into prose: "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The facts a claim must answer to: in case notes, only those recorded in its own entry or before. */
function recordedBy<T extends { entry: number }>(facts: T[], claim: Claim, hasEntries: boolean): T[] {
  return hasEntries ? facts.filter((f) => f.entry <= claim.entry) : facts;
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
      again: '"{{phrase}}" also contradicts what {{where}} records ({{findings}}), as "{{first}}" does above.',
      contradiction: '"{{phrase}}" contradicts what {{where}} records: {{findings}}. Say what was and was not achieved, and what the plan does about each.',
    },
  },

  document(ctx) {
    const facts = ctx.facts;
    const claims = facts.claims.filter((c) => c.polarity === 'positive');
    if (claims.length === 0) return;
    const hasEntries = facts.facts.some((f) => f.entry > 0) || claims.some((c) => c.entry > 0);
    // This document's areas as the case sees them: each unmet area once, and the areas a table or list records as met.
    const areas = facts.forCase().filter((f): f is FactOf<'area'> => f.kind === 'area');
    const deteriorations = dedupe(facts.of('deterioration'));
    const concerns = [...dedupe(facts.of('concern')), ...facts.of('co-sleeping')];
    // Claims that answer to the same facts share one related list (and one message), so a summary with
    // several verdicts costs no more than one.
    const relatedCache = new Map<string, ReportDescriptor['related']>();
    const firstClaim = new Map<string, Claim>();
    // What a claim answers to depends only on its date (and its entry, in case notes): claims of one date share it.
    const answers = new Map<string, { a: Recorded<AreaFact>[]; d: Recorded<DeteriorationFact>[]; o: Recorded<ConcernFact>[] }>();
    const dated = <T extends Fact>(f: T): Recorded<T> => ({ fact: f, date: facts.dateOf(f), here: true });
    const elsewhere = <T extends CaseFact>(f: T): Recorded<T> => ({ fact: f, here: false, ...(f.date ? { date: f.date } : {}) });
    for (const claim of claims) {
      const date = facts.dateOf(claim);
      const answerKey = `${date ?? ''}\u0000${hasEntries ? claim.entry : ''}`;
      let answer = answers.get(answerKey);
      if (!answer) {
        answer = {
          a: latest<AreaFact>([...facts.elsewhere('area', date).map(elsewhere), ...recordedBy(areas, claim, hasEntries).map(dated)], (f) => keyOf(f, () => areaKey(f.area)))
            .filter((r) => r.fact.status === 'unmet'),
          d: latest<DeteriorationFact>([...facts.elsewhere('deterioration', date).map(elsewhere), ...recordedBy(deteriorations, claim, hasEntries).map(dated)], (f) => keyOf(f, () => thingKey(f.what))),
          o: latest<ConcernFact>(
            [...[...facts.elsewhere('concern', date), ...facts.elsewhere('co-sleeping', date)].map(elsewhere), ...recordedBy(concerns, claim, hasEntries).map(dated)],
            (f) => keyOf(f, () => thingKey(describeConcern(f))),
          ),
        };
        answers.set(answerKey, answer);
      }
      const { a, d } = answer;
      // A concern that holds the claim ("no concerns remain" in "concerns remain") is not one it answers to.
      const o = answer.o.filter((r) => !(r.here && r.fact.start <= claim.start && claim.end <= r.fact.end));
      // A reassurance scoped away from the concern ("doing well otherwise") still hides it; but a verdict on an
      // assessment is answered by the assessment's own areas and deterioration, not by every other concern.
      const others = claim.kind === 'reassurance' || a.length + d.length > 0 ? o : [];
      if (a.length + d.length + others.length === 0) continue;
      const all = [...a, ...d, ...others];
      const key = all.map((x) => `${x.here ? '' : (x.fact as CaseFact).filePath}:${x.fact.start}`).join(',');
      const first = firstClaim.get(key);
      if (!first) firstClaim.set(key, claim);
      const where = whereRecorded(all);
      // The first claim that answers to a set of findings names them all; later ones point back to it.
      const message: { messageId: string; data: Record<string, string> } = first
        ? { messageId: 'again', data: { phrase: claim.phrase, first: first.phrase, where, findings: brief(a, d.length, others.length) } }
        : { messageId: a.length + d.length ? 'contradiction' : 'concerns', data: { phrase: claim.phrase, where, findings: describeFindings(a, d, others) } };
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

/**
 * Each thing once, by key: its latest record (by date, then this document over the others, then position), with how
 * many times it is recorded. An area recorded as not achieved in March and achieved in May is achieved.
 */
function latest<T extends { start: number }>(records: Recorded<T>[], keyOf: (f: T) => string): Recorded<T>[] {
  const groups = new Map<string, Recorded<T>[]>();
  for (const r of records) {
    const k = keyOf(r.fact);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: Recorded<T>[] = [];
  for (const g of groups.values()) {
    const last = g.reduce((best, r) => (later(r, best) ? r : best));
    // How many times it is recorded as it now stands (an area's earlier "achieved" is not a time it was unmet).
    const times = g.filter((r) => statusOf(r.fact) === statusOf(last.fact)).length;
    out.push(times > 1 ? { ...last, times } : last);
  }
  return out.sort((x, y) => Number(y.here) - Number(x.here) || x.fact.start - y.fact.start);
}

/** Keys, once per fact: every document of a case groups the same facts. */
const keys = new WeakMap<object, string>();
function keyOf(f: object, make: () => string): string {
  let k = keys.get(f);
  if (k === undefined) keys.set(f, (k = make()));
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
  if (concerns) parts.push(`${concerns} ${areas + deteriorations ? 'other ' : ''}concern${concerns === 1 ? '' : 's'}`);
  return list(parts);
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function describeConcern(f: ConcernFact): string {
  return f.kind === 'co-sleeping' ? 'co-sleeping or bed-sharing seen' : f.what.toLowerCase();
}

function dedupe<T extends { start: number; end: number }>(facts: T[]): T[] {
  const out: T[] = [];
  for (const f of facts) if (!out.some((g) => f.start < g.end && g.start < f.end)) out.push(f);
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
