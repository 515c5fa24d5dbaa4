import { TextDecoder } from 'node:util';
import type { SourceDocument } from '../types.js';
import { ReadError } from './errors.js';
import { documentFromParagraphs, type ReadParagraph } from './paragraphs.js';

// Why a tokenizer of our own: of the RTF readers on npm, rtf-parser has had no release since 2017 and reads no
// tables; rtf.js renders into a browser DOM; rtf-stream-parser's tokenizer is a stream that allocates the size a
// `\binN` declares before reading it (a 20-byte file can ask for gigabytes). What caselint needs of RTF is small
// and well specified (text, paragraphs, table cells, heading styles), so it is read here, in one bounded pass.

/** Destinations whose content is not report text (besides any group that starts with `\*`). */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'info', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr',
  'footerf', 'footnote', 'annotation', 'atnid', 'atnauthor', 'object', 'objdata', 'themedata', 'colorschememapping',
  'datastore', 'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'pntext',
  'pntxta', 'pntxtb', 'listtext', 'fldinst', 'shp', 'shpinst', 'shptxt', 'nonshppict', 'shppict', 'private', 'revtbl',
  'filetbl', 'pgdsctbl', 'template', 'docvar', 'userprops', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc',
  'aftncn', 'txe', 'xe', 'tc', 'bkmkstart', 'bkmkend', 'pn', 'field-instruction',
]);

/** Control words that stand for one character. */
const CHARACTERS: Record<string, string> = {
  emdash: '\u2014', endash: '\u2013', bullet: '\u2022', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c',
  rdblquote: '\u201d', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005', tab: '\t', line: '\n',
};

/** Deeper nesting than this is not a document any word processor writes. */
const MAX_GROUP_DEPTH = 10_000;

/** What a group carries, restored when the group ends. */
interface GroupState {
  /** Inside a destination whose text is not report text. */
  skip: boolean;
  /** The stylesheet group itself (each group in it defines a style). */
  stylesheet: boolean;
  /** A style definition's own group: its text is the style's name. */
  styleName: boolean;
  /** Characters to skip after each `\uN` (the fallback for readers without Unicode). */
  unicodeSkip: number;
  /** Hidden (`\v`) or deleted (`\deleted`) text. */
  hidden: boolean;
}

/** Paragraph properties, reset by `\pard`. */
interface ParagraphState {
  inTable: boolean;
  style: number;
  outlineLevel?: number;
  listed: boolean;
}

const plainParagraph = (): ParagraphState => ({ inTable: false, style: 0, listed: false });

/**
 * Read an RTF file into a SourceDocument shaped as for .docx: one line per paragraph; headings (a heading style
 * from the stylesheet, or an outline level), list items (`\ls` or old-style `\pn` numbering) and table cells
 * (`\intbl` ... `\cell`, `\row`) as blocks. Text is decoded from `\'hh` in the document's code page and from
 * `\uN`; headers, footers, footnotes, comments, pictures and field instructions are left out.
 */
export function readRtf(bytes: Uint8Array, path?: string): SourceDocument {
  if (!isRtf(bytes)) {
    throw new ReadError('is not an RTF document (it does not start with {\\rtf)', 'rtf-not-rtf');
  }
  return documentFromParagraphs(rtfParagraphs(bytes), 'rtf', path);
}

/** Whether bytes are RTF: they start with `{\rtf`. */
export function isRtf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '{\\rtf';
}

