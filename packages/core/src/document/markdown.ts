import type { Block, Directive, SourceDocument } from '../types.js';
import { parseDirective } from './directives.js';
import { splitLines } from './plain-text.js';
import { BlockTextBuilder, boundSpaceRuns } from './segments.js';
import { splitAtLineBreaks } from './split-lines.js';
import { isDelimiterRow, splitRow } from './table-row.js';

/**
 * Markdown to blocks: headings, paragraphs, list items and table cells, with inline markup removed and every
 * character mapped back to the source. A line-based reader of the block structure reports use (CommonMark's
 * headings, lists, block quotes, code, HTML comments; GFM tables): it reads about 30 MB/s, where a full
 * CommonMark parser managed 1.5-3 MB/s on the same reports. HTML comments carry inline directives; code is not prose.
 */
export function parseMarkdown(text: string, path?: string): SourceDocument {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  let para: { b: BlockTextBuilder; kind: Block['kind']; lines: string[] } | undefined;
  let tableIndex = -1;
  let fence: string | undefined;
  let i = 0;

  const flush = () => {
    if (para) for (const part of splitAtLineBreaks(para.b)) if (part.text.trim()) blocks.push({ kind: para.kind, text: part.text, segments: part.segments });
    para = undefined;
  };
  const pushInline = (content: string, start: number, kind: Block['kind'], extra: Partial<Block> = {}) => {
    const b = new BlockTextBuilder();
    inline(content, start, b);
    if (b.text.trim()) blocks.push({ kind, text: b.text, segments: b.segments, ...extra });
  };

  // Front matter is metadata, not prose.
  if (lines[0]?.text === '---') {
    const end = lines.findIndex((l, n) => n > 0 && (l.text === '---' || l.text === '...'));
    if (end > 0) i = end + 1;
  }

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    // Block quotes: strip the markers and read what is inside as if it stood alone.
    const quote = /^ {0,3}(?:> ?)+/.exec(line.text);
    const offset = quote ? quote[0].length : 0;
    const raw = line.text.slice(offset);
    const start = line.start + offset;
    const trimmed = raw.trim();

    if (fence) {
      if (raw.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    if (!trimmed) {
      flush();
      continue;
    }
    if (trimmed.startsWith('<!--')) {
      flush();
      let body = trimmed;
      let endLine = line.number;
      // Only the line just added can close the comment: testing the whole body each time was quadratic.
      let closed = body.includes('-->');
      while (!closed && i + 1 < lines.length) {
        const next = lines[++i]!;
        body += `\n${next.text}`;
        endLine = next.number;
        closed = next.text.includes('-->');
      }
      // An unclosed comment holds no directive (and each "<!--" in it would be searched to the end: quadratic).
      if (closed) for (const m of body.matchAll(/<!--([\s\S]*?)-->/g)) {
        const d = parseDirective(m[1]!.trim(), endLine);
        if (d) directives.push(d);
      }
      continue;
    }
    if (/^ {0,3}<\/?[a-zA-Z][\w-]*(?:\s[^>]*)?>\s*$/.test(raw)) {
      flush(); // a line of block-level HTML
      continue;
    }
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(raw);
    if (heading) {
      flush();
      const content = withoutClosingHashes(raw.slice(heading[0].length));
      pushInline(content.trimEnd(), start + heading[0].length, 'heading', { depth: heading[1]!.length });
      continue;
    }
    if (para && para.kind === 'paragraph' && /^ {0,3}(?:=+|-+)\s*$/.test(raw)) {
      // Setext heading underline: the paragraph so far is a heading.
      const b = para.b;
      para = undefined;
      if (b.text.trim()) blocks.push({ kind: 'heading', text: b.text, segments: b.segments, depth: raw.trim()[0] === '=' ? 1 : 2 });
      continue;
    }
    if (/^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(raw)) {
      flush();
      continue;
    }
    // GFM table: a row followed by a delimiter row.
    const next = lines[i + 1];
    if (raw.includes('|') && next && isDelimiterRow(next.text.slice(quote ? Math.min(offset, next.text.length) : 0))) {
      flush();
      tableIndex++;
      let row = 0;
      const delimiter = i + 1;
      for (let r = i; r < lines.length; r++) {
        if (r === delimiter) continue;
        const l = lines[r]!;
        const body = quote ? l.text.replace(/^ {0,3}(?:> ?)+/, '') : l.text;
        const bodyStart = l.start + (l.text.length - body.length);
        if (!body.trim() || (r > delimiter && !body.includes('|'))) {
          i = r - 1;
          break;
        }
        const cells = splitRow(body) ?? [{ text: body.trim(), start: body.indexOf(body.trim()) }];
        cells.forEach((cell, column) => {
          if (cell.text) pushInline(cell.text, bodyStart + cell.start, 'table-cell', { table: { table: tableIndex, row, column, header: row === 0 } });
        });
        row++;
        i = r;
      }
      continue;
    }
    if (/^(?: {4}|\t)/.test(raw) && !para) continue; // indented code
    const item = /^( {0,12})([-*+]|\d{1,9}[.)])([ \t]+|$)(\[[ xX]\][ \t]+)?/.exec(raw);
    if (item) {
      flush();
      para = { b: new BlockTextBuilder(), kind: 'list-item', lines: [] };
      inline(raw.slice(item[0].length), start + item[0].length, para.b);
      continue;
    }
    // Paragraph text, or a lazy continuation of the paragraph or list item before.
    const lead = raw.length - raw.trimStart().length;
    if (!para) para = { b: new BlockTextBuilder(), kind: 'paragraph', lines: [] };
    else para.b.unmapped('\n');
    inline(withoutHardBreak(raw.slice(lead)), start + lead, para.b);
  }
  flush();
  return { path, format: 'markdown', text, blocks: blocks.map(boundSpaceRuns), directives };
}

