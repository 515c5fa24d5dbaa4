import { LIST_MARKER } from '../document/plain-text.js';
import { boundSpaceRuns } from '../document/segments.js';
import { runsOn } from '../document/split-lines.js';
import { isDelimiterRow, splitRow } from '../document/table-row.js';
import type { Block } from '../types.js';

/**
 * Lists and tables typed as text in a word-processor document, read as caselint reads them in a .txt: a paragraph
 * that starts with a list marker ("- ", "• ", "1. ", "a) ") is a list item without its marker, and consecutive
 * paragraphs of pipe- or tab-separated cells ("Budgeting | Unachieved", "Domain\tOutcome") are rows of a table
 * (a Markdown delimiter row among them is dropped), and a paragraph that runs on mid-sentence from the one just
 * before it (no blank paragraph between; see runsOn) joins it, as hard-wrapped lines of a .txt do. Such documents
 * are common: a .txt or an exported record opened in Word or LibreOffice and saved, or notes pasted in, keep one
 * paragraph a line. Only single-line body paragraphs with one segment are read so; headings, numbered or bulleted
 * paragraphs and real table cells are left as they are.
 * Table numbers are given again in document order (a typed table is numbered with the real ones); a typed row's
 * Word location stays its paragraph.
 */
/**
 * A word-processor document's blocks as every reader of one finishes them (the .docx, .doc, .odt and .rtf readers and
 * the Word add-in): lists and tables typed as text read as in a .txt (typedStructure), then white-space runs cut as
 * for text and Markdown (boundSpaceRuns; Word locations stay with their blocks).
 */
export function wordProcessorBlocks(blocks: readonly Block[]): Block[] {
  return typedStructure(blocks).map(boundSpaceRuns);
}

export function typedStructure(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  const renumber = new Map<number, number>();
  let tables = 0;
  let typedTable = -1;
  let typedRow = 0;
  let lastRowParagraph = -2;
  // The paragraph or typed list item a following paragraph may run on from: where it is in `out`, its last paragraph.
  let open: { index: number; paragraph: number } | undefined;
  for (const block of blocks) {
    const segment = block.segments[0];
    const plain =
      block.kind === 'paragraph' && block.segments.length === 1 && segment!.at === 0 && segment!.length === block.text.length && !block.text.includes('\n');
    const cells = plain ? splitRow(block.text) : undefined;
    if (cells) {
      open = undefined;
      const paragraph = block.docx?.paragraph ?? -1;
      if (paragraph !== lastRowParagraph + 1 || paragraph < 0) {
        typedTable = tables++;
        typedRow = 0;
      }
      lastRowParagraph = paragraph;
      if (isDelimiterRow(block.text)) continue;
      for (const [column, cell] of cells.entries()) {
        if (!cell.text) continue;
        out.push({
          kind: 'table-cell',
          text: cell.text,
          segments: [{ at: 0, source: segment!.source + cell.start, length: cell.text.length }],
          table: { table: typedTable, row: typedRow, column, header: typedRow === 0 },
          ...(block.docx ? { docx: { ...block.docx } } : {}),
        });
      }
      typedRow++;
      continue;
    }
    lastRowParagraph = -2;
    const paragraph = block.docx?.paragraph;
    const marker = plain ? LIST_MARKER.exec(block.text) : null;
    if (marker && marker[0].length < block.text.length) {
      const cut = marker[0].length;
      out.push({ ...block, kind: 'list-item', text: block.text.slice(cut), segments: [{ at: 0, source: segment!.source + cut, length: block.text.length - cut }] });
      open = paragraph !== undefined ? { index: out.length - 1, paragraph } : undefined;
      continue;
    }
    if (plain && open && paragraph === open.paragraph + 1) {
      const previous = out[open.index]!;
      if (runsOn(previous.text.slice(-2), block.text)) {
        const at = previous.text.length + 1;
        out[open.index] = { ...previous, text: `${previous.text} ${block.text}`, segments: [...previous.segments, { at, source: segment!.source, length: block.text.length }] };
        open.paragraph = paragraph;
        continue;
      }
    }
    open = plain && paragraph !== undefined ? { index: out.length, paragraph } : undefined;
    if (block.table) {
      let table = renumber.get(block.table.table);
      if (table === undefined) renumber.set(block.table.table, (table = tables++));
      out.push({ ...block, table: { ...block.table, table } });
      continue;
    }
    out.push(block);
  }
  return out;
}
