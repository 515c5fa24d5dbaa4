// The language server's chunked Markdown reading must give exactly what the engine's whole-document
// reader gives, before and after edits, or live findings would differ from the CLI's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from '@caselint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalMarkdownReader, markdownChunks } from '../../packages/language-server/src/incremental-markdown.js';
import { REPO_ROOT } from './lsp-session.js';
// @ts-expect-error: a plain .mjs module without types
import { generateReport } from '../../bench/lsp.mjs';

const corpus = (name: string) => readFileSync(resolve(REPO_ROOT, '../shared/corpus/reports', name), 'utf8');
const whole = (text: string) => {
  const doc = parseDocument(text, 'markdown');
  return { blocks: doc.blocks, directives: doc.directives };
};
const chunked = (reader: IncrementalMarkdownReader, text: string) => {
  const doc = reader.read(text);
  expect(doc.text).toBe(text);
  return { blocks: doc.blocks, directives: doc.directives };
};

const PIECES = [
  '# Heading', '## Conclusion', '### Week 3', 'Ms Carter has passed the assessment.', 'The placement was positive.',
  '- a list item\n- another item', '1. first\n\n2. loose second', '| Area | Outcome |\n| --- | --- |\n| Safe sleeping | Unachieved |',
  '```\n# not a heading\n\n# still code\n```', '~~~~\n```\n\n# code\n~~~~', '<!-- caselint-disable-next-line simplistic-outcome -->',
  '<!--\n\n# inside a comment\n\n-->', '> quoted\n>\n> # quoted heading', '    # indented code', 'Setext heading\n===',
  '- item\n\n  # heading in an item', '* * *', 'Text with *emphasis* and `code` and a [link](http://x).',
];

describe('incremental Markdown reading', () => {
  it('cuts a long report into many chunks', () => {
    expect(markdownChunks(generateReport())!.length).toBeGreaterThan(20);
  });

  it('reads the corpus reports and the benchmark report exactly as the engine does', () => {
    for (const text of [corpus('pams-summary-passed.md').repeat(8), corpus('pams-summary-evidenced.md').repeat(8), generateReport(), generateReport().replace(/\n/g, '\r\n')]) {
      expect(chunked(new IncrementalMarkdownReader(), text)).toEqual(whole(text));
    }
  });

  it('stays exact through edits that reuse cached chunks', () => {
    const reader = new IncrementalMarkdownReader();
    let text = generateReport();
    chunked(reader, text);
    const edits: [string, string][] = [['On 3 ', 'At 3 '], ['## Week 4 observations', 'Week 4 observations'], ['## Week 9', '<!-- caselint-disable-next-line outcome-contradicts-findings -->\n\n## Week 9'], ['| Budgeting | Unachieved |', '| Budgeting | Achieved |'], ['## Week 12', '```\n\n## Week 12']];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      expect(chunked(reader, text)).toEqual(whole(text));
    }
  });

  it('equals the whole parse for random documents built from tricky pieces', () => {
    const padding = 'A long paragraph of ordinary prose about the week. '.repeat(40);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, padding), { minLength: 1, maxLength: 60 }), fc.constantFrom('\n\n', '\n', '\n\n\n'), (pieces, gap) => {
        const text = [...pieces, padding.repeat(8)].join(gap);
        expect(chunked(new IncrementalMarkdownReader(), text)).toEqual(whole(text));
      }),
      { numRuns: 100 },
    );
  });
});
