/**
 * A lossless XML tokenizer for rewriting Office parts: concatenating the tokens' `raw` strings gives back
 * the input exactly, so everything the annotator does not touch stays byte for byte. Only used on parts
 * that saxes has already parsed (well-formed, no DTD).
 */

export type TokenKind = 'open' | 'selfclose' | 'close' | 'text' | 'other';

export interface XmlToken {
  kind: TokenKind;
  raw: string;
  /** Qualified element name, for tags. */
  name: string;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<\/?[^\s/>!?]+(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

export function tokenize(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw[0] !== '<') tokens.push({ kind: 'text', raw, name: '' });
    else if (raw.startsWith('<!') || raw.startsWith('<?') || raw === '<') tokens.push({ kind: 'other', raw, name: '' });
    else if (raw[1] === '/') tokens.push({ kind: 'close', raw, name: tagName(raw) });
    else tokens.push({ kind: raw.endsWith('/>') ? 'selfclose' : 'open', raw, name: tagName(raw) });
  }
  return tokens;
}

function tagName(raw: string): string {
  return /^<\/?([^\s/>]+)/.exec(raw)![1]!;
}

/** An attribute's value from a raw start tag (entities left encoded; ids and names never contain any). */
export function attribute(raw: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(raw);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function escapeXmlText(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than producing a file Word refuses to open.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

/**
 * The raw offset in an element's text content after `decoded` characters (UTF-16 units) of its decoded
 * text: entity and character references count as what they decode to, CRLF as one newline.
 */
export function rawOffsetOf(raw: string, decoded: number): number {
  let i = 0;
  let n = 0;
  while (i < raw.length && n < decoded) {
    const c = raw[i];
    if (c === '&') {
      const end = raw.indexOf(';', i);
      const ref = raw.slice(i + 1, end);
      // A reference to no character (out of range, a surrogate) counts as one: it never throws here.
      const code = ref.startsWith('#') ? (ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : 0;
      n += code > 0xffff && code <= 0x10ffff ? 2 : 1;
      i = end + 1;
    } else if (c === '\r' && raw[i + 1] === '\n') {
      n += 1;
      i += 2;
    } else {
      n += 1;
      i += 1;
    }
  }
  return i;
}
