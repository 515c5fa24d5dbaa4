import { describe, expect, it } from 'vitest';
import { docxLocationAt, readDocx } from '../../packages/core/src/read/docx.js';
import type { SourceDocument } from '../../packages/core/src/types.js';
import { rawDocx, samplePamsReport } from './fixtures.js';

/** Every block's segments must map exactly onto the document text. */
function expectSegmentsConsistent(doc: SourceDocument) {
  for (const block of doc.blocks) {
    for (const s of block.segments) {
      expect(block.text.slice(s.at, s.at + s.length)).toBe(doc.text.slice(s.source, s.source + s.length));
    }
  }
}

describe('readDocx on a generated PAMS report', async () => {
  const doc = readDocx(await samplePamsReport(), 'report.docx');

  it('renders one line per body paragraph, tables included', () => {
    expect(doc.format).toBe('docx');
    expect(doc.path).toBe('report.docx');
    expect(doc.text.split('\n')).toEqual([
      'Parenting Assessment',
      'PAMS outcomes',
      'Area',
      'Outcome',
      'Feeding and nutrition',
      'Achieved',
      'Safe sleeping',
      'Unachieved',
      'Staff found Mia asleep in her bed.',
      'She missed four sessions.',
      'Ms Carter has passed the assessment.',
      'See the safer sleep guidance for detail.',
      'The placement was broadly positive.',
    ]);
    expect(doc.text).not.toContain('Footer');
    expectSegmentsConsistent(doc);
  });

  it('recognises headings by style, with depth', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => [h.text, h.depth])).toEqual([
      ['Parenting Assessment', 1],
      ['PAMS outcomes', 2],
    ]);
  });

  it('gives table cells the same shape as a Markdown table', () => {
    const cells = doc.blocks.filter((b) => b.kind === 'table-cell');
    expect(cells.map((c) => [c.text, c.table])).toEqual([
      ['Area', { table: 0, row: 0, column: 0, header: true }],
      ['Outcome', { table: 0, row: 0, column: 1, header: true }],
      ['Feeding and nutrition', { table: 0, row: 1, column: 0, header: false }],
      ['Achieved', { table: 0, row: 1, column: 1, header: false }],
      ['Safe sleeping', { table: 0, row: 2, column: 0, header: false }],
      ['Unachieved', { table: 0, row: 2, column: 1, header: false }],
    ]);
    expect(cells[5]!.docx).toEqual({ paragraph: 8, table: 1, row: 3, cell: 2 });
  });

  it('marks bulleted and numbered paragraphs as list items', () => {
    expect(doc.blocks.filter((b) => b.kind === 'list-item').map((b) => b.text)).toEqual([
      'Staff found Mia asleep in her bed.',
      'She missed four sessions.',
    ]);
  });

  it('joins runs split by formatting, keeps hyperlink text and tracked insertions, drops deletions', () => {
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.text, b.docx?.paragraph]);
    expect(paragraphs).toEqual([
      ['Ms Carter has passed the assessment.', 11],
      ['See the safer sleep guidance for detail.', 12],
      ['The placement was broadly positive.', 13],
    ]);
  });

  it('locates an offset as paragraph and table cell', () => {
    expect(docxLocationAt(doc, doc.text.indexOf('Unachieved'))).toEqual({ paragraph: 8, table: 1, row: 3, cell: 2 });
    expect(docxLocationAt(doc, doc.text.indexOf('passed'))).toEqual({ paragraph: 11 });
  });
});

describe('readDocx on hand-written markup', () => {
  const read = (body: string, extra?: Record<string, string>) => readDocx(rawDocx(body, extra));

  it('keeps the displayed result of complex and simple fields, not their instructions', () => {
    const doc = read(
      '<w:p><w:r><w:t xml:space="preserve">Seen on </w:t></w:r>' +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "d MMMM" </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3 March</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><w:t xml:space="preserve"> by </w:t></w:r><w:fldSimple w:instr=" AUTHOR "><w:r><w:t>J Smith</w:t></w:r></w:fldSimple></w:p>',
    );
    expect(doc.text).toBe('Seen on 3 March by J Smith');
  });

  it('renders tabs, breaks and non-breaking hyphens, skips symbols and soft hyphens', () => {
    const doc = read(
      '<w:p><w:r><w:t>Area</w:t><w:tab/><w:t>Unmet</w:t><w:br/><w:t>well</w:t><w:noBreakHyphen/><w:t>being</w:t>' +
        '<w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/><w:t>.</w:t></w:r></w:p>',
    );
    expect(doc.text).toBe('Area\tUnmet\nwell-being.');
  });

  it('reads content controls and skips drawings and text-box fallbacks', () => {
    const doc = read(
      '<w:sdt><w:sdtPr><w:alias w:val="Summary"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Inside a control.</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
        '<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>' +
        '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
        '<w:r><w:t>after.</w:t></w:r></w:p>',
    );
    expect(doc.text).toBe('Inside a control.\nBefore after.');
    expect(doc.blocks.map((b) => b.docx?.paragraph)).toEqual([1, 2]);
  });

  it('flattens a nested table into its enclosing cell and counts its paragraphs', () => {
    const cell = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const nested = `<w:tbl><w:tr>${cell(p('inner a'))}${cell(p('inner b'))}</w:tr></w:tbl>`;
    const doc = read(`<w:tbl><w:tr>${cell(p('Area'))}${cell(p('Outcome'))}</w:tr><w:tr>${cell(p('Safety') + nested + p(''))}${cell(p('Unmet'))}</w:tr></w:tbl>${p('After')}`);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.docx])).toEqual([
      ['table-cell', 'Area', { paragraph: 1, table: 1, row: 1, cell: 1 }],
      ['table-cell', 'Outcome', { paragraph: 2, table: 1, row: 1, cell: 2 }],
      ['table-cell', 'Safety\ninner a\ninner b', { paragraph: 3, table: 1, row: 2, cell: 1 }],
      ['table-cell', 'Unmet', { paragraph: 7, table: 1, row: 2, cell: 2 }],
      ['paragraph', 'After', { paragraph: 8 }],
    ]);
  });

  it('resolves custom heading styles through basedOn and outline levels', () => {
    const styles =
      '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ReportHeading"><w:name w:val="Report Heading"/><w:basedOn w:val="Heading2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="Outlined"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>' +
      '</w:styles>';
    const para = (style: string, t: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const doc = read(para('ReportHeading', 'A') + para('Outlined', 'B') + para('Bullets', 'C') + para('Normal', 'D'), { 'word/styles.xml': styles });
    expect(doc.blocks.map((b) => [b.kind, b.depth])).toEqual([
      ['heading', 2],
      ['heading', 3],
      ['list-item', undefined],
      ['paragraph', undefined],
    ]);
  });

  it('decodes entities in text', () => {
    expect(read('<w:p><w:r><w:t>Mum &amp; baby &lt;3 &#x1F600;</w:t></w:r></w:p>').text).toBe('Mum & baby <3 \u{1F600}');
  });
});

describe('readDocx on a long document', () => {
  it('reads a 5,800-paragraph document whole', () => {
    // Its speed is measured by npm run bench (a timed assertion here would fail on a busy machine, not on a slow reader).
    const paragraph = '<w:p><w:r><w:t xml:space="preserve">Ms Carter fed Mia regularly and made up bottles </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>correctly.</w:t></w:r></w:p>';
    const doc = readDocx(rawDocx(paragraph.repeat(5800)));
    expect(doc.blocks).toHaveLength(5800);
    expect(doc.blocks[5799]!.text).toBe('Ms Carter fed Mia regularly and made up bottles correctly.');
  });
});
