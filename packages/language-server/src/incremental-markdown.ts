// Incremental Markdown reading for live editing. The engine's Markdown reader parses a whole document
// (about 70 ms for 150 KB, far over a keystroke's budget), and the LintCache only saves the analysis after
// it. So a document is cut into chunks at ATX headings that follow a blank line, places where no Markdown
// construct can continue across, each chunk is read on its own and cached by its text, and the results
// are stitched back with offsets, line numbers and table numbers shifted. An edit re-reads one chunk.
// Constructs that could reach across a cut (reference definitions; raw HTML blocks other than comments)
// make the document fall back to one whole parse, so the result always equals parseDocument's.
import { parseDocument, type Block, type Directive, type SourceDocument } from '@caselint/core';

interface Chunk {
  /** Offset of the chunk in the document text. */
  start: number;
  /** 0-based line of the chunk's first line in the document. */
  line: number;
  text: string;
}

interface ChunkResult {
  blocks: Block[];
  directives: Directive[];
  tables: number;
}

/** Below this size a whole parse is cheap enough. */
const MIN_CHUNKED_LENGTH = 16_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
// A definition ("[id]: url") applies document-wide; raw HTML blocks other than comments may span blank lines.
const UNSAFE = /^ {0,3}(?:\[[^\]\n]+\]:|<(?:script|pre|style|textarea)\b|<\?|<![A-Za-z]|<!\[CDATA\[)/im;

/** Cuts a Markdown text at headings where the reader's result cannot depend on what came before. */
export function markdownChunks(text: string): Chunk[] | undefined {
  if (UNSAFE.test(text)) return undefined;
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let fence: string | undefined;
  let inComment = false;
  let previousBlank = true;
  let offset = 0;
  let line = 0;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline + 1;
    const content = text.slice(offset, newline === -1 ? text.length : newline).replace(/\r$/, '');

    if (!fence && !inComment && previousBlank && offset > chunkStart && HEADING.test(content)) {
      chunks.push({ start: chunkStart, line: chunkLine, text: text.slice(chunkStart, offset) });
      chunkStart = offset;
      chunkLine = line;
    }

    if (fence) {
      const close = FENCE.exec(content);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && content.trim() === close[1]) fence = undefined;
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else {
      const open = FENCE.exec(content);
      if (open) fence = open[1];
      else if (/^ {0,3}<!--/.test(content) && !content.slice(content.indexOf('<!--') + 4).includes('-->')) inComment = true;
    }
    previousBlank = content.trim() === '';
    offset = end;
    line++;
  }
  chunks.push({ start: chunkStart, line: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}

function shiftChunk(result: ChunkResult, chunk: Chunk, tablesBefore: number): { blocks: Block[]; directives: Directive[] } {
  const blocks = result.blocks.map((block): Block => {
    const shifted: Block = { ...block, segments: block.segments.map((s) => ({ ...s, source: s.source + chunk.start })) };
    if (block.table) shifted.table = { ...block.table, table: block.table.table + tablesBefore };
    return shifted;
  });
  const directives = result.directives.map((d) => ({ ...d, line: d.line + chunk.line }));
  return { blocks, directives };
}

/** One per open Markdown document: keeps the chunks of the last read, so the next read re-parses only what changed. */
export class IncrementalMarkdownReader {
  private cache = new Map<string, ChunkResult>();

  read(text: string, path?: string): SourceDocument {
    const chunks = text.length >= MIN_CHUNKED_LENGTH ? markdownChunks(text) : undefined;
    if (!chunks || chunks.length < 2) {
      this.cache.clear();
      return parseDocument(text, 'markdown', path);
    }
    const next = new Map<string, ChunkResult>();
    const blocks: Block[] = [];
    const directives: Directive[] = [];
    let tables = 0;
    for (const chunk of chunks) {
      let result = next.get(chunk.text) ?? this.cache.get(chunk.text);
      if (!result) {
        const doc = parseDocument(chunk.text, 'markdown', path);
        const tableIds = new Set(doc.blocks.flatMap((b) => (b.table ? [b.table.table] : [])));
        result = { blocks: doc.blocks, directives: doc.directives, tables: tableIds.size === 0 ? 0 : Math.max(...tableIds) + 1 };
      }
      next.set(chunk.text, result);
      const shifted = shiftChunk(result, chunk, tables);
      blocks.push(...shifted.blocks);
      directives.push(...shifted.directives);
      tables += result.tables;
    }
    this.cache = next;
    return { path, format: 'markdown', text, blocks, directives };
  }
}
