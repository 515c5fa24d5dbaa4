import type { LineColumnRange } from '../types.js';

/** Offsets of the first character of each line; \r\n, \n and lone \r all end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The usual case: indexOf finds line feeds far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of an offset. */
export function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function rangeOf(starts: number[], start: number, end: number): LineColumnRange {
  const a = lineColumn(starts, start);
  const b = lineColumn(starts, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
