import type { DocxLocation, LineColumnRange, PdfLocation, Span } from '../types.js';
import type { Status } from './status.js';

export type PlanKind = 'safer-sleep' | 'placement-plan' | 'transition' | 'exit' | 'purpose' | 'risk-assessment';
export type AllocationKind = 'worker-left' | 'unallocated' | 'reallocated' | 'handover';
export type EventKind = 'placement' | 'move';

/**
 * What a fact says, by kind. `year` is the latest year named in the clause that records an event or allocation
 * ("in 2015"): DocumentFacts sets aside ones dated well before the document's other dates, as history.
 */
export type FactBody =
  | { kind: 'area'; area: string; status: Status; statusText: string; from: 'table' | 'list' | 'prose' }
  | { kind: 'deterioration'; what: string }
  /** `shortfall`: a service's shortfall said in so many words ("the care plans required updating"), not a sign about the child or parent. */
  | { kind: 'concern'; what: string; shortfall?: true }
  | { kind: 'co-sleeping' }
  | { kind: 'plan'; plan: PlanKind }
  | { kind: 'allocation'; allocation: AllocationKind; year?: number }
  /** `planned`: a placement still to be made ("to be placed with her aunt"), which the child will move into. */
  | { kind: 'event'; event: EventKind; year?: number; planned?: true }
  /** The document's own date: the case knows when each of its documents was written, even one that records nothing else. */
  | { kind: 'dated' };

/** Something the document records, with where it says so. Offsets are into SourceDocument.text. */
export type Fact = Span & {
  /** Index of the block that records it. */
  block: number;
  /** The dated entry (case-note section) it belongs to; 0 when the document has no dated entries. */
  entry: number;
  /** The sentence or cell text it comes from, for messages. */
  label: string;
} & FactBody;

export type FactOf<K extends Fact['kind']> = Extract<Fact, { kind: K }>;

/**
 * A fact as the other documents of its case see it: placed by file, line and column (its offsets are into its own
 * document's text), with the date it was recorded when the document tells (its entry's or its own date line's).
 * Plain data: it crosses threads and goes into the cache key of the documents that read it.
 */
export type CaseFact = FactBody & Span & LineColumnRange & {
  label: string;
  filePath: string;
  date?: string;
  docx?: DocxLocation;
  pdf?: PdfLocation;
};
