// When a document says something happened. A case is many documents written over months: a verdict is tested only
// against what had been recorded by its date, and a gap in allocation is measured in days. Dates are ISO strings
// (YYYY-MM-DD), which compare correctly as strings. English dates are day first: 03/02/2025 is 3 February.

import type { Block } from '../types.js';

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

/** The written forms: "3 February 2025", "3rd Feb", "February 3, 2025", "03/02/2025", "3.2.25", "2025-02-03". */
const DATE = new RegExp(
  [
    String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4}))?`,
    String.raw`\b${MONTH}\s+${DAY}(?:,?\s+(\d{4}))?`,
    String.raw`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`,
    String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`,
  ].join('|'),
  'gi',
);

/** One date found in text, with where it is. `year` is missing for "on 3 February". */
export interface DateMention {
  index: number;
  length: number;
  year?: number;
  month: number;
  day: number;
}

/**
 * Every date written in `text`, in order. Kept for short texts (a few thousand of them at most): a document checked
 * as it is edited asks again about the same clauses each time.
 */
export function datesIn(text: string): readonly DateMention[] {
  if (!/\d/.test(text)) return [];
  if (text.length > 2000) return readDates(text);
  let out = mentions.get(text);
  if (!out) {
    if (mentions.size >= 4096) mentions.clear();
    mentions.set(text, (out = readDates(text)));
  }
  return out;
}
const mentions = new Map<string, readonly DateMention[]>();

function readDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    let day: number;
    let month: number;
    let year: number | undefined;
    if (m[1]) [day, month, year] = [Number(m[1]), monthOf(m[2]!), m[3] ? Number(m[3]) : undefined];
    else if (m[4]) [day, month, year] = [Number(m[5]), monthOf(m[4]), m[6] ? Number(m[6]) : undefined];
    else if (m[7]) [day, month, year] = [Number(m[7]), Number(m[8]), fullYear(m[9]!)];
    else [day, month, year] = [Number(m[12]), Number(m[11]), Number(m[10])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && (year === undefined || (year >= 1950 && year <= 2100))) {
      out.push({ index: m.index, length: m[0].length, ...(year !== undefined ? { year } : {}), month, day });
    }
  }
  DATE.lastIndex = 0;
  return out;
}

function monthOf(name: string): number {
  return MONTH_NUMBER[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** A mention as an ISO date, its year taken from `context` (an ISO date near it) when the text leaves it out. */
export function isoDate(d: DateMention, context?: string): string | undefined {
  let year = d.year;
  if (year === undefined) {
    if (!context) return undefined;
    year = Number(context.slice(0, 4));
    // "on 28 December" in an entry dated 3 January is last year's.
    if (d.month > Number(context.slice(5, 7)) + 1) year--;
  }
  return `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "3 February 2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

/**
 * The line that dates a document, near its top: "Date: 12 May 2025", "Date of report - 12/05/2025", "Report date:
 * ...", "Dated ...", or a table's "Date" cell beside its value. Not a date of birth, nor a review or visit still to come.
 */
const DATE_LINE = /^(?:(?:date|dated)(?:\s+of\s+(?:report|assessment|referral|review|summary|statement|completion|writing|this\s+report))?|(?:report|assessment|referral|review|summary|statement)\s+date|completed(?:\s+on)?|written(?:\s+on)?)\b\s*[:\-–—]?\s*/i;
/** How many blocks from the top a document's own date line may be. */
const DATE_LINE_WITHIN = 30;
/** How many blocks from the top a note may open with its date ("3 February 2025. Home visit ..."). */
const OPENING_DATE_WITHIN = 3;
/** What may follow a date that opens a note: the end of the line, or a stop, colon or dash. */
const AFTER_OPENING_DATE = /^\s*(?:$|[.:,\-–—])/;

/** The document's own date, from its date line, if it has one. */
export function documentDate(blocks: readonly Block[]): string | undefined {
  const n = Math.min(blocks.length, DATE_LINE_WITHIN);
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const text = b.text.trim();
    if (text.length > 120) continue;
    const line = DATE_LINE.exec(text);
    let rest: string | undefined = line ? text.slice(line[0].length) : undefined;
    // A table row "| Date | 12/05/2025 |": the label cell, then its value in the next cell of the same row.
    if (line && !rest && b.kind === 'table-cell') {
      const next = blocks[i + 1];
      if (next?.kind === 'table-cell' && next.table?.row === b.table?.row) rest = next.text;
    }
    // A case note that opens with its date: "3 February 2025. Home visit ...", "03/02/2025 - Phone call".
    if (!rest && i < OPENING_DATE_WITHIN) {
      const d = datesIn(text)[0];
      if (d && d.index === 0 && d.year !== undefined && AFTER_OPENING_DATE.test(text.slice(d.length))) return isoDate(d);
    }
    if (!rest) continue;
    const d = datesIn(rest)[0];
    if (d && d.index < 4) {
      const iso = isoDate(d);
      if (iso) return iso;
    }
  }
  return undefined;
}

/**
 * Each block's date: the date of the dated entry it belongs to (case notes), else the document's own date. Entries
 * are numbered by `entriesOf`; an entry's date is the first date in its heading block.
 */
export function blockDates(blocks: readonly Block[], entries: readonly number[]): (string | undefined)[] {
  const own = documentDate(blocks);
  const entryDate = new Map<number, string | undefined>();
  let last = own;
  return blocks.map((b, i) => {
    const entry = entries[i]!;
    if (entry === 0) return own;
    if (!entryDate.has(entry)) {
      const d = datesIn(b.text)[0];
      const iso = d ? isoDate(d, last) : undefined;
      entryDate.set(entry, iso);
      if (iso) last = iso;
    }
    return entryDate.get(entry) ?? own;
  });
}
