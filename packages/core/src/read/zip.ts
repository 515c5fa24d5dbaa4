import { Inflate } from 'fflate';
import { ReadError } from './errors.js';
import { crc32 } from './crc32.js';

/**
 * A minimal ZIP reader and rewriter for .docx packages (and the reader for .odt packages).
 *
 * Written by hand (rather than fflate's unzipSync) for two reasons: the sizes declared in the central
 * directory are checked against the caps BEFORE anything is inflated, and the annotator can copy the
 * entries it does not change byte for byte (compressed data included) into the annotated copy.
 */

export interface ZipLimits {
  /** Cap on the total bytes inflated from one package (the parts we actually read). */
  maxTotalBytes: number;
  /**
   * Cap on one entry's declared inflated/compressed ratio, for entries larger than 1 MB. Deflate cannot
   * exceed about 1032:1, so the default only refuses declarations that are impossible; repetitive but
   * honest XML can legitimately reach several hundred to one, and the total cap bounds real bombs.
   */
  maxRatio: number;
}

export const defaultZipLimits: ZipLimits = { maxTotalBytes: 64 * 1024 * 1024, maxRatio: 1100 };

/** The kind of document a zip package holds: its errors name the file type and the program to save it again with. */
export interface PackageKind {
  /** The file type as users know it, such as ".docx". */
  extension: string;
  /** The prefix of ReadError codes, such as "docx" (for "docx-truncated"). */
  code: string;
  /** The program that writes it, such as "Word". */
  application: string;
}

export const DOCX_PACKAGE: PackageKind = { extension: '.docx', code: 'docx', application: 'Word' };

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The whole central-directory record, copied verbatim when the entry is rewritten unchanged. */
  central: Uint8Array;
  localOffset: number;
  dataOffset: number;
  /** End of the entry in the archive, including any data descriptor. */
  end: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  kind: PackageKind;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const DESCRIPTOR_SIG = 0x08074b50;
const utf8 = new TextDecoder('utf-8');
/** 1 January 1980, the earliest DOS date: new entries carry no meaningful timestamp. */
const DOS_DATE_1980 = (1 << 5) | 1;

/** Parse the central directory. Throws ReadError for anything that is not a readable zip. */
export function openZip(bytes: Uint8Array, kind: PackageKind = DOCX_PACKAGE): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const { extension, code } = kind;
  if (eocd < 0) {
    if (bytes.length >= 4 && view.getUint32(0, true) === LOCAL_SIG) {
      throw new ReadError(`is a truncated or damaged ${extension} (the zip directory is missing)`, `${code}-truncated`);
    }
    throw new ReadError(`is not a ${extension} file (not a zip archive)`, `${code}-not-zip`);
  }
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw zip64(kind);
  }
  if (cdOffset + cdSize > eocd) {
    throw new ReadError(`is a truncated or damaged ${extension} (the zip directory is cut short)`, `${code}-truncated`);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIG) {
      throw new ReadError(`is a truncated or damaged ${extension} (bad zip directory entry)`, `${code}-truncated`);
    }
    const nameLength = view.getUint16(p + 28, true);
    const recordLength = 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const entry = readEntry(bytes, view, p, nameLength, recordLength, kind);
    entries.push(entry);
    p += recordLength;
  }
  return { bytes, kind, entries, byName: new Map(entries.map((e) => [e.name, e])) };
}

function zip64(kind: PackageKind): ReadError {
  return new ReadError(`uses ZIP64, which caselint does not read; save it again from ${kind.application}`, `${kind.code}-corrupt`);
}

function readEntry(bytes: Uint8Array, view: DataView, p: number, nameLength: number, recordLength: number, kind: PackageKind): ZipEntry {
  const flags = view.getUint16(p + 8, true);
  const compressedSize = view.getUint32(p + 20, true);
  const size = view.getUint32(p + 24, true);
  const localOffset = view.getUint32(p + 42, true);
  const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
  if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
    throw zip64(kind);
  }
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIG) {
    throw new ReadError(`is a truncated or damaged ${kind.extension} (a zip entry is missing)`, `${kind.code}-truncated`);
  }
  const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  let end = dataOffset + compressedSize;
  if (end > bytes.length) {
    throw new ReadError(`is a truncated or damaged ${kind.extension} (a zip entry is cut short)`, `${kind.code}-truncated`);
  }
  if (flags & 8) {
    // A data descriptor follows the data: 12 bytes, or 16 with its optional signature.
    end += end + 4 <= bytes.length && view.getUint32(end, true) === DESCRIPTOR_SIG ? 16 : 12;
  }
  return {
    name,
    flags,
    method: view.getUint16(p + 10, true),
    crc: view.getUint32(p + 16, true),
    compressedSize,
    size,
    central: bytes.subarray(p, p + recordLength),
    localOffset,
    dataOffset,
    end: Math.min(end, bytes.length),
  };
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === EOCD_SIG) return p;
  }
  return -1;
}