/** The paragraphs of an RTF document, in order. */
export function rtfParagraphs(bytes: Uint8Array): ReadParagraph[] {
  const paragraphs: ReadParagraph[] = [];
  const headingStyles = new Map<number, number>();
  let decoder = new TextDecoder('windows-1252');
  let group: GroupState = { skip: false, stylesheet: false, styleName: false, unicodeSkip: 1, hidden: false };
  const stack: GroupState[] = [];
  let paragraph = plainParagraph();
  let chunks: string[] = [];
  // Bytes of text in the document's code page, decoded together (a double-byte character may be split over two \'hh).
  const pendingBytes = new PendingBytes();
  let skipFallback = 0;
  // The group just opened: its first control word may name a destination.
  let groupStart = false;
  let starred = false;
  let styleDefinition: { number?: number; outlineLevel?: number; name: string } | undefined;
  let styleDepth = 0;
  let table = -1;
  let row = 0;
  let column = 0;
  let tableOpen = false;

  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    addText(decoder.decode(pendingBytes.take()));
  };
  const addText = (text: string) => {
    if (group.styleName && styleDefinition) styleDefinition.name += text;
    else if (!group.skip && !group.hidden) chunks.push(text);
  };
  /** Whether text here is kept: report text, or a style's name. */
  const keeps = () => group.styleName || (!group.skip && !group.hidden);
  const endParagraph = (cellEnds = false) => {
    flushBytes();
    const text = chunks.join('');
    chunks = [];
    const inTable = paragraph.inTable || cellEnds;
    if (inTable && !tableOpen) {
      tableOpen = true;
      table++;
      row = 0;
      column = 0;
    } else if (!inTable) tableOpen = false;
    const depth = paragraph.outlineLevel !== undefined ? paragraph.outlineLevel + 1 : headingStyles.get(paragraph.style);
    paragraphs.push({
      text,
      ...(depth !== undefined && depth <= 9 ? { kind: 'heading', depth } : { kind: paragraph.listed ? 'list-item' : 'paragraph' }),
      ...(inTable ? { cell: { table, row, column } } : {}),
    });
  };

  const controlWord = (word: string, param: number | undefined) => {
    const destination = groupStart;
    groupStart = false;
    if (destination && (starred || SKIPPED_DESTINATIONS.has(word))) {
      group.skip = true;
      if (word === 'pn') paragraph.listed = true;
      return;
    }
    if (destination && word === 'stylesheet') {
      group.stylesheet = true;
      group.skip = true;
      return;
    }
    if (group.styleName && styleDefinition) {
      if (word === 's') styleDefinition.number = param ?? 0;
      else if (word === 'outlinelevel') styleDefinition.outlineLevel = param;
      return;
    }
    if (group.skip) {
      if (word === 'bin' && param) skipBinary = param;
      return;
    }
    const character = CHARACTERS[word];
    if (character !== undefined) {
      flushBytes();
      addText(character);
      return;
    }
    switch (word) {
      case 'par':
        endParagraph();
        break;
      case 'cell':
      case 'nestcell':
        // A cell ends a paragraph; a nested table's cells stay in the enclosing cell, one paragraph each.
        endParagraph(true);
        if (word === 'cell') column++;
        break;
      case 'row':
        if (chunks.length > 0) endParagraph(true);
        row++;
        column = 0;
        break;
      case 'sect':
        if (chunks.length > 0 || pendingBytes.length > 0) endParagraph();
        break;
      case 'pard':
        paragraph = plainParagraph();
        break;
      case 'intbl':
        paragraph.inTable = true;
        break;
      case 's':
        paragraph.style = param ?? 0;
        break;
      case 'outlinelevel':
        if (param !== undefined && param >= 0 && param < 9) paragraph.outlineLevel = param;
        break;
      case 'ls':
        paragraph.listed = true;
        break;
      case 'uc':
        group.unicodeSkip = Math.max(0, param ?? 1);
        break;
      case 'u':
        flushBytes();
        addText(String.fromCharCode(((param ?? 0) + 65536) % 65536));
        skipFallback = group.unicodeSkip;
        break;
      case 'v':
      case 'deleted':
        group.hidden = param !== 0;
        break;
      case 'plain':
        group.hidden = false;
        break;
      case 'ansicpg':
        decoder = codePageDecoder(param);
        break;
      case 'bin':
        skipBinary = param ?? 0;
        break;
    }
  };

  let skipBinary = 0;
  // The bytes as Latin-1 text, one character a byte, for reading control words (text is decoded separately).
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i]!;
    if (c === 0x7b /* { */) {
      flushBytes();
      if (stack.length >= MAX_GROUP_DEPTH) throw new ReadError(`is not a normal .rtf (groups nested more than ${MAX_GROUP_DEPTH} deep)`, 'rtf-too-deep');
      const outer = group;
      stack.push(outer);
      group = { ...outer, stylesheet: false, styleName: outer.stylesheet };
      if (outer.stylesheet) {
        styleDefinition = { name: '' };
        styleDepth = stack.length;
      }
      groupStart = true;
      starred = false;
      skipFallback = 0;
      i++;
      continue;
    }
    if (c === 0x7d /* } */) {
      flushBytes();
      if (styleDefinition && stack.length === styleDepth) {
        defineStyle(styleDefinition, headingStyles);
        styleDefinition = undefined;
      }
      const outer = stack.pop();
      if (!outer) throw new ReadError('is a damaged .rtf (a group closes that never opened)', 'rtf-corrupt');
      group = outer;
      groupStart = false;
      skipFallback = 0;
      i++;
      if (stack.length === 0) break; // the document's group has closed: anything after it is not part of it
      continue;
    }
    if (c === 0x5c /* \ */) {
      i++;
      if (i >= n) break;
      const next = bytes[i]!;
      if (isLetter(next)) {
        let end = i;
        while (end < n && isLetter(bytes[end]!) && end - i < 32) end++;
        const word = source.slice(i, end);
        let param: number | undefined;
        let p = end;
        if (p < n && (bytes[p] === 0x2d || isDigit(bytes[p]!))) {
          const digitsFrom = bytes[p] === 0x2d ? p + 1 : p;
          let q = digitsFrom;
          while (q < n && isDigit(bytes[q]!) && q - digitsFrom < 10) q++;
          if (q > digitsFrom) {
            param = Number(source.slice(p, q));
            p = q;
          }
        }
        if (p < n && bytes[p] === 0x20) p++; // the delimiting space belongs to the control word
        i = p;
        if (word !== 'u' && word !== 'bin') flushBytes();
        controlWord(word, param);
        if (skipBinary > 0) {
          // \binN: N raw bytes follow; they are skipped (never allocated), and cannot run past the end.
          i = Math.min(n, i + skipBinary);
          skipBinary = 0;
        }
        continue;
      }
      i++;
      groupStart &&= next === 0x2a; // only `\*` may come before a destination's name
      switch (next) {
        case 0x2a /* * */:
          starred = true;
          break;
        case 0x27 /* ' */: {
          const hex = source.slice(i, i + 2);
          i += 2;
          if (!/^[0-9a-fA-F]{2}$/.test(hex)) break;
          if (skipFallback > 0) skipFallback--;
          else if (keeps()) pendingBytes.push(parseInt(hex, 16));
          break;
        }
        case 0x7e /* ~ */:
          addVisible('\u00a0');
          break;
        case 0x5f /* _ */:
          addVisible('-');
          break;
        case 0x5c:
        case 0x7b:
        case 0x7d:
          addVisible(String.fromCharCode(next));
          break;
        case 0x0a:
        case 0x0d:
          controlWord('par', undefined);
          break;
      }
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      i++; // line ends in RTF source are not text
      continue;
    }
    // A run of literal text: bytes in the document's code page, less any fallback of a preceding \uN.
    let end = i + 1;
    while (end < n && !isSpecial(bytes[end]!)) end++;
    const skipped = Math.min(skipFallback, end - i);
    skipFallback -= skipped;
    if (i + skipped < end && keeps()) pendingBytes.append(bytes.subarray(i + skipped, end));
    groupStart = false;
    i = end;
  }
  if (stack.length > 0) throw new ReadError('is a truncated .rtf (it ends inside a group)', 'rtf-truncated');
  flushBytes();
  if (chunks.length > 0) endParagraph();
  return paragraphs;

  /** A literal character of text, unless it is the fallback of a `\uN`. */
  function addVisible(text: string) {
    if (skipFallback > 0) {
      skipFallback--;
      return;
    }
    flushBytes();
    addText(text);
  }
}

