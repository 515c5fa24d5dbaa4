import type { Claim } from '../engine/rule.js';
import type { SourceDocument } from '../types.js';
import type { Fact, FactOf, PlanKind } from './types.js';

/** Everything a document records (facts) and claims (verdicts, reassurance), for document-level rules. */
export class DocumentFacts {
  readonly document: SourceDocument;
  readonly facts: Fact[];
  readonly claims: Claim[];

  constructor(document: SourceDocument, facts: Fact[], claims: Claim[]) {
    this.document = document;
    this.facts = facts;
    this.claims = claims;
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
