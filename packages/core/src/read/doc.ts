import type WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { SourceDocument } from '../types.js';
import { ReadError } from './errors.js';
import { headingLevelOf, markParagraphKinds, PARAGRAPH_MARKS } from './doc-styles.js';
import { isOleCompoundFile, oleEncrypted } from './ole.js';
import { documentFromParagraphs, type ReadParagraph } from './paragraphs.js';
import { isRtf, readRtf } from './rtf.js';

/** The FIB's fEncrypted flag: the text of a password-protected .doc is encrypted (or obfuscated). */
const FIB_ENCRYPTED = 0x0100;

/** The body text of a Word binary document, through word-extractor (loaded when a .doc is first read). */
async function extractBody(bytes: Uint8Array): Promise<string> {
  const [{ default: Extractor }, { default: BufferReader }, { default: AllocationTable }] = await Promise.all([
    import('word-extractor/lib/word-ole-extractor.js'),
    import('word-extractor/lib/buffer-reader.js'),
    import('word-extractor/lib/ole-allocation-table.js'),
  ]);
  boundSectorChains(AllocationTable);
  // Refuses a password-protected document before reading its text (word-extractor would return the encrypted bytes as text).
  class CheckedWordExtractor extends Extractor {
    override extractWordDocument(document: unknown, fib: Buffer): Promise<WordOleExtractor.WordDocument> {
      if (fib.length >= 12 && fib.readUInt16LE(0x0a) & FIB_ENCRYPTED) return Promise.reject(encrypted());
      return super.extractWordDocument(document, fib);
    }

    override writeParagraphProperties(fib: Buffer, table: Buffer): void {
      super.writeParagraphProperties(fib, table);
      markParagraphKinds(this._pieces, fib, table);
      resolveFields(this._pieces);
    }
  }
  const document = await new CheckedWordExtractor().extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  return document.getBody({ filterUnicode: false });
}

const FIELD_BEGIN = '\u0013';
const FIELD_SEPARATOR = '\u0014';
const FIELD_END = '\u0015';

/**
 * Keep each field's displayed result and blank out its marks and instruction (with NUL, which word-extractor
 * removes), in one pass, before word-extractor's own field expression runs: that expression backtracks over the
 * text between field marks, so a damaged file with a long run after a field mark took 30 s (found by damaging
 * .doc files at random). With no field marks left it has nothing to do. Each character is replaced by one
 * character, so the pieces' offsets stand. Nested fields read as Word shows them: a field inside another's
 * instruction is part of that instruction.
 */
export function resolveFields(pieces: { text: string }[]): void {
  // For each open field, whether it is still in its instruction (before its separator); and how many are.
  const open: boolean[] = [];
  let inInstruction = 0;
  for (const piece of pieces) {
    if (!/[\u0013-\u0015]/.test(piece.text) && inInstruction === 0) continue;
    const chars: string[] = [];
    // By UTF-16 code unit, so that the text keeps its length.
    for (let i = 0; i < piece.text.length; i++) {
      const c = piece.text[i]!;
      const mark = c === FIELD_BEGIN || c === FIELD_SEPARATOR || c === FIELD_END;
      if (c === FIELD_BEGIN) {
        open.push(true);
        inInstruction++;
      } else if (c === FIELD_SEPARATOR && open.at(-1) === true) {
        open[open.length - 1] = false;
        inInstruction--;
      } else if (c === FIELD_END && open.length > 0) {
        if (open.pop()) inInstruction--;
      }
      chars.push(mark || inInstruction > 0 ? '\u0000' : c);
    }
    piece.text = chars.join('');
  }
}

/**
 * word-extractor follows a chain of sectors until it ends, stopping only when a sector names itself: a chain that
 * loops through two sectors grows an array until V8 aborts the whole process, which no catch survives (found by
 * damaging .doc files at random). Its chains are made to stop at a sector already visited, with an error this
 * reader reports as a damaged file. word-extractor is loaded by this reader alone, so only its reading changes.
 */
