import type { Claim, DocumentFacts, FactOf, Rule, Span } from '@caselint/core';
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
      concerns: '"{{phrase}}" is reassurance, but this document records {{findings}}. Say what is being done about it instead of summarising as reassurance.',
      again: '"{{phrase}}" also contradicts what this document records ({{findings}}), as "{{first}}" does above.',
      contradiction: '"{{phrase}}" contradicts what this document records: {{findings}}. Say what was and was not achieved, and what the plan does about each.',
    },
  },

  document(ctx) {
    const facts = ctx.facts;
    const claims = facts.claims.filter((c) => c.polarity === 'positive');
    if (claims.length === 0) return;
    const hasEntries = facts.facts.some((f) => f.entry > 0) || claims.some((c) => c.entry > 0);
    const areas = facts.unmetAreas();
    const deteriorations = dedupe(facts.of('deterioration'));
    const concerns = [...dedupe(facts.of('concern')), ...facts.of('co-sleeping')];
    // Claims that answer to the same facts share one related list (and one message), so a summary with
    // several verdicts costs no more than one.
    const relatedCache = new Map<string, (Span & { message: string })[]>();
    const firstClaim = new Map<string, Claim>();
    for (const claim of claims) {
      const a = recordedBy(areas, claim, hasEntries);
      const d = recordedBy(deteriorations, claim, hasEntries);
      const o = recordedBy(concerns, claim, hasEntries).filter((f) => !(f.start <= claim.start && claim.end <= f.end));
      // A reassurance scoped away from the concern ("doing well otherwise") still hides it; but a verdict on an
      // assessment is answered by the assessment's own areas and deterioration, not by every other concern.
      const others = claim.kind === 'reassurance' || a.length + d.length > 0 ? o : [];
      if (a.length + d.length + others.length === 0) continue;
      const key = [...a, ...d, ...others].map((x) => x.start).join(',');
      const first = firstClaim.get(key);
      if (!first) firstClaim.set(key, claim);
      // The first claim that answers to a set of findings names them all; later ones point back to it.
      const message: { messageId: string; data: Record<string, string> } = first
        ? { messageId: 'again', data: { phrase: claim.phrase, first: first.phrase, findings: brief(a, d.length, others.length) } }
        : { messageId: a.length + d.length ? 'contradiction' : 'concerns', data: { phrase: claim.phrase, findings: describeFindings(a, d, others) } };
      ctx.report({
        messageId: message.messageId,
        data: message.data,
        start: claim.start,
        end: claim.end,
        expected: a.length
          ? [graded(a)
              ? `${list(a.map((x) => `${x.area.toLowerCase()} (${x.statusText})`))}: [what the plan does about each, and by when].`
              : `[Name] achieved [N] areas; ${list(a.map((x) => x.area.toLowerCase()))} remain${a.length === 1 ? 's' : ''} unachieved.`]
          : undefined,
        related: memo(relatedCache, key, () => [
          ...a.map((x) => ({ start: x.start, end: x.end, message: `${capitalise(x.area)}: ${capitalise(x.statusText)}` })),
          ...d.map((x) => ({ start: x.start, end: x.end, message: `Deterioration: ${x.what}` })),
          ...others.map((x) => ({ start: x.start, end: x.end, message: `Concern: ${describeConcern(x)}` })),
        ]),
      });
    }
  },
};

/** The findings in full, for the first claim that answers to them (later ones get the brief form). */
function describeFindings(a: FactOf<'area'>[], d: FactOf<'deterioration'>[], others: (FactOf<'concern'> | FactOf<'co-sleeping'>)[]): string {
  const parts: string[] = [];
  if (a.length) parts.push(`${areaCount(a)} (${a.map((x) => capitalise(x.area)).join(', ')})`);
  if (d.length) parts.push(`deterioration (${tally(d.map((x) => x.what)).join('; ')})`);
  const more = a.length + d.length > 0;
  const concernWord = others.length === 1 ? (more ? 'another concern' : 'a concern') : more ? 'other concerns' : 'concerns';
  if (others.length) parts.push(`${concernWord} (${tally(others.map(describeConcern)).join('; ')})`);
  return list(parts);
}

/**
 * Areas given a grade or rating (GCP2 grades, RAG colours, need levels) rather than achieved / not achieved:
 * they are described as rated, not as failed.
 */
function graded(a: FactOf<'area'>[]): boolean {
  return a.every((x) => /^(?:grade\s*)?[1-5]$|^(?:red|amber)$|\b(?:priority|need|level)\b/i.test(x.statusText.trim()));
}

/** "4 areas not achieved", or for grades and ratings "2 areas graded as a concern". */
function areaCount(a: FactOf<'area'>[]): string {
  return `${a.length} area${a.length === 1 ? '' : 's'} ${graded(a) ? 'graded as a concern' : 'not achieved'}`;
}

/** "4 areas not achieved, deterioration and 2 other concerns". */
function brief(a: FactOf<'area'>[], deteriorations: number, concerns: number): string {
  const areas = a.length;
  const parts: string[] = [];
  if (areas) parts.push(areaCount(a));
  if (deteriorations) parts.push('deterioration');
  if (concerns) parts.push(`${concerns} ${areas + deteriorations ? 'other ' : ''}concern${concerns === 1 ? '' : 's'}`);
  return list(parts);
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function describeConcern(f: FactOf<'concern'> | FactOf<'co-sleeping'>): string {
  return f.kind === 'co-sleeping' ? 'co-sleeping or bed-sharing seen' : f.what.toLowerCase();
}

function dedupe<T extends { start: number; end: number }>(facts: T[]): T[] {
  const out: T[] = [];
  for (const f of facts) if (!out.some((g) => f.start < g.end && g.start < f.end)) out.push(f);
  return out;
}

/** Each distinct item once, in first-seen order, with how often it is recorded: "self-care deteriorated (3 times)". */
function tally(items: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => (n === 1 ? item : `${item} (${n === 2 ? 'twice' : `${n} times`})`));
}

export type { DocumentFacts };
export default rule;
