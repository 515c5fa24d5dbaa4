import type { Block } from '../types.js';
import { AREA_HEADER, classifyStatus, STATUS_HEADER, type Status } from './status.js';
import { FACT_GUARDS } from '../knowledge/knowledge.generated.js';
import { guardsOf } from '../knowledge/patterns.js';

// Which header and label words are not areas (facts.yaml guards).
const guard = guardsOf(FACT_GUARDS, 'facts.yaml');
const STATUS_COLUMN = guard('status_column');
const NOT_AN_AREA = guard('not_an_area');
const NOT_AN_OPENING_AREA = guard('not_an_opening_area');
const SUB_AREA_HEADER = guard('sub_area_header');
const LIST_LEAD = guard('list_lead');

export interface TableArea {
  area: string;
  status: Status;
  statusText: string;
  /** Block indexes of the area cell and the status cell. */
  areaBlock: number;
  statusBlock: number;
}

/**
 * Read assessment areas from tables: "Area | Outcome", "Domain | Knowledge | Skill | Practice", "Need | Priority".
 * The area column is the one the header names as such (else the first); a row's area is unmet when any of its
 * status cells is. Tables whose cells are not statuses yield nothing.
 */
export function tableAreas(blocks: Block[]): TableArea[] {
  const tables = new Map<number, { block: Block; index: number }[]>();
  blocks.forEach((block, index) => {
    if (block.kind !== 'table-cell' || !block.table) return;
    const list = tables.get(block.table.table) ?? [];
    list.push({ block, index });
    tables.set(block.table.table, list);
  });
  const out: TableArea[] = [];
  for (const cells of tables.values()) {
    const rows = new Map<number, Map<number, { block: Block; index: number }>>();
    for (const c of cells) {
      const row = rows.get(c.block.table!.row) ?? new Map();
      row.set(c.block.table!.column, c);
      rows.set(c.block.table!.row, row);
    }
    const header = rows.get(0);
    const headerTexts = header ? [...header.entries()].map(([col, c]) => [col, c.block.text] as const) : [];
    const headerIsStatus = headerTexts.some(([, t]) => classifyStatus(t) !== undefined);
    const hasHeader = header !== undefined && !headerIsStatus && headerTexts.some(([, t]) => AREA_HEADER.test(t) || STATUS_HEADER.test(t));
    let areaColumn = 0;
    if (hasHeader) {
      const named = headerTexts.find(([, t]) => SUB_AREA_HEADER.test(t)) ?? headerTexts.find(([, t]) => AREA_HEADER.test(t) && !STATUS_COLUMN.test(t));
      if (named) areaColumn = named[0];
    }
    for (const [r, row] of rows) {
      if (hasHeader && r === 0) continue;
      const areaCell = row.get(areaColumn);
      if (!areaCell || classifyStatus(areaCell.block.text)) continue;
      let worst: { status: Status; text: string; index: number } | undefined;
      for (const [col, cell] of row) {
        if (col === areaColumn) continue;
        const status = classifyStatus(cell.block.text);
        if (!status) continue;
        if (!worst || (status === 'unmet' && worst.status === 'met')) worst = { status, text: cell.block.text.trim(), index: cell.index };
      }
      if (!worst) continue;
      const area = areaCell.block.text.trim().replace(/[*_`]+/g, '');
      if (!area || area.length > 80) continue;
      out.push({ area, status: worst.status, statusText: worst.text, areaBlock: areaCell.index, statusBlock: worst.index });
    }
  }
  return out;
}

export interface ListArea {
  area: string;
  status: Status;
  statusText: string;
  /** Block index of the list item. */
  block: number;
}

/**
 * Read areas from a list led by a line that gives their status: "Areas still outstanding" (or "## Domains not yet
 * achieved:") then one area an item. The list is the run of list items right after the line; an item that gives
 * its own status ("Cooking - achieved") is a label line, read where its block is.
 */
export function listAreas(blocks: Block[]): ListArea[] {
  const out: ListArea[] = [];
  for (let i = 0; i < blocks.length - 1; i++) {
    const lead = blocks[i]!;
    if (lead.kind !== 'paragraph' && lead.kind !== 'heading') continue;
    if (blocks[i + 1]!.kind !== 'list-item') continue;
    const text = lead.text.replace(/[*_#`]+/g, '').trim().replace(/\s*:$/, '');
    if (text.length > 60 || !LIST_LEAD.test(text)) continue;
    const status = classifyStatus(text);
    if (!status) continue;
    for (let j = i + 1; j < blocks.length && blocks[j]!.kind === 'list-item'; j++) {
      const item = blocks[j]!.text;
      if (labelArea(item) || openingLabel(item)) continue;
      // The area is the item's first words, before any full stop, colon, dash or bracket that explains it.
      const area = item.split(/[.:;(]|\s[-–—]\s/)[0]!.replace(/[*_`]+/g, '').trim();
      if (area.length < 2 || area.length > 60) continue;
      out.push({ area, status, statusText: text, block: j });
    }
  }
  return out;
}

/**
 * A label line has at most 277 characters that are not white space: 60 of area, the separator, 50 of status, ")", a
 * bracketed note of at most 120, a dash and a second status of at most 40, and "." (everything else in LABEL is
 * white space). Longer text, such as most paragraphs, is no label.
 */
const LABEL_MAX_VISIBLE = 277;

/** Is the character at i white space, as `\s` in an expression? */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && SPACE.test(text[i]!);
}
const SPACE = /\s/;

const SEPARATOR = /[:(]|\s[-–—]\s/;
/** The gap of an aligned field (see LEADER), looked for only in a short line. */
const LEADER_GAP = /\.{3}| {2}|\t/;
const LEADER_MAX_LENGTH = 140;

/** A label's separator comes after at most 60 visible characters of area: most paragraphs have none so near their start. */
function separatorNearStart(text: string): boolean {
  const at = text.search(SEPARATOR);
  if (at < 0) return false;
  let visible = 0;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) > 32 && !isSpace(text, i) && ++visible > 62) return false;
  return true;
}

function tooLongForLabel(text: string): boolean {
  let visible = 0;
  // Every character that is not white space counts, letters beyond ASCII too: the bound below depends on it.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32 && !isSpace(text, i) && ++visible > LABEL_MAX_VISIBLE) return true;
  return false;
}

/**
 * The text with each run of white space cut to three characters (its first, a line feed from inside it if it holds
 * one or else its second, and its last), and where each character stands in the original. The label expressions read
 * this: with no run longer than three characters, their `\s*` and the white space their classes allow can no longer
 * share a long run between them (a label, 400 spaces, a colon, spaces and a word took 57 s: the time grew with the
 * cube of the run). Three, not one: an area or status of one letter and a space still fills its `{2,}` from either
 * side of a run, `\s-\s` still finds its spaces, and a line break inside a run still stops an area.
 * `maxVisible`: stop after that many characters that are not white space (and the white space and one character
 * after them), for expressions that read only the start of the text.
 */
export function collapseSpace(text: string, maxVisible = Infinity): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let visible = 0;
  for (let i = 0; i < text.length; ) {
    if (!isSpace(text, i)) {
      if (visible++ > maxVisible) break;
      out += text[i];
      at.push(i);
      i++;
      continue;
    }
    const from = i;
    let newline = -1; // a line feed strictly inside the run
    for (i++; i < text.length && isSpace(text, i); i++) if (newline < 0 && text.charCodeAt(i) === 10) newline = i;
    const last = i - 1;
    if (newline === last) newline = -1;
    // Its first character, a line feed from inside it if there is one (else its second), and its last.
    const keep = last - from <= 2 ? [from, from + 1, from + 2].filter((k) => k <= last) : [from, newline >= 0 ? newline : from + 1, last];
    for (const k of keep) {
      out += text[k];
      at.push(k);
    }
  }
  return { text: out, at };
}

// Reads collapsed text (see collapseSpace) of at most 277 visible characters, so at most 1,108 characters with no
// white-space run longer than three: its lazy groups and `\s*` have a few thousand ways at most to split the line.
// A bracketed note may follow the status ("Freedom Programme: not yet started (referral made 30/05).").
// A second status may follow the note after a dash ("Routines: MEDIUM priority (bedtime 7pm to 11pm) - not there yet").
const LABEL = /^\s*(?<area>[^:()\n–—-]{2,60}?)\s*(?::|\s-\s|\s–\s|\s—\s|\()\s*(?<status>[^():\n]{2,50}?)\)?\s*(?:\([^()\n]{1,120}\)\s*(?:[-–—]\s*(?<then>[^():\n.;–—-]{2,40}?)\s*)?)?[.;]?\s*$/d;

// Fields exported from case-recording systems, aligned by dot leaders, a gap of spaces or a tab ("Safety ....... AMBER",
// "Parental mental health  RED"): letters and single spaces, so the area, the gap and the status cannot share text.
const LEADER = /^\s*(?<area>[a-z](?:[a-z'\/&-]| (?! )){1,58}[a-z)])(?: ?\.{3,} ?| {2,3}|\t{1,3})(?<status>[a-z](?:[a-z0-9\/-]| (?! )){0,40})\s*$/di;

/** "Safety: Unachieved", "Safe sleeping - not achieved", "Budgeting (unachieved)": one area with its status. */
export function labelArea(text: string): { area: string; areaStart: number; status: Status; statusText: string } | undefined {
  if (tooLongForLabel(text)) return undefined;
  const separated = separatorNearStart(text);
  if (!separated && !(text.length <= LEADER_MAX_LENGTH && LEADER_GAP.test(text))) return undefined;
  const collapsed = collapseSpace(text);
  const m = separated ? LABEL.exec(collapsed.text) : LEADER.exec(collapsed.text);
  if (!m) return undefined;
  // "Hygiene: Grade 4. Bedding was soiled ...": a label that opens sentences of evidence (see openingLabel).
  if (/[.;]\s/.test(m.groups!.status!)) return undefined;
  // The later status, after the note, is the one the writer ends on; the first stands where it does not classify.
  const then = m.groups!.then ? classifyStatus(m.groups!.then) : undefined;
  const status = then ?? classifyStatus(m.groups!.status!);
  if (!status) return undefined;
  const area = m.groups!.area!.trim().replace(/[*_`]+/g, '');
  if (!area || NOT_AN_AREA.test(area)) return undefined;
  return { area, areaStart: collapsed.at[m.indices!.groups!.area![0]]!, status, statusText: then ? `${m.groups!.status!.trim()} - ${m.groups!.then!.trim()}` : m.groups!.status!.trim() };
}

// Reads the start of collapsed text (see collapseSpace): at most 60 + 40 + a few visible characters can match, and no
// white-space run is longer than three characters, so the lazy groups and `\s*` have a few thousand ways at most.
const OPENING_LABEL = /^\s*(?<area>[^:()\n.;–—-]{2,60}?)\s*(?::|\s-\s|\s–\s|\s—\s)\s*(?<status>[^():\n.;]{2,40}?)\s*[.;](?=\s+\S)/d;
/** More visible characters than OPENING_LABEL can match before its lookahead. */
const OPENING_LABEL_MAX_VISIBLE = 110;

/** "Hygiene: Grade 4. Bedding was soiled ...": a short label and status that open a longer paragraph. */
export function openingLabel(text: string): { area: string; areaStart: number; status: Status; statusText: string; end: number } | undefined {
  // Most paragraphs have no separator near their start: no need to run the expression.
  if (!/:|\s[-–—]\s/.test(text.slice(0, 66))) return undefined;
  const collapsed = collapseSpace(text, OPENING_LABEL_MAX_VISIBLE);
  const m = OPENING_LABEL.exec(collapsed.text);
  if (!m) return undefined;
  const statusText = m.groups!.status!.trim();
  // A status is a few words ("Grade 4", "Not yet achieved"); a clause after a colon is prose.
  if (statusText.split(/\s+/).length > 4) return undefined;
  const status = classifyStatus(statusText);
  if (!status) return undefined;
  const area = m.groups!.area!.trim().replace(/[*_`]+/g, '');
  if (!area || NOT_AN_OPENING_AREA.test(area)) return undefined;
  // The match ends on its [.;], one character that stands in the original too.
  return { area, areaStart: collapsed.at[m.indices!.groups!.area![0]]!, status, statusText, end: collapsed.at[m.index + m[0].length - 1]! + 1 };
}
