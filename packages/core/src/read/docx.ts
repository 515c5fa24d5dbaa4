import type { DocxLocation, SourceDocument } from '../types.js';
import { paragraphAt } from './docx-body.js';
import { paragraphIndex, readDocxPackage, type ReadDocxOptions } from './docx-reading.js';

export type { ZipLimits as DocxLimits } from './zip.js';

export type { ReadDocxOptions } from './docx-reading.js';

/**
 * Read a Word .docx into a SourceDocument. The text is a plain-text rendering with one line per body
 * paragraph (see renderBody); blocks are headings, paragraphs, list items and table cells. Only the
 * main document body is read: headers, footers, footnotes and comments are not report text.
 * Throws ReadError (codes `docx-*`) for anything that is not a readable .docx.
 */
export function readDocx(bytes: Uint8Array, path?: string, options: ReadDocxOptions = {}): SourceDocument {
  const document = readDocxPackage(bytes, path, options).document;
  document.locationAt = (offset) => docxLocationAt(document, offset);
  return document;
}

/** The Word location of a text offset in a document from readDocx: paragraph, and table/row/cell. */
export function docxLocationAt(document: SourceDocument, offset: number): DocxLocation | undefined {
  const starts = paragraphIndex.get(document);
  if (!starts) return undefined;
  const location: DocxLocation = { paragraph: paragraphAt(starts, offset) };
  const block = document.blocks.find((b) => {
    const first = b.segments[0];
    const last = b.segments.at(-1);
    return first && last && first.source <= offset && offset <= last.source + last.length;
  });
  if (block?.kind === 'table-cell' && block.docx) {
    location.table = block.docx.table;
    location.row = block.docx.row;
    location.cell = block.docx.cell;
  }
  return location;
}
