import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SourceDocument } from '../types.js';
import { ReadError } from './errors.js';
import { documentFromParagraphs, type ReadParagraph } from './paragraphs.js';
import { decodeXmlPart } from './xml-part.js';
import { InflateBudget, openZip, readEntryBytes, type PackageKind, type ZipLimits } from './zip.js';

export const ODT_PACKAGE: PackageKind = { extension: '.odt', code: 'odt', application: 'your word processor' };

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';

/** OpenDocument text types: a document, a template, a master document. */
const TEXT_MIMETYPES = new Set(['text', 'text-template', 'text-master'].map((t) => `application/vnd.oasis.opendocument.${t}`));

/**
 * Content that is not report text: comments, footnotes, tracked deletions, text boxes and drawings, forms,
 * generated indexes (a table of contents repeats the headings), and the style and declaration sections.
 */
const SKIPPED_TEXT = new Set([
  'note', 'tracked-changes', 'sequence-decls', 'variable-decls', 'user-field-decls', 'table-of-content', 'alphabetical-index',
  'bibliography', 'illustration-index', 'table-index', 'user-index', 'object-index', 'ruby-text',
]);
const SKIPPED_OFFICE = new Set(['annotation', 'forms', 'scripts', 'font-face-decls', 'event-listeners']);

export interface ReadOdtOptions {
  /** Caps on inflation (defaults as for .docx: 64 MB in total, 1100:1 per part over 1 MB). */
  limits?: ZipLimits;
}

/**
 * Read an OpenDocument text (.odt) into a SourceDocument shaped as for .docx: one line per paragraph;
 * headings (`text:h`, or a paragraph style that is a heading), list items (`text:list-item`, or a paragraph
 * style with a list style) and table cells (`table:table-cell`) as blocks. The zip is read with the same
 * defences as a .docx (declared sizes checked before inflating, a total cap, no DTDs). Only the body text
 * is read: headers, footers, footnotes and comments are not report text.
 */
export function readOdt(bytes: Uint8Array, path?: string, options: ReadOdtOptions = {}): SourceDocument {
  const archive = openZip(bytes, ODT_PACKAGE);
  const budget = new InflateBudget(options.limits, ODT_PACKAGE);
  const part = (name: string) => {
    const entry = archive.byName.get(name);
    return entry ? readEntryBytes(archive, entry, budget) : undefined;
  };
  const mimetype = part('mimetype');
  if (mimetype && !TEXT_MIMETYPES.has(new TextDecoder().decode(mimetype).trim())) {
    throw new ReadError('is not an OpenDocument text (it is another OpenDocument type, such as a spreadsheet)', 'odt-not-text');
  }
  const manifest = part('META-INF/manifest.xml');
  // ODF encrypts parts inside an ordinary zip and says so in the manifest; the parts themselves are then noise.
  if (manifest && new TextDecoder().decode(manifest).includes('encryption-data')) {
    throw new ReadError('is password-protected; remove the password in your word processor and save again', 'odt-encrypted');
  }
  const content = part('content.xml');
  if (!content) throw new ReadError('is not an OpenDocument text (the zip has no content.xml)', 'odt-missing-content');
  const styles = new OdtStyles();
  const stylesXml = part('styles.xml');
  if (stylesXml) parseOdtXml(decodeXmlPart(stylesXml, 'styles.xml', ODT_PACKAGE), 'styles.xml', (parser) => styles.listen(parser));
  const paragraphs = readBody(decodeXmlPart(content, 'content.xml', ODT_PACKAGE), styles);
  return documentFromParagraphs(paragraphs, 'odt', path);
}

/** What a paragraph style says: a heading level, or that it applies a list. */
interface OdtStyle {
  parent?: string;
  name: string;
  displayName?: string;
  outlineLevel?: number;
  listStyle?: string;
}

/** The paragraph styles of styles.xml and of content.xml's automatic styles, resolved along their parents. */
class OdtStyles {
  private readonly styles = new Map<string, OdtStyle>();

  /** Collect `style:style` elements of the paragraph family as the parser meets them. */
  listen(parser: SaxesParser<{ xmlns: true }>): void {
    parser.on('opentag', (tag) => {
      if (tag.uri !== STYLE || tag.local !== 'style' || attr(tag, STYLE, 'family') !== 'paragraph') return;
      const name = attr(tag, STYLE, 'name');
      if (!name) return;
      const level = Number(attr(tag, STYLE, 'default-outline-level'));
      this.styles.set(name, {
        name,
        parent: attr(tag, STYLE, 'parent-style-name'),
        displayName: attr(tag, STYLE, 'display-name'),
        ...(level >= 1 && level <= 10 ? { outlineLevel: level } : {}),
        listStyle: attr(tag, STYLE, 'list-style-name') || undefined,
      });
    });
  }

