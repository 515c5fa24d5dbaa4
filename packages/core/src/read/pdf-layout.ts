import { BlockTextBuilder, boundSpaceRuns } from '../document/segments.js';
import { runsOn } from '../document/split-lines.js';
import { isDelimiterRow, splitRow } from '../document/table-row.js';
import type { Block, PdfLocation, SourceDocument } from '../types.js';

/** A run of text as pdf.js places it: baseline origin (PDF units, y upwards), advance width and font size. */
export interface PdfSpan {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Spans on one baseline, left to right. */
export interface PdfLine {
  y: number;
  size: number;
  spans: PdfSpan[];
}

/** A line as laid out in the document text: its cells (text apart by a wide gap) and where each starts. */
interface LaidLine {
  page: number;
  /** Line number on its page (1-based). */
  line: number;
  y: number;
  size: number;
  x: number;
  right: number;
  /** `starts`: where spans after the cell's first start, at a gap too narrow for a cell's (see splitAtColumns). */
  cells: { x: number; text: string; offset: number; starts?: { x: number; at: number }[] }[];
  /** Offset of the line in the document text. */
  offset: number;
  text: string;
}

/** A wider gap than this (in font sizes) between two spans on a line separates table cells. */
const CELL_GAP = 1.5;
/** A gap wider than this (in font sizes) between two spans stands for a space. */
const SPACE_GAP = 0.15;
/** A line starts with a bullet or a number: a list item. */
const LIST_MARKER = /^(?:[•◦▪▫■□●○‣⁃∙·*–—\-\uf0a7\uf0b7\ue000-\uf8ff]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,6})[.)])(?:\s+|$)/;

/**
 * A document from the lines of each page. The text has one line per line of the PDF (so "page 2, line 14" is a
 * line of the text); blocks are recovered from the layout: a line whose spans stand apart by wide gaps is a table
 * row (its pieces are cells, and following lines aligned with its columns continue them); other lines join into
 * paragraphs until a vertical gap, a change of font size, an indent, a list marker, or a short line that ends a
 * sentence; text larger than the body text is a heading, its depth by size.
 */
export function pdfDocument(pages: readonly PdfLine[][], path?: string): SourceDocument {
  const lines: LaidLine[] = [];
  const texts: string[] = [];
  let offset = 0;
  pages.forEach((pageLines, p) => {
    pageLines.forEach((line, i) => {
      const laid = layLine(line, p + 1, i + 1, offset);
      lines.push(laid);
      texts.push(laid.text);
      offset += laid.text.length + 1;
    });
  });
  const text = texts.join('\n');
  const blocks = recoverBlocks(lines, text, runningLines(lines, pages.length)).map(boundSpaceRuns);
  const document: SourceDocument = { ...(path !== undefined ? { path } : {}), format: 'pdf', text, blocks, directives: [] };
  document.locationAt = (at) => pdfLocationAt(lines, at);
  return document;
}

/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const RUNNING_BAND = 2;

/**
 * Running headers and footers (a title, "OFFICIAL", "Page 2 of 5"): lines among the first or last two of their
 * page whose text, digits aside, stands at the same height on at least two pages and on half of them. They are
 * left in the text, in no block, so a paragraph that runs over a page break is read whole.
 */
function runningLines(lines: readonly LaidLine[], pageCount: number): Set<LaidLine> {
  if (pageCount < 2) return new Set();
  const lastLine = new Map<number, number>();
  for (const line of lines) lastLine.set(line.page, line.line);
  const key = (line: LaidLine) => `${Math.round(line.y)}|${line.text.replace(/\d+/g, '#')}`;
  const inBand = (line: LaidLine) => line.line <= RUNNING_BAND || line.line > lastLine.get(line.page)! - RUNNING_BAND;
  const pagesOf = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!inBand(line)) continue;
    const pages = pagesOf.get(key(line)) ?? new Set<number>();
    pages.add(line.page);
    pagesOf.set(key(line), pages);
  }
  const running = (line: LaidLine) => {
    const pages = pagesOf.get(key(line))?.size ?? 0;
    return inBand(line) && pages >= 2 && pages >= pageCount / 2;
  };
  return new Set(lines.filter(running));
}

/** The page and line of a text offset. */
function pdfLocationAt(lines: readonly LaidLine[], offset: number): PdfLocation | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const { page, line } = lines[lo]!;
  return { page, line };
}

