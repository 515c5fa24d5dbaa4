import { ReadError } from './errors.js';
import { DOCX_PACKAGE, type PackageKind } from './zip.js';

const utf8 = new TextDecoder('utf-8');

/** Decode an XML part (UTF-8, or UTF-16 with a BOM) and refuse DTDs: entities are never expanded. */
export function decodeXmlPart(bytes: Uint8Array, partName: string, kind: PackageKind = DOCX_PACKAGE): string {
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = utf8.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  rejectDtd(text, partName, kind);
  return text;
}

export function rejectDtd(xml: string, partName: string, kind: PackageKind = DOCX_PACKAGE): void {
  if (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY')) {
    throw new ReadError(`is not a safe ${kind.extension} (${partName} declares a DOCTYPE or entities, which caselint never expands)`, `${kind.code}-doctype`);
  }
}

/** The WordprocessingML main namespace, transitional and strict. */
export const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** The prefix (with its colon, or '' for a default namespace) bound to the Word namespace on a root element. */
export function wordPrefix(attributes: Record<string, string>): string {
  for (const [name, value] of Object.entries(attributes)) {
    if (!WORD_NAMESPACES.has(value)) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice(6) + ':';
  }
  return 'w:';
}

/** The part of a qualified name after its prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
