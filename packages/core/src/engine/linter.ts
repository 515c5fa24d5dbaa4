import type { ResolvedConfig, ResolvedRule } from '../config/types.js';
import { lineStarts, rangeOf } from '../document/lines.js';
import { spanToSource } from '../document/segments.js';
import { blockDates } from '../facts/dates.js';
import { attachLocation } from '../document/location.js';
import { DocumentFacts } from '../facts/document.js';
import { blockFacts, tableFacts, type BlockFact } from '../facts/extract.js';
import { factSet } from '../facts/prose.js';
import type { CaseFact, Fact } from '../facts/types.js';
import { contextSet, SentenceContext } from '../language/context.js';
import { normalise } from '../language/normalise.js';
import { sentencesOf, type Sentence } from '../language/sentences.js';
import type { Block, DocxLocation, Finding, LineColumnRange, PdfLocation, RelatedLocation, SourceDocument, Span } from '../types.js';
import { applyDirectives } from './directives.js';
import { entriesOf, isEntryHeading } from './entries.js';
import { renderMessage, type Claim, type ReportDescriptor, type Rule } from './rule.js';


export interface CheckOptions {
  /** The document's block cache (an editor keeps one per open document). */
  cache?: LintCache;
  /** What the other documents of its case record (see `Linter.record`). */
  caseFacts?: readonly CaseFact[];
  /** Also give what the document records and claims, placed and dated (for a case's chronology). */
  record?: boolean;
}

/** What one document records and claims, placed and dated: its rows in the case chronology. */
export interface CaseRecord {
  facts: CaseFact[];
  claims: (Span & LineColumnRange & Pick<Claim, 'kind' | 'polarity' | 'phrase'> & { date?: string })[];
}

function dated(date: string | undefined): { date?: string } {
  return date ? { date } : {};
}

/** A span of the document with its line and column (and Word or PDF location). */
function placed(doc: SourceDocument, s: Span, starts: number[]): Span & LineColumnRange & { docx?: DocxLocation; pdf?: PdfLocation } {
  const out: Span & LineColumnRange & { docx?: DocxLocation; pdf?: PdfLocation } = { start: s.start, end: s.end, ...rangeOf(starts, s.start, s.end) };
  attachLocation(out, doc.locationAt?.(s.start));
  return out;
}

/** Facts as the other documents of the case see them: with file, line, column and date, without block numbers. */
function placeFacts(doc: SourceDocument, facts: DocumentFacts, starts: number[]): CaseFact[] {
  const out = facts.forCase().map((f) => {
    const { block, entry, start, end, ...body } = f;
    return { ...body, ...placed(doc, f, starts), filePath: doc.path ?? '', ...dated(facts.dateOf(f)) } as CaseFact;
  });
  const latest = facts.latestDate(true);
  if (latest) out.push({ kind: 'dated', label: 'document date', filePath: doc.path ?? '', date: latest, ...placed(doc, { start: 0, end: 0 }, starts) });
  return out;
}

/** A rule's report, waiting for severity, supersession and directives. */
type Pending = ReportDescriptor & { ruleId: string };

/** What one block yields, independent of its place in the document: cached by block text. Offsets are block-relative. */
interface BlockAnalysis {
  facts: BlockFact[];
  claims: Omit<Claim, 'block' | 'entry'>[];
  reports: Pending[];
  /** Reports on the block's last sentence that evidence on the next line answers (indices into `reports`). */
  answerable?: number[];
  /** The block's first sentence, kept so that the sentence right after the block before it is not split again. */
  first?: Sentence;
  /** Whether the block's first sentence answers a verdict just before it; worked out when first asked. */
  answersAbove?: boolean;
  /** The block's first sentence is a verdict or a reassurance itself, and so answers none before it. */
  firstIsVerdict?: boolean;
}

/**
 * A report at new offsets. Reports and claims are built field by field rather than spread: the engine makes tens of
 * thousands per batch, and spreading objects of several shapes is slow. `related` is passed through as given
 * (its items are spread where they are moved, since their fields reach the output in order).
 */
function pendingAt(ruleId: string, d: ReportDescriptor, start: number, end: number, related: Pending['related']): Pending {
  return { ruleId, messageId: d.messageId, data: d.data, expected: d.expected, related, start, end };
}

/**
 * Per-document cache of block analyses, keyed by block kind and text. An editor keeps one per open document,
 * so a keystroke re-analyses only the block it changed. Configuration changes clear it.
 */
