import { ReadError } from './errors.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const win1252 = new TextDecoder('windows-1252');

/**
 * Decode a text file's bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are taken at their word;
 * bytes that are not valid UTF-8 are read as Windows-1252, which is what older Word "plain text" exports are.
 * Binary content (a NUL byte or character anywhere, or many control characters in the first 8 KB) is refused rather
 * than linted as mojibake, whatever the encoding; so is UTF-16 without a byte-order mark, which cannot be told apart.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  // One rule for every encoding: text never holds a NUL character, wherever it stands (not only in the first 8 KB).
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return utf16(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return utf16(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksLikeUtf16WithoutBom(body)) {
    throw new ReadError('is UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)', 'binary');
  }
  if (looksBinary(body) || body.indexOf(0) >= 0) throw binary();
  try {
    return { text: utf8.decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: win1252.decode(body), encoding: 'windows-1252' };
  }
}

function binary(): ReadError {
  return new ReadError('is a binary file, not text (caselint reads .txt, .md, .docx, .doc, .odt, .rtf and .pdf)', 'binary');
}

/** UTF-16 text: refused, like any other text, when it holds a NUL character. */
function utf16(text: string, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (text.includes('\u0000')) throw binary();
  return { text, encoding };
}

/** Most of the odd or of the even bytes in the first 8 KB are NUL, and the others are not: UTF-16 with no BOM. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  return (evenZero > 0.9 * half && oddZero < 0.1 * half) || (oddZero > 0.9 * half && evenZero < 0.1 * half);
}

/** NUL bytes, or more than 10% C0 control characters (other than tab, CR, LF, FF) in the first 8 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}
