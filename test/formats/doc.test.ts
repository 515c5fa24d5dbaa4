import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDoc, docParagraphs } from '../../packages/core/src/read/doc.js';
import { documentFromBytes } from '../../packages/core/src/read/read-file.js';
import { rawDocx } from '../docx/fixtures.js';
import { describeRoundTrip, hasWordLocation, type RoundTrip } from './harness.js';
import { readErrorOfAsync } from './read-errors.js';

/** A copy of a .doc with the FIB's fEncrypted flag set, as Word writes a password-protected document. */
function withEncryptedFlag(doc: Uint8Array): Uint8Array {
  const bytes = Buffer.from(doc);
  // The WordDocument stream starts a sector with the FIB, whose first word is 0xA5EC.
  for (let offset = 512; offset + 12 <= bytes.length; offset += 512) {
    if (bytes.readUInt16LE(offset) === 0xa5ec) {
      bytes[offset + 0x0b]! |= 0x01;
      return bytes;
    }
  }
  throw new Error('no FIB found');
}

const unmet: RoundTrip['unmet'] = ['Budgeting: Unachieved', { table: 1, row: 10, cell: 1 }];

describeRoundTrip('a .doc saved by LibreOffice gives the verdicts of its text', { format: 'doc', located: hasWordLocation, unmet }, (converted) => {

  it('recovers paragraphs and table cells, without footers or deleted text', async () => {
    const doc = await readDoc(converted.sample, 'sample.doc');
    const cell = doc.blocks.find((b) => b.text === 'Unachieved')!;
    expect(cell.kind).toBe('table-cell');
    expect(cell.docx).toMatchObject({ table: 1, row: 3, cell: 2 });
    expect(doc.blocks.map((b) => b.text)).toContain('Staff found Mia asleep in her bed.');
    expect(doc.text).toContain('The placement was broadly positive.');
    expect(doc.text).not.toContain('Footer');
  });

  it('refuses a password-protected .doc and a truncated one', async () => {
    expect(await readErrorOfAsync(() => readDoc(withEncryptedFlag(converted.sample)))).toEqual({
      code: 'doc-encrypted',
      message: 'is password-protected; remove the password in Word and save again',
    });
    expect(await readErrorOfAsync(() => readDoc(converted.sample.subarray(0, Math.floor(converted.sample.length / 2))))).toEqual({
      code: 'doc-corrupt',
      message: 'is a damaged or truncated .doc (its Word text could not be read)',
    });
  });
});

describe('unusual .doc files', () => {
  it('reads a .docx or an RTF that was saved under a .doc name as what it is', async () => {
    const docx = await readDoc(rawDocx('<w:p><w:r><w:t>Ms Carter has passed.</w:t></w:r></w:p>'));
    expect(docx.format).toBe('docx');
    const rtf = await documentFromBytes(strToU8('{\\rtf1\\ansi Ms Carter has passed.\\par}'), 'report.doc');
    expect([rtf.format, rtf.text]).toEqual(['rtf', 'Ms Carter has passed.']);
  });

  it('refuses what is not a Word file, and an encrypted Office file under a .doc name', async () => {
    expect((await readErrorOfAsync(() => readDoc(strToU8('Ms Carter has passed.')))).code).toBe('doc-not-word');
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptedPackage'].forEach((c, i) => (ole[1024 + i * 2] = c.charCodeAt(0)));
    expect((await readErrorOfAsync(() => readDoc(ole))).code).toBe('doc-encrypted');
    expect((await readErrorOfAsync(() => documentFromBytes(ole.subarray(0, 1500), 'x.doc'))).code).toBe('doc-encrypted');
  });

  it('splits table rows (cells ending in a tab) from paragraphs', () => {
    expect(docParagraphs('Outcomes\nArea\tOutcome\t\nBudgeting\tUnachieved\t\nAfter\n')).toEqual([
      { text: 'Outcomes', kind: 'paragraph' },
      { text: 'Area', kind: 'paragraph', cell: { table: 0, row: 0, column: 0 } },
      { text: 'Outcome', kind: 'paragraph', cell: { table: 0, row: 0, column: 1 } },
      { text: 'Budgeting', kind: 'paragraph', cell: { table: 0, row: 1, column: 0 } },
      { text: 'Unachieved', kind: 'paragraph', cell: { table: 0, row: 1, column: 1 } },
      { text: 'After', kind: 'paragraph' },
    ]);
  });
});
