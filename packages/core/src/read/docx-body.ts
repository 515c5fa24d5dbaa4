import { SaxesParser } from 'saxes';
import type { Block, BlockKind, DocxLocation } from '../types.js';
import type { StyleTable } from './docx-styles.js';
import { ReadError } from './errors.js';
import { localName, wordPrefix } from './xml-part.js';

/**
 * Where the characters of one `w:t` element landed in the plain-text rendering. `ordinal` counts every
 * `w:t` start tag in document.xml in document order (kept or not), so the annotator can find the same
 * element again in the raw XML without re-deriving the reader's decisions.
 */
export interface TextNodeSpan {
  ordinal: number;
  offset: number;
  length: number;
}

export interface BodyRendering {
  text: string;
  blocks: Block[];
  textNodes: TextNodeSpan[];
  /** Offset in `text` where each body paragraph starts; index 0 is paragraph 1. */
  paragraphStarts: number[];
}

/** Elements whose content is never report text: deletions, field instructions, properties, drawings. */
const SKIPPED = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'rPr', 'pPrChange', 'sdtPr', 'sdtEndPr',
  'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sectPr', 'drawing', 'pict', 'object', 'txbxContent', 'fldData',
]);

/**
 * Render the body of word/document.xml as plain text: one line per body paragraph (paragraphs in tables
 * included, counted in document order), `w:tab` as a tab, `w:br`/`w:cr` as a newline, a non-breaking
 * hyphen as "-". Tracked insertions are kept and deletions dropped; fields show their displayed result.
 * Each top-level table cell is one block; nested tables are flattened into the enclosing cell.
 */
