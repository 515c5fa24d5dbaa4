import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../../packages/core/src/read/read-file.js';
import { readOdt } from '../../packages/core/src/read/odt.js';
import { describeRoundTrip, hasWordLocation, expectSampleStructure, passedContradiction, type RoundTrip } from './harness.js';
import { readErrorOf } from './read-errors.js';

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

/** A minimal .odt around a hand-written office:text body; `extra` adds or overrides parts. */
function rawOdt(body: string, extra: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/vnd.oasis.opendocument.text'),
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="${OFFICE}" xmlns:text="${TEXT}" xmlns:table="${TABLE}"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  };
  for (const [name, content] of Object.entries(extra)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files);
}

const unmet: RoundTrip['unmet'] = ['Health and illness: Unachieved', { paragraph: 12, table: 1, row: 4, cell: 1 }];

describeRoundTrip('an .odt saved by LibreOffice gives the verdicts of its text', { format: 'odt', located: hasWordLocation, unmet }, (converted) => {
  it('says where the contradiction is, by paragraph', async () => {
    expect((await passedContradiction(converted.reports))?.docx).toEqual({ paragraph: 32 });
  });

  it('recovers headings, list items and table cells', () => {
    const doc = readOdt(converted.sample, 'sample.odt');
    const cell = expectSampleStructure(doc);
    expect(cell.docx).toMatchObject({ table: 1, row: 3, cell: 2 });
    // Tracked changes: the deletion is not text, the insertion is.
    expect(doc.text).toContain('The placement was broadly positive.');
    // The footer is not report text.
    expect(doc.text).not.toContain('Footer');
  });
});

describe('hostile or unreadable .odt files', () => {
  const paragraph = '<text:p>Ms Carter has passed.</text:p>';

  it('reads a minimal hand-written document', () => {
    const doc = readOdt(rawOdt(`<text:h text:outline-level="2">Conclusion</text:h>${paragraph}<text:p>Two<text:s text:c="3"/>spaces<text:tab/>and<text:line-break/>a break</text:p>`));
    expect(doc.blocks.map((b) => [b.kind, b.depth, b.text])).toEqual([
      ['heading', 2, 'Conclusion'],
      ['paragraph', undefined, 'Ms Carter has passed.'],
      ['paragraph', undefined, 'Two   spaces\tand\na break'],
    ]);
  });

  it('leaves comments, footnotes and text boxes out', () => {
    const doc = readOdt(
      rawOdt(
        '<text:p>Seen<office:annotation><text:p>a comment</text:p></office:annotation> at home' +
          '<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>a footnote</text:p></text:note-body></text:note>.</text:p>',
      ),
    );
    expect(doc.text).toBe('Seen at home.');
  });

  it('rejects a file that is not a zip, and a truncated one', () => {
    expect(readErrorOf(() => readOdt(strToU8('Ms Carter has passed.')))).toEqual({ code: 'odt-not-zip', message: 'is not a .odt file (not a zip archive)' });
    const bytes = rawOdt(paragraph.repeat(200));
    expect(readErrorOf(() => readOdt(bytes.subarray(0, Math.floor(bytes.length / 2)))).code).toBe('odt-truncated');
  });

  it('refuses a password-protected document', () => {
    const manifest =
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">' +
      '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>';
    expect(readErrorOf(() => readOdt(rawOdt(paragraph, { 'META-INF/manifest.xml': manifest })))).toEqual({
      code: 'odt-encrypted',
      message: 'is password-protected; remove the password in your word processor and save again',
    });
  });

  it('refuses a zip bomb from its declared size, before inflating', () => {
    // 16 MB of zeros deflates to about 16 KB; the cap is lowered to 4 MB to keep the test quick.
    const bomb = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const started = performance.now();
    expect(readErrorOf(() => readOdt(bomb, undefined, { limits: { maxTotalBytes: 4 * 1024 * 1024, maxRatio: 1100 } }))).toEqual({
      code: 'odt-too-large',
      message: 'is too large to read (more than 4 MB of text once unzipped; possible zip bomb)',
    });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses DTDs, other OpenDocument types and a package without content', () => {
    const lol = rawOdt('', { 'content.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content/>' });
    expect(readErrorOf(() => readOdt(lol)).code).toBe('odt-doctype');
    expect(readErrorOf(() => readOdt(rawOdt(paragraph, { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).code).toBe('odt-not-text');
    expect(readErrorOf(() => readOdt(zipSync({ 'hello.txt': strToU8('hello') }))).code).toBe('odt-missing-content');
    expect(readErrorOf(() => readOdt(rawOdt('<text:p>unclosed')))).toEqual({ code: 'odt-corrupt', message: 'is a damaged .odt (content.xml is not well-formed XML)' });
  });

  it('is read by its name, not refused as binary', async () => {
    const doc = await documentFromBytes(rawOdt(paragraph), 'report.ODT');
    expect(doc.format).toBe('odt');
    expect(doc.text).toBe('Ms Carter has passed.');
  });
});