export class LintCache {
  private map = new Map<string, { analysis: BlockAnalysis; check: number }>();
  private configKey = '';
  private checks = 0;
  get size(): number {
    return this.map.size;
  }
  /** @internal Starts a check: the blocks it reads are kept; a changed configuration empties the cache. */
  use(configKey: string): this {
    if (configKey !== this.configKey) {
      this.map = new Map();
      this.configKey = configKey;
    }
    this.checks++;
    return this;
  }
  /** @internal */
  get(key: string): BlockAnalysis | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    entry.check = this.checks;
    return entry.analysis;
  }
  /** @internal */
  set(key: string, analysis: BlockAnalysis): void {
    this.map.set(key, { analysis, check: this.checks });
  }
  /**
   * @internal After a check of `blocks` blocks. Each keystroke in an editor leaves one block's old analysis behind:
   * once those outnumber the document's blocks, the analyses neither this check nor the one before used are dropped
   * (the one before: an editor alternates a check with a record of the same text).
   */
  sweep(blocks: number): void {
    if (this.map.size <= 2 * blocks + 64) return;
    for (const [key, entry] of this.map) if (entry.check < this.checks - 1) this.map.delete(key);
  }
}

/** Blocks whose first sentence can be the sentence right after another's last: not headings, not table cells. */
const PROSE: ReadonlySet<Block['kind']> = new Set(['paragraph', 'list-item']);

/** No real sentence holds more findings of one rule than this; a runaway one (pasted text with no full stops) is cut short. */
const MAX_PER_SENTENCE = 12;

const ENGINE_MESSAGES: Record<string, string> = {
  'rule-failed': 'The rule {{rule}} failed on this document ({{error}}) and its findings are missing; the other rules still ran. Please report this.',
  // When every rule that was to run failed, no rule's findings are there: saying that the others ran would be false.
  'rule-failed-all': 'The rule {{rule}} failed on this document ({{error}}) and so did every other rule: this document was not checked. Please report this.',
};

/** A rule's exception as one finding of that rule. The error's message is left out: it may quote document text. */
function ruleFailure(ruleId: string, e: unknown, start: number, end: number): Pending {
  return { ruleId, messageId: 'rule-failed', data: { rule: ruleId, error: e instanceof Error ? e.name : 'error' }, start, end };
}

/**
 * A related location with its line and column (and Word location), added after its own fields as spreading would.
 * `r` is a fresh copy made with Object.assign: adding properties to a spread copy is slow in V8 (Node 20).
 */
function withPosition<T extends Span & { message: string }>(r: T, starts: number[], doc: SourceDocument, start: number, end: number): RelatedLocation {
  const range = rangeOf(starts, start, end);
  const placed = r as T & Partial<RelatedLocation>;
  placed.line = range.line;
  placed.column = range.column;
  placed.endLine = range.endLine;
  placed.endColumn = range.endColumn;
  attachLocation(placed, doc.locationAt?.(start));
  return placed as RelatedLocation;
}

