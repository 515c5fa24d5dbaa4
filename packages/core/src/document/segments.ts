import type { Block, Segment } from '../types.js';

/** Builds a block's text piece by piece while recording where each piece came from. */
export class BlockTextBuilder {
  text = '';
  readonly segments: Segment[] = [];

  /** Append text that stands at `source` in the document, character for character. */
  mapped(piece: string, source: number): void {
    if (!piece) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.at + last.length === this.text.length && last.source + last.length === source) last.length += piece.length;
    else this.segments.push({ at: this.text.length, source, length: piece.length });
    this.text += piece;
  }

  /** Append text with no exact source (a separator, or an unescaped entity): it maps to the nearest mapped character. */
  unmapped(piece: string): void {
    this.text += piece;
  }
}

/** Map an offset in a block's text to an offset in the document text. */
export function toSource(block: Block, at: number): number {
  const segs = block.segments;
  if (segs.length === 0) return 0;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.at <= at) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo]!;
  if (at < s.at) return s.source;
  return s.source + Math.min(at - s.at, s.length);
}

/** Map a [start, end) span of block text to document offsets, keeping end >= start. */
export function spanToSource(block: Block, start: number, end: number): { start: number; end: number } {
  const a = toSource(block, start);
  const b = end > start ? toSource(block, end - 1) + 1 : a;
  return { start: a, end: Math.max(a, b) };
}

/**
 * The longest run of white space a block's text keeps. Longer runs (pasted layout, a line of 40,000 spaces) are cut,
 * keeping their first MAX_SPACE_RUN - 2 characters and up to two line breaks after them, so that every expression that
 * reads block text (the rules', the facts', retext-english's) meets runs of at most this length: several of them
 * are quadratic or worse in the length of a run ("placement of" and 5,000 spaces took 4.9 s). Dropped characters
 * simply have no place in the block's text; the segments still map every kept character to its source.
 */
export const MAX_SPACE_RUN = 16;
/** White space as `\s` has it: tested for every character of every block, so ASCII is decided without a regular expression. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]!));
}

/**
 * Whether the text holds a white-space run longer than MAX_SPACE_RUN. Such a run covers at least one position that
 * is a multiple of MAX_SPACE_RUN + 1, so only those are looked at, and a run is measured only where one is white
 * space: a seventeenth of the characters of ordinary text (a loop over every character, or `/\s{17}/`, cost several
 * times more, on every block of every check).
 */
export function hasLongSpaceRun(text: string): boolean {
  const stride = MAX_SPACE_RUN + 1;
  for (let i = 0; i < text.length; i += stride) {
    if (!isSpace(text, i)) continue;
    let from = i;
    while (from > 0 && isSpace(text, from - 1)) from--;
    let to = i + 1;
    while (to < text.length && isSpace(text, to)) to++;
    if (to - from > MAX_SPACE_RUN) return true;
    i = to - stride; // the next position looked at is past this run (a run never counts twice)
  }
  return false;
}

/** The block with its white-space runs cut to MAX_SPACE_RUN characters (the same block when none is longer). */
export function boundSpaceRuns<B extends Block>(block: B): B {
  if (!hasLongSpaceRun(block.text)) return block;
  const text = block.text;
  const out = new BlockTextBuilder();
  let kept = 0; // characters kept of the white-space run being read
  const emit = (from: number, to: number, source: number | undefined) => {
    let start = from;
    const flush = (end: number) => {
      if (end > start) source === undefined ? out.unmapped(text.slice(start, end)) : out.mapped(text.slice(start, end), source + (start - from));
    };
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (!isSpace(text, i)) {
        kept = 0;
        continue;
      }
      const keep = kept < MAX_SPACE_RUN - 2 || ((c === 10 || c === 13) && kept < MAX_SPACE_RUN);
      if (keep) {
        kept++;
        continue;
      }
      flush(i);
      start = i + 1;
    }
    flush(to);
  };
  let at = 0;
  for (const s of block.segments) {
    if (s.at > at) emit(at, s.at, undefined);
    emit(s.at, s.at + s.length, s.source);
    at = s.at + s.length;
  }
  if (at < text.length) emit(at, text.length, undefined);
  return { ...block, text: out.text, segments: out.segments };
}
