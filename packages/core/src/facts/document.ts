import type { Claim } from '../engine/rule.js';
import { normalise, termsRegExp } from '../language/normalise.js';
import type { SourceDocument, Span } from '../types.js';
import { datesIn, isoDate } from './dates.js';
import { latestYear } from './history.js';
import { NOT_A_MENTION, PLAN_ABSENT_AFTER, PLAN_ABSENT_BEFORE } from './prose.js';
import type { CaseFact, Fact, FactOf, PlanKind } from './types.js';

/** Where a clause that records an event ends: the next date belongs to something else. */
const CLAUSE_END = /[;,]|\s(?:who|which|when|after|before|until)\s/;

/** A fact of one kind from another document of the case. */
export type CaseFactOf<K extends Fact['kind']> = Extract<CaseFact, { kind: K }>;

/** What a document knows beyond its own blocks: the date of each block, and what the rest of its case records. */
export interface DocumentSetting {
  /** Each block's date (its dated entry's, else the document's own), as ISO strings; undefined where unknown. */
  dates?: readonly (string | undefined)[];
  /**
   * What the documents of its case record (none when the document is not part of a declared case). The document's
   * own facts among them, found by its path, are set aside: one array can serve every document of the case.
   */
  caseFacts?: readonly CaseFact[];
}

/** A case's facts by kind, made once per array: every document of a case reads the same one. */
const byKindOf = new WeakMap<readonly CaseFact[], Map<string, CaseFact[]>>();
function byKind(facts: readonly CaseFact[]): Map<string, CaseFact[]> {
  let index = byKindOf.get(facts);
  if (!index) {
    index = new Map();
    for (const f of facts) {
      const list = index.get(f.kind);
      if (list) list.push(f);
      else index.set(f.kind, [f]);
    }
    byKindOf.set(facts, index);
  }
  return index;
}

/** Everything a document records (facts) and claims (verdicts, reassurance), for document-level rules. */
export class DocumentFacts {
  readonly document: SourceDocument;
  readonly facts: Fact[];
  readonly claims: Claim[];

  private readonly allCaseFacts: readonly CaseFact[];
  private others?: readonly CaseFact[];
  private readonly dates: readonly (string | undefined)[];

  constructor(document: SourceDocument, facts: Fact[], claims: Claim[], setting: DocumentSetting = {}) {
    this.document = document;
    this.facts = withoutPastEvents(facts, document.text);
    this.claims = claims;
    this.allCaseFacts = setting.caseFacts ?? [];
    this.dates = setting.dates ?? [];
  }

  /**
   * When a fact or claim of this document happened: for a fact other than an area's status, the date its own clause
   * gives it ("the social worker left on 3 February", "on 24 February she was found asleep with ..."); else its
   * entry's date, else the document's. Undefined if unknown.
   */
  dateOf(item: { block: number } | Fact): string | undefined {
    const around = this.dates[item.block];
    if (!('kind' in item) || item.kind === 'area' || item.kind === 'dated') return around;
    // Asked several times per fact (its claims' answers, the case record, "so far"): its clause is read once.
    if (this.factDates.has(item)) return this.factDates.get(item);
    const date = this.clauseDate(item, around);
    this.factDates.set(item, date);
    return date;
  }

  private readonly factDates = new Map<Fact, string | undefined>();

  private clauseDate(item: Fact, around: string | undefined): string | undefined {
    const dates = datesIn(item.label);
    if (!dates.length) return around;
    const text = this.document.text.slice(item.start, item.end);
    const at = Math.max(0, item.label.indexOf(text));
    // The date of its own clause ("left on 3 February"), else the nearest before it ("On 3 February, the worker
    // left"); never one after it in another clause ("reallocated to Sam, who visited on 24 March"). The clause
    // ends after the fact's own words, which may hold commas ("the social worker, Laura Dempsey, left").
    const from = at + (item.label.startsWith(text, at) ? text.length : 0);
    const clauseEnd = CLAUSE_END.exec(item.label.slice(from));
    const end = clauseEnd ? from + clauseEnd.index : item.label.length;
    const candidates = dates.filter((d) => d.index < end);
    if (!candidates.length) return around;
    const nearest = candidates.reduce((best, d) => (Math.abs(d.index - at) < Math.abs(best.index - at) ? d : best));
    // "left on 3 March" in an undated document: the year is the latest the document names.
    const year = around ?? (this.year ??= latestYear(this.document.text) ?? 0);
    return isoDate(nearest, typeof year === 'number' ? (year ? `${year}-12-31` : undefined) : year) ?? around;
  }

  /**
   * The other documents' facts of one kind, recorded by `date` (ISO): a fact recorded after it cannot have been known.
   * Where either date is unknown the fact counts: a case's documents are read together.
   */
  elsewhere<K extends Fact['kind']>(kind: K, date?: string): CaseFactOf<K>[] {
    const own = this.document.path;
    return (byKind(this.allCaseFacts).get(kind) ?? []).filter((f): f is CaseFactOf<K> => f.filePath !== own && (!date || !f.date || f.date <= date));
  }

  /** Facts the other documents of the case record; empty outside a case. */
  get caseFacts(): readonly CaseFact[] {
    const own = this.document.path;
    return (this.others ??= this.allCaseFacts.filter((f) => f.filePath !== own));
  }

  private norm?: string;
  private year?: number;

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

  /** The latest date this document (and, unless `ownOnly`, its case) records, if any: "so far" for what is still open. */
  latestDate(ownOnly = false): string | undefined {
    let latest: string | undefined;
    for (const d of ownOnly ? this.dates : [...this.dates, ...this.caseFacts.map((f) => f.date)]) if (d && (!latest || d > latest)) latest = d;
    return latest;
  }

  /** A plan of one of these kinds recorded in this document or, in a case, in any of its documents. */
  hasPlan(...kinds: PlanKind[]): boolean {
    return this.of('plan').some((p) => kinds.includes(p.plan)) || this.elsewhere('plan').some((p) => kinds.includes(p.plan));
  }

  /**
   * What this document hands to the rest of its case: its facts, with each area once (unmet ones as `unmetAreas`
   * chooses them, and areas a table or list records as met, so that a later document's "achieved" can answer an
   * earlier one's "not achieved").
   */
  forCase(): Fact[] {
    const unmet = new Set<Fact>(this.unmetAreas());
    return this.facts.filter((f) => f.kind !== 'area' || unmet.has(f) || (f.status === 'met' && f.from !== 'prose'));
  }
}

/** An area's name as a key: "Safety in the home" and "safety in the home." are one area. */
export function areaKey(area: string): string {
  return key(area);
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
