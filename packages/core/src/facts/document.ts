import type { Claim } from '../engine/rule.js';
import { normalise, termsRegExp } from '../language/normalise.js';
import type { SourceDocument, Span } from '../types.js';
import { latestYear } from './history.js';
import { NOT_A_MENTION, PLAN_ABSENT_AFTER, PLAN_ABSENT_BEFORE } from './prose.js';
import type { Fact, FactOf, PlanKind } from './types.js';

/** Everything a document records (facts) and claims (verdicts, reassurance), for document-level rules. */
export class DocumentFacts {
  readonly document: SourceDocument;
  readonly facts: Fact[];
  readonly claims: Claim[];

  constructor(document: SourceDocument, facts: Fact[], claims: Claim[]) {
    this.document = document;
    this.facts = withoutPastEvents(facts, document.text);
    this.claims = claims;
  }

  private norm?: string;

  /**
   * Where the document uses one of a rule's configured phrases (a local authority's own wording), as a `record`
   * (a plan or assessment: "no sleep safety agreement is in place" does not count) or a `sighting` (something seen:
   * "advice about top-and-tailing" does not count).
   */
  phrases(phrases: readonly string[] | undefined, as: 'record' | 'sighting'): Span[] {
    const re = termsRegExp(phrases);
    if (!re) return [];
    const norm = (this.norm ??= normalise(this.document.text));
    const out: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const start = m.index;
      const end = start + m[0].length;
      // The sentence around the phrase, roughly: from the last full stop or line break to the next.
      const from = Math.max(norm.lastIndexOf('.', start - 1), norm.lastIndexOf('\n', start - 1), norm.lastIndexOf('?', start - 1)) + 1;
      const stop = /[.?\n]/.exec(norm.slice(end));
      const to = stop ? end + stop.index : norm.length;
      const before = norm.slice(from, start);
      if (as === 'record') {
        if (PLAN_ABSENT_BEFORE.test(before.slice(-80)) || PLAN_ABSENT_AFTER.test(norm.slice(end, to))) continue;
        // "the case has not been transferred to ...", "was never reallocated to ...": a configured phrase that is a verb.
        if (/\b(?:no|not|never|without|yet\s+to|n't)\b/.test(before.split(/\s+/).slice(-4).join(' '))) continue;
      } else {
        // Like the built-in sightings, one in someone's history still counts: it is a reason for a plan.
        if (NOT_A_MENTION.test(before.split(/\s+/).slice(-7).join(' '))) continue;
      }
      out.push({ start, end });
    }
    re.lastIndex = 0;
    return out;
  }

  of<K extends Fact['kind']>(kind: K): FactOf<K>[] {
    return this.facts.filter((f): f is FactOf<K> => f.kind === kind);
  }

  /** Unmet areas, one per area name: a table or list row wins over a mention in prose. */
  unmetAreas(): FactOf<'area'>[] {
    const areas = this.of('area');
    const rank = { table: 0, list: 1, prose: 2 } as const;
    const sorted = [...areas].sort((a, b) => rank[a.from] - rank[b.from] || a.start - b.start);
    const seen: string[] = [];
    const met = new Set(sorted.filter((a) => a.status === 'met' && a.from !== 'prose').map((a) => key(a.area)));
    const out: FactOf<'area'>[] = [];
    for (const a of sorted) {
      if (a.status !== 'unmet') continue;
      const k = key(a.area);
      if (a.from === 'prose' && met.has(k)) continue;
      // A prose mention of an area already listed ("health" for "Health and illness") adds nothing.
      if (seen.some((s) => s === k || (a.from === 'prose' && (s.includes(k) || k.includes(s))))) continue;
      seen.push(k);
      out.push(a);
    }
    return out.sort((a, b) => a.start - b.start);
  }

  hasPlan(...kinds: PlanKind[]): boolean {
    return this.of('plan').some((p) => kinds.includes(p.plan));
  }
}

function key(area: string): string {
  return area.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Placements, moves and workers leaving dated more than a year before the document's latest date ("In 2015 her
 * first child was placed for adoption") are history, not events in the case now: set aside.
 */
function withoutPastEvents(facts: Fact[], text: string): Fact[] {
  if (!facts.some((f) => (f.kind === 'event' || f.kind === 'allocation') && f.year)) return facts;
  const latest = latestYear(text);
  if (!latest) return facts;
  return facts.filter((f) => !((f.kind === 'event' || f.kind === 'allocation') && f.year && f.year < latest - 1));
}
