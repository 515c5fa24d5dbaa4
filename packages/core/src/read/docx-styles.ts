import { SaxesParser } from 'saxes';
import { ReadError } from './errors.js';
import { wordPrefix } from './xml-part.js';

/** What a paragraph style says about the paragraphs that use it. */
export interface ParagraphStyleInfo {
  /** Heading depth (1-based) from the style's name or outline level; undefined for body text. */
  headingDepth?: number;
  /** The style applies list numbering (for example "List Bullet"). */
  numbered: boolean;
}

interface RawStyle {
  name?: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
}

export type StyleTable = (styleId: string | undefined) => ParagraphStyleInfo;

/**
 * Read the paragraph styles of word/styles.xml. Headings are recognised by outline level (0-8) or by the
 * built-in names "heading N" and "Title", following `basedOn` chains, because users restyle headings
 * under their own names ("Report Heading" based on "heading 2").
 */
export function readStyles(xml: string | undefined): StyleTable {
  const styles = xml ? parseStyles(xml) : new Map<string, RawStyle>();
  const cache = new Map<string, ParagraphStyleInfo>();
  const resolve = (id: string | undefined): ParagraphStyleInfo => {
    if (!id) return { numbered: false };
    const known = cache.get(id);
    if (known) return known;
    let headingDepth: number | undefined;
    let numbered: boolean | undefined;
    const seen = new Set<string>();
    for (let cur: string | undefined = id; cur && !seen.has(cur); cur = styles.get(cur)?.basedOn) {
      seen.add(cur);
      const style = styles.get(cur);
      headingDepth ??= depthFromStyle(cur, style);
      if (numbered === undefined && style?.numId !== undefined) numbered = style.numId !== '0';
    }
    const info = { headingDepth, numbered: numbered ?? false };
    cache.set(id, info);
    return info;
  };
  return resolve;
}

function depthFromStyle(id: string, style: RawStyle | undefined): number | undefined {
  if (style?.outlineLevel !== undefined) return style.outlineLevel < 9 ? style.outlineLevel + 1 : undefined;
  const name = (style?.name ?? id).toLowerCase().replace(/\s+/g, '');
  if (name === 'title') return 1;
  const m = /^heading([1-9])$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

function parseStyles(xml: string): Map<string, RawStyle> {
  const styles = new Map<string, RawStyle>();
  const parser = new SaxesParser({ position: false });
  let p = 'w:';
  let current: RawStyle | undefined;
  let inParagraphProps = 0;
  let sawRoot = false;
  parser.on('doctype', () => {
    throw new ReadError('is not a safe .docx (styles declare a DOCTYPE)', 'docx-doctype');
  });
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (!sawRoot) {
      sawRoot = true;
      p = wordPrefix(attrs);
      return;
    }
    const name = tag.name;
    if (name === `${p}style`) {
      current = attrs[`${p}type`] === 'paragraph' ? {} : undefined;
      if (current) styles.set(attrs[`${p}styleId`] ?? '', current);
      return;
    }
    if (!current) return;
    if (name === `${p}pPr`) inParagraphProps++;
    else if (name === `${p}name`) current.name = attrs[`${p}val`];
    else if (name === `${p}basedOn`) current.basedOn = attrs[`${p}val`];
    else if (inParagraphProps && name === `${p}outlineLvl`) current.outlineLevel = Number(attrs[`${p}val`]);
    else if (inParagraphProps && name === `${p}numId`) current.numId = attrs[`${p}val`];
  });
  parser.on('closetag', (tag) => {
    if (tag.name === `${p}style`) current = undefined;
    else if (tag.name === `${p}pPr` && inParagraphProps) inParagraphProps--;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('is a damaged .docx (word/styles.xml is not well-formed XML)', 'docx-corrupt');
  }
  return styles;
}