function boundSectorChains(AllocationTable: typeof import('word-extractor/lib/ole-allocation-table.js')): void {
  AllocationTable.prototype.getSecIdChain = function (this: { _table: number[] }, start: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let sector = start; sector >= 0 && sector < this._table.length; sector = this._table[sector]!) {
      if (seen.has(sector)) throw new Error('a sector chain loops');
      seen.add(sector);
      chain.push(sector);
    }
    return chain;
  };
}

/**
 * The OLE header's table sizes, checked against the file: word-extractor allocates what they declare before
 * reading (a 2 KB file may declare a table of gigabytes).
 */
function checkOleHeader(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512) throw damaged();
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw damaged();
  const sector = 1 << sectorShift;
  for (const at of [44, 64, 72]) {
    const sectors = view.getInt32(at, true);
    if (sectors < 0 || sectors * sector > bytes.length) throw damaged();
  }
}

function damaged(): ReadError {
  // word-extractor's own messages may quote the file's bytes; say what they mean instead.
  return new ReadError('is a damaged or truncated .doc (its Word text could not be read)', 'doc-corrupt');
}

function encrypted(): ReadError {
  return new ReadError('is password-protected; remove the password in Word and save again', 'doc-encrypted');
}

/**
 * Read a Word 97-2003 .doc with word-extractor (a maintained reader of the binary format, on a Buffer). It
 * gives the main body's text, fields showing their results, deletions dropped; footnotes, headers and comments
 * are left out, as for .docx. It does not give paragraph styles: headings (built-in heading styles, Title, styles
 * based on them, an outline level) and list items are read from the file's stylesheet and paragraph properties
 * by doc-styles.ts, which marks them in word-extractor's text as it is read. Table rows are recovered from Word's cell and row marks (word-extractor writes a
 * tab after each cell and ends the row's line), so each cell is a table-cell block with its Word location.
 * Files saved as .doc that are really .docx or RTF (Word saves either under any name) are read as what they are.
 */
export async function readDoc(bytes: Uint8Array, path?: string): Promise<SourceDocument> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return (await import('./docx.js')).readDocx(bytes, path);
  if (isRtf(bytes)) return readRtf(bytes, path);
  if (!isOleCompoundFile(bytes)) throw new ReadError('is not a Word 97-2003 document (no OLE header)', 'doc-not-word');
  // A password-protected .docx is an OLE file holding an EncryptedPackage, whatever its name.
  if (oleEncrypted(bytes)) throw encrypted();
  checkOleHeader(bytes);
  let body: string;
  try {
    body = await extractBody(bytes);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw damaged();
  }
  return documentFromParagraphs(docParagraphs(body), 'doc', path);
}

/**
 * Paragraphs from word-extractor's body text: lines; a line ending in a tab is a table row of tab-separated cells;
 * a line ending in a mark from markParagraphKinds (in place of its line break) is a heading or a list item.
 */
export function docParagraphs(body: string): ReadParagraph[] {
  const paragraphs: ReadParagraph[] = [];
  let table = -1;
  let row = -1;
  let inTable = false;
  const marked = new RegExp(PARAGRAPH_MARKS.source, 'g');
  for (const line of body.replace(marked, '$&\n').replace(/\n$/, '').split('\n')) {
    const mark = line.at(-1) ?? '';
    if (PARAGRAPH_MARKS.test(mark)) {
      inTable = false;
      const depth = headingLevelOf(mark);
      paragraphs.push({ text: line.slice(0, -1), ...(depth !== undefined ? { kind: 'heading', depth } : { kind: 'list-item' }) });
      continue;
    }
    if (!line.endsWith('\t')) {
      inTable = false;
      paragraphs.push({ text: line, kind: 'paragraph' });
      continue;
    }
    if (!inTable) {
      inTable = true;
      table++;
      row = -1;
    }
    row++;
    line
      .slice(0, -1)
      .split('\t')
      .forEach((text, column) => paragraphs.push({ text, kind: 'paragraph', cell: { table, row, column } }));
  }
  return paragraphs;
}
