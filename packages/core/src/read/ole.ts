import { ReadError } from './errors.js';

/** The signature of an OLE compound file: Word 97-2003 documents and password-protected Office files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Explain an OLE compound file. Office stores a password-protected .docx as an OLE container holding an
 * `EncryptedPackage` stream; anything else in OLE form is an old binary Office file.
 */
export function oleReadError(bytes: Uint8Array): ReadError {
  if (oleEncrypted(bytes)) {
    return new ReadError('is password-protected; remove the password in Word and save again', 'docx-encrypted');
  }
  return new ReadError('is a Word 97-2003 .doc; save it as .docx', 'docx-legacy-doc');
}

/** Whether an OLE compound file is an encrypted Office document (it holds an `EncryptedPackage` stream). */
export function oleEncrypted(bytes: Uint8Array): boolean {
  return containsUtf16Name(bytes, 'EncryptedPackage');
}

/** Directory entry names in OLE files are UTF-16LE; a byte search is enough to tell the two cases apart. */
function containsUtf16Name(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}
