import { ReadError } from './errors.js';
import { InflateBudget, openZip, readEntryBytes, type ZipArchive, type ZipLimits } from './zip.js';
import { isOleCompoundFile, oleReadError } from './ole.js';
import { decodeXmlPart } from './xml-part.js';

/** An opened .docx package: the zip, the main document part's name, and a reader for XML parts. */
export interface DocxPackage {
  archive: ZipArchive;
  documentPart: string;
  /** Decoded XML of a part, or undefined when the part is absent. */
  xml(part: string): string | undefined;
}

export function openDocxPackage(bytes: Uint8Array, limits?: ZipLimits): DocxPackage {
  if (isOleCompoundFile(bytes)) throw oleReadError(bytes);
  const archive = openZip(bytes);
  const budget = new InflateBudget(limits);
  const xml = (part: string) => {
    const entry = archive.byName.get(part);
    return entry ? decodeXmlPart(readEntryBytes(archive, entry, budget), part) : undefined;
  };
  const documentPart = mainDocumentPart(xml('_rels/.rels')) ?? 'word/document.xml';
  if (!archive.byName.has(documentPart)) {
    throw new ReadError(`is not a Word document (the zip has no ${documentPart})`, 'docx-missing-document');
  }
  return { archive, documentPart, xml };
}

/** The officeDocument target named in the package relationships (usually word/document.xml). */
function mainDocumentPart(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  // [^<>]: a tag holds no "<", so each "<Relationship" is read only up to the next tag (with [^>], a part with many of
  // them and no ">" was read to its end from each one: quadratic).
  for (const m of rels.matchAll(/<Relationship\b[^<>]*>/g)) {
    const tag = m[0];
    if (!/Type="[^"]*\/officeDocument"/.test(tag)) continue;
    const target = /Target="([^"]+)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return undefined;
}

/** The part name a relationship target in `word/_rels/document.xml.rels` refers to. */
export function partDirectory(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash + 1);
}
