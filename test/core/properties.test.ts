// Properties that must hold for any input: no throw, every range inside the document, every mapped
// character of a block equal to the document character it maps to.
import fc from 'fast-check';
import { defaultConfig, Linter, parseDocument, decodeText, type SourceDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';

const linter = new Linter(rules);
const config = defaultConfig();

// Report-like fragments, so generated text exercises the rules, mixed with arbitrary text and markup.
const fragment = fc.constantFrom(
  'Ms Carter passed the PAMS assessment.', 'No concerns.', '| Area | Outcome |', '| --- | --- |', '| Safe sleeping | Unachieved |',
  '- Budgeting: Unachieved', '# Conclusion', 'Mia was found in her mother\'s bed.', 'The case is unallocated.', '**Child:** Mia',
  '<!-- caselint-disable-next-line -->', 'caselint-disable', 'The placement has been positive.', '> quoted', '```', '“positive”',
  'Her self-care deteriorated.', 'It is recommended that they move to a foster placement.', '\t', '\r\n', '\n', '\n\n', ' ', '*', '_', '`', '[link](x)', '&amp;', '\\*',
);
const text = fc.array(fc.oneof(fragment, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 40 }).map((parts) => parts.join(''));

function checkDocument(doc: SourceDocument): void {
  for (const block of doc.blocks) {
    for (const s of block.segments) {
      expect(s.source + s.length).toBeLessThanOrEqual(doc.text.length);
      expect(block.text.slice(s.at, s.at + s.length)).toBe(doc.text.slice(s.source, s.source + s.length));
    }
  }
  const lines = doc.text.split(/\r\n|\r|\n/);
  for (const f of linter.lint(doc, config)) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(doc.text.length);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines.length);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
    expect(f.message).not.toMatch(/\{\{/);
    for (const r of f.related ?? []) {
      expect(r.end).toBeLessThanOrEqual(doc.text.length);
      expect(r.line).toBeLessThanOrEqual(lines.length);
    }
  }
}

describe('properties', () => {
  it('any plain text: no throw, ranges inside the document, blocks map to the source', () => {
    fc.assert(fc.property(text, (t) => checkDocument(parseDocument(t, 'text'))), { numRuns: 300, seed: 20261125 });
  });
  it('any Markdown: no throw, ranges inside the document, blocks map to the source', () => {
    fc.assert(fc.property(text, (t) => checkDocument(parseDocument(t, 'markdown'))), { numRuns: 300, seed: 20261125 });
  });
  it('any bytes decode or are refused as binary, never throw otherwise', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          const { text } = decodeText(bytes);
          checkDocument(parseDocument(text, 'text'));
        } catch (e) {
          expect((e as Error).name).toBe('ReadError');
        }
      }),
      { numRuns: 200, seed: 20261125 },
    );
  });
});
