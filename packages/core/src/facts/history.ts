// Someone's history is not what is happening in the case now. Reviews recount a parent's own childhood ("Mother was
// herself placed in foster care aged 12"), earlier children ("In 2015 her first child was placed for adoption") and
// earlier workers ("Her previous social worker left in 2019"); none of these is a placement, a move or a worker
// leaving that the document must now plan for.
import { FACT_GUARDS } from '../knowledge/knowledge.generated.js';
import { gateSource } from '../knowledge/literals.js';
import { guardsOf } from '../knowledge/patterns.js';

// The markers are data: facts.yaml's history guards, over the normalised text (lower case, straight quotes, '-' for
// dashes), tested in the clause that records the event.
const guard = guardsOf(FACT_GUARDS, 'facts.yaml');
const CLAUSE_BREAK = guard('clause_break');
const BEFORE = guard('history_marker');
const WORKER = guard('worker_history');
const LEAD = guard('history_lead');
const AGE = guard('history_age');
/** Cheap gate: a sentence without one of the markers' literals (derived by the build) has no history marker. */
const GATE = new RegExp(gateSource(['history_marker', 'history_lead', 'worker_history'].flatMap((name) => FACT_GUARDS[name]!.gate ?? [])));

/** The clause of `norm` around [start, end): from the last clause break before it to the first one after. */
function clauseAround(norm: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  let to = norm.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(norm); m; m = CLAUSE_BREAK.exec(norm)) {
    if (m[0] === '') CLAUSE_BREAK.lastIndex++;
    const mEnd = m.index + m[0].length;
    if (mEnd <= start) from = mEnd;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  CLAUSE_BREAK.lastIndex = 0;
  return { from, to };
}

/**
 * Whether the event at [start, end) of a sentence (normalised text) is told as history: someone's childhood, an
 * earlier child or worker, or "years ago". Only the clause that records the event is looked at.
 */
export function toldAsHistory(norm: string, start: number, end: number, workerLeft = false): boolean {
  const { from, to } = clauseAround(norm, start, end);
  const clause = norm.slice(from, to);
  if (AGE.test(clause)) return true;
  if (!GATE.test(norm)) return false;
  const lead = norm.slice(Math.max(from, norm.lastIndexOf(',', start - 1) + 1), start);
  return BEFORE.test(clause) || LEAD.test(lead) || (workerLeft && WORKER.test(clause));
}

const YEAR = guard('year');
const DATES_EVENT = guard('dates_event');
const NOT_EVENT_DATE = guard('not_event_date');
const FUTURE_BEFORE = guard('future_before');

/** The latest year the clause around [start, end) dates its event to, or undefined: "In 2015 her first child was placed ...". */
export function yearOfClause(norm: string, start: number, end: number): number | undefined {
  if (!/\d{4}/.test(norm)) return undefined;
  const { from, to } = clauseAround(norm, start, end);
  const clause = norm.slice(from, to);
  let year: number | undefined;
  for (const m of clause.matchAll(YEAR)) {
    const before = clause.slice(Math.max(0, m.index - 40), m.index);
    if (!DATES_EVENT.test(before) || NOT_EVENT_DATE.test(before)) continue;
    year = Math.max(year ?? 0, Number(m[0]));
  }
  return year;
}

/** The latest year the document names for something that has happened (its present, as near as the text tells). */
export function latestYear(text: string): number | undefined {
  let year: number | undefined;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    const y = Number(m[0]);
    if (year !== undefined && y <= year) continue;
    if (FUTURE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index).toLowerCase())) continue;
    year = y;
  }
  YEAR.lastIndex = 0;
  return year;
}
