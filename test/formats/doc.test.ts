import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDoc, docParagraphs, resolveFields } from '../../packages/core/src/read/doc.js';
import { documentFromBytes } from '../../packages/core/src/read/read-file.js';
import { rawDocx } from '../docx/fixtures.js';
import { describeRoundTrip, expectSampleStructure, hasWordLocation, type RoundTrip } from './harness.js';
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

/**
 * A copy of a .doc whose WordDocument stream's sector chain loops back on itself after two sectors (word-extractor
 * alone would follow it until V8 aborts the process).
 */
function withLoopingChain(doc: Uint8Array): Uint8Array {
  const bytes = Buffer.from(doc);
  const sectorSize = 1 << bytes.readUInt16LE(30);
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  // The allocation table: its sectors are listed in the header (the first 109 of them).
  const satSectors = Array.from({ length: Math.min(bytes.readInt32LE(44), 109) }, (_, i) => bytes.readInt32LE(76 + i * 4));
  const satEntry = (sector: number) => offsetOf(satSectors[Math.floor((sector * 4) / sectorSize)]!) + ((sector * 4) % sectorSize);
  // The directory: a chain of sectors of 128-byte entries.
  for (let sector = bytes.readInt32LE(48), n = 0; sector >= 0 && n < 100; sector = bytes.readInt32LE(satEntry(sector)), n++) {
    for (let entry = offsetOf(sector); entry < offsetOf(sector) + sectorSize; entry += 128) {
      if (bytes.toString('utf16le', entry, entry + 24) !== 'WordDocument') continue;
      const first = bytes.readInt32LE(entry + 116);
      const second = bytes.readInt32LE(satEntry(first));
      bytes.writeInt32LE(first, satEntry(second));
      return bytes;
    }
  }
  throw new Error('no WordDocument entry found');
}

describeRoundTrip('a .doc saved by LibreOffice gives the verdicts of its text', { format: 'doc', located: hasWordLocation, unmet }, (converted) => {

  it('recovers headings, list items and table cells, without footers or deleted text', async () => {
    const doc = await readDoc(converted.sample, 'sample.doc');
    expect(expectSampleStructure(doc).docx).toMatchObject({ table: 1, row: 3, cell: 2 });
    expect(doc.text).toContain('The placement was broadly positive.');
    // A hyperlink is a field: its text is read, its instruction is not.
    expect(doc.text).toContain('See the safer sleep guidance for detail.');
    expect(doc.text).not.toContain('HYPERLINK');
    expect(doc.text).not.toContain('Footer');
  });

  it('refuses a file whose sector chain loops, quickly and without harm to the process', async () => {
    const started = performance.now();
    expect((await readErrorOfAsync(() => readDoc(withLoopingChain(converted.sample)))).code).toBe('doc-corrupt');
    expect(performance.now() - started).toBeLessThan(2000);
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

  it('keeps fields\' results and drops their instructions in one pass, whatever the marks', () => {
    const pieces = [{ text: 'See \u0013 HYPERLINK "x" \u0014the guidance\u0015 and \u0013 IF \u0013 REF a \u0014b\u0015 \u0014c\u0015.' }];
    const length = pieces[0]!.text.length;
    resolveFields(pieces);
    expect(pieces[0]!.text.replace(/\0/g, '')).toBe('See the guidance and c.');
    expect(pieces[0]!.text.length).toBe(length);
    // A long run after a field mark that never closes: word-extractor's expression alone took seconds on such text.
    const long = [{ text: `\u0013${'a'.repeat(300_000)}\u0014${'b'.repeat(300_000)}\u0013` }];
    const started = performance.now();
    resolveFields(long);
    expect(performance.now() - started).toBeLessThan(500);
    expect(long[0]!.text).not.toMatch(/[\u0013-\u0015]/);
  });

  it('splits table rows (cells ending in a tab) from paragraphs, and reads the marks of headings and list items', () => {
    expect(docParagraphs('Outcomes\ue002Area\tOutcome\t\nBudgeting\tUnachieved\t\nAfter\nA point\ue00a')).toEqual([
      { text: 'Outcomes', kind: 'heading', depth: 2 },
      { text: 'Area', kind: 'paragraph', cell: { table: 0, row: 0, column: 0 } },
      { text: 'Outcome', kind: 'paragraph', cell: { table: 0, row: 0, column: 1 } },
      { text: 'Budgeting', kind: 'paragraph', cell: { table: 0, row: 1, column: 0 } },
      { text: 'Unachieved', kind: 'paragraph', cell: { table: 0, row: 1, column: 1 } },
      { text: 'After', kind: 'paragraph' },
      { text: 'A point', kind: 'list-item' },
    ]);
  });
});
