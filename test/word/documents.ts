// Word documents for the add-in's tests: a report as Word's API would list its body paragraphs, derived from a
// real .docx (made from the shared corpus's Markdown) through core's reader, so the pane's text can be compared
// with the .docx reader's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx } from '@caselint/core';
import { ROOT } from '../browser/browser.js';
import { markdownToDocx } from '../docx/markdown-to-docx.mjs';
import type { FakeParagraph } from './fake-word.js';

export const PAMS_MARKDOWN = readFileSync(join(ROOT, '../shared/corpus/reports/pams-summary-passed.md'), 'utf8');

/** The body paragraphs of a .docx as Word lists them: text (a line break as \v), heading style, table cell. */
export function wordParagraphsOf(bytes: Uint8Array): FakeParagraph[] {
  const document = readDocx(bytes);
  const paragraphs: FakeParagraph[] = [];
  let offset = 0;
  for (const line of document.text.split('\n')) {
    const where = document.locationAt!(offset)!;
    const paragraph = paragraphs[where.paragraph - 1];
    if (paragraph) paragraph.text += `\v${line}`;
    else paragraphs.push({ text: line, ...(where.table ? { cell: { rowIndex: where.row! - 1, cellIndex: where.cell! - 1 } } : {}) });
    offset += line.length + 1;
  }
  for (const block of document.blocks) if (block.kind === 'heading') paragraphs[block.docx!.paragraph - 1]!.styleBuiltIn = `Heading${block.depth}`;
  return paragraphs;
}

export async function pamsDocx(): Promise<Uint8Array> {
  return markdownToDocx(PAMS_MARKDOWN);
}
