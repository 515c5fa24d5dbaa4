import type { Block, DocxLocation, Format, SourceDocument } from '../types.js';
import { paragraphAt } from './docx-body.js';
import { docxLocationAt } from './docx.js';
import { paragraphIndex } from './docx-reading.js';
import { wordProcessorBlocks } from './typed-structure.js';

/** One paragraph of a word-processor document, as a reader recovered it from the file. */
export interface ReadParagraph {
  /** The paragraph's text: a line break inside it is "\n", a tab "\t". */
  text: string;
  kind: 'heading' | 'paragraph' | 'list-item';
  /** Heading level (1-based), for headings. */
  depth?: number;
  /** The top-level table cell the paragraph is in (0-based), if any; a cell's paragraphs are consecutive. */
  cell?: { table: number; row: number; column: number };
}

/**
 * A document from the paragraphs of a .doc, .odt or .rtf, shaped as readDocx shapes a .docx: the text has one
 * line per paragraph; each paragraph outside tables is a block, and each table cell is one block of its
 * paragraphs; locations are paragraph numbers and table/row/cell, as for Word.
 */
export function documentFromParagraphs(paragraphs: readonly ReadParagraph[], format: Format, path?: string): SourceDocument {
  const starts: number[] = [];
  const blocks: Block[] = [];
  let length = 0;
  let i = 0;
  while (i < paragraphs.length) {
    const first = paragraphs[i]!;
    const start = length;
    const texts: string[] = [];
    // A cell's paragraphs become one block; any other paragraph is a block of its own.
    do {
      const paragraph = paragraphs[i]!;
      starts.push(length);
      texts.push(paragraph.text);
      length += paragraph.text.length + 1;
      i++;
    } while (first.cell && i < paragraphs.length && sameCell(first.cell, paragraphs[i]!.cell));
    const block = trimmedBlock(texts.join('\n'), start, starts);
    if (!block) continue;
    if (first.cell) {
      const { table, row, column } = first.cell;
      block.kind = 'table-cell';
      block.table = { table, row, column, header: row === 0 };
      block.docx = { ...block.docx!, table: table + 1, row: row + 1, cell: column + 1 };
    } else {
      block.kind = first.kind;
      if (first.depth !== undefined) block.depth = first.depth;
    }
    blocks.push(block);
  }
  const document: SourceDocument = {
    ...(path !== undefined ? { path } : {}),
    format,
    text: paragraphs.map((p) => p.text).join('\n'),
    blocks: wordProcessorBlocks(blocks),
    directives: [],
  };
  paragraphIndex.set(document, starts);
  document.locationAt = (offset) => docxLocationAt(document, offset);
  return document;
}

function sameCell(a: NonNullable<ReadParagraph['cell']>, b: ReadParagraph['cell']): boolean {
  return b !== undefined && a.table === b.table && a.row === b.row && a.column === b.column;
}

/** A paragraph block for `text` (which starts at `start` in the document), surrounding white space trimmed; none if blank. */
function trimmedBlock(text: string, start: number, paragraphStarts: number[]): Block | undefined {
  let from = 0;
  let to = text.length;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from === to) return undefined;
  const source = start + from;
  const docx: DocxLocation = { paragraph: paragraphAt(paragraphStarts, source) };
  return { kind: 'paragraph', text: text.slice(from, to), segments: [{ at: 0, source, length: to - from }], docx };
}
