import { Unzlib } from 'fflate';
import { ReadError } from './errors.js';

/** Cap on the bytes a PDF's compressed streams (other than images) inflate to, as for a .docx's zip. */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

const latin1 = new TextDecoder('latin1');

/**
 * Refuse, before pdf.js sees them, the PDFs that are not whole or would inflate past the cap: pdf.js repairs
 * truncated files silently (reading only some pages) and inflates a stream however large it grows. Each Flate
 * stream that is not an image (pdf.js never inflates those for text) is inflated here in small steps, counting
 * and discarding the output, so a bomb is stopped at the cap rather than held in memory.
 */
export function guardPdf(bytes: Uint8Array, maxInflated = MAX_PDF_INFLATED_BYTES): void {
  const head = latin1.decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new ReadError('is not a PDF (no %PDF header)', 'pdf-not-pdf');
  if (!latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) {
    throw new ReadError('is a truncated .pdf (it does not end with %%EOF)', 'pdf-truncated');
  }
  const text = latin1.decode(bytes);
  let inflated = 0;
  for (const match of text.matchAll(/\bstream(\r\n|\n|\r)/g)) {
    const start = match.index + match[0].length;
    const dictionary = streamDictionary(text, match.index);
    if (!/\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const end = text.indexOf('endstream', start);
    inflated += inflatedSize(bytes.subarray(start, end < 0 ? bytes.length : end), maxInflated - inflated);
    if (inflated > maxInflated) {
      throw new ReadError(`is too large to read (more than ${maxInflated / 1048576} MB once its streams are inflated; possible decompression bomb)`, 'pdf-too-large');
    }
  }
}

/** The dictionary before a `stream` keyword: the text since its object began (at most 4 KB back). */
function streamDictionary(text: string, streamAt: number): string {
  const from = Math.max(0, streamAt - 4096);
  const before = text.slice(from, streamAt);
  const object = before.lastIndexOf(' obj');
  return object < 0 ? before : before.slice(object);
}

/** How many bytes a zlib stream inflates to, counting no further than just past `budget`; damaged data counts what it gave. */
function inflatedSize(data: Uint8Array, budget: number): number {
  let size = 0;
  const inflater = new Unzlib((chunk) => {
    size += chunk.length;
    if (size > budget) throw new ReadError('over budget', 'pdf-too-large');
  });
  const step = 16384;
  try {
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
  } catch {
    // Over the budget (the caller refuses the file), or damaged: pdf.js decides what a damaged stream holds.
  }
  return size;
}
