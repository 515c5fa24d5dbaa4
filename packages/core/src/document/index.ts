import type { SourceDocument } from '../types.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';

export { lineStarts, lineColumn, rangeOf } from './lines.js';
export { toSource, spanToSource, BlockTextBuilder } from './segments.js';
export { parseMarkdown } from './markdown.js';
export { parsePlainText } from './plain-text.js';
export { DOCUMENT_EXTENSIONS, formatFromPath } from './formats.js';
export { directiveText, directiveOnLine } from './directives.js';

/** Text (already decoded) to a document of blocks. */
export function parseDocument(text: string, format: 'text' | 'markdown', path?: string): SourceDocument {
  return format === 'markdown' ? parseMarkdown(text, path) : parsePlainText(text, path);
}