/** Join a line's spans into text: a space where the gap is a space's, a tab between cells. */
function layLine(line: PdfLine, page: number, number: number, offset: number): LaidLine {
  // Each cell's pieces, and where each span after its first starts (its x, and its first piece).
  const cells: { x: number; parts: string[]; starts: { x: number; part: number }[] }[] = [];
  let previous: PdfSpan | undefined;
  for (const span of line.spans) {
    const gap = previous ? span.x - (previous.x + previous.width) : 0;
    const current = cells.at(-1);
    const loneMarker = current && LIST_MARKER.test(current.parts.join('').trim()) && current.parts.join('').trim().length <= 4;
    if (!current || (gap > CELL_GAP * line.size && !loneMarker)) {
      cells.push({ x: span.x, parts: [span.text], starts: [] });
    } else {
      const before = current.parts.at(-1)!;
      if (gap > SPACE_GAP * line.size && !/\s$/.test(before) && !/^\s/.test(span.text)) current.parts.push(' ');
      if (gap > SPACE_GAP * line.size && span.text.trim()) current.starts.push({ x: span.x, part: current.parts.length });
      current.parts.push(span.text);
    }
    previous = span;
  }
  let text = '';
  const laidCells: LaidLine['cells'] = [];
  for (const cell of cells) {
    const raw = cell.parts.join('');
    const cellText = raw.replace(/\s+/g, ' ').trim();
    if (!cellText) continue;
    if (text) text += '\t';
    // Where each later span starts in the cell's text: the length of the text before it, white space collapsed.
    const starts: { x: number; at: number }[] = [];
    for (const start of cell.starts) {
      let at = cell.parts.slice(0, start.part).join('').replace(/\s+/g, ' ').trimStart().length;
      while (cellText[at] === ' ') at++;
      if (at > 0 && at < cellText.length) starts.push({ x: start.x, at });
    }
    laidCells.push({ x: cell.x, text: cellText, offset: offset + text.length, ...(starts.length ? { starts } : {}) });
    text += cellText;
  }
  const last = line.spans.at(-1);
  return { page, line: number, y: line.y, size: line.size, x: line.spans[0]?.x ?? 0, right: last ? last.x + last.width : 0, cells: laidCells, offset, text };
}

/**
 * A line's cells cut again where a span starts at a table column (within a point): a cell's text that runs close
 * to the next column ("Nova found in" just before "HV record") is apart from it by less than a cell gap.
 */
function splitAtColumns(cells: LaidLine['cells'], columns: readonly number[]): LaidLine['cells'] {
  if (!cells.some((c) => c.starts)) return cells;
  const out: LaidLine['cells'] = [];
  for (const cell of cells) {
    let piece = { x: cell.x, text: cell.text, offset: cell.offset };
    let from = 0;
    for (const start of cell.starts ?? []) {
      if (!columns.some((c) => Math.abs(c - start.x) <= 1) || columns.some((c) => Math.abs(c - piece.x) <= 1 && Math.abs(c - start.x) <= 1)) continue;
      const cut = start.at - from;
      const head = piece.text.slice(0, cut).trimEnd();
      if (!head) continue;
      out.push({ x: piece.x, text: head, offset: piece.offset });
      piece = { x: start.x, text: piece.text.slice(cut), offset: piece.offset + cut };
      from = start.at;
    }
    out.push(piece);
  }
  return out;
}

/** The body text's font size: the size most characters are set in. */
function bodySize(lines: readonly LaidLine[]): number {
  const bySize = new Map<number, number>();
  for (const line of lines) bySize.set(round(line.size), (bySize.get(round(line.size)) ?? 0) + line.text.length);
  let best = 0;
  let most = -1;
  for (const [size, count] of bySize) if (count > most) [best, most] = [size, count];
  return best;
}

const round = (size: number) => Math.round(size * 2) / 2;

