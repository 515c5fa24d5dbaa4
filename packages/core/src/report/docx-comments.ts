import { attribute, escapeXmlAttribute, escapeXmlText, tokenize, type XmlToken } from './xml-tokens.js';

/** The author caselint writes its Word comments under; comments by this author are caselint's own. */
export const CASELINT_AUTHOR = 'caselint';
const CASELINT_INITIALS = 'CL';

export interface CommentContent {
  id: number;
  /** Paragraphs of the comment, in order. */
  paragraphs: string[];
}

/** An existing comments part with caselint's earlier comments taken out. */
export interface CommentsPart {
  tokens: XmlToken[];
  /** Token indexes removed (caselint's earlier comments). */
  removed: Set<number>;
  /** Ids of the removed comments: their anchors in the document must go too. */
  removedIds: Set<string>;
  /** `w14:paraId`s of the removed comments' paragraphs (set when Word re-saved the copy). */
  removedParaIds: Set<string>;
  /** Highest comment id still in use, or -1. */
  maxId: number;
  prefix: string;
}

export function readCommentsPart(xml: string | undefined, defaultPrefix: string): CommentsPart {
  const tokens = xml ? tokenize(xml) : [];
  const removed = new Set<number>();
  const removedIds = new Set<string>();
  const removedParaIds = new Set<string>();
  let maxId = -1;
  const root = tokens.find((t) => t.kind === 'open' || t.kind === 'selfclose');
  const prefix = root ? root.name.slice(0, root.name.indexOf(':') + 1) : defaultPrefix;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.name !== `${prefix}comment` || (t.kind !== 'open' && t.kind !== 'selfclose')) continue;
    const id = attribute(t.raw, `${prefix}id`) ?? '';
    if (attribute(t.raw, `${prefix}author`) !== CASELINT_AUTHOR) {
      maxId = Math.max(maxId, Number(id) || 0);
      continue;
    }
    removedIds.add(id);
    let depth = 0;
    for (let j = i; j < tokens.length; j++) {
      const u = tokens[j]!;
      removed.add(j);
      const paraId = u.kind === 'open' || u.kind === 'selfclose' ? attribute(u.raw, 'w14:paraId') : undefined;
      if (paraId) removedParaIds.add(paraId);
      if (u.kind === 'open') depth++;
      else if (u.kind === 'close') depth--;
      if (depth === 0) {
        i = j;
        break;
      }
    }
    // Drop the whitespace Word or a pretty-printer put after the comment.
    if (tokens[i + 1]?.kind === 'text' && !tokens[i + 1]!.raw.trim()) removed.add(i + 1);
  }
  return { tokens, removed, removedIds, removedParaIds, maxId, prefix };
}

/** Render the comments part: kept comments verbatim, then the new ones. */
export function writeCommentsPart(part: CommentsPart, comments: CommentContent[], namespace: string, date: string): string {
  const p = part.prefix || 'w:';
  const added = comments.map((c) => renderComment(c, p, date)).join('');
  if (part.tokens.length === 0) {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      `<${p}comments xmlns:${p.slice(0, -1)}="${namespace}">${added}</${p}comments>`
    );
  }
  const out: string[] = [];
  part.tokens.forEach((t, i) => {
    if (part.removed.has(i)) return;
    if (t.name === `${p}comments` && t.kind === 'close') out.push(added);
    if (t.name === `${p}comments` && t.kind === 'selfclose') {
      out.push(t.raw.replace(/\s*\/>$/, '>'), added, `</${p}comments>`);
      return;
    }
    out.push(t.raw);
  });
  return out.join('');
}

function renderComment(comment: CommentContent, p: string, date: string): string {
  const paragraphs = comment.paragraphs
    .map((text) => `<${p}p><${p}r><${p}t xml:space="preserve">${escapeXmlText(text)}</${p}t></${p}r></${p}p>`)
    .join('');
  return (
    `<${p}comment ${p}id="${comment.id}" ${p}author="${escapeXmlAttribute(CASELINT_AUTHOR)}" ` +
    `${p}date="${date}" ${p}initials="${CASELINT_INITIALS}">${paragraphs}</${p}comment>`
  );
}

/**
 * Remove the elements named `element` whose `key` attribute is in `values` (for example Word's
 * `w15:commentEx` entries for comments that were removed). Other content is kept verbatim.
 */
export function removeKeyedElements(xml: string, element: string, key: string, values: Set<string>): { xml: string; removed: XmlToken[] } {
  const tokens = tokenize(xml);
  const out: string[] = [];
  const removed: XmlToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const hit = t.name === element && (t.kind === 'open' || t.kind === 'selfclose') && values.has(attribute(t.raw, key) ?? '');
    if (!hit) {
      out.push(t.raw);
      continue;
    }
    removed.push(t);
    if (t.kind === 'open') {
      let depth = 1;
      while (depth > 0 && ++i < tokens.length) {
        if (tokens[i]!.kind === 'open') depth++;
        else if (tokens[i]!.kind === 'close') depth--;
      }
    }
  }
  return { xml: out.join(''), removed };
}
