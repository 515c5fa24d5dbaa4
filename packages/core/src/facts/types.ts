import type { Span } from '../types.js';
import type { Status } from './status.js';

export type PlanKind = 'safer-sleep' | 'placement-plan' | 'transition' | 'exit' | 'purpose' | 'risk-assessment';
export type AllocationKind = 'worker-left' | 'unallocated' | 'reallocated' | 'handover';
export type EventKind = 'placement' | 'move';

/** What a fact says, by kind. */
export type FactBody =
  | { kind: 'area'; area: string; status: Status; statusText: string; from: 'table' | 'list' | 'prose' }
  | { kind: 'deterioration'; what: string }
  | { kind: 'concern'; what: string }
  | { kind: 'co-sleeping' }
  | { kind: 'plan'; plan: PlanKind }
  | { kind: 'allocation'; allocation: AllocationKind }
  | { kind: 'event'; event: EventKind };

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
