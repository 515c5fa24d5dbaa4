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
  String.raw`\bas\s+an?\s+(?:child|teenager|teen|adolescent|young\s+(?:child|person|girl|boy|woman|man)|baby|infant|toddler|girl|boy)\b`,
  // "in her own childhood", "during his teenage years", "her own upbringing"
  String.raw`\b(?:in|during|throughout)\s+(?:her|his|their|mother's|father's|mum's|dad's)\s+(?:own\s+)?(?:childhood|early\s+life|early\s+years|teens|teenage\s+years|youth|adolescence)\b`,
  String.raw`\b(?:her|his|their)\s+own\s+(?:childhood|upbringing|care\s+history|experience\s+of\s+(?:care|being\s+in\s+care))\b`,
  // "when she was 12", "when Mr Bell was a teenager"
  String.raw`\bwhen\s+${PERSON}\s+(?:was|were)\s+(?:(?:aged|about|around|only|just)\s+)?(?:${NUMBER}\b|an?\s+(?:child|teenager|baby|toddler|young\s+(?:child|person))|young|little|small)`,
  // "at the age of 12", "at age 12"
  String.raw`\bat\s+(?:the\s+)?age\s+(?:of\s+)?${YEARS_OLD}`,
  // "Mother was herself placed", "she herself left care at 18": a parent's own history, told beside the child's
  String.raw`\b(?:was|were|had\s+been|has\s+been|had|${PERSON})\s+(?:herself|himself|themselves)\b`,
  // "had previously been placed", "previously lived in", "her previous social worker", "a former partner"
  String.raw`\bpreviously\b`,
  String.raw`\b(?:previous|former|earlier)\s+(?:allocated\s+)?(?:social\s+workers?|workers?|case\s+holders?|children|child|babies|baby|sons?|daughters?|partners?|relationships?|pregnanc(?:y|ies))\b`,
  // "historically", "in the past", "years ago"
  String.raw`\bhistorically\b`,
  String.raw`\bin\s+the\s+past\b`,
  String.raw`\b(?:${NUMBER}|many|several|some|a\s+few)\s+years\s+(?:ago|earlier|before|previously)\b`,
];

/** Markers that date an event only when they follow it: "placed in foster care aged 12" (but "Mia, aged 3, was placed ..."). */
export const HISTORY_MARKERS_AFTER: readonly string[] = [String.raw`\baged\s+${YEARS_OLD}`];

/**
 * Where a new clause starts: "She was in care as a child, but Mia is now placed ...". A full stop counts too, as the
 * sentence splitter keeps "aged 12. Mia was placed ..." together.
 */
const CLAUSE_BREAK = /[;:]|[.!?]\s+|\s-\s|,?\s+(?:but|whereas|while|although|though)\s+|\b(?:now|currently|today|this\s+week|this\s+month|recently)\b/g;

const BEFORE = new RegExp(HISTORY_MARKERS.join('|'));
const AFTER = new RegExp(HISTORY_MARKERS_AFTER.join('|'));
/** Cheap gate: a sentence without any of these has no history marker. */
const GATE = /as\s+an?\s|child|teen|youth|adolescen|upbringing|own|when|age|self|selves|previous|former|earlier|histor|past|years/;

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
export function toldAsHistory(norm: string, start: number, end: number): boolean {
  if (!GATE.test(norm)) return false;
  const { from, to } = clauseAround(norm, start, end);
  return BEFORE.test(norm.slice(from, to)) || AFTER.test(norm.slice(end, to));
}

const YEAR = /\b(?:19[5-9]\d|20\d\d)\b/g;

/** The latest year named in the clause around [start, end), or undefined: "In 2015 her first child was placed ...". */
export function yearOfClause(norm: string, start: number, end: number): number | undefined {
  if (!/\d{4}/.test(norm)) return undefined;
  const { from, to } = clauseAround(norm, start, end);
  let year: number | undefined;
  for (const m of norm.slice(from, to).matchAll(YEAR)) year = Math.max(year ?? 0, Number(m[0]));
  return year;
}

/** The latest year the document names anywhere (its present, as near as the text tells), or undefined. */
export function latestYear(text: string): number | undefined {
  let year: number | undefined;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) year = Math.max(year ?? 0, Number(m[0]));
  YEAR.lastIndex = 0;
  return year;
}