function recoverBlocks(lines: readonly LaidLine[], text: string, running: ReadonlySet<LaidLine>): Block[] {
  const body = bodySize(lines.filter((l) => !running.has(l)));
  const bodyLines = lines.filter((l) => round(l.size) === body);
  // A loop, not Math.min(...lines): a long PDF has more lines than a call may take arguments.
  let left = Infinity;
  let right = -Infinity;
  for (const line of bodyLines) {
    left = Math.min(left, line.x);
    right = Math.max(right, line.right);
  }
  // Heading sizes, largest first: the largest is depth 1.
  const headingSizes = [...new Set(lines.map((l) => round(l.size)).filter((s) => s >= body * 1.15))].sort((a, b) => b - a);
  const headingDepth = (line: LaidLine) => {
    const at = headingSizes.indexOf(round(line.size));
    return at < 0 ? undefined : Math.min(at + 1, 6);
  };

  const blocks: Block[] = [];
  let paragraph: LaidLine[] = [];
  let table: { index: number; columns: number[]; row: number; cells: { column: number; pieces: { text: string; offset: number }[] }[]; last: LaidLine } | undefined;
  let tables = 0;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const first = paragraph[0]!;
    const last = paragraph.at(-1)!;
    const depth = headingDepth(first);
    const marker = depth === undefined ? LIST_MARKER.exec(first.text)?.[0] : undefined;
    const skip = marker?.length ?? 0;
    const pieces = paragraph.map((line, i) => (i === 0 ? { text: line.text.slice(skip), offset: line.offset + skip } : line));
    paragraph = [];
    if (first === last && skip >= first.text.length) return;
    // A paragraph's lines are wrapped prose: joined by a space (standing for the line break), as a .txt's are.
    const builder = joinPieces(pieces, ' ');
    blocks.push({
      kind: depth !== undefined ? 'heading' : marker ? 'list-item' : 'paragraph',
      text: builder.text,
      segments: builder.segments,
      ...(depth !== undefined ? { depth } : {}),
      pdf: { page: first.page, line: first.line },
    });
  };
  const flushRow = () => {
    if (!table) return;
    for (const cell of table.cells) {
      // A cell's lines are its paragraphs, or one paragraph wrapped to the cell's width: a line that runs on from
      // the one before (see runsOn) joins it by a space, as a .txt's wrapped lines do.
      const builder = joinPieces(cell.pieces, (before, next) => (runsOn(before, next) ? ' ' : '\n'));
      const at = locationOf(lines, cell.pieces[0]!.offset);
      blocks.push({
        kind: 'table-cell',
        text: builder.text,
        segments: builder.segments,
        table: { table: table.index, row: table.row, column: cell.column, header: table.row === 0 },
        pdf: at,
      });
    }
    table.cells = [];
  };
  const columnOf = (columns: number[], x: number, size: number) => columns.findIndex((c) => Math.abs(c - x) <= size);

  // A table typed with pipes ("| Area | Status |"), one row a line: its rows and cells as a .txt's, by the text.
  let typed: { index: number; row: number } | undefined;
  for (const line of lines) {
    if (running.has(line)) continue;
    const typedCells = line.cells.length === 1 && line.text.includes('|') && headingDepth(line) === undefined ? splitRow(line.text) : undefined;
    if (typedCells) {
      flushParagraph();
      flushRow();
      table = undefined;
      typed ??= { index: tables++, row: 0 };
      if (isDelimiterRow(line.text)) continue;
      for (const [column, cell] of typedCells.entries()) {
        if (!cell.text) continue;
        const header = typed.row === 0;
        blocks.push({
          kind: 'table-cell',
          text: cell.text,
          segments: [{ at: 0, source: line.offset + cell.start, length: cell.text.length }],
          table: { table: typed.index, row: typed.row, column, header },
          pdf: { page: line.page, line: line.line },
        });
      }
      typed.row++;
      continue;
    }
    typed = undefined;
    if (table) {
      const step = line.page === table.last.page ? table.last.y - line.y : 0;
      if (line.cells.length < table.columns.length) {
        const cells = splitAtColumns(line.cells, table.columns);
        if (cells.length > line.cells.length) line.cells = cells;
      }
      const aligned = line.cells.map((c) => columnOf(table!.columns, c.x, line.size));
      // A line under the row continues its cells; under the first column only when it runs on from that cell's
      // text (a wrapped "Engagement with / professionals"), so a paragraph after the table is not taken in.
      const runsOnFirst = (text: string) => {
        const pieces = table!.cells.find((x) => x.column === 0)?.pieces;
        return pieces !== undefined && runsOn(pieces.at(-1)!.text, text);
      };
      // A line just under the row with fewer cells than the table has columns wraps that row rather than starting
      // one: when it has nothing in the first column, or its first cell runs on from the row's ("Safety when
      // carer is / absent").
      const wraps =
        line.cells.length < table.columns.length &&
        step <= 1.5 * line.size &&
        aligned.every((c) => c >= 0) &&
        (aligned[0] === 0 ? runsOnFirst(line.cells[0]!.text) : true);
      const isRow = !wraps && line.cells.length >= 2 && line.cells.length >= table.columns.length - 1 && aligned.every((c) => c >= 0);
      const continues =
        !isRow &&
        line.cells.length >= 1 &&
        step <= 2 * line.size &&
        aligned.every((c, i) => c > 0 || (c === 0 && runsOnFirst(line.cells[i]!.text))) &&
        headingDepth(line) === undefined;
      if (isRow) {
        flushRow();
        table.row++;
        table.cells = line.cells.map((c, i) => ({ column: aligned[i]!, pieces: [c] }));
        table.last = line;
        continue;
      }
      if (continues) {
        line.cells.forEach((c, i) => {
          const cell = table!.cells.find((x) => x.column === aligned[i]);
          if (cell) cell.pieces.push(c);
          else table!.cells.push({ column: aligned[i]!, pieces: [c] });
        });
        table.last = line;
        continue;
      }
      flushRow();
      table = undefined;
    }
    if (line.cells.length >= 2) {
      flushParagraph();
      table = { index: tables++, columns: line.cells.map((c) => c.x), row: 0, cells: line.cells.map((c, i) => ({ column: i, pieces: [c] })), last: line };
      continue;
    }
    const previous = paragraph.at(-1);
    if (previous && startsParagraph(previous, line, left, right)) flushParagraph();
    paragraph.push(line);
  }
  flushRow();
  flushParagraph();
  return blocks;
}

