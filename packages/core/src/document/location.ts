import type { DocumentLocation, DocxLocation, PdfLocation } from '../types.js';

/** Whether a location is a PDF page and line (rather than a Word paragraph or cell). */
export function isPdfLocation(location: DocumentLocation): location is PdfLocation {
  return 'page' in location;
}

/** Put a document location on a finding (or related location) under the key that names its kind. */
export function attachLocation(target: { docx?: DocxLocation; pdf?: PdfLocation }, location: DocumentLocation | undefined): void {
  if (!location) return;
  if (isPdfLocation(location)) target.pdf = location;
  else target.docx = location;
}