/** Bytes waiting to be decoded together, in one growing array (a run of `\'hh` is one object, not one per byte). */
class PendingBytes {
  private bytes = new Uint8Array(256);
  length = 0;

  push(byte: number): void {
    this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  append(run: Uint8Array): void {
    this.reserve(run.length);
    this.bytes.set(run, this.length);
    this.length += run.length;
  }

  /** The bytes so far, emptying the buffer. */
  take(): Uint8Array {
    const taken = this.bytes.slice(0, this.length);
    this.length = 0;
    return taken;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}

/** Record a stylesheet entry that is a heading: "heading N" by name, or an outline level. */
function defineStyle(style: { number?: number; outlineLevel?: number; name: string }, headingStyles: Map<number, number>): void {
  if (style.number === undefined) return;
  const name = style.name.replace(/;\s*$/, '').trim().toLowerCase().replace(/\s+/g, '');
  const byName = name === 'title' ? 1 : /^heading([1-9])$/.exec(name)?.[1];
  const depth = style.outlineLevel !== undefined && style.outlineLevel < 9 ? style.outlineLevel + 1 : byName !== undefined ? Number(byName) : undefined;
  if (depth !== undefined) headingStyles.set(style.number, depth);
}

/** A decoder for an `\ansicpg` code page, or Windows-1252 (RTF's default) when the page is unknown here. */
function codePageDecoder(page: number | undefined): TextDecoder {
  const label = page === 65001 ? 'utf-8' : page === 932 ? 'shift_jis' : page === 936 ? 'gbk' : page === 949 ? 'euc-kr' : page === 950 ? 'big5' : `windows-${page}`;
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** Bytes that end a run of literal text: braces, backslash, line ends. */
function isSpecial(c: number): boolean {
  return c === 0x7b || c === 0x7d || c === 0x5c || c === 0x0a || c === 0x0d;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
