// Test-only inspection of annotated packages: which text each comment is anchored on, and the comments.
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function part(bytes: Uint8Array, name: string): string {
  const file = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  return file ? strFromU8(file) : '';
}

/** comment id -> the document text between its range start and end. */
export function anchoredText(bytes: Uint8Array): Map<string, string> {
  const xml = part(bytes, 'word/document.xml');
  const active = new Set<string>();
  const result = new Map<string, string>();
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const id = (tag.attributes as Record<string, string>)['w:id'] ?? '';
    if (tag.name === 'w:commentRangeStart') {
      active.add(id);
      result.set(id, '');
    } else if (tag.name === 'w:commentRangeEnd') active.delete(id);
    else if (tag.name === 'w:t') inText = true;
    else if (tag.name === 'w:p' && result.size > 0) for (const a of active) result.set(a, result.get(a) + '\n');
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
  });
  parser.on('text', (t) => {
    if (inText) for (const a of active) result.set(a, result.get(a) + t);
  });
  parser.write(xml).close();
  return result;
}

export interface CommentInfo {
  id: string;
  author: string;
  initials: string;
  paragraphs: string[];
}

export function comments(bytes: Uint8Array): CommentInfo[] {
  const xml = part(bytes, 'word/comments.xml');
  const out: CommentInfo[] = [];
  let current: CommentInfo | undefined;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'w:comment') out.push((current = { id: a['w:id']!, author: a['w:author']!, initials: a['w:initials'] ?? '', paragraphs: [] }));
    else if (tag.name === 'w:p') current?.paragraphs.push('');
    else if (tag.name === 'w:t') inText = true;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
  });
  parser.on('text', (t) => {
    if (inText && current) current.paragraphs[current.paragraphs.length - 1] += t;
  });
  if (xml) parser.write(xml).close();
  return out;
}