  /** The heading depth and list-ness a paragraph of this style has, following parent styles (users restyle headings). */
  resolve(name: string | undefined): { headingDepth?: number; listed: boolean } {
    let headingDepth: number | undefined;
    let listed = false;
    const seen = new Set<string>();
    for (let current = name; current && !seen.has(current); current = this.styles.get(current)?.parent) {
      seen.add(current);
      const style = this.styles.get(current);
      headingDepth ??= style?.outlineLevel ?? depthFromName(style?.displayName ?? current.replace(/_20_/g, ' '));
      listed ||= style?.listStyle !== undefined;
    }
    return { ...(headingDepth !== undefined ? { headingDepth } : {}), listed };
  }
}

function depthFromName(name: string): number | undefined {
  const compact = name.toLowerCase().replace(/\s+/g, '');
  if (compact === 'title') return 1;
  const m = /^heading([1-9])$/.exec(compact);
  return m ? Number(m[1]) : undefined;
}

function attr(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.uri === uri && a.local === local) return a.value;
  return undefined;
}

/** Parse one XML part with namespaces, turning any XML error into one ReadError (DTDs are refused before this). */
function parseOdtXml(xml: string, partName: string, listen: (parser: SaxesParser<{ xmlns: true }>) => void): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  listen(parser);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(`is a damaged .odt (${partName} is not well-formed XML)`, 'odt-corrupt');
  }
}

/** The paragraphs of content.xml's office:text, in document order. */
function readBody(xml: string, styles: OdtStyles): ReadParagraph[] {
  const paragraphs: ReadParagraph[] = [];
  let inBody = false;
  let skip = 0;
  let listDepth = 0;
  let paragraph: { chunks: string[]; kind: ReadParagraph['kind']; depth?: number } | undefined;
  let tableDepth = 0;
  let table = -1;
  let row = -1;
  let column = -1;

  parseOdtXml(xml, 'content.xml', (parser) => {
    styles.listen(parser);
    parser.on('opentag', (tag) => {
      const { uri, local } = tag;
      if (!inBody) {
        inBody = uri === OFFICE && local === 'text';
        return;
      }
      if (skip > 0 || (uri === TEXT && SKIPPED_TEXT.has(local)) || (uri === OFFICE && SKIPPED_OFFICE.has(local)) || uri === DRAW) {
        skip++;
        return;
      }
      if (uri === TEXT) {
        if (local === 'p' || local === 'h') {
          const style = styles.resolve(attr(tag, TEXT, 'style-name'));
          const level = local === 'h' ? Number(attr(tag, TEXT, 'outline-level') ?? 1) : style.headingDepth;
          if (level !== undefined && level >= 1) paragraph = { chunks: [], kind: 'heading', depth: Math.min(level, 9) };
          else paragraph = { chunks: [], kind: listDepth > 0 || style.listed ? 'list-item' : 'paragraph' };
        } else if (paragraph && local === 's') {
          paragraph.chunks.push(' '.repeat(Math.min(Math.max(Number(attr(tag, TEXT, 'c') ?? 1) || 1, 1), 1000)));
        } else if (paragraph && local === 'tab') paragraph.chunks.push('\t');
        else if (paragraph && local === 'line-break') paragraph.chunks.push('\n');
        else if (local === 'list-item' || local === 'list-header') listDepth++;
      } else if (uri === TABLE) {
        if (local === 'table' && ++tableDepth === 1) {
          table++;
          row = -1;
        } else if (tableDepth === 1 && local === 'table-row') {
          row++;
          column = -1;
        } else if (tableDepth === 1 && (local === 'table-cell' || local === 'covered-table-cell')) column++;
      }
    });
    parser.on('text', (text) => {
      // ODF collapses white space in paragraphs (spaces beyond one are written as text:s).
      if (paragraph && skip === 0) paragraph.chunks.push(text.replace(/[ \t\r\n]+/g, ' '));
    });
    parser.on('closetag', (tag) => {
      const { uri, local } = tag;
      if (!inBody) return;
      if (skip > 0) {
        skip--;
        return;
      }
      if (uri === OFFICE && local === 'text') inBody = false;
      else if (uri === TEXT && (local === 'p' || local === 'h') && paragraph) {
        const { chunks, kind, depth } = paragraph;
        paragraphs.push({
          text: chunks.join(''),
          kind,
          ...(depth !== undefined ? { depth } : {}),
          ...(tableDepth > 0 ? { cell: { table, row, column } } : {}),
        });
        paragraph = undefined;
      } else if (uri === TEXT && (local === 'list-item' || local === 'list-header')) listDepth--;
      else if (uri === TABLE && local === 'table') tableDepth--;
      else if (uri === TABLE && tableDepth === 1 && (local === 'table-cell' || local === 'covered-table-cell')) {
        // Empty cells repeated (table:number-columns-repeated) still take up columns.
        const repeated = Number(attr(tag as SaxesTagNS, TABLE, 'number-columns-repeated') ?? 1);
        if (repeated > 1) column += Math.min(repeated, 16384) - 1;
      }
    });
  });
  return paragraphs;
}
