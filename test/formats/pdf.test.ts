import { strToU8, zlibSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFromBytes } from '../../packages/core/src/read/read-file.js';
import { guardPdf } from '../../packages/core/src/read/pdf-guard.js';
import { readPdf } from '../../packages/core/src/read/pdf.js';
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { convert } from '../docx/soffice.js';
import { CORPUS } from '../helpers.js';
import type { Finding } from '../../packages/core/src/types.js';
import { describeRoundTrip, expectSampleStructure, passedContradiction, verdicts, type RoundTrip } from './harness.js';
import { parseDocument } from '../../packages/core/src/document/index.js';
import { readErrorOf, readErrorOfAsync } from './read-errors.js';

/** A minimal PDF of one page with the given content stream (and extra objects), with a correct xref table. */
function minimalPdf(content: string, extraObjects: string[] = []): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...extraObjects,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(pdf, true);
}

/** The case notes six times over, one paragraph a line, under a running header and a "Page N of M" footer: several pages. */
async function longCaseNotes(): Promise<{ text: string; docx: Uint8Array }> {
  const text = Array.from({ length: 6 }, () => readFileSync(join(CORPUS, 'reports/case-notes-unallocated.txt'), 'utf8')).join('\n');
  const pageNumbers = [new TextRun('Page '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES] })];
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('OFFICIAL - SENSITIVE')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: pageNumbers })] }) },
        children: text.split('\n').map((line) => new Paragraph(line)),
      },
    ],
  });
  return { text, docx: new Uint8Array(await Packer.toBuffer(doc)) };
}

const located = (f: Finding) => (f.pdf?.page ?? 0) > 0 && (f.pdf?.line ?? 0) > 0;
const unmet: RoundTrip['unmet'] = ['Safe sleeping: Unachieved', { page: 1, line: 17 }];

describeRoundTrip('a PDF saved by LibreOffice gives the verdicts of its text', { format: 'pdf', located, unmet }, (converted) => {
  let encrypted: Uint8Array;
  let ownerOnly: Uint8Array;
  let long: { text: string; pdf: Uint8Array };
  beforeAll(async () => {
    const { dir } = converted;
    const options = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';
    await convert(join(dir, 'sample.docx'), `pdf:writer_pdf_Export:${options}`, join(dir, 'encrypted'));
    encrypted = new Uint8Array(readFileSync(join(dir, 'encrypted', 'sample.pdf')));
    // Encrypted with a permissions password only: anyone may open it.
    const permissions = '{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"}}';
    await convert(join(dir, 'sample.docx'), `pdf:writer_pdf_Export:${permissions}`, join(dir, 'owner'));
    ownerOnly = new Uint8Array(readFileSync(join(dir, 'owner', 'sample.pdf')));
    const { text, docx } = await longCaseNotes();
    writeFileSync(join(dir, 'long.docx'), docx);
    await convert(join(dir, 'long.docx'), 'pdf', dir);
    long = { text, pdf: new Uint8Array(readFileSync(join(dir, 'long.pdf'))) };
  }, 120_000);

  it('reads a report of several pages whole: running headers and footers are in no block, verdicts as for its text', async () => {
    const doc = await readPdf(long.pdf, 'long.pdf');
    expect(doc.locationAt?.(doc.text.length - 1)?.page).toBeGreaterThan(1);
    expect(doc.text).toContain('OFFICIAL - SENSITIVE');
    expect(doc.blocks.filter((b) => /OFFICIAL|Page \d/.test(b.text))).toEqual([]);
    expect(verdicts(doc)).toEqual(verdicts(parseDocument(long.text, 'text', 'long.txt')));
  });

  it('says where the contradiction is, by page and line', async () => {
    const contradiction = await passedContradiction(converted.reports);
    expect(contradiction?.pdf).toEqual({ page: 1, line: 29 });
    expect(contradiction?.docx).toBeUndefined();
  });

  it('recovers headings by size, paragraphs, list items and table cells', async () => {
    const doc = await readPdf(converted.sample, 'sample.pdf');
    const cell = expectSampleStructure(doc);
    expect([cell.table?.row, cell.table?.column, cell.pdf?.page]).toEqual([2, 1, 1]);
    // A PDF holds what was printed: LibreOffice prints tracked deletions (struck through) and footers.
    expect(doc.text).toContain('Ms Carter has passed the assessment.');
    expect(doc.text).toContain('Footer: the placement was positive');
  });

  it('refuses a password-protected PDF, and a truncated one', async () => {
    expect(await readErrorOfAsync(() => readPdf(encrypted))).toEqual({
      code: 'pdf-encrypted',
      message: 'is password-protected; save a copy without the password and check that',
    });
    // A PDF that only restricts printing or editing is read.
    expect(new TextDecoder('latin1').decode(ownerOnly)).toContain('/Encrypt');
    expect((await readPdf(ownerOnly)).text).toContain('Ms Carter has passed the assessment.');
    expect((await readErrorOfAsync(() => readPdf(converted.sample.subarray(0, Math.floor(converted.sample.length / 2))))).code).toBe('pdf-truncated');
  });
});

describe('hostile or unreadable PDFs', () => {
  it('reads a hand-built PDF, with page and line locations', async () => {
    const doc = await documentFromBytes(minimalPdf('BT /F1 10 Tf 20 150 Td (Ms Carter has passed.) Tj 0 -12 Td (She is engaging well.) Tj ET'), 'report.PDF');
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe('Ms Carter has passed.\nShe is engaging well.');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([['paragraph', 'Ms Carter has passed. She is engaging well.']]);
    expect(doc.locationAt?.(doc.text.indexOf('engaging'))).toEqual({ page: 1, line: 2 });
  });

  it('refuses a PDF with no text layer, with advice', async () => {
    // A page that only paints: a grey square and an image (its resource missing, which pdf.js reads past), as a scan would be.
    const image = `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u0080\nendstream`;
    const scan = minimalPdf('0.5 g 10 10 100 100 re f q 100 0 0 100 50 50 cm /Im1 Do Q', [image]);
    expect(await readErrorOfAsync(() => readPdf(scan))).toEqual({ code: 'pdf-no-text', message: 'has no text layer (a scanned image?): run OCR first' });
  });

  it('refuses a stream that inflates past the cap, without holding it', () => {
    const zeros = zlibSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const bomb = `<< /Length ${zeros.length} /Filter /FlateDecode >>\nstream\n${String.fromCharCode(...zeros)}\nendstream`;
    const bytes = minimalPdf('BT /F1 10 Tf 20 150 Td (Text) Tj ET', [bomb]);
    expect(readErrorOf(() => guardPdf(bytes, 4 * 1024 * 1024))).toEqual({
      code: 'pdf-too-large',
      message: 'is too large to read (more than 4 MB once its streams are inflated; possible decompression bomb)',
    });
    // Images are not inflated for text, so they are not counted.
    expect(() => guardPdf(minimalPdf('', [bomb.replace('<<', '<< /Subtype /Image')]), 4 * 1024 * 1024)).not.toThrow();
  });

  it('refuses what is not a PDF, and a damaged one, each with one clear line', async () => {
    expect((await readErrorOfAsync(() => readPdf(strToU8('Ms Carter has passed.')))).code).toBe('pdf-not-pdf');
    expect(await readErrorOfAsync(() => readPdf(strToU8('%PDF-1.4\nnot really\n%%EOF\n')))).toEqual({ code: 'pdf-corrupt', message: 'is a damaged .pdf (pdf.js cannot read its structure)' });
  });
});
