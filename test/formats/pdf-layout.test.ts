// The layout recovery on its own, from text items placed by hand (as pdf.js gives them: y upwards, sizes in points).
import { describe, expect, it } from 'vitest';
import { pdfDocument, type PdfLine, type PdfSpan } from '../../packages/core/src/read/pdf-layout.js';
import { linesOf } from '../../packages/core/src/read/pdf.js';

/** A span of `text` at (x, y) in a font of `size`, its width estimated at half the size per character. */
const span = (text: string, x: number, y: number, size = 10): PdfSpan => ({ text, x, y, size, width: text.length * size * 0.5 });
const page = (...spans: PdfSpan[]): PdfLine[] => linesOf(spans);
const summary = (pages: PdfLine[][]) => pdfDocument(pages).blocks.map((b) => [b.kind, b.depth ?? b.table?.column, b.text, `${b.pdf?.page}:${b.pdf?.line}`]);

describe('PDF layout', () => {
  it('joins wrapped lines into a paragraph (by a space, as a .txt\'s) and breaks at a vertical gap, a short line or a larger font', () => {
    const pages = [
      page(
        span('Conclusion', 72, 700, 14),
        span('Ms Carter has passed the assessment and the placement was', 72, 680),
        span('positive overall for the whole family.', 72, 668),
        span('A new paragraph after a gap, long enough to fill the line width', 72, 640),
        span('Then a short line.', 72, 628),
        span('A paragraph of its own after the short line that ends a sentence.', 72, 616),
      ),
    ];
    expect(summary(pages)).toEqual([
      ['heading', 1, 'Conclusion', '1:1'],
      ['paragraph', undefined, 'Ms Carter has passed the assessment and the placement was positive overall for the whole family.', '1:2'],
      ['paragraph', undefined, 'A new paragraph after a gap, long enough to fill the line width Then a short line.', '1:4'],
      ['paragraph', undefined, 'A paragraph of its own after the short line that ends a sentence.', '1:6'],
    ]);
  });

  it('reads list items by their bullets and numbers, without the marker', () => {
    const pages = [page(span('•', 72, 700), span('Staff found Mia asleep.', 90, 700), span('2.', 72, 688), span('She missed four sessions.', 90, 688))];
    expect(summary(pages)).toEqual([
      ['list-item', undefined, 'Staff found Mia asleep.', '1:1'],
      ['list-item', undefined, 'She missed four sessions.', '1:2'],
    ]);
  });

  it('reads a table from wide gaps, continuing a cell on an aligned line', () => {
    const pages = [
      page(
        span('Area', 72, 700),
        span('Outcome', 300, 700),
        span('Safe sleeping', 72, 688),
        span('Unachieved', 300, 688),
        span('(seen twice)', 300, 676),
        span('After the table, a paragraph.', 72, 650),
      ),
    ];
    expect(summary(pages)).toEqual([
      ['table-cell', 0, 'Area', '1:1'],
      ['table-cell', 1, 'Outcome', '1:1'],
      ['table-cell', 0, 'Safe sleeping', '1:2'],
      ['table-cell', 1, 'Unachieved (seen twice)', '1:2'],
      ['paragraph', undefined, 'After the table, a paragraph.', '1:4'],
    ]);
    expect(pdfDocument(pages).text).toBe('Area\tOutcome\nSafe sleeping\tUnachieved\n(seen twice)\nAfter the table, a paragraph.');
  });

  it('counts lines per page, and puts spans on one baseline in order of x', () => {
    const doc = pdfDocument([page(span('world.', 110, 700), span('Hello', 72, 700.5)), page(span('Second page.', 72, 700))]);
    expect(doc.text).toBe('Hello world.\nSecond page.');
    expect(doc.locationAt?.(doc.text.indexOf('Second'))).toEqual({ page: 2, line: 1 });
    expect(doc.locationAt?.(3)).toEqual({ page: 1, line: 1 });
  });

  it('leaves running headers and footers out of the blocks, so a paragraph runs on over a page break', () => {
    const pageWith = (n: number, ...body: PdfSpan[]) => page(span('OFFICIAL - SENSITIVE', 72, 800, 8), ...body, span(`Page ${n} of 3`, 72, 30, 8));
    const pages = [
      pageWith(1, span('Ms Carter has passed the assessment and the placement was', 72, 700), span('positive overall for the whole family and all who', 72, 688)),
      pageWith(2, span('worked with them, including the unit staff at night.', 72, 700)),
      pageWith(3, span('Conclusion', 72, 700, 14), span('Mia remains at home.', 72, 680)),
    ];
    expect(summary(pages)).toEqual([
      [
        'paragraph',
        undefined,
        'Ms Carter has passed the assessment and the placement was positive overall for the whole family and all who worked with them, including the unit staff at night.',
        '1:2',
      ],
      ['heading', 1, 'Conclusion', '3:2'],
      ['paragraph', undefined, 'Mia remains at home.', '3:3'],
    ]);
  });
  it('reads a table typed with pipes, one row a line, as a .txt does', () => {
    const pages = [
      page(
        span('| Area | Status |', 72, 700),
        span('|---|---|', 72, 688),
        span('| Safe sleeping | Not yet achieved |', 72, 676),
        span('Summary: going well.', 72, 650),
      ),
    ];
    expect(summary(pages)).toEqual([
      ['table-cell', 0, 'Area', '1:1'],
      ['table-cell', 1, 'Status', '1:1'],
      ['table-cell', 0, 'Safe sleeping', '1:3'],
      ['table-cell', 1, 'Not yet achieved', '1:3'],
      ['paragraph', undefined, 'Summary: going well.', '1:4'],
    ]);
    const doc = pdfDocument(pages);
    const cell = doc.blocks[3]!;
    expect(doc.text.slice(cell.segments[0]!.source, cell.segments[0]!.source + cell.text.length)).toBe('Not yet achieved');
  });

  it('continues a row on the lines it wraps to: a first cell that runs on, or no first cell', () => {
    const pages = [
      page(
        span('Area', 72, 700),
        span('Grade', 200, 700),
        span('Notes', 300, 700),
        span('Safety when carer is', 72, 688),
        span('4', 200, 688),
        span('Found alone', 300, 688),
        span('absent', 72, 676),
        span('in the street', 300, 676),
        span('Health', 72, 664),
        span('2', 200, 664),
        span('Seen by GP', 300, 664),
        span('on review', 200, 652),
        span('and dentist', 300, 652),
      ),
    ];
    expect(summary(pages)).toEqual([
      ['table-cell', 0, 'Area', '1:1'],
      ['table-cell', 1, 'Grade', '1:1'],
      ['table-cell', 2, 'Notes', '1:1'],
      ['table-cell', 0, 'Safety when carer is absent', '1:2'],
      ['table-cell', 1, '4', '1:2'],
      ['table-cell', 2, 'Found alone in the street', '1:2'],
      ['table-cell', 0, 'Health', '1:4'],
      ['table-cell', 1, '2 on review', '1:4'],
      ['table-cell', 2, 'Seen by GP and dentist', '1:4'],
    ]);
  });

  it('cuts a cell where a span starts at a column, though the gap before it is narrow', () => {
    const pages = [
      page(
        span('Date', 72, 700),
        span('Event', 150, 700),
        span('Source', 300, 700),
        span('12/02', 72, 688),
        span('HV visits. Nova found in the', 150, 688),
        span('HV record', 300, 688),
      ),
    ];
    expect(summary(pages).slice(3)).toEqual([
      ['table-cell', 0, '12/02', '1:2'],
      ['table-cell', 1, 'HV visits. Nova found in the', '1:2'],
      ['table-cell', 2, 'HV record', '1:2'],
    ]);
  });

  it('keeps a dash wrapped to the start of a line in its sentence, and ends a paragraph where the next word would have fitted', () => {
    const pages = [
      page(
        span('I agree the placement is stable and has been so for three years now', 72, 700),
        span('- she has lived with them since 2021.', 72, 688),
        span('Ms Carter achieved the areas of feeding, hygiene and warmth and clothing today', 72, 676),
        span('She made up feeds correctly and bathed Oscar safely in sessions 9-14.', 72, 664),
        span('Two further areas remained unachieved.', 72, 652),
      ),
    ];
    expect(summary(pages)).toEqual([
      ['paragraph', undefined, 'I agree the placement is stable and has been so for three years now - she has lived with them since 2021.', '1:1'],
      [
        'paragraph',
        undefined,
        'Ms Carter achieved the areas of feeding, hygiene and warmth and clothing today She made up feeds correctly and bathed Oscar safely in sessions 9-14.',
        '1:3',
      ],
      ['paragraph', undefined, 'Two further areas remained unachieved.', '1:5'],
    ]);
  });
});
