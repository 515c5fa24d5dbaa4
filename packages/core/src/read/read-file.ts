import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../config/types.js';
import { formatFromPath, parseDocument } from '../document/index.js';
import type { SourceDocument } from '../types.js';
import { decodeText } from './decode.js';
import { errnoError, mb, ReadError, refusalByStat } from './errors.js';

export interface ReadOptions {
  /** Largest file to read, in bytes. */
  maxFileSize?: number;
}

/** A file's bytes, with the size and modification time seen when it was read. */
export interface FileBytes {
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
}

/**
 * Read a file into a document. Every failure is a ReadError with one readable line (never document text):
 * missing, a folder, too large, binary, an unsupported type, or a broken Word file.
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<SourceDocument> {
  return documentFromBytes(readFileBytes(path, options).bytes, path);
}

/**
 * Read a file's bytes, refusing what is not a regular file or is over the size limit before reading it.
 * Synchronous: for the many small files of a batch it costs a fraction of the async round trips, and callers
 * run it in worker threads. The descriptor is stat-ed after opening, so the checks and the read see one file.
 */
export function readFileBytes(path: string, options: ReadOptions = {}): FileBytes {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let fd: number;
  try {
    // Check the kind before opening: opening a FIFO for reading would block until something writes to it.
    const kind = refusalByStat(statSync(path), max);
    if (kind) throw kind;
    fd = openSync(path, 'r');
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw errnoError(e);
  }
  try {
    const info = fstatSync(fd);
    const refusal = refusalByStat(info, max);
    if (refusal) throw refusal;
    return { bytes: readAll(fd, info.size, max), size: info.size, mtimeMs: info.mtimeMs };
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw errnoError(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * Bytes to a document, by the file name's type: each word-processor format and PDF through its reader, loaded
 * only when a file of that type is met (a batch of text files never loads pdf.js); anything else as text.
 */
export async function documentFromBytes(bytes: Uint8Array, path: string): Promise<SourceDocument> {
  const format = formatFromPath(path) ?? 'text';
  switch (format) {
    case 'docx':
      return (await import('./docx.js')).readDocx(bytes, path);
    case 'odt':
      return (await import('./odt.js')).readOdt(bytes, path);
    case 'doc':
      return (await import('./doc.js')).readDoc(bytes, path);
    case 'rtf':
      return (await import('./rtf.js')).readRtf(bytes, path);
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes, path);
    case 'text':
    case 'markdown':
      break;
  }
  const { text, encoding } = decodeText(bytes);
  const doc = parseDocument(text, format, path);
  doc.encoding = encoding;
  return doc;
}

/** Read to the end (a file may grow while we read it), refusing to go past the limit. */
function readAll(fd: number, size: number, max: number): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.max(size, 1024));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > max) throw new ReadError(`grew past the ${mb(max)} limit while being read`, 'too-large');
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buf.subarray(0, length);
}
