import type { Block } from '../types.js';
import { AREA_HEADER, classifyStatus, STATUS_HEADER, type Status } from './status.js';

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
      const named = headerTexts.find(([, t]) => AREA_HEADER.test(t) && !/\b(?:outcome|status|rating|priority|grade|score)\b/i.test(t));
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

/**
 * A label line has at most 113 characters that are not white space: 60 of area, the separator, 50 of status, ")" and
 * "." (everything else in LABEL is white space). Longer text, such as most paragraphs, is no label.
 */
const LABEL_MAX_VISIBLE = 113;

function tooLongForLabel(text: string): boolean {
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII is never white space; other characters are not counted, to stay on the safe side.
    if (c > 32 && c < 127 && ++visible > LABEL_MAX_VISIBLE) return true;
  }
  return false;
}

/** "Safety: Unachieved", "Safe sleeping - not achieved", "Budgeting (unachieved)": one area with its status. */
export function labelArea(text: string): { area: string; areaStart: number; status: Status; statusText: string } | undefined {
  if (tooLongForLabel(text)) return undefined;
  const m = /^\s*(?<area>[^:()\n–—-]{2,60}?)\s*(?::|\s-\s|\s–\s|\s—\s|\()\s*(?<status>[^():\n]{2,50}?)\)?\s*[.;]?\s*$/.exec(text);
  if (!m) return undefined;
  // "Hygiene: Grade 4. Bedding was soiled ...": a label that opens sentences of evidence (see openingLabel).
  if (/[.;]\s/.test(m.groups!.status!)) return undefined;
  const status = classifyStatus(m.groups!.status!);
  if (!status) return undefined;
  const area = m.groups!.area!.trim().replace(/[*_`]+/g, '');
  if (!area || /^(?:outcome|result|status|overall|conclusion|summary|rating|assessment|pams)$/i.test(area)) return undefined;
  return { area, areaStart: text.indexOf(m.groups!.area!), status, statusText: m.groups!.status!.trim() };
}

/** "Hygiene: Grade 4. Bedding was soiled ...": a short label and status that open a longer paragraph. */
export function openingLabel(text: string): { area: string; areaStart: number; status: Status; statusText: string; end: number } | undefined {
  // Most paragraphs have no separator near their start: no need to run the expression.
  if (!/:|\s[-–—]\s/.test(text.slice(0, 66))) return undefined;
  const m = /^\s*(?<area>[^:()\n.;–—-]{2,60}?)\s*(?::|\s-\s|\s–\s|\s—\s)\s*(?<status>[^():\n.;]{2,40}?)\s*[.;](?=\s+\S)/.exec(text);
  if (!m) return undefined;
  const statusText = m.groups!.status!.trim();
  // A status is a few words ("Grade 4", "Not yet achieved"); a clause after a colon is prose.
  if (statusText.split(/\s+/).length > 4) return undefined;
  const status = classifyStatus(statusText);
  if (!status) return undefined;
  const area = m.groups!.area!.trim().replace(/[*_`]+/g, '');
  if (!area || /^(?:outcome|result|status|overall|conclusion|summary|rating|assessment|pams|update|note|comment)$/i.test(area)) return undefined;
  return { area, areaStart: text.indexOf(m.groups!.area!), status, statusText, end: m.index + m[0].length };
}