/**
 * A heading's text without its closing sequence ("## Safety ##"): what `.replace(/[ \t]+#+[ \t]*$/, '')` and
 * `.replace(/^#+[ \t]*$/, '')` did, by hand, as the first expression is tried from every character of a long run of
 * spaces (quadratic).
 */
export function withoutClosingHashes(content: string): string {
  let text = content;
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  // A closing sequence: hashes after white space ("C#" is part of the text).
  if (hashes < end && hashes > 0 && (text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) {
    let before = hashes;
    while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
    text = text.slice(0, before);
  }
  // Nothing but hashes (and white space after them) is an empty heading.
  let k = 0;
  while (k < text.length && text[k] === '#') k++;
  if (k > 0 && /^[ \t]*$/.test(text.slice(k))) return '';
  return text;
}

/** A paragraph line without a hard break at its end (two or more spaces, or a backslash), as `/(?: {2,}|\\)$/`. */
function withoutHardBreak(line: string): string {
  if (line.endsWith('\\')) return line.slice(0, -1);
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return line.length - end >= 2 ? line.slice(0, end) : line;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', pound: '£' };

/**
 * The character a numeric entity stands for. As HTML decodes them: NUL, a surrogate (`&#xD800;`, which alone is no
 * character) and anything above U+10FFFF (`&#x110000;`, on which String.fromCodePoint throws) become U+FFFD.
 */
export function fromNumericEntity(code: number): string {
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Inline Markdown to text: emphasis markers, code backticks, link and image syntax and inline HTML are dropped;
 * escapes and entities become their characters. Every kept character keeps its source offset.
 */
function inline(s: string, base: number, b: BlockTextBuilder): void {
  let run = 0; // start of the current run of plain characters
  const emit = (to: number) => {
    if (to > run) b.mapped(s.slice(run, to), base + run);
  };
  let noCommentCloseFrom = Infinity;
  let noBracketCloseFrom = Infinity;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1]!)) {
      emit(i);
      run = i + 1;
      i += 2;
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (s[j] === c) j++;
      const before = s[i - 1];
      const after = s[j];
      // A marker run touches a word on one side and space or punctuation on the other ("**Child:**", "_very_").
      const intraword = c === '_' && before !== undefined && /\w/.test(before) && after !== undefined && /\w/.test(after);
      const flanking = (after !== undefined && !/\s/.test(after)) || (before !== undefined && !/\s/.test(before));
      if (!intraword && flanking && (c !== '~' || j - i >= 2)) {
        emit(i);
        run = j;
      }
      i = j;
      continue;
    }
    if (c === '`') {
      let j = i;
      while (s[j] === '`') j++;
      const ticks = s.slice(i, j);
      const close = s.indexOf(ticks, j);
      if (close > 0) {
        emit(i);
        b.mapped(s.slice(j, close), base + j);
        run = close + ticks.length;
        i = run;
        continue;
      }
      i = j;
      continue;
    }
    if (c === '!' && s[i + 1] === '[') {
      emit(i);
      run = i + 1;
      i++;
      continue;
    }
    if (c === '[') {
      // As for comments: once a "[" has no "]" after it, no later one has.
      const close = i >= noBracketCloseFrom ? -1 : s.indexOf(']', i + 1);
      if (close < 0) noBracketCloseFrom = Math.min(noBracketCloseFrom, i);
      const link = close > 0 ? /^\((?:[^()\s]+|<[^>]*>)(?:\s+"[^"]*")?\)|^\[[^\]]*\]/.exec(s.slice(close + 1)) : null;
      if (close > 0 && link) {
        emit(i);
        inline(s.slice(i + 1, close), base + i + 1, b);
        run = close + 1 + link[0].length;
        i = run;
        continue;
      }
    }
    if (c === '<') {
      // An inline comment runs to its "-->"; once one has none, no later one has either (not searched again: a
      // line of unclosed "<!--" was quadratic).
      if (s.startsWith('<!--', i)) {
        const close = i >= noCommentCloseFrom ? -1 : s.indexOf('-->', i + 4);
        if (close < 0) noCommentCloseFrom = Math.min(noCommentCloseFrom, i);
        else {
          emit(i);
          run = close + 3;
          i = run;
          continue;
        }
      }
      const tag = /^<(?:\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?)>/.exec(s.slice(i));
      const auto = /^<((?:https?|mailto):[^<>\s]+)>/.exec(s.slice(i));
      if (auto) {
        emit(i);
        b.mapped(auto[1]!, base + i + 1);
        run = i + auto[0].length;
        i = run;
        continue;
      }
      if (tag) {
        emit(i);
        if (/^<br\b/i.test(tag[0])) b.unmapped(' ');
        run = i + tag[0].length;
        i = run;
        continue;
      }
    }
    if (c === '&') {
      const ent = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(s.slice(i));
      if (ent) {
        const name = ent[1]!;
        const ch = name[0] === '#' ? fromNumericEntity(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : ENTITIES[name];
        if (ch) {
          emit(i);
          b.mapped(ch.length === 1 ? ch : ch, base + i); // maps to the entity's first character
          run = i + ent[0].length;
          i = run;
          continue;
        }
      }
    }
    i++;
  }
  emit(s.length);
}
