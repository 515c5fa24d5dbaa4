// Fuzzing with hostile pieces (issue 13): documents built from entities, white-space runs, separators, labels,
// pipes, verdict and concern words, in Markdown, text and .docx. Each must be checked without a throw, within a
// generous bound, with every finding inside the document. Seeds are fixed; a failing case found here is kept below
// as a regression input.
import { defaultConfig, Linter, parseDocument, readDocx, type SourceDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawDocx } from '../docx/fixtures.js';

const linter = new Linter(rules);
const config = defaultConfig();

const PIECES = [
  // entities, including ones that name no character
  '&#13;', '&#10;', '&#13;&#10;', '&#x110000;', '&#xD800;', '&#55296;', '&#0;', '&#160;', '&amp;', '&#1114112;',
  // white space and line separators
  ' ', '   ', ' '.repeat(40), '\t', '\r\n', '\r', '\n', '\n\n', '\v', '\f', '\u2028', '\u2029', '\u0085', '\u00a0', '\u0000',
  // separators and Markdown structure
  ':', ' - ', ' – ', '|', '| --- |', '---', '# ', '## ', '> ', '* ', '1. ', '<!--', '-->', '```', '[', ']', '(', ')', '<br>', '`', '**', '_',
  // labels, verdicts and concerns
  'Safety', 'Safe sleeping', 'Outcome', 'Grade 4', 'placement of', 'described the placement as', 'positive but', 'passed',
  'positive', 'no concerns', 'unachieved', 'not achieved', 'deteriorated', 'co-sleeping', 'Ms Carter', 'the PAMS assessment',
  '.', '. ', '?', 'e.g.', 'Mr.', 'A.', '"', "'", '\ud800', '\udc00', '😀',
];

const single = fc.constantFrom(...PIECES);
// Runs of one piece: what made the old readers blow up (26 CR LF entities, hundreds of spaces before a colon).
const piece = fc.oneof(single, fc.tuple(single, fc.integer({ min: 2, max: 60 })).map(([p, k]) => p.repeat(k)));
const documentText = fc.array(piece, { minLength: 1, maxLength: 80 }).map((parts) => parts.join(''));

function escapeXml(text: string): string {
  // XML 1.0 cannot carry most control characters: Word would not write them.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function checkWithin(doc: SourceDocument, ms: number): void {
  const started = performance.now();
  const findings = linter.lint(doc, config);
  expect(performance.now() - started).toBeLessThan(ms);
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(doc.text.length);
    expect(f.start).toBeLessThanOrEqual(f.end);
  }
}

describe('fuzzing with hostile pieces', () => {
  it('checks Markdown and text built from them, without a throw and quickly', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(documentText, fc.constantFrom('markdown' as const, 'text' as const), (text, format) => {
        checkWithin(parseDocument(text, format), 2000);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 13), numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('checks .docx built from them (text runs and line breaks)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(documentText, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const body = paragraphs
          .map((p) => `<w:p><w:r>${p.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`).join('<w:br/>')}</w:r></w:p>`)
          .join('');
        checkWithin(readDocx(rawDocx(body)), 2000);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 13), numRuns: Math.ceil(Number(process.env.FUZZ_RUNS ?? 300) / 3) },
    );
  });
});
