import { parseMarkdown, parsePlainText } from '@caselint/core';
import { describe, expect, it } from 'vitest';

describe('Markdown reader', () => {
  it('reads headings, paragraphs, lists and tables, without markup, mapped to the source', () => {
    const src = '# Report\n\n**Child:** Mia Carter\n**Parent:** Jade\n\n- Safety: *Unachieved*\n- [Budgeting](x): Achieved\n\n| Area | Outcome |\n| --- | --- |\n| Safe sleeping | Unachieved |\n\n```\ncode is not prose\n```\n';
    const doc = parseMarkdown(src);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Report'],
      ['paragraph', 'Child: Mia Carter'],
      ['paragraph', 'Parent: Jade'],
      ['list-item', 'Safety: Unachieved'],
      ['list-item', 'Budgeting: Achieved'],
      ['table-cell', 'Area'],
      ['table-cell', 'Outcome'],
      ['table-cell', 'Safe sleeping'],
      ['table-cell', 'Unachieved'],
    ]);
    expect(doc.blocks[7]!.table).toEqual({ table: 0, row: 1, column: 0, header: false });
    const cell = doc.blocks[8]!;
    expect(src.slice(cell.segments[0]!.source, cell.segments[0]!.source + 10)).toBe('Unachieved');
  });

  it('keeps hard-wrapped prose in one block and reads directives from comments', () => {
    const doc = parseMarkdown('<!-- caselint-disable-next-line simplistic-outcome -->\nMs Carter passed the\nassessment on Monday.\n');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Ms Carter passed the assessment on Monday.']);
    expect(doc.directives).toEqual([{ kind: 'disable-next-line', rules: ['simplistic-outcome'], line: 1 }]);
  });
});

describe('plain-text reader', () => {
  it('splits label lines and entries, keeps wrapped prose together, and reads pipe tables', () => {
    const doc = parsePlainText('Case note - 6 January 2021\nTeam manager supervision. The worker\nleft the team.\n\nArea | Outcome\nSafety | Unachieved\n');
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Case note - 6 January 2021'],
      ['paragraph', 'Team manager supervision. The worker left the team.'],
      ['table-cell', 'Area'],
      ['table-cell', 'Outcome'],
      ['table-cell', 'Safety'],
      ['table-cell', 'Unachieved'],
    ]);
  });
});
