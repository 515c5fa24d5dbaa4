import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../../packages/core/src/read/read-file.js';
import { readRtf } from '../../packages/core/src/read/rtf.js';
import { describeRoundTrip, hasWordLocation, expectSampleStructure, type RoundTrip } from './harness.js';
import { readErrorOf } from './read-errors.js';

const rtf = (body: string) => strToU8(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}${body}}`);
const textOf = (body: string) => readRtf(rtf(body)).text;

const unmet: RoundTrip['unmet'] = ['Safe sleeping: Unachieved', { table: 1, row: 6, cell: 1 }];

describeRoundTrip('an .rtf saved by LibreOffice gives the verdicts of its text', { format: 'rtf', located: hasWordLocation, unmet }, (converted) => {

  it('recovers headings, list items and table cells, and no control words', () => {
    const doc = readRtf(converted.sample, 'sample.rtf');
    expect(expectSampleStructure(doc).docx).toMatchObject({ table: 1, row: 3, cell: 2 });
    expect(doc.text).toContain('The placement was broadly positive.');
    expect(doc.text).not.toMatch(/\\[a-z]|[{}]|Footer|HYPERLINK/);
  });
});

describe('reading RTF', () => {
  it('keeps text and drops control words, destinations, hidden text and fallbacks', () => {
    expect(textOf('\\pard Ms Carter \\b has\\b0  passed.\\par')).toBe('Ms Carter has passed.');
    expect(textOf('{\\*\\generator Writer;}{\\info{\\author Someone}}Seen{\\footnote\\pard a footnote} at home{\\v hidden}.')).toBe('Seen at home.');
    expect(textOf('caf\\\'e9 \\u8220?quoted\\u8221? \\uc2\\u8212XYdash')).toBe('café “quoted” —dash');
    expect(textOf('{\\field{\\*\\fldinst HYPERLINK "https://example.org"}{\\fldrslt the guidance}}')).toBe('the guidance');
    expect(textOf('a\\tab b\\line c\\~d\\_e \\{braces\\}')).toBe('a\tb\nc\u00a0d-e {braces}');
  });

  it('reads headings from the stylesheet, list items and tables', () => {
    const doc = readRtf(
      rtf(
        '{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0 heading 1;}{\\s7 Heading 2;}}' +
          '\\pard\\s1 Parenting Assessment\\par\\pard\\s7 Outcomes\\par' +
          '\\trowd\\cellx1000\\cellx2000\\pard\\intbl Area\\cell Outcome\\cell\\row\\trowd\\cellx1000\\cellx2000\\pard\\intbl Budgeting\\cell Unachieved\\cell\\row' +
          '\\pard{\\listtext 1.\\tab}\\ls1 She missed four sessions.\\par',
      ),
    );
    expect(doc.blocks.map((b) => [b.kind, b.depth ?? b.docx?.cell, b.text])).toEqual([
      ['heading', 1, 'Parenting Assessment'],
      ['heading', 2, 'Outcomes'],
      ['table-cell', 1, 'Area'],
      ['table-cell', 2, 'Outcome'],
      ['table-cell', 1, 'Budgeting'],
      ['table-cell', 2, 'Unachieved'],
      ['list-item', undefined, 'She missed four sessions.'],
    ]);
    expect(doc.blocks[5]!.docx).toEqual({ paragraph: 6, table: 1, row: 2, cell: 2 });
  });

  it('is read by its name as RTF, never as text with its control words', async () => {
    const doc = await documentFromBytes(rtf('\\pard Ms Carter has passed.\\par'), 'report.rtf');
    expect(doc.format).toBe('rtf');
    expect(doc.text).toBe('Ms Carter has passed.');
  });
});

describe('hostile or unreadable RTF', () => {
  it('refuses a truncated file, a stray brace and what is not RTF', () => {
    const whole = rtf('\\pard Ms Carter has passed.\\par');
    expect(readErrorOf(() => readRtf(whole.subarray(0, whole.length - 10)))).toEqual({ code: 'rtf-truncated', message: 'is a truncated .rtf (it ends inside a group)' });
    expect(readErrorOf(() => readRtf(strToU8('Ms Carter has passed.'))).code).toBe('rtf-not-rtf');
  });

  it('skips \\bin data by its declared length without allocating it', () => {
    // A huge declared length costs nothing: the data is skipped, and cannot run past the end.
    expect(readErrorOf(() => readRtf(rtf('{\\*\\blipuid x}\\bin2000000000 abc'))).code).toBe('rtf-truncated');
    expect(textOf('before {\\pict\\bin3 {}\\}after')).toBe('before after');
  });

  it('refuses absurd nesting quickly', () => {
    const started = performance.now();
    expect(readErrorOf(() => readRtf(strToU8(`{\\rtf1${'{'.repeat(200_000)}`))).code).toBe('rtf-too-deep');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
