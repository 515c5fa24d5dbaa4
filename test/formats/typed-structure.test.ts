// Lists and tables typed as text in a word-processor document (a .txt opened in Word or LibreOffice and saved,
// notes pasted in: one paragraph a line) are read as caselint reads the .txt itself.
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../packages/core/src/document/plain-text.js';
import { readDocx } from '../../packages/core/src/read/docx.js';
import { documentFromParagraphs } from '../../packages/core/src/read/paragraphs.js';
import type { SourceDocument } from '../../packages/core/src/types.js';
import { plainTextToDocx } from '../docx/markdown-to-docx.mjs';

const notes = [
  'Night log',
  "- 15/05 night staff found Lacey-Mae asleep on Shannon's chest on the sofa.",
  "- 17/05 baby in Shannon's bed.",
  '',
  'Area | Status',
  '|---|---|',
  'Feeding | Achieved',
  'Safe sleeping | Not yet achieved',
  '',
  'Domain\tOutcome\tPriority',
  'Budgeting\tUnachieved\tHigh priority',
  '',
  "On 05/03/25 night staff found Rory asleep on Kayleigh's",
  'chest in her bed, under the duvet.',
  'Summary: Shannon is settled.',
].join('\n');

/** Each block's kind, text and table place; and the document text under each block's first segment. */
const shape = (doc: SourceDocument) => doc.blocks.map((b) => [b.kind, b.text, b.table ? `${b.table.table}:${b.table.row}:${b.table.column}` : '']);
const quoted = (doc: SourceDocument) =>
  doc.blocks.map((b) => b.segments.map((s) => doc.text.slice(s.source, s.source + s.length).replace(/\s+/g, ' ')).join(' '));

describe('lists and tables typed as text in a word-processor document', () => {
  const text = parsePlainText(notes);

  it('are read from a .docx of one paragraph a line as from the .txt', async () => {
    const doc = readDocx(await plainTextToDocx(notes), 'notes.docx');
    expect(shape(doc)).toEqual(shape(text));
    expect(doc.blocks.find((b) => b.text === 'Not yet achieved')?.docx).toEqual({ paragraph: 8 });
    // Every block quotes the document text it came from.
    expect(quoted(doc)).toEqual(doc.blocks.map((b) => b.text));
  });

  it('are read from the paragraphs of a .doc, .odt or .rtf as from the .txt', () => {
    const doc = documentFromParagraphs(
      notes.split('\n').map((line) => ({ text: line, kind: 'paragraph' as const })),
      'rtf',
    );
    expect(shape(doc)).toEqual(shape(text));
    expect(quoted(doc)).toEqual(doc.blocks.map((b) => b.text));
  });

  it('leave headings, Word lists and real tables alone, numbering a typed table among the real ones', () => {
    const doc = documentFromParagraphs(
      [
        { text: '1. Background', kind: 'heading', depth: 1 },
        { text: '- already a list item', kind: 'list-item' },
        { text: 'Area', kind: 'paragraph', cell: { table: 0, row: 0, column: 0 } },
        { text: 'Safe sleeping | Unachieved', kind: 'paragraph' },
        { text: 'a | b', kind: 'paragraph', cell: { table: 1, row: 0, column: 0 } },
        { text: 'lower case after a cell', kind: 'paragraph' },
      ],
      'odt',
    );
    expect(shape(doc)).toEqual([
      ['heading', '1. Background', ''],
      ['list-item', '- already a list item', ''],
      ['table-cell', 'Area', '0:0:0'],
      ['table-cell', 'Safe sleeping', '1:0:0'],
      ['table-cell', 'Unachieved', '1:0:1'],
      ['table-cell', 'a | b', '2:0:0'],
      ['paragraph', 'lower case after a cell', ''],
    ]);
    // A real table keeps its Word location; a typed row is located by its paragraph.
    expect(doc.blocks[2]!.docx).toEqual({ paragraph: 3, table: 1, row: 1, cell: 1 });
    expect(doc.blocks[5]!.docx).toEqual({ paragraph: 5, table: 2, row: 1, cell: 1 });
    expect(doc.blocks[3]!.docx).toEqual({ paragraph: 4 });
  });
});
