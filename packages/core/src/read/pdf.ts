import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SourceDocument } from '../types.js';
import { ReadError } from './errors.js';
import { pdfDocument, type PdfLine, type PdfSpan } from './pdf-layout.js';
import { guardPdf } from './pdf-guard.js';

/** Cap on the text read from one PDF (characters): far beyond any report, short of exhausting memory. */
const MAX_PDF_TEXT = 32 * 1024 * 1024;

/** The parts of a pdf.js text item the reader uses. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/**
 * Read a PDF's text layer with Mozilla's pdf.js (its legacy build, for Node), loaded only when a PDF is met.
 * pdf.js runs in this thread (its "fake worker"), with no font loading, no eval and no fetching: it is given the
 * bytes and reads nothing else. The text items are put back into lines, and the lines into headings, paragraphs,
 * list items and table cells (see pdf-layout.ts); locations are page and line. A PDF without text (a scan) is
 * refused with advice, as is a password-protected one; a truncated file or a decompression bomb is refused
 * before pdf.js reads it (see guardPdf).
 */
export async function readPdf(bytes: Uint8Array, path?: string): Promise<SourceDocument> {
  guardPdf(bytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  ignoreStrayPdfJsRejections();
  const task = pdfjs.getDocument({
    // A copy, as a plain Uint8Array (pdf.js refuses a Buffer, and may take ownership of the array it is given).
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    isOffscreenCanvasSupported: false,
    // Real reports carry small faults (a missing resource, a bad font) that pdf.js reads past; truncation and bombs
    // are refused before this, by guardPdf.
    stopAtErrors: false,
    // Errors only: pdf.js warnings go to the console and could quote the file.
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw pdfReadError(error);
    });
    const pages: PdfLine[][] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const { page, content } = await readPage(pdf, number);
      const spans = (content.items as TextItem[]).filter((item) => typeof item.str === 'string').map(toSpan);
      characters += spans.reduce((n, s) => n + s.text.length, 0);
      if (characters > MAX_PDF_TEXT) throw new ReadError(`is too large to read (more than ${MAX_PDF_TEXT / 1048576} M characters of text)`, 'pdf-too-large');
      pages.push(linesOf(spans));
      page.cleanup();
    }
    if (!pages.some((lines) => lines.length > 0)) {
      throw new ReadError('has no text layer (a scanned image?): run OCR first', 'pdf-no-text');
    }
    return pdfDocument(pages, path);
  } finally {
    await task.destroy();
  }
}

/** One page and its text items; pdf.js's errors on a damaged page (a broken page tree, a cut array) as one ReadError. */
async function readPage(pdf: PDFDocumentProxy, number: number) {
  try {
    const page = await pdf.getPage(number);
    return { page, content: await page.getTextContent() };
  } catch {
    throw new ReadError(`is a damaged .pdf (the text of page ${number} could not be read)`, 'pdf-corrupt');
  }
}

function toSpan(item: TextItem): PdfSpan {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  // The font size is the text matrix's vertical scale; rotated text keeps its size this way too.
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  return { text: item.str, x, y, width: item.width, size };
}

/** Spans on one baseline (within 40% of the font size) form a line; lines top to bottom, spans left to right. */
export function linesOf(spans: readonly PdfSpan[]): PdfLine[] {
  const visible = spans.filter((s) => s.text.trim() !== '');
  const sorted = [...visible].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: PdfLine[] = [];
  for (const span of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - span.y) <= 0.4 * Math.min(line.size, span.size)) {
      line.spans.push(span);
      line.size = Math.max(line.size, span.size);
    } else {
      lines.push({ y: span.y, size: span.size, spans: [span] });
    }
  }
  for (const line of lines) line.spans.sort((p, q) => p.x - q.x);
  return lines;
}

/** The names of pdf.js's exceptions. */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException', 'FormatError', 'InvalidPDFException', 'MissingDataException', 'ParserEOFException', 'PasswordException',
  'ResponseException', 'UnexpectedResponseException', 'UnknownErrorException', 'XRefEntryException', 'XRefParseException',
]);

let ignoringStrayRejections = false;

/**
 * On some damaged PDFs pdf.js rejects a promise of its own that nothing awaits (while a page is fetched, an XRef
 * entry found bad), besides the error the reader catches: found by damaging LibreOffice's PDFs at random. Node
 * ends the process on an unhandled rejection, and with it a whole batch. The reader has already reported the file,
 * so such a stray pdf.js exception is ignored; any other unhandled rejection is thrown as Node would, unless
 * another listener (a test runner, an embedding program) is there to deal with it.
 */
function ignoreStrayPdfJsRejections(): void {
  if (ignoringStrayRejections) return;
  ignoringStrayRejections = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name)) return;
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  });
}

/** pdf.js's exceptions as one clear line each. */
function pdfReadError(error: unknown): ReadError {
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException') {
    return new ReadError('is password-protected; save a copy without the password and check that', 'pdf-encrypted');
  }
  if (name === 'InvalidPDFException') return new ReadError('is a damaged .pdf (pdf.js cannot read its structure)', 'pdf-corrupt');
  return new ReadError('is a damaged .pdf (it could not be opened)', 'pdf-corrupt');
}