/**
 * Pieces of the document text (lines, or cells of lines) as one block's text, `separator` (a line break unless
 * told) between each two: mapped to the document's own line break when they are consecutive, else the block's
 * alone (a running footer, or the other cells of a row, lie between them in the document).
 */
function joinPieces(
  pieces: readonly { text: string; offset: number }[],
  separator: string | ((before: string, next: string) => string) = '\n',
): BlockTextBuilder {
  const builder = new BlockTextBuilder();
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    if (previous) {
      const end = previous.offset + previous.text.length;
      const between = typeof separator === 'string' ? separator : separator(previous.text, piece.text);
      if (piece.offset === end + 1) builder.mapped(between, end);
      else builder.unmapped(between);
    }
    builder.mapped(piece.text, piece.offset);
  });
  return builder;
}

function locationOf(lines: readonly LaidLine[], offset: number): PdfLocation {
  const line = lines.findLast((l) => l.offset <= offset)!;
  return { page: line.page, line: line.line };
}

/** Whether `line` starts a new paragraph after `previous` (see pdfDocument). */
function startsParagraph(previous: LaidLine, line: LaidLine, left: number, right: number): boolean {
  const short = previous.right < left + 0.85 * (right - left);
  // A dash at the start of a line under a full line that ends mid-sentence is the writer's dash, wrapped there
  // ("I agree the placement is stable / - she has lived ..."), not a list marker.
  const wrappedDash = /^[-–—]\s/.test(line.text) && !short && !/[.!?:;]["')\]”’]?$/.test(previous.text) && line.x <= previous.x + 1;
  if (LIST_MARKER.test(line.text) && !wrappedDash) return true;
  if (Math.abs(line.size - previous.size) > 0.1 * Math.min(line.size, previous.size)) return true;
  if (line.page === previous.page && previous.y - line.y > 1.6 * Math.max(line.size, previous.size)) return true;
  // A first-line indent starts a paragraph; a list item's wrapped lines are indented less than its text, not more.
  if (line.x > previous.x + 1.5 * line.size && !LIST_MARKER.test(previous.text)) return true;
  if (short && (/[.!?:;)\]"'”’]$/.test(previous.text) || /^[A-Z0-9"“‘(]/.test(line.text))) return true;
  // A sentence ends the line before, and the line's first word would have fitted after it with room to spare:
  // the writer ended the paragraph there, not the layout (paragraphs set with no space between them).
  const word = /^\S+/.exec(line.text)?.[0].length ?? 0;
  const perCharacter = line.text.length > 0 ? (line.right - line.x) / line.text.length : 0;
  const fits = previous.right + (word + 1) * perCharacter + line.size < right;
  return fits && /[.!?)]["')\]”’]?$/.test(previous.text) && /^[A-Z0-9"“‘(]/.test(line.text);
}
