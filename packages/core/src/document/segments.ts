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