/** Tracks how much has been inflated from one package, against the limits. */
export class InflateBudget {
  private used = 0;
  constructor(
    readonly limits: ZipLimits = defaultZipLimits,
    readonly kind: PackageKind = DOCX_PACKAGE,
  ) {}

  /** Check an entry's declared sizes before inflating it. */
  admit(entry: ZipEntry): void {
    const { maxTotalBytes, maxRatio } = this.limits;
    if (this.used + entry.size > maxTotalBytes) throw this.tooLarge();
    if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > maxRatio) {
      const { extension, code } = this.kind;
      throw new ReadError(`is not a normal ${extension} (a part claims to compress more than ${maxRatio}:1; possible zip bomb)`, `${code}-too-large`);
    }
  }

  spend(n: number): void {
    this.used += n;
    if (this.used > this.limits.maxTotalBytes) throw this.tooLarge();
  }

  private tooLarge(): ReadError {
    const max = this.limits.maxTotalBytes;
    return new ReadError(`is too large to read (more than ${Math.round(max / 1048576)} MB of text once unzipped; possible zip bomb)`, `${this.kind.code}-too-large`);
  }
}

/** Inflate one entry, enforcing the declared size and the budget while inflating. */
export function readEntryBytes(archive: ZipArchive, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const { extension, code, application } = archive.kind;
  if (entry.flags & 1) {
    throw new ReadError(`is password-protected; remove the password in ${application} and save again`, `${code}-encrypted`);
  }
  budget.admit(entry);
  const data = archive.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    budget.spend(data.length);
    return data;
  }
  if (entry.method !== 8) {
    throw new ReadError(`is a damaged ${extension} (zip compression method ${entry.method} is not supported)`, `${code}-corrupt`);
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      throw new ReadError(`is a damaged ${extension} or a zip bomb (a part inflates beyond its declared size)`, `${code}-too-large`);
    }
    budget.spend(chunk.length);
    out.set(chunk, written);
    written += chunk.length;
  });
  // Small input chunks bound how much one push can inflate before the size checks run.
  const step = 16384;
  try {
    for (let i = 0; i < data.length; i += step) {
      inflater.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(`is a truncated or damaged ${extension} (a zip entry does not inflate)`, `${code}-truncated`);
  }
  if (written !== entry.size) {
    throw new ReadError(`is a truncated or damaged ${extension} (a zip entry is shorter than declared)`, `${code}-truncated`);
  }
  return out;
}

/**
 * Write a new archive: entries not in `replace` are copied byte for byte (local header, compressed data,
 * descriptor, central record); replaced entries are stored deflated; `add` entries are appended.
 */
export function rewriteZip(archive: ZipArchive, replace: Map<string, Uint8Array>, deflate: (data: Uint8Array) => Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const written = new Set<string>();
  for (const entry of archive.entries) {
    const content = replace.get(entry.name);
    if (content) {
      const { local, central } = newEntry(entry.name, content, deflate, offset);
      centrals.push(central);
      push(local);
    } else {
      const central = entry.central.slice();
      new DataView(central.buffer).setUint32(42, offset, true);
      centrals.push(central);
      push(archive.bytes.subarray(entry.localOffset, entry.end));
    }
    written.add(entry.name);
  }
  for (const [name, content] of replace) {
    if (written.has(name)) continue;
    const { local, central } = newEntry(name, content, deflate, offset);
    centrals.push(central);
    push(local);
  }
  const cdOffset = offset;
  for (const central of centrals) push(central);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, EOCD_SIG, true);
  v.setUint16(8, centrals.length, true);
  v.setUint16(10, centrals.length, true);
  v.setUint32(12, offset - cdOffset, true);
  v.setUint32(16, cdOffset, true);
  push(eocd);
  const out = new Uint8Array(offset);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}

function newEntry(name: string, content: Uint8Array, deflate: (data: Uint8Array) => Uint8Array, offset: number) {
  const nameBytes = new TextEncoder().encode(name);
  const data = deflate(content);
  const crc = crc32(content);
  const local = new Uint8Array(30 + nameBytes.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, LOCAL_SIG, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(6, 0x0800, true); // UTF-8 names
  lv.setUint16(8, 8, true);
  lv.setUint16(12, DOS_DATE_1980, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, content.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(data, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, CENTRAL_SIG, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x0800, true);
  cv.setUint16(10, 8, true);
  cv.setUint16(14, DOS_DATE_1980, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, content.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return { local, central };
}
