import { BlockTextBuilder } from './segments.js';

/**
 * Does a line continue the previous one (hard-wrapped prose) rather than start a new block? Only the last two
 * characters of `previous` matter: callers pass a growing paragraph, and an expression anchored at its end would
 * still be tried from every position of it (50,000 short lines took 13.5 s).
 */
export function runsOn(previous: string, next: string): boolean {
  const tail = previous.slice(-2);
  if (/[.!?:;]["')\]*]?$/.test(tail)) return false;
  return /^[a-z(]/.test(next) || /[,\-–—]$/.test(tail);
}

/**
 * Append src.text[from, to) to target, keeping the source mapping of every mapped character. Slices come in order,
 * so `cursor.next` (the first segment that may still overlap) moves forward only: linear over a whole paragraph.
 */
function appendSlice(target: BlockTextBuilder, src: BlockTextBuilder, from: number, to: number, cursor: { next: number }): void {
  let at = from;
  const segments = src.segments;
  while (cursor.next < segments.length && segments[cursor.next]!.at + segments[cursor.next]!.length <= from) cursor.next++;
  for (let k = cursor.next; k < segments.length; k++) {
    const s = segments[k]!;
    if (s.at >= to) break;
    const a = Math.max(at, s.at);
    const z = Math.min(to, s.at + s.length);
    if (a >= z) continue;
    if (a > at) target.unmapped(src.text.slice(at, a));
    target.mapped(src.text.slice(a, z), s.source + (a - s.at));
    at = z;
  }
  if (at < to) target.unmapped(src.text.slice(at, to));
}

/**
 * Split a paragraph at line breaks that end a unit ("**Child:** Mia" and "**Parent:** Jade" on lines of their own),
 * keeping hard-wrapped prose together.
 */
export function splitAtLineBreaks(b: BlockTextBuilder): BlockTextBuilder[] {
  if (!b.text.includes('\n')) return [b];
  const out: BlockTextBuilder[] = [];
  let current = new BlockTextBuilder();
  // The last line appended to current, trimmed ('' while current has none): all runsOn needs of the block so far.
  let previous = '';
  const cursor = { next: 0 };
  const text = b.text;
  for (let lineStart = 0; lineStart <= text.length; ) {
    let i = text.indexOf('\n', lineStart);
    if (i < 0) i = text.length;
    const raw = text.slice(lineStart, i);
    const line = raw.trim();
    if (previous && line && !runsOn(previous, line)) {
      out.push(current);
      current = new BlockTextBuilder();
      previous = '';
    }
    if (line) {
      if (current.text) current.unmapped(' ');
      const lead = raw.length - raw.trimStart().length;
      appendSlice(current, b, lineStart + lead, lineStart + lead + line.length, cursor);
      previous = line;
    }
    lineStart = i + 1;
  }
  if (current.text.trim()) out.push(current);
  return out;
}
