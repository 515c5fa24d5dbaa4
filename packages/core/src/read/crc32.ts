import * as zlib from 'node:zlib';

/** CRC-32 (as zip and PNG use) of bytes, continuing from `previous`: zip entries, and a cheap check that a file is whole. */
export const crc32: (bytes: Uint8Array, previous?: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (b: Uint8Array, p?: number) => number }).crc32 : crc32Portable;

let table: Uint32Array | undefined;

/** The same checksum for Node versions before 20.15, which lack zlib.crc32. */
export function crc32Portable(bytes: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
