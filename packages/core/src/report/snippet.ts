import { sentencesOf, type Sentence } from '../language/sentences.js';
import type { Block, SourceDocument, Span } from '../types.js';

/**
 * The sentence a finding sits in, as readable text (markup removed), with the flagged phrase at [start, end).
 * Reports that show findings in context (HTML) carry this instead of the whole document, so a worker can
 * send back a few hundred characters per finding rather than the document.
 */
export interface Snippet {
  text: string;
  start: number;
  end: number;
}

/** Longest snippet, in characters: a very long sentence (or a line with no full stops) is cut around the phrase. */
export const MAX_SNIPPET = 360;
const CONTEXT_BEFORE = 150;

interface Mapped {
  source: number;
  length: number;
  at: number;
  block: number;
}

/**
 * Builds snippets for one document. Index the block segments once, then look up each finding's span;
 * blocks are split into sentences only when a finding lands in them.
 */
export function snippetMaker(doc: SourceDocument): (span: Span) => Snippet {
  const mapped: Mapped[] = [];
  doc.blocks.forEach((block, index) => {
    for (const s of block.segments) mapped.push({ source: s.source, length: s.length, at: s.at, block: index });
  });
  mapped.sort((a, b) => a.source - b.source);
  const sentenceCache = new Map<number, Sentence[]>();
  const sentences = (index: number, block: Block) => {
    let found = sentenceCache.get(index);
    if (!found) sentenceCache.set(index, (found = sentencesOf(block.text)));
    return found;
  };

  /** The segment holding a document offset, if any. */
  const locate = (offset: number): Mapped | undefined => {
    let lo = 0;
    let hi = mapped.length - 1;
    let best: Mapped | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = mapped[mid]!;
      if (m.source <= offset) {
        best = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best && offset < best.source + best.length ? best : undefined;
  };

  return (span: Span): Snippet => {
    const first = locate(span.start);
    if (!first) return lineSnippet(doc.text, span);
    const block = doc.blocks[first.block]!;
    const start = first.at + (span.start - first.source);
    const last = span.end > span.start ? locate(span.end - 1) : first;
    const end = last && last.block === first.block ? last.at + (span.end - 1 - last.source) + 1 : Math.min(block.text.length, start + (span.end - span.start));
    let from = 0;
    let to = block.text.length;
    const inBlock = sentences(first.block, block);
    const a = inBlock.find((s) => s.start <= start && start < s.end);
    const b = inBlock.find((s) => s.start < end && end <= s.end) ?? a;
    if (a && b) {
      from = a.start;
      to = Math.max(b.end, a.end);
    }
    return window(block.text, from, to, start, Math.max(start, end));
  };
}

/** One snippet without keeping a maker around. */
export function snippetFor(doc: SourceDocument, span: Span): Snippet {
  return snippetMaker(doc)(span);
}

/** Fallback when a span maps to no block: the source line around it. */
function lineSnippet(text: string, span: Span): Snippet {
  const from = text.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1;
  const nl = text.indexOf('\n', span.end);
  return window(text, from, nl === -1 ? text.length : nl, span.start, span.end);
}

/** text[from, to) as a snippet with the phrase at [start, end), cut to MAX_SNIPPET around the phrase. */
function window(text: string, from: number, to: number, start: number, end: number): Snippet {
  start = Math.max(from, Math.min(start, to));
  end = Math.max(start, Math.min(end, to));
  end = Math.min(end, start + MAX_SNIPPET);
  let lo = from;
  let hi = to;
  if (hi - lo > MAX_SNIPPET) {
    lo = Math.max(from, start - CONTEXT_BEFORE);
    hi = Math.min(to, Math.max(end, lo + MAX_SNIPPET));
    if (lo > from) lo = wordStart(text, lo, start);
    if (hi < to) hi = wordEnd(text, hi, end);
  }
  // Trim surrounding whitespace (and keep the offsets right).
  while (lo < start && /\s/.test(text[lo]!)) lo++;
  while (hi > end && /\s/.test(text[hi - 1]!)) hi--;
  const prefix = lo > from ? '… ' : '';
  const suffix = hi < to ? ' …' : '';
  const body = text.slice(lo, hi).replace(/\s+/g, (ws) => (ws.includes('\n') ? ' '.repeat(ws.length) : ws));
  return { text: prefix + body + suffix, start: prefix.length + (start - lo), end: prefix.length + (end - lo) };
}

/** Move a cut forward to the start of a word, never past `limit`. */
function wordStart(text: string, at: number, limit: number): number {
  const space = text.indexOf(' ', at);
  return space !== -1 && space + 1 <= limit ? space + 1 : at;
}

/** Move a cut back to the end of a word, never before `limit`. */
function wordEnd(text: string, at: number, limit: number): number {
  const space = text.lastIndexOf(' ', at);
  return space !== -1 && space >= limit ? space : at;
}
