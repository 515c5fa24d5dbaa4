import type { Block, Directive, SourceDocument } from '../types.js';
import { parseDirective } from './directives.js';
import { BlockTextBuilder, boundSpaceRuns } from './segments.js';
import { runsOn } from './split-lines.js';
import { isDelimiterRow, splitRow } from './table-row.js';

interface Line {
  text: string;
  start: number;
  number: number;
}

export const LIST_MARKER = /^(\s*)([-*•‣◦·]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/;

/**
 * Plain text to blocks. Blank lines separate paragraphs; within a paragraph a line break ends the block
 * unless the line runs on mid-sentence into a lowercase word (hard-wrapped prose). List lines and
 * pipe- or tab-separated rows are blocks of their own.
 */
export function parsePlainText(text: string, path?: string): SourceDocument {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  let table = -1;
  let row = 0;
  let inTable = false;
  let current: BlockTextBuilder | undefined;
  let currentKind: Block['kind'] = 'paragraph';
  // The last two characters of current.text: all runsOn reads. Reading them from current.text itself would flatten
  // the growing string on every line (a paragraph of 50,000 short lines took seconds).
  let tail = '';
  const flush = () => {
    if (current && current.text.trim()) blocks.push({ kind: currentKind, text: current.text, segments: current.segments });
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.text.trim();
    if (!trimmed) {
      flush();
      inTable = false;
      continue;
    }
    const directive = parseDirective(trimmed, line.number);
    if (directive) {
      flush();
      directives.push(directive);
      continue;
    }
    const cells = splitRow(line.text);
    if (cells) {
      flush();
      if (!inTable) {
        inTable = true;
        table++;
        row = 0;
      }
      if (isDelimiterRow(line.text)) continue;
      cells.forEach((cell, column) => {
        if (!cell.text) return;
        const b = new BlockTextBuilder();
        b.mapped(cell.text, line.start + cell.start);
        blocks.push({ kind: 'table-cell', text: b.text, segments: b.segments, table: { table, row, column, header: row === 0 } });
      });
      row++;
      continue;
    }
    inTable = false;
    const marker = LIST_MARKER.exec(line.text);
    if (marker) {
      flush();
      current = new BlockTextBuilder();
      currentKind = 'list-item';
      const content = line.text.slice(marker[0].length).trimEnd();
      current.mapped(content, line.start + marker[0].length);
      tail = content.slice(-2);
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const content = line.text.slice(lead).trimEnd();
    if (current && runsOn(tail, content)) {
      current.unmapped(' ');
      current.mapped(content, line.start + lead);
      tail = ` ${content}`.slice(-2);
      continue;
    }
    flush();
    current = new BlockTextBuilder();
    currentKind = 'paragraph';
    current.mapped(content, line.start + lead);
    tail = content.slice(-2);
  }
  flush();
  return { path, format: 'text', text, blocks: blocks.map(boundSpaceRuns), directives };
}

/** The lines of a text; \r\n, \n and lone \r all end a line. Reads no character past the end (that makes V8 slow). */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const length = text.length;
  let start = 0;
  let number = 1;
  if (!text.includes('\r')) {
    // The usual case: indexOf finds line feeds far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      out.push({ text: text.slice(start, i), start, number: number++ });
      start = i + 1;
    }
    out.push({ text: text.slice(start), start, number });
    return out;
  }
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    out.push({ text: text.slice(start, i), start, number: number++ });
    if (c === 13 && i + 1 < length && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  out.push({ text: text.slice(start), start, number });
  return out;
}
