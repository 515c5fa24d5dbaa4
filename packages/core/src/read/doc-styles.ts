// Headings and list items of a Word 97-2003 .doc. word-extractor gives a document's text but not its paragraph
// styles; this reads them from the same structures (the FIB, the stylesheet and the paragraph property pages)
// and marks each heading or list paragraph's mark in word-extractor's pieces of text, one character for
// another, so its text and offsets are unchanged. Anything unexpected leaves the paragraphs unmarked: headings
// are a refinement, never a reason to refuse a file.

/** A piece of the document text as word-extractor holds it. */
export interface WordPiece {
  text: string;
  startFilePos: number;
  size: number;
  /** Bytes per character: 1 (compressed) or 2 (UTF-16). */
  bpc: number;
}

/** Marks put in place of a paragraph mark: a heading of level 1-9, or a list item. */
const HEADING_MARK = 0xe000;
export const LIST_MARK = '\ue00a';
/** Any paragraph-kind mark, for the reader to find and take out again. */
export const PARAGRAPH_MARKS = /[\ue001-\ue00a]/;

/** The heading level a mark stands for, or undefined for a list item's. */
export function headingLevelOf(mark: string): number | undefined {
  const level = mark.charCodeAt(0) - HEADING_MARK;
  return level >= 1 && level <= 9 ? level : undefined;
}

/** sti, a built-in style's identifier: 1-9 are "heading 1" to "heading 9", 62 is "Title". */
const STI_TITLE = 62;
const SPRM_ILFO = 0x460b; // the paragraph is in a list
const SPRM_OUTLINE_LEVEL = 0x2640; // the paragraph's outline level (0-8), as set directly

/** Mark heading and list paragraphs in `pieces`. `fib` is the WordDocument stream, `table` the table stream. */
export function markParagraphKinds(pieces: WordPiece[], fib: Buffer, table: Buffer): void {
  try {
    const headingOf = headingStyles(fib, table);
    forEachParagraph(fib, table, (end, istd, grpprl) => {
      let level = headingOf(istd);
      let listed = false;
      forEachSprm(grpprl, (sprm, operand) => {
        if (sprm === SPRM_ILFO && operand.length >= 2 && operand.readUInt16LE(0) !== 0) listed = true;
        if (sprm === SPRM_OUTLINE_LEVEL && operand.length >= 1 && operand[0]! < 9) level = operand[0]! + 1;
      });
      if (level !== undefined) markParagraphEnd(pieces, end, String.fromCharCode(HEADING_MARK + level));
      else if (listed) markParagraphEnd(pieces, end, LIST_MARK);
    });
  } catch {
    // A stylesheet or property page this does not understand: the paragraphs stay as they are.
  }
}

/** The heading level of each paragraph style (by istd), following the styles each is based on. */
function headingStyles(fib: Buffer, table: Buffer): (istd: number) => number | undefined {
  const stsh = slice(table, fib.readUInt32LE(0x00a2), fib.readUInt32LE(0x00a6));
  const styles: { sti: number; base: number }[] = [];
  const cbStshi = stsh.readUInt16LE(0);
  const count = stsh.readUInt16LE(2);
  let at = 2 + cbStshi;
  for (let istd = 0; istd < count && at + 2 <= stsh.length; istd++) {
    const cbStd = stsh.readUInt16LE(at);
    at += 2;
    if (cbStd >= 4 && at + 4 <= stsh.length) styles[istd] = { sti: stsh.readUInt16LE(at) & 0x0fff, base: stsh.readUInt16LE(at + 2) >> 4 };
    at += cbStd;
  }
  return (istd) => {
    for (let current = istd, steps = 0; steps < 12; steps++) {
      const style = styles[current];
      if (!style) return undefined;
      if (style.sti >= 1 && style.sti <= 9) return style.sti;
      if (style.sti === STI_TITLE) return 1;
      current = style.base;
    }
    return undefined;
  };
}

/** Each paragraph's end (file position after its mark), style and direct properties, from the PAPX pages. */
function forEachParagraph(fib: Buffer, table: Buffer, visit: (end: number, istd: number, grpprl: Buffer) => void): void {
  const plc = slice(table, fib.readUInt32LE(0x0102), fib.readUInt32LE(0x0106));
  const pages = (plc.length - 4) / 8;
  for (let i = 0; i < pages; i++) {
    const page = slice(fib, plc.readUInt32LE((pages + 1) * 4 + i * 4) * 512, 512);
    const runs = page[511]!;
    for (let j = 0; j < runs; j++) {
      const end = page.readUInt32LE((j + 1) * 4);
      const offset = page[(runs + 1) * 4 + j * 13]! * 2;
      if (offset === 0) continue;
      const cb = page[offset]!;
      const properties = cb !== 0 ? page.subarray(offset + 1, offset + 2 * cb) : page.subarray(offset + 2, offset + 2 + 2 * page[offset + 1]!);
      if (properties.length >= 2) visit(end, properties.readUInt16LE(0), properties.subarray(2));
    }
  }
}

/** Each property (sprm) in a list of them, with its operand. */
function forEachSprm(grpprl: Buffer, visit: (sprm: number, operand: Buffer) => void): void {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const size = [1, 1, 2, 4, 2, 2, -1, 3][sprm >> 13]!;
    const length = size >= 0 ? size : (grpprl[at] ?? 0) + 1;
    visit(sprm, grpprl.subarray(size >= 0 ? at : at + 1, at + length));
    at += length;
  }
}

/** Replace the paragraph mark just before file position `end` with `mark`, if a paragraph mark is there. */
function markParagraphEnd(pieces: WordPiece[], end: number, mark: string): void {
  const piece = pieces.find((p) => p.startFilePos < end && end <= p.startFilePos + p.size);
  if (!piece) return;
  const index = (end - piece.startFilePos) / piece.bpc - 1;
  if (Number.isInteger(index) && piece.text[index] === '\r') piece.text = piece.text.slice(0, index) + mark + piece.text.slice(index + 1);
}

/** Bytes `length` from `offset`, refusing a range past the end (the caller gives up on this file's styles). */
function slice(buffer: Buffer, offset: number, length: number): Buffer {
  if (offset + length > buffer.length || length < 4) throw new RangeError('out of range');
  return buffer.subarray(offset, offset + length);
}
