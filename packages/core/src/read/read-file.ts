import { open, stat } from 'node:fs/promises';
import { DEFAULT_MAX_FILE_SIZE } from '../config/types.js';
import { formatFromPath, parseDocument } from '../document/index.js';
import type { SourceDocument } from '../types.js';
import { decodeText } from './decode.js';
import { readDocx } from './docx.js';
import { ReadError } from './errors.js';

export interface ReadOptions {
  /** Largest file to read, in bytes. */
  maxFileSize?: number;
}

/**
 * Read a file into a document. Every failure is a ReadError with one readable line (never document text):
 * missing, a folder, too large, binary, an unsupported type, or a broken Word file.
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<SourceDocument> {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReadError('does not exist', 'not-found');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError('cannot be read: permission denied', 'permission');
    if (code === 'ELOOP') throw new ReadError('is a symbolic link loop', 'symlink-loop');
    throw new ReadError(`cannot be read (${code ?? 'error'})`, 'io');
  }
  if (info.isDirectory()) throw new ReadError('is a folder, not a file', 'is-directory');
  if (!info.isFile()) throw new ReadError('is not a regular file', 'not-a-file');
  if (info.size > max) {
    throw new ReadError(`is ${mb(info.size)}, over the ${mb(max)} limit (raise it with --max-file-size or "maxFileSize")`, 'too-large');
  }
  const format = formatFromPath(path) ?? 'text';
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReadError(code === 'EACCES' || code === 'EPERM' ? 'cannot be read: permission denied' : `cannot be read (${code ?? 'error'})`, 'io');
  }
  if (format === 'docx') return readDocx(bytes, path);
  const { text, encoding } = decodeText(bytes);
  const doc = parseDocument(text, format, path);
  doc.encoding = encoding;
  return doc;
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
