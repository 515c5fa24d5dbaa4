import { BlockTextBuilder } from './segments.js';

/** Does a line continue the previous one (hard-wrapped prose) rather than start a new block? */
export function runsOn(previous: string, next: string): boolean {
  if (/[.!?:;]["')\]*]?$/.test(previous)) return false;
  return /^[a-z(]/.test(next) || /[,\-–—]$/.test(previous);
}

/** Append src.text[from, to) to target, keeping the source mapping of every mapped character. */
function appendSlice(target: BlockTextBuilder, src: BlockTextBuilder, from: number, to: number): void {
  let at = from;
  for (const s of src.segments) {
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
  let lineStart = 0;
  const text = b.text;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const raw = text.slice(lineStart, i);
    const line = raw.trim();
    const prev = current.text.trim();
    if (prev && line && !runsOn(prev, line)) {
      out.push(current);
      current = new BlockTextBuilder();
    }
    if (line) {
      if (current.text) current.unmapped(' ');
      const lead = raw.length - raw.trimStart().length;
      appendSlice(current, b, lineStart + lead, lineStart + lead + line.length);
    }
    lineStart = i + 1;
  }
  if (current.text.trim()) out.push(current);
  return out;
}
