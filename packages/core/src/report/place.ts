import type { DocxLocation, PdfLocation } from '../types.js';

/** Where a finding is in a Word document, as a Word user would say it: "¶32" or "table 1 row 3 cell 2". */
export function docxPlace(d: DocxLocation): string {
  return d.table !== undefined ? `table ${d.table} row ${d.row} cell ${d.cell}` : `¶${d.paragraph}`;
}

/** Where a finding is in a PDF, as its reader would say it: "page 2, line 14" (lines of text from the top of the page). */
export function pdfPlace(p: PdfLocation): string {
  return `page ${p.page}, line ${p.line}`;
}
