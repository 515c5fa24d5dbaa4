// The case chronology: one row per dated fact, as social workers keep chronologies and supervisors read them.
// CSV for a spreadsheet, and the rows the HTML report's case timeline is drawn from.

import type { CaseRecord } from '../engine/linter.js';
import type { CaseFact } from '../facts/types.js';

export interface ChronologyRow {
  /** The case (its folder), or the document itself when it belongs to no declared case. */
  case: string;
  /** ISO date. */
  date: string;
  kind: string;
  text: string;
  document: string;
  line: number;
  /** The document's full path (the HTML report links to its findings); not a CSV column. */
  filePath: string;
}

const ALLOCATION: Record<string, string> = { 'worker-left': 'worker left', unallocated: 'unallocated', reallocated: 'reallocated', handover: 'handover' };

/** What a fact is, in a chronology's words. */
function kindOf(f: CaseFact): string {
  switch (f.kind) {
    case 'area':
      return f.status === 'unmet' ? 'unmet area' : f.status === 'met' ? 'area met' : 'area';
    case 'plan':
      return f.plan === 'risk-assessment' ? 'risk assessment' : `plan (${f.plan.replace(/-/g, ' ')})`;
    case 'allocation':
      return ALLOCATION[f.allocation] ?? f.allocation;
    case 'event':
      return f.event;
    default:
      return f.kind;
  }
}

function textOf(f: CaseFact): string {
  switch (f.kind) {
    case 'area':
      return `${f.area}: ${f.statusText}`;
    case 'deterioration':
      return f.what;
    case 'concern':
      return f.what;
    default:
      return f.label;
  }
}

/**
 * A document's dated rows: its dated facts and its verdicts and reassurances. Undated ones are left out (a
 * chronology is in date order); `contradicted` marks the verdicts a finding says are contradicted.
 */
export function chronologyRows(
  caseName: string,
  filePath: string,
  document: string,
  record: CaseRecord,
  contradicted?: (line: number, column: number) => boolean,
): ChronologyRow[] {
  const rows: ChronologyRow[] = [];
  const row = (date: string, kind: string, text: string, line: number) => rows.push({ case: caseName, date, kind, text: oneLine(text), document, line, filePath });
  for (const f of record.facts) if (f.date && f.kind !== 'dated') row(f.date, kindOf(f), textOf(f), f.line);
  for (const c of record.claims) {
    if (!c.date || c.polarity !== 'positive') continue;
    const kind = c.kind === 'verdict' ? 'verdict' : 'reassurance';
    row(c.date, contradicted?.(c.line, c.column) ? `${kind} (contradicted)` : kind, c.phrase, c.line);
  }
  return rows;
}

/** The rows by case, each case's in order: what the HTML report's case timelines show. */
export function casesOf(rows: ChronologyRow[]): { name: string; rows: ChronologyRow[] }[] {
  const byCase = new Map<string, ChronologyRow[]>();
  for (const r of sortChronology(rows)) {
    const list = byCase.get(r.case);
    if (list) list.push(r);
    else byCase.set(r.case, [r]);
  }
  return [...byCase].map(([name, list]) => ({ name, rows: list }));
}

/** Rows in order: by case, date, document and line. */
export function sortChronology(rows: ChronologyRow[]): ChronologyRow[] {
  return rows.sort((a, b) => a.case.localeCompare(b.case) || a.date.localeCompare(b.date) || a.document.localeCompare(b.document) || a.line - b.line);
}

const COLUMNS = ['case', 'date', 'kind', 'text', 'document', 'line'] as const;

/** The chronology as CSV (RFC 4180, CRLF), with a header row. */
export function formatChronologyCsv(rows: ChronologyRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of sortChronology(rows)) lines.push(COLUMNS.map((c) => csvCell(String(r[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV cell. Quoted where it holds a comma, quote or line break; and a cell that a spreadsheet would run as a
 * formula (=, +, -, @ first) is given a leading apostrophe: case records are text, never commands.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
