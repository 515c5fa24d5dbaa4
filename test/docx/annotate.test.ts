import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Paragraph, TextRun } from 'docx';
import { readDocx } from '../../packages/core/src/read/docx.js';
import { openZip } from '../../packages/core/src/read/zip.js';
import { annotateDocx, type AnnotationFinding } from '../../packages/core/src/report/docx-annotate.js';
import { rawDocx, samplePamsReport, toBytes } from './fixtures.js';
import { anchoredText, comments, part } from './inspect.js';

/** A finding on the first occurrence of `phrase` in the document's text. */
function findingOn(text: string, phrase: string, extra: Partial<AnnotationFinding> = {}): AnnotationFinding {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}" in fixture`);
  return { ruleId: 'test-rule', message: `Flagged "${phrase}".`, start, end: start + phrase.length, ...extra };
}

describe('annotateDocx', async () => {
  const original = await samplePamsReport();
  const pristine = original.slice();
  const doc = readDocx(original);
  const findings = [
    findingOn(doc.text, 'passed', {
      ruleId: 'pams-verdict',
      message: 'PAMS has no pass mark.',
      fix: 'Say which areas were achieved and which were not.',
      related: [{ message: 'Safe sleeping: Unachieved' }, { message: 'Budgeting: Unachieved' }],
    }),
    findingOn(doc.text, 'Unachieved'),
    findingOn(doc.text, 'safer sleep guidance'),
    findingOn(doc.text, 'broadly positive'),
    findingOn(doc.text, 'Ms Carter has'),
  ];
  const annotated = annotateDocx(original, findings, { date: new Date('2024-05-01T10:00:00Z') });

  it('never modifies the input bytes', () => {
    expect(Buffer.compare(Buffer.from(original), Buffer.from(pristine))).toBe(0);
  });

  it('writes one caselint comment per finding, with message, fix and related areas', () => {
    const list = comments(annotated);
    expect(list).toHaveLength(findings.length);
    expect(list.every((c) => c.author === 'caselint' && c.initials === 'CL')).toBe(true);
    expect(list[0]!.paragraphs).toEqual([
      'PAMS has no pass mark. (pams-verdict)',
      'How to fix: Say which areas were achieved and which were not.',
      'See also:',
      '\u2022 Safe sleeping: Unachieved',
      '\u2022 Budgeting: Unachieved',
    ]);
  });

  it('anchors each comment exactly on its phrase: across runs, in a table cell, in a hyperlink', () => {
    const anchors = anchoredText(annotated);
    const byId = comments(annotated).map((c) => anchors.get(c.id));
    expect(byId).toEqual(['passed', 'Unachieved', 'safer sleep guidance', 'broadly positive', 'Ms Carter has']);
  });

  it('keeps run formatting when it splits runs and keeps the text identical', () => {
    const xml = part(annotated, 'word/document.xml');
    expect(xml).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">pas<\/w:t>/);
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">sed<\/w:t>/);
    const reread = readDocx(annotated);
    expect(reread.text).toBe(doc.text);
    expect(reread.blocks).toEqual(doc.blocks);
  });

  it('registers the comments part in the relationships and content types', () => {
    expect(part(annotated, 'word/_rels/document.xml.rels')).toContain('relationships/comments" Target="comments.xml"');
    expect(part(annotated, '[Content_Types].xml')).toContain('PartName="/word/comments.xml"');
  });

  it('copies every other zip entry byte for byte', () => {
    const before = openZip(original);
    const after = openZip(annotated);
    const changed = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);
    for (const entry of before.entries) {
      if (changed.has(entry.name)) continue;
      const copy = after.byName.get(entry.name)!;
      expect(Buffer.compare(before.bytes.subarray(entry.localOffset, entry.end), after.bytes.subarray(copy.localOffset, copy.end))).toBe(0);
    }
  });

  it('does not duplicate its comments when annotating an annotated copy', () => {
    const twice = annotateDocx(annotated, findings);
    const list = comments(twice);
    expect(list).toHaveLength(findings.length);
    const anchors = anchoredText(twice);
    expect(list.map((c) => anchors.get(c.id))).toEqual(['passed', 'Unachieved', 'safer sleep guidance', 'broadly positive', 'Ms Carter has']);
    expect(part(twice, 'word/document.xml').match(/commentReference/g)).toHaveLength(findings.length);
    expect(readDocx(twice).text).toBe(doc.text);
    // Re-annotating with no findings removes caselint's comments and anchors altogether.
    const cleared = annotateDocx(twice, []);
    expect(comments(cleared)).toHaveLength(0);
    expect(part(cleared, 'word/document.xml')).not.toMatch(/comment(RangeStart|RangeEnd|Reference)/);
  });

  it("keeps other people's comments", async () => {
    const withComment = await toBytes(
      new Document({
        comments: { children: [{ id: 0, author: 'Team Manager', initials: 'TM', children: [new Paragraph('Please evidence this.')] }] },
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new TextRun('The placement was '),
                  new CommentRangeStart(0),
                  new TextRun('positive'),
                  new CommentRangeEnd(0),
                  new TextRun({ children: [new CommentReference(0)] }),
                  new TextRun(' overall.'),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const text = readDocx(withComment).text;
    const once = annotateDocx(withComment, [findingOn(text, 'placement was positive')]);
    const twice = annotateDocx(once, [findingOn(text, 'placement was positive')]);
    const list = comments(twice);
    expect(list.map((c) => [c.author, c.paragraphs[0]])).toEqual([
      ['Team Manager', 'Please evidence this.'],
      ['caselint', 'Flagged "placement was positive". (test-rule)'],
    ]);
    const anchors = anchoredText(twice);
    expect(anchors.get('0')).toBe('positive');
    expect(anchors.get(list[1]!.id)).toBe('placement was positive');
  });

  it('splits a single run mid-word, handles entities, and anchors empty ranges on the paragraph', () => {
    const bytes = rawDocx(
      '<w:p><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>Mum &amp; baby passed the PAMS.</w:t></w:r></w:p><w:p><w:r><w:t>Second</w:t><w:tab/><w:t>line</w:t></w:r></w:p>',
    );
    const text = readDocx(bytes).text;
    const out = annotateDocx(bytes, [findingOn(text, 'baby passed'), findingOn(text, '\tline'), { ruleId: 'plan', message: 'No plan.', start: text.indexOf('Second'), end: text.indexOf('Second') }]);
    const anchors = anchoredText(out);
    expect(comments(out).map((c) => anchors.get(c.id))).toEqual(['baby passed', 'line', 'Secondline']);
    const xml = part(out, 'word/document.xml');
    expect(xml).toContain('<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Mum &amp; </w:t></w:r><w:commentRangeStart w:id="0"/>');
    expect(readDocx(out).text).toBe(text);
  });

  it('finds the same text elements as the reader despite empty w:t, XML comments and text boxes', () => {
    const bytes = rawDocx(
      '<w:p><w:r><w:t/></w:r><!-- <w:t>not text</w:t> --><w:r><w:t xml:space="preserve">Mum </w:t></w:r>' +
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
        '<w:hyperlink r:id="rId9"><w:r><w:t>passed</w:t></w:r></w:hyperlink><w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> the PAMS</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText> easily</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>',
    );
    const text = readDocx(bytes).text;
    expect(text).toBe('Mum passed the PAMS.');
    const out = annotateDocx(bytes, [findingOn(text, 'passed the PAMS'), findingOn(text, 'Mum')]);
    const anchors = anchoredText(out);
    expect(comments(out).map((c) => anchors.get(c.id))).toEqual(['passed the PAMS', 'Mum']);
    expect(readDocx(out).text).toBe(text);
  });

  it("drops Word's companion entries for its old comments when a copy saved by Word is annotated again", () => {
    const files = unzipSync(annotated);
    let commentsXml = strFromU8(files['word/comments.xml']!);
    // What Word does on save: a paraId on each comment paragraph, and entries in three companion parts.
    let n = 0;
    commentsXml = commentsXml.replace(/<w:p>/g, () => `<w:p w14:paraId="0000${(n++).toString(16).padStart(4, '0')}">`);
    files['word/comments.xml'] = strToU8(commentsXml);
    const paraIds = [...commentsXml.matchAll(/w14:paraId="(\w+)"/g)].map((m) => m[1]!);
    const keep = '<w15:commentEx w15:paraId="KEEP0001" w15:done="0"/>';
    files['word/commentsExtended.xml'] = strToU8(`<w15:commentsEx xmlns:w15="x">${paraIds.map((id) => `<w15:commentEx w15:paraId="${id}" w15:done="0"/>`).join('')}${keep}</w15:commentsEx>`);
    files['word/commentsIds.xml'] = strToU8(`<w16cid:commentsIds xmlns:w16cid="y">${paraIds.map((id, i) => `<w16cid:commentId w16cid:paraId="${id}" w16cid:durableId="D${i}"/>`).join('')}</w16cid:commentsIds>`);
    files['word/commentsExtensible.xml'] = strToU8(`<w16cex:commentsExtensible xmlns:w16cex="z">${paraIds.map((_, i) => `<w16cex:commentExtensible w16cex:durableId="D${i}" w16cex:dateUtc="2024-05-01T10:00:00Z"/>`).join('')}</w16cex:commentsExtensible>`);
    const saved = zipSync(files);
    const again = annotateDocx(saved, findings);
    expect(comments(again)).toHaveLength(findings.length);
    expect(part(again, 'word/commentsExtended.xml')).toBe(`<w15:commentsEx xmlns:w15="x">${keep}</w15:commentsEx>`);
    expect(part(again, 'word/commentsIds.xml')).not.toContain('commentId ');
    expect(part(again, 'word/commentsExtensible.xml')).not.toContain('commentExtensible ');
  });
});
