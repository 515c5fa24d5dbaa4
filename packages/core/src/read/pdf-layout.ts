import { BlockTextBuilder, boundSpaceRuns } from '../document/segments.js';
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
  cells: { x: number; text: string; offset: number }[];
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
  const cells: { x: number; parts: string[] }[] = [];
  let previous: PdfSpan | undefined;
  for (const span of line.spans) {
    const gap = previous ? span.x - (previous.x + previous.width) : 0;
    const current = cells.at(-1);
    const loneMarker = current && LIST_MARKER.test(current.parts.join('').trim()) && current.parts.join('').trim().length <= 4;
    if (!current || (gap > CELL_GAP * line.size && !loneMarker)) {
      cells.push({ x: span.x, parts: [span.text] });
    } else {
      const before = current.parts.at(-1)!;
      if (gap > SPACE_GAP * line.size && !/\s$/.test(before) && !/^\s/.test(span.text)) current.parts.push(' ');
      current.parts.push(span.text);
    }
    previous = span;
  }
  let text = '';
  const laidCells: LaidLine['cells'] = [];
  for (const cell of cells) {
    const cellText = cell.parts.join('').replace(/\s+/g, ' ').trim();
    if (!cellText) continue;
    if (text) text += '\t';
    laidCells.push({ x: cell.x, text: cellText, offset: offset + text.length });
    text += cellText;
  }
  const last = line.spans.at(-1);
  return { page, line: number, y: line.y, size: line.size, x: line.spans[0]?.x ?? 0, right: last ? last.x + last.width : 0, cells: laidCells, offset, text };
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
    const builder = joinPieces(pieces);
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
      const builder = joinPieces(cell.pieces);
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

  for (const line of lines) {
    if (running.has(line)) continue;
    if (table) {
      const step = line.page === table.last.page ? table.last.y - line.y : 0;
      const aligned = line.cells.map((c) => columnOf(table!.columns, c.x, line.size));
      const isRow = line.cells.length >= 2 && line.cells.length >= table.columns.length - 1 && aligned.every((c) => c >= 0);
      const continues = !isRow && line.cells.length >= 1 && step <= 2 * line.size && aligned.every((c) => c > 0) && headingDepth(line) === undefined;
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
 * Pieces of the document text (lines, or cells of lines) as one block's text, a line break between each two:
 * the document's own when they are consecutive, else one of the block's alone (a running footer, or the other
 * cells of a row, lie between them in the document).
 */
function joinPieces(pieces: readonly { text: string; offset: number }[]): BlockTextBuilder {
  const builder = new BlockTextBuilder();
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    if (previous) {
      const end = previous.offset + previous.text.length;
      if (piece.offset === end + 1) builder.mapped('\n', end);
      else builder.unmapped('\n');
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
  if (LIST_MARKER.test(line.text)) return true;
  if (Math.abs(line.size - previous.size) > 0.1 * Math.min(line.size, previous.size)) return true;
  if (line.page === previous.page && previous.y - line.y > 1.6 * Math.max(line.size, previous.size)) return true;
  // A first-line indent starts a paragraph; a list item's wrapped lines are indented less than its text, not more.
  if (line.x > previous.x + 1.5 * line.size && !LIST_MARKER.test(previous.text)) return true;
  const short = previous.right < left + 0.85 * (right - left);
  return short && (/[.!?:;)\]"'”’]$/.test(previous.text) || /^[A-Z0-9"“‘(]/.test(line.text));
}
