import type { Format, SourceDocument } from '../types.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';

export { lineStarts, lineColumn, rangeOf } from './lines.js';
export { toSource, spanToSource, BlockTextBuilder } from './segments.js';
export { parseMarkdown } from './markdown.js';
export { parsePlainText } from './plain-text.js';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
};

/** File name endings caselint reads, without the dot. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS).map((e) => e.slice(1));

/** The format a file name implies, or undefined for files caselint does not read. */
export function formatFromPath(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** Text (already decoded) to a document of blocks. */
export function parseDocument(text: string, format: 'text' | 'markdown', path?: string): SourceDocument {
  return format === 'markdown' ? parseMarkdown(text, path) : parsePlainText(text, path);
}
