// Someone's history is not what is happening in the case now. Reviews recount a parent's own childhood ("Mother was
// herself placed in foster care aged 12"), earlier children ("In 2015 her first child was placed for adoption") and
// earlier workers ("Her previous social worker left in 2019"); none of these is a placement, a move or a worker
// leaving that the document must now plan for. The markers below are data: regular-expression sources over the
// normalised text (lower case, straight quotes, '-' for dashes), tested in the clause that records the event.

const NUMBER = String.raw`(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const PERSON = String.raw`(?:she|he|they|mother|father|mum|dad|(?:ms|mr|mrs|miss)\.?\s+[a-z'-]+)`;
/** An age in years, not a baby's age in days, weeks or months ("aged 3 months" is the child in the case now). */
const YEARS_OLD = String.raw`${NUMBER}(?:\s+years?(?:\s+old)?)?(?![\w-]|\s*-?\s*(?:days?|weeks?|months?|day|week|month)\b)`;

/** Markers anywhere in the clause. */
export const HISTORY_MARKERS: readonly string[] = [
  // "As a child, she was looked after by the local authority"
  String.raw`\bas\s+an?\s+(?:child|teenager|teen|adolescent|young\s+(?:child|person|girl|boy|woman|man)|girl|boy)\b`,
  // "in her own childhood", "during his teenage years", "her own upbringing"
  String.raw`\b(?:in|during|throughout)\s+(?:her|his|their|mother's|father's|mum's|dad's)\s+(?:own\s+)?(?:childhood|early\s+life|early\s+years|teens|teenage\s+years|youth|adolescence)\b`,
  String.raw`\b(?:her|his|their)\s+own\s+(?:childhood|upbringing|care\s+history|experience\s+of\s+(?:care|being\s+in\s+care))\b`,
  // "when she was 12", "when Mr Bell was a teenager" (not "when she was 6 months old": that is the baby now)
  String.raw`\bwhen\s+${PERSON}\s+(?:was|were)\s+(?:(?:aged|about|around|only|just)\s+)?(?:${YEARS_OLD}|an?\s+(?:child|teenager|young\s+(?:child|person))|young|little|small)`,
  // "at the age of 12", "placed in foster care aged 12" (not "Mia, aged 3, was placed" nor "Mia (aged 3)")
  String.raw`(?<![,(]\s*)\baged\s+${YEARS_OLD}`,
  // "at the age of 12", "at age 12"
  String.raw`\bat\s+(?:the\s+)?age\s+(?:of\s+)?${YEARS_OLD}`,
  // "Mother was herself placed", "she herself was in care": a parent's own history, told beside the child's (not
  // "Mother herself asked for the move")
  String.raw`\b(?:was|were|had\s+been|had)\s+(?:herself|himself|themselves)\b`,
  String.raw`\b(?:herself|himself|themselves)\s+(?:was|were|had)\b`,
  // "historically", "in the past", "years ago"
  String.raw`\bhistorically\b`,
  String.raw`\bin\s+the\s+past\b`,
  String.raw`\b(?:${NUMBER}|many|several|some|a\s+few)\s+years\s+(?:ago|earlier|before|previously)\b`,
];

/**
 * Markers that count only in the stretch just before the event, back to the last comma: "Ms Reid was previously
 * placed ...", "Her previous children were placed for adoption" (but "Mia, who previously lived with her mother, was
 * placed with foster carers on 3 March" is a placement now).
 */
export const HISTORY_MARKERS_LEAD: readonly string[] = [
  String.raw`\b(?:previously|formerly)\b`,
  String.raw`\b(?:previous|former|earlier)\s+(?:children|child|babies|baby|sons?|daughters?|pregnanc(?:y|ies))\b`,
];

/**
 * Markers for a worker leaving only: "Her previous social worker left in 2019" (a successor is implied). Not for a
 * case recorded as unallocated: "unallocated from 2 to 16 May following the previous worker's resignation" is a gap.
 */
export const WORKER_HISTORY_MARKERS: readonly string[] = [
  String.raw`\b(?:previous|former|earlier|old)\s+(?:allocated\s+)?(?:social\s+workers?|workers?|case\s*workers?|case\s+holders?|key\s+workers?|practitioners?)\b`,
];

/**
 * Where a new clause starts: "She was in care as a child, but Mia is now placed ...". A full stop counts too, as the
 * sentence splitter keeps "aged 12. Mia was placed ..." together.
 */
const CLAUSE_BREAK = /[;:]|[.!?]\s+|\s-\s|,?\s+(?:but|whereas|while|although|though)\s+|\b(?:now|currently|today|this\s+week|this\s+month|recently)\b/g;

const BEFORE = new RegExp(HISTORY_MARKERS.join('|'));
const WORKER = new RegExp(WORKER_HISTORY_MARKERS.join('|'));
const LEAD = new RegExp(HISTORY_MARKERS_LEAD.join('|'));
/** Cheap gate: a sentence without any of these has no history marker. */
const GATE = /as\s+an?\s|child|teen|youth|adolescen|upbringing|own|when|age|self|selves|previous|former|earlier|old|histor|past|years/;

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
  if (!GATE.test(norm)) return false;
  const { from, to } = clauseAround(norm, start, end);
  const clause = norm.slice(from, to);
  const lead = norm.slice(Math.max(from, norm.lastIndexOf(',', start - 1) + 1), start);
  return BEFORE.test(clause) || LEAD.test(lead) || (workerLeft && WORKER.test(clause));
}

const YEAR = /\b(?:19[5-9]\d|20\d\d)\b/g;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/**
 * What dates an event to a year: "in 2015", "during March 2019", "in the summer of 2016", "on 3 March 2015",
 * "12/03/2015". Not a date of birth ("DOB 14/06/2018", "born in 2018") nor "since 2015" (which runs to now).
 */
const DATES_EVENT = new RegExp(
  String.raw`(?:\b(?:in|during|around|throughout)\s+(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|winter|start|end|middle)(?:\s+of)?)[\s-]+)?(?:${MONTH}\s+)?|\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\s+|\b\d{1,2}[/.-]\d{1,2}[/.-])$`,
);
const NOT_EVENT_DATE = /\b(?:dob|d\.o\.b|born|birth|since)\b[^.;]{0,25}$/;
/** A year the document names for what is still to come ("until 2027", "review due in June 2026"): not its present. */
const FUTURE_BEFORE = /\b(?:until|till|by|due|will|shall|expires?|expected|planned|scheduled|next|before)\b[^.;]{0,30}$/;

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
