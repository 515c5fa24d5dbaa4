import type WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { SourceDocument } from '../types.js';
import { ReadError } from './errors.js';
import { isOleCompoundFile, oleEncrypted } from './ole.js';
import { documentFromParagraphs, type ReadParagraph } from './paragraphs.js';
import { isRtf, readRtf } from './rtf.js';

/** The FIB's fEncrypted flag: the text of a password-protected .doc is encrypted (or obfuscated). */
const FIB_ENCRYPTED = 0x0100;

/** The body text of a Word binary document, through word-extractor (loaded when a .doc is first read). */
async function extractBody(bytes: Uint8Array): Promise<string> {
  const [{ default: Extractor }, { default: BufferReader }] = await Promise.all([
    import('word-extractor/lib/word-ole-extractor.js'),
    import('word-extractor/lib/buffer-reader.js'),
  ]);
  // Refuses a password-protected document before reading its text (word-extractor would return the encrypted bytes as text).
  class CheckedWordExtractor extends Extractor {
    override extractWordDocument(document: unknown, fib: Buffer): Promise<WordOleExtractor.WordDocument> {
      if (fib.length >= 12 && fib.readUInt16LE(0x0a) & FIB_ENCRYPTED) return Promise.reject(encrypted());
      return super.extractWordDocument(document, fib);
    }
  }
  const document = await new CheckedWordExtractor().extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  return document.getBody({ filterUnicode: false });
}

function encrypted(): ReadError {
  return new ReadError('is password-protected; remove the password in Word and save again', 'doc-encrypted');
}

/**
 * Read a Word 97-2003 .doc with word-extractor (a maintained reader of the binary format, on a Buffer). It
 * gives the main body's text, fields showing their results, deletions dropped; footnotes, headers and comments
 * are left out, as for .docx. It does not give paragraph styles, so headings and list items are not recovered:
 * every paragraph is a paragraph. Table rows are recovered from Word's cell and row marks (word-extractor writes a
 * tab after each cell and ends the row's line), so each cell is a table-cell block with its Word location.
 * Files saved as .doc that are really .docx or RTF (Word saves either under any name) are read as what they are.
 */
export async function readDoc(bytes: Uint8Array, path?: string): Promise<SourceDocument> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return (await import('./docx.js')).readDocx(bytes, path);
  if (isRtf(bytes)) return readRtf(bytes, path);
  if (!isOleCompoundFile(bytes)) throw new ReadError('is not a Word 97-2003 document (no OLE header)', 'doc-not-word');
  // A password-protected .docx is an OLE file holding an EncryptedPackage, whatever its name.
  if (oleEncrypted(bytes)) throw encrypted();
  let body: string;
  try {
    body = await extractBody(bytes);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    // word-extractor's own messages may quote the file's bytes; say what it means instead.
    throw new ReadError('is a damaged or truncated .doc (its Word text could not be read)', 'doc-corrupt');
  }
  return documentFromParagraphs(docParagraphs(body), 'doc', path);
}

/** Paragraphs from word-extractor's body text: lines; a line ending in a tab is a table row of tab-separated cells. */
export function docParagraphs(body: string): ReadParagraph[] {
  const paragraphs: ReadParagraph[] = [];
  let table = -1;
  let row = -1;
  let inTable = false;
  for (const line of body.replace(/\n$/, '').split('\n')) {
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