export class Linter {
  readonly rules: readonly Rule[];
  private readonly byId: Map<string, Rule>;
  private readonly configKeys = new WeakMap<ResolvedConfig, string>();
  private readonly sentenceRules: readonly Rule[];

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    this.byId = new Map(rules.map((r) => [r.meta.id, r]));
    this.sentenceRules = rules.filter((r) => r.sentence);
  }

  /** Check a document. Every rule runs; reports of rules that are off are dropped at the end. */
  lint(doc: SourceDocument, config: ResolvedConfig, cache?: LintCache, caseFacts?: readonly CaseFact[]): Finding[] {
    return this.check(doc, config, { cache, caseFacts }).findings;
  }

  /**
   * Check a document, as `lint`, and with `record` also give what it records, placed and dated, for its case's
   * chronology. `caseFacts` are what the other documents of its case record: the document rules read them too.
   */
  check(doc: SourceDocument, config: ResolvedConfig, options: CheckOptions = {}): { findings: Finding[]; record?: CaseRecord } {
    const { facts, claims, pending, blockDates } = this.gather(doc, config, options.cache, false);
    const documentFacts = new DocumentFacts(doc, facts, claims, { dates: blockDates, caseFacts: options.caseFacts });
    for (const rule of this.rules) {
      if (!rule.document) continue;
      const options = config.rules[rule.meta.id]?.options ?? {};
      const limits = this.limitsOf(rule, config);
      try {
        rule.document({ facts: documentFacts, options, limits, report: (d) => pending.push(pendingAt(rule.meta.id, d, d.start, d.end, d.related)) });
      } catch (e) {
        pending.push(ruleFailure(rule.meta.id, e, 0, Math.min(1, doc.text.length)));
      }
    }
    const findings = this.finish(doc, config, pending);
    if (!options.record) return { findings };
    const starts = lineStarts(doc.text);
    return {
      findings,
      record: {
        facts: placeFacts(doc, documentFacts, starts),
        claims: claims.map((c) => ({ ...placed(doc, c, starts), kind: c.kind, polarity: c.polarity, phrase: c.phrase, ...dated(blockDates[c.block]) })),
      },
    };
  }

  /**
   * What a document records, placed (file, line, column) and dated, for the other documents of its case. Only the
   * facts are gathered: the sentence rules, which make most of a check's cost, do not run.
   */
  record(doc: SourceDocument, config: ResolvedConfig, cache?: LintCache): CaseFact[] {
    const { facts, claims, blockDates } = this.gather(doc, config, cache, true);
    const documentFacts = new DocumentFacts(doc, facts, claims, { dates: blockDates });
    return placeFacts(doc, documentFacts, lineStarts(doc.text));
  }

  /** A rule's numeric limits: its declared defaults, with the configuration's values over them. */
  private limitsOf(rule: Rule, config: ResolvedConfig): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, d] of Object.entries(rule.meta.limits ?? {})) out[k] = d.default;
    return Object.assign(out, config.rules[rule.meta.id]?.limits);
  }

  /** Every block analysed (from the cache where it can be), and the results placed in the document. */
  private gather(doc: SourceDocument, config: ResolvedConfig, cache: LintCache | undefined, factsOnly: boolean) {
    let configKey = this.configKeys.get(config);
    if (configKey === undefined) {
      configKey = JSON.stringify([this.rules.map((r) => [r.meta.id, config.rules[r.meta.id]?.options ?? {}]), config.words ?? {}]);
      this.configKeys.set(config, configKey);
    }
    const blockCache = cache?.use(configKey);
    const entries = entriesOf(doc.blocks);
    const facts: Fact[] = [];
    const claims: Claim[] = [];
    const pending: Pending[] = [];

    const analyses = doc.blocks.map((block) => {
      // A facts-only analysis is cached apart: it lacks the rules' reports.
      const key = `${factsOnly ? 'f' : ''}${block.kind}\u0000${block.text}`;
      let analysis = blockCache?.get(key) ?? (factsOnly ? blockCache?.get(key.slice(1)) : undefined);
      if (!analysis) {
        analysis = this.analyseBlock(block, config, factsOnly);
        blockCache?.set(key, analysis);
      }
      return analysis;
    });
    doc.blocks.forEach((block, index) => {
      const analysis = analyses[index]!;
      const entry = entries[index]!;
      for (const f of analysis.facts) {
        const at = spanToSource(block, f.start, f.end);
        // A copy (the analysis may be cached), placed in the document. Object.assign and stores rather than
        // `{ ...f, start, ... }`: in V8 (Node 20) properties added to a spread copy take a slow path, ~10 times slower.
        const fact = Object.assign({}, f) as Fact;
        fact.start = at.start;
        fact.end = at.end;
        fact.block = index;
        fact.entry = entry;
        facts.push(fact);
      }
      if (factsOnly) return;
      for (const c of analysis.claims) {
        const at = spanToSource(block, c.start, c.end);
        claims.push({ kind: c.kind, polarity: c.polarity, ...(c.answers ? { answers: c.answers } : {}), start: at.start, end: at.end, ruleId: c.ruleId, phrase: c.phrase, block: index, entry });
      }
      // Evidence on the next line answers the warning; the claim stays (see ReportDescriptor.answerable).
      const answered = analysis.answerable && this.answeredBelow(doc, analyses, entries, index, config) ? analysis.answerable : undefined;
      for (let k = 0; k < analysis.reports.length; k++) {
        if (answered?.includes(k)) continue;
        const r = analysis.reports[k]!;
        const at = spanToSource(block, r.start, r.end);
        pending.push(pendingAt(r.ruleId, r, at.start, at.end, r.related?.map((x) => ({ ...x, ...spanToSource(block, x.start, x.end) }))));
      }
    });

    blockCache?.sweep(doc.blocks.length);
    facts.push(...tableFacts(doc.blocks, entries));
    facts.sort((a, b) => a.start - b.start);
    return { facts, claims, pending, blockDates: blockDates(doc.blocks, entries) };
  }

  private analyseBlock(block: Block, config: ResolvedConfig, factsOnly: boolean): BlockAnalysis {
    const norm = normalise(block.text);
    const sentences = sentencesOf(block.text);
    const out: BlockAnalysis = { facts: [], claims: [], reports: [], first: sentences[0] };
    const set = contextSet(config.words);
    const contexts = sentences.map((s) => new SentenceContext(s, norm.slice(s.start, s.end), set));
    for (let i = 1; i < contexts.length; i++) contexts[i]!.previous = contexts[i - 1];
    out.facts.push(...blockFacts(block, contexts, factSet(config.words)));
    if (factsOnly) return out;
    // A rule whose trigger words are nowhere in the block has nothing to say about any of its sentences.
    const extraWords = !!config.words && Object.keys(config.words).length > 0;
    const sentenceRules = this.sentenceRules.filter((rule) => !rule.trigger || extraWords || rule.trigger.test(norm) || !!config.rules[rule.meta.id]?.options.terms?.length);
    const last = sentences.length - 1;
    // Findings that evidence right after may answer wait until every sentence is read: a sentence that is a verdict
    // itself ("Risks were appropriately identified, addressed and monitored") answers none before it.
    const held: { i: number; report?: Pending; answerable: boolean; claim?: BlockAnalysis['claims'][number] }[] = [];
    const verdictAt = new Uint8Array(sentences.length);
    sentences.forEach((sentence, i) => {
      const ctx = contexts[i]!;
      const base = sentence.start;
      for (const rule of sentenceRules) {
        if (!rule.sentence) continue;
        const ruleId = rule.meta.id;
        // A rule that throws costs only its own findings on this sentence, never the document or the batch.
        try {
          rule.sentence({
          block, sentence, ctx,
          options: config.rules[ruleId]?.options ?? {},
          words: config.words,
          report: (d) => {
            if (d.answerable) verdictAt[i] = 1;
            held.push({ i, answerable: !!d.answerable, report: pendingAt(ruleId, d, base + d.start, base + d.end, d.related?.map((r) => ({ ...r, start: base + r.start, end: base + r.end }))) });
          },
          claim: (c) => {
            if (c.answerable) verdictAt[i] = 1;
            held.push({ i, answerable: !!c.answerable, claim: { kind: c.kind, polarity: c.polarity, ...(c.answers ? { answers: c.answers } : {}), start: base + c.start, end: base + c.end, ruleId, phrase: sentence.text.slice(c.start, c.end) } });
          },
          });
        } catch (e) {
          held.push({ i, answerable: false, report: ruleFailure(ruleId, e, base, base + sentence.text.length) });
        }
      }
    });
    // Whether the next sentence of the block answers a finding here: asked once a sentence, and only if needed.
    const answeredAfter: (boolean | undefined)[] = [];
    const answered = (i: number): boolean => (answeredAfter[i] ??= !verdictAt[i + 1] && contexts[i + 1]!.answersVerdictBefore());
    const reported = new Map<string, number>();
    const claimed = new Map<string, number>();
    for (const h of held) {
      if (h.answerable && h.i < last && answered(h.i)) continue;
      if (h.report) {
        const key = `${h.i} ${h.report.ruleId}`;
        const n = reported.get(key) ?? 0;
        reported.set(key, n + 1);
        if (n >= MAX_PER_SENTENCE) continue;
        if (h.answerable && h.i === last) (out.answerable ??= []).push(out.reports.length);
        out.reports.push(h.report);
      } else if (h.claim) {
        const key = `${h.i} ${h.claim.ruleId}`;
        const n = claimed.get(key) ?? 0;
        claimed.set(key, n + 1);
        if (n < MAX_PER_SENTENCE) out.claims.push(h.claim);
      }
    }
    out.firstIsVerdict = verdictAt[0] === 1;
    return out;
  }

  /**
   * The sentence right after block `index` is the first of the next block when that is the next line (of a case
   * note, or a Word paragraph) and both are prose of the same entry; whether it answers a verdict is kept with that
   * block's analysis.
   */
  private answeredBelow(doc: SourceDocument, analyses: BlockAnalysis[], entries: number[], index: number, config: ResolvedConfig): boolean {
    const block = doc.blocks[index]!;
    const next = doc.blocks[index + 1];
    if (!next || !PROSE.has(block.kind) || !PROSE.has(next.kind) || entries[index + 1] !== entries[index] || isEntryHeading(next)) return false;
    // The next line, not the next paragraph: a blank line between them starts something else.
    const end = block.segments.at(-1);
    const start = next.segments[0];
    if (!end || !start || /\n[^\S\n]*\r?\n/.test(doc.text.slice(end.source + end.length, start.source))) return false;
    const analysis = analyses[index + 1]!;
    if (analysis.answersAbove === undefined) {
      const first = analysis.first;
      analysis.answersAbove = !!first && !analysis.firstIsVerdict && new SentenceContext(first, normalise(first.text), contextSet(config.words)).answersVerdictBefore();
    }
    return analysis.answersAbove;
  }

  /** Severity, supersession, directives, positions and rendering. */
  private finish(doc: SourceDocument, config: ResolvedConfig, pending: Pending[]): Finding[] {
    const setting = (id: string): ResolvedRule => config.rules[id] ?? { severity: this.byId.get(id)?.meta.severity === 'error' ? 2 : 1, options: {} };
    const active = pending.filter((p) => setting(p.ruleId).severity > 0);
    // A stronger rule's finding hides weaker ones on the same words. Sorted by start, so each check looks only at
    // the findings that could overlap (the list can be long in a large document).
    const superseded = new Set<(typeof active)[number]>();
    const byStart = [...active].sort((a, b) => a.start - b.start);
    const longest = byStart.reduce((n, p) => Math.max(n, p.end - p.start), 0);
    for (const p of active) {
      const meta = this.byId.get(p.ruleId)?.meta;
      const within = meta?.supersedesWithin;
      const sup = meta?.supersedes;
      if (!sup && !within) continue;
      let lo = 0;
      let hi = byStart.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byStart[mid]!.start < p.start - longest) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < byStart.length && byStart[k]!.start < p.end; k++) {
        const q = byStart[k]!;
        if (q === p || superseded.has(p)) continue;
        if (sup?.includes(q.ruleId) && q.start < p.end && p.start < q.end) superseded.add(q);
        else if (within?.includes(q.ruleId) && q.start >= p.start && q.end <= p.end) superseded.add(q);
      }
    }
    const starts = lineStarts(doc.text);
    // Related lists are often shared between findings (every verdict in a summary answers to the same areas).
    const relatedDone = new Map<object, RelatedLocation[]>();
    const placeRelated = (list: NonNullable<Pending['related']>): RelatedLocation[] => {
      let placed = relatedDone.get(list);
      // A place in another document of the case comes placed in its own document already.
      if (!placed) relatedDone.set(list, (placed = list.map((r) => ('filePath' in r ? Object.assign({}, r) : withPosition(Object.assign({}, r), starts, doc, r.start, r.end)))));
      return placed;
    };
    const failed = new Set(active.filter((p) => p.messageId === 'rule-failed').map((p) => p.ruleId));
    const allFailed = failed.size > 0 && this.rules.every((r) => failed.has(r.meta.id) || setting(r.meta.id).severity === 0);
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const p of active) {
      if (superseded.has(p)) continue;
      // One failure message per rule and document is enough, however many sentences it failed on.
      const dup = p.messageId === 'rule-failed' ? `${p.ruleId}:rule-failed` : `${p.ruleId}:${p.start}:${p.end}:${p.messageId}`;
      if (seen.has(dup)) continue;
      seen.add(dup);
      const rule = this.byId.get(p.ruleId)!;
      const messageKey = p.messageId === 'rule-failed' && allFailed ? 'rule-failed-all' : p.messageId;
      const template = rule.meta.messages[messageKey] ?? ENGINE_MESSAGES[messageKey] ?? p.messageId;
      const range = rangeOf(starts, p.start, p.end);
      // Fields in this order (they are written out in it); the optional ones only when present.
      const finding: Finding = {
        ruleId: p.ruleId,
        severity: setting(p.ruleId).severity as 1 | 2,
        messageId: p.messageId,
        message: renderMessage(template, p.data),
        phrase: doc.text.slice(p.start, p.end),
        note: rule.meta.lesson,
        fix: rule.meta.fix,
        url: rule.meta.url,
        start: p.start,
        end: p.end,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
      };
      if (p.expected?.length) finding.expected = p.expected;
      if (p.related?.length) finding.related = placeRelated(p.related);
      attachLocation(finding, doc.locationAt?.(p.start));
      findings.push(finding);
    }
    return applyDirectives(doc, findings).sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }
}