export function renderBody(xml: string, styles: StyleTable): BodyRendering {
  const parser = new SaxesParser({ position: false });
  let p = 'w:';
  let sawRoot = false;
  // Text is gathered in chunks: repeatedly reading characters of a growing concatenated string makes V8
  // flatten it again and again, which turned a 5,800-paragraph document into a two-second read.
  const chunks: string[] = [];
  let length = 0;
  let paragraphChunks: string[] = [];
  const append = (s: string) => {
    chunks.push(s);
    paragraphChunks.push(s);
    length += s.length;
  };
  const blocks: Block[] = [];
  const textNodes: TextNodeSpan[] = [];
  const paragraphStarts: number[] = [];

  let skip = 0;
  let inParagraphProps = false;
  let textOrdinal = -1;
  let openText: { ordinal: number; start: number } | undefined;
  const fields: Array<'instruction' | 'result'> = [];
  let instructionFields = 0;
  let paragraph: { start: number; styleId?: string; numId?: string; outline?: number } | undefined;

  let tableDepth = 0;
  let tableIndex = -1;
  let row = -1;
  let column = -1;
  let cell: { start?: number; texts: string[] } | undefined;

  const visible = () => skip === 0 && instructionFields === 0 && paragraph !== undefined;

  /** Add a block for `text`, which starts at `start` in the rendering; surrounding whitespace is trimmed. */
  const pushBlock = (kind: BlockKind, start: number, text: string, extra: Pick<Block, 'depth' | 'table'>, place?: Omit<DocxLocation, 'paragraph'>) => {
    let from = 0;
    let to = text.length;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (from === to) return;
    const source = start + from;
    const docx: DocxLocation = { paragraph: paragraphAt(paragraphStarts, source), ...place };
    blocks.push({ kind, text: text.slice(from, to), segments: [{ at: 0, source, length: to - from }], ...extra, docx });
  };

  const finishParagraph = () => {
    if (!paragraph) return;
    const { start, styleId, numId, outline } = paragraph;
    paragraph = undefined;
    const text = paragraphChunks.join('');
    paragraphChunks = [];
    if (tableDepth > 0 && cell) {
      cell.start ??= start;
      cell.texts.push(text);
      return;
    }
    const style = styles(styleId);
    const depth = outline !== undefined ? (outline < 9 ? outline + 1 : undefined) : style.headingDepth;
    const listed = numId !== undefined ? numId !== '0' : style.numbered;
    if (depth !== undefined) pushBlock('heading', start, text, { depth });
    else pushBlock(listed ? 'list-item' : 'paragraph', start, text, {});
  };

  parser.on('doctype', () => {
    throw new ReadError('is not a safe .docx (word/document.xml declares a DOCTYPE)', 'docx-doctype');
  });

  parser.on('opentag', (tag) => {
    const name = tag.name;
    const attrs = tag.attributes as Record<string, string>;
    if (!sawRoot) {
      sawRoot = true;
      p = wordPrefix(attrs);
      return;
    }
    const isWord = name.startsWith(p) && (p !== '' || !name.includes(':'));
    const local = isWord ? name.slice(p.length) : '';
    if (local === 't') textOrdinal++;
    if (skip > 0) {
      skip++;
      return;
    }
    if ((isWord && SKIPPED.has(local)) || localName(name) === 'AlternateContent') {
      skip = 1;
      return;
    }
    if (!isWord) return;
    if (inParagraphProps) {
      if (!paragraph) return;
      if (local === 'pStyle') paragraph.styleId = attrs[`${p}val`];
      else if (local === 'numId') paragraph.numId = attrs[`${p}val`];
      else if (local === 'outlineLvl') paragraph.outline = Number(attrs[`${p}val`]);
      return;
    }
    switch (local) {
      case 'p':
        finishParagraph();
        if (paragraphStarts.length > 0) append('\n');
        paragraphStarts.push(length);
        paragraphChunks = [];
        paragraph = { start: length };
        break;
      case 'pPr':
        inParagraphProps = true;
        break;
      case 't':
        if (visible()) openText = { ordinal: textOrdinal, start: length };
        break;
      case 'tab':
      case 'ptab':
        if (visible()) append('\t');
        break;
      case 'br':
      case 'cr':
        if (visible()) append('\n');
        break;
      case 'noBreakHyphen':
        if (visible()) append('-');
        break;
      case 'fldChar':
        onFieldChar(attrs[`${p}fldCharType`]);
        break;
      case 'tbl':
        if (++tableDepth === 1) {
          tableIndex++;
          row = -1;
        }
        break;
      case 'tr':
        if (tableDepth === 1) {
          row++;
          column = -1;
        }
        break;
      case 'tc':
        if (tableDepth === 1) {
          column++;
          cell = { texts: [] };
        }
        break;
    }
  });

  const onFieldChar = (type: string | undefined) => {
    if (type === 'begin') {
      fields.push('instruction');
      instructionFields++;
    } else if (type === 'separate' && fields.at(-1) === 'instruction') {
      fields[fields.length - 1] = 'result';
      instructionFields--;
    } else if (type === 'end' && fields.length > 0) {
      if (fields.pop() === 'instruction') instructionFields--;
    }
  };

  const onText = (text: string) => {
    if (openText) append(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag) => {
    if (skip > 0) {
      skip--;
      return;
    }
    const name = tag.name;
    if (!name.startsWith(p)) return;
    switch (name.slice(p.length)) {
      case 'pPr':
        inParagraphProps = false;
        break;
      case 't':
        if (openText && length > openText.start) {
          textNodes.push({ ordinal: openText.ordinal, offset: openText.start, length: length - openText.start });
        }
        openText = undefined;
        break;
      case 'p':
        finishParagraph();
        break;
      case 'tc':
        if (tableDepth === 1 && cell) {
          if (cell.start !== undefined) {
            // The cell's paragraphs are consecutive lines of the rendering.
            pushBlock(
              'table-cell',
              cell.start,
              cell.texts.join('\n'),
              { table: { table: tableIndex, row, column, header: row === 0 } },
              { table: tableIndex + 1, row: row + 1, cell: column + 1 },
            );
          }
          cell = undefined;
        }
        break;
      case 'tbl':
        tableDepth--;
        break;
    }
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('is a damaged .docx (word/document.xml is not well-formed XML)', 'docx-corrupt');
  }
  return { text: chunks.join(''), blocks, textNodes, paragraphStarts };
}

/** The 1-based number of the paragraph containing `offset`. */
export function paragraphAt(paragraphStarts: number[], offset: number): number {
  let lo = 0;
  let hi = paragraphStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}
