import { attribute } from './xml-tokens.js';

/** Package bookkeeping for a comments part: the document relationship and the content-type override. */

export const COMMENTS_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/** The relationships part of a part: word/document.xml -> word/_rels/document.xml.rels. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The comments target named in the document's relationships, resolved to a part name. */
export function commentsTarget(rels: string | undefined, documentPart: string): string | undefined {
  if (!rels) return undefined;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attribute(m[0], 'Type') !== COMMENTS_REL_TYPE) continue;
    const target = attribute(m[0], 'Target');
    if (!target) continue;
    if (target.startsWith('/')) return target.slice(1);
    return resolveRelative(documentPart.slice(0, documentPart.lastIndexOf('/') + 1), target);
  }
  return undefined;
}

function resolveRelative(dir: string, target: string): string {
  const parts = (dir + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** Add a comments relationship to the document's relationships (creating the part if needed). */
export function addCommentsRelationship(rels: string | undefined, target: string): string {
  const entry = (id: string) => `<Relationship Id="${id}" Type="${COMMENTS_REL_TYPE}" Target="${target}"/>`;
  if (!rels) {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entry('rId1')}</Relationships>`
    );
  }
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return insertBeforeClose(rels, 'Relationships', entry(`rId${n}`));
}

/** Add the comments override to [Content_Types].xml when it is not there. */
export function ensureCommentsContentType(types: string, part: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return insertBeforeClose(types, 'Types', `<Override PartName="/${part}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`);
}

function insertBeforeClose(xml: string, root: string, markup: string): string {
  const close = xml.lastIndexOf(`</${root}>`);
  if (close >= 0) return xml.slice(0, close) + markup + xml.slice(close);
  // A self-closed empty root.
  return xml.replace(new RegExp(`<${root}([^>]*?)\\s*/>`), `<${root}$1>${markup}</${root}>`);
}
