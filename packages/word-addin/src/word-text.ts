// The text caselint checks, built from what Word's API says about the body paragraphs the way the .docx reader
// builds it from document.xml (packages/core/src/read/docx-body.ts): one line per body paragraph, paragraphs in
// tables included; a block per paragraph outside tables and one per top-level table cell (nested tables are
// flattened into the enclosing cell); lists and tables typed as text read as the reader reads them (wordProcessorBlocks).
// Pure: no Office.js here, so it is tested on plain data.
import { lineColumn, wordProcessorBlocks, type Block, type BlockKind, type DocxLocation, type SourceDocument } from '@caselint/core/browser';

/** What the pane loads of one body paragraph (Word.Paragraph properties of the same names). */
export interface ParagraphInfo {
  text: string;
  styleBuiltIn?: string;
  outlineLevel?: number;
  isListItem?: boolean;
  tableNestingLevel: number;
  /** For paragraphs in a top-level table (tableNestingLevel 1): the cell's row and column, 0-based. */
  cell?: { rowIndex: number; cellIndex: number };
}

export interface WordText {
  document: SourceDocument;
  /** Offset in the text where each body paragraph starts; index i is body paragraph i. */
  paragraphStarts: number[];
}

export function buildWordText(paragraphs: ParagraphInfo[]): WordText {
  const paragraphStarts: number[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  let tableIndex = -1;
  let cell: { row: number; column: number; start: number; texts: string[] } | undefined;
  const finishCell = () => {
    if (cell) {
      const place = { table: tableIndex + 1, row: cell.row + 1, cell: cell.column + 1 };
      pushBlock(blocks, paragraphStarts, 'table-cell', cell.start, cell.texts.join('\n'), { table: { table: tableIndex, row: cell.row, column: cell.column, header: cell.row === 0 } }, place);
    }
    cell = undefined;
  };
  paragraphs.forEach((paragraph, index) => {
    const start = offset;
    paragraphStarts.push(start);
    const text = asChecked(paragraph.text);
    offset += text.length + 1;
    if (paragraph.tableNestingLevel === 0) {
      finishCell();
      const depth = headingDepth(paragraph);
      if (depth !== undefined) pushBlock(blocks, paragraphStarts, 'heading', start, text, { depth });
      else pushBlock(blocks, paragraphStarts, paragraph.isListItem ? 'list-item' : 'paragraph', start, text, {});
      return;
    }
    const here = paragraph.tableNestingLevel === 1 ? paragraph.cell : undefined;
    if (here && (!cell || cell.row !== here.rowIndex || cell.column !== here.cellIndex)) {
      // Tables are always separated by a paragraph, so a table paragraph after a body paragraph starts a new table.
      const startsTable = index === 0 || paragraphs[index - 1]!.tableNestingLevel === 0;
      finishCell();
      if (startsTable) tableIndex++;
      cell = { row: here.rowIndex, column: here.cellIndex, start, texts: [] };
    }
    cell?.texts.push(text);
  });
  finishCell();
  // Finished as the .docx reader finishes its blocks (typed lists and tables, by each block's paragraph number).
  const text = paragraphs.map((p) => asChecked(p.text)).join('\n');
  const document: SourceDocument = { format: 'docx', text, blocks: wordProcessorBlocks(blocks), directives: [] };
  return { document, paragraphStarts };
}

/** A paragraph's text as checked: Word gives a line break in it as \v (vertical tab); the .docx reader, as a newline. */
export function asChecked(paragraphText: string): string {
  return paragraphText.replace(/\v|\r/g, '\n');
}

/** The 0-based body paragraph holding `offset`: its "line" among the paragraph starts. */
export function paragraphIndexAt(paragraphStarts: number[], offset: number): number {
  return lineColumn(paragraphStarts, offset).line - 1;
}

function headingDepth(paragraph: ParagraphInfo): number | undefined {
  const builtIn = /^Heading([1-9])$/.exec(paragraph.styleBuiltIn ?? '');
  if (builtIn) return Number(builtIn[1]);
  if (paragraph.styleBuiltIn === 'Title') return 1;
  // Word's outlineLevel is 1-9 for outline levels and 10 for body text.
  const level = paragraph.outlineLevel;
  return level !== undefined && level >= 1 && level <= 9 ? level : undefined;
}

/**
 * A block for `text` at `start`, surrounding white space trimmed as the .docx reader trims it; none when empty. Located,
 * as the reader locates it, by the paragraph its first character is in (typedStructure goes by that paragraph).
 */
function pushBlock(blocks: Block[], paragraphStarts: number[], kind: BlockKind, start: number, text: string, extra: Partial<Pick<Block, 'depth' | 'table'>>, place: Omit<DocxLocation, 'paragraph'> = {}): void {
  let from = 0;
  let to = text.length;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from === to) return;
  const docx: DocxLocation = { paragraph: paragraphIndexAt(paragraphStarts, start + from) + 1, ...place };
  blocks.push({ kind, text: text.slice(from, to), segments: [{ at: 0, source: start + from, length: to - from }], ...extra, docx });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}
