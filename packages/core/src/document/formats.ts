import type { Format } from '../types.js';

/** The file names caselint reads, by extension. Kept apart from the parsers so that listing files loads no parser. */
const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.doc': 'doc',
  '.odt': 'odt',
  '.rtf': 'rtf',
  '.pdf': 'pdf',
};

/** File name endings caselint reads, without the dot. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS).map((e) => e.slice(1));

/** The format a file name implies, or undefined for files caselint does not read. */
export function formatFromPath(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[path.slice(dot).toLowerCase()];
}

