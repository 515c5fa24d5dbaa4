import type { SourceDocument } from '../types.js';
import { renderBody, type BodyRendering } from './docx-body.js';
import { openDocxPackage, partDirectory, type DocxPackage } from './docx-package.js';
import { readStyles } from './docx-styles.js';
import { ReadError } from './errors.js';
import { wordProcessorBlocks } from './typed-structure.js';
import type { ZipLimits } from './zip.js';

export interface ReadDocxOptions {
  /** Caps on inflation (defaults: 64 MB in total, 1100:1 per part over 1 MB). */
  limits?: ZipLimits;
}

/** Paragraph starts per document read here, for docxLocationAt (kept off the public document shape). */
export const paragraphIndex = new WeakMap<SourceDocument, number[]>();

/** Internal: the document plus what the annotator needs to map offsets back into the XML. */
export interface DocxReading {
  document: SourceDocument;
  rendering: BodyRendering;
  pkg: DocxPackage;
  documentXml: string;
}

export function readDocxPackage(bytes: Uint8Array, path: string | undefined, options: ReadDocxOptions = {}): DocxReading {
  const pkg = openDocxPackage(bytes, options.limits);
  const documentXml = pkg.xml(pkg.documentPart);
  if (documentXml === undefined) {
    throw new ReadError(`is not a Word document (the zip has no ${pkg.documentPart})`, 'docx-missing-document');
  }
  const styles = readStyles(pkg.xml(`${partDirectory(pkg.documentPart)}styles.xml`));
  const rendering = renderBody(documentXml, styles);
  const document: SourceDocument = {
    ...(path !== undefined ? { path } : {}),
    format: 'docx',
    text: rendering.text,
    blocks: wordProcessorBlocks(rendering.blocks),
    directives: [],
  };
  paragraphIndex.set(document, rendering.paragraphStarts);
  return { document, rendering, pkg, documentXml };
}
