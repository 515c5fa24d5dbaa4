import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../packages/core/src/read/docx.js';
import { ReadError } from '../../packages/core/src/read/errors.js';
import { rawDocx } from './fixtures.js';

function codeOf(bytes: Uint8Array): string {
  try {
    readDocx(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).not.toContain('\n');
    return (error as ReadError).code;
  }
  throw new Error('expected a ReadError');
}

/** An OLE compound file header followed by a directory entry name, as UTF-16LE. */
function fakeOle(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < streamName.length; i++) bytes[1024 + i * 2] = streamName.charCodeAt(i);
  return bytes;
}

const paragraph = '<w:p><w:r><w:t>Ms Carter has passed.</w:t></w:r></w:p>';

describe('hostile or unreadable .docx files', () => {
  it('rejects a file that is not a zip', () => {
    expect(codeOf(strToU8('Ms Carter has passed the assessment.'))).toBe('docx-not-zip');
    expect(codeOf(new Uint8Array(0))).toBe('docx-not-zip');
  });

  it('rejects a truncated zip', () => {
    const bytes = rawDocx(paragraph);
    expect(codeOf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('docx-truncated');
  });

  it('tells a password-protected document from an old .doc', () => {
    expect(codeOf(fakeOle('EncryptedPackage'))).toBe('docx-encrypted');
    expect(codeOf(fakeOle('WordDocument'))).toBe('docx-legacy-doc');
    try {
      readDocx(fakeOle('WordDocument'));
    } catch (error) {
      expect((error as Error).message).toBe('is a Word 97-2003 .doc; save it as .docx');
    }
  });

  it('refuses a zip bomb from its declared size, before inflating', () => {
    // 100 MB of zeros deflates to about 100 KB.
    const huge = new Uint8Array(100 * 1024 * 1024);
    const bomb = zipSync({ 'word/document.xml': huge, '_rels/.rels': strToU8('<Relationships/>') }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(codeOf(bomb)).toBe('docx-too-large');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('enforces the cap while inflating when the declared size lies', () => {
    const bytes = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    // Patch the declared uncompressed size in the central directory down to 1 KB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const cd = view.getUint32(bytes.length - 22 + 16, true);
    view.setUint32(cd + 24, 1024, true);
    expect(codeOf(bytes)).toBe('docx-too-large');
  });

  it('refuses XML with a DOCTYPE or entities without expanding them', () => {
    const lol = rawDocx(paragraph, {
      'word/document.xml':
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>',
    });
    expect(codeOf(lol)).toBe('docx-doctype');
  });

  it('rejects a zip without word/document.xml', () => {
    expect(codeOf(zipSync({ 'hello.txt': strToU8('hello') }))).toBe('docx-missing-document');
  });

  it('rejects malformed document XML', () => {
    expect(codeOf(rawDocx('<w:p><w:r><w:t>open'))).toBe('docx-corrupt');
  });
});
