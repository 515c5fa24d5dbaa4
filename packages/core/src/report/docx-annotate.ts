import { deflateSync, strToU8 } from 'fflate';
import type { TextNodeSpan } from '../read/docx-body.js';
import { partDirectory, type DocxPackage } from '../read/docx-package.js';
import { readDocxPackage, type ReadDocxOptions } from '../read/docx-reading.js';
import { rewriteZip } from '../read/zip.js';
import type { Finding } from '../types.js';
import { AnchorPlanner } from './docx-anchors.js';
import { commentParagraphs } from './comment-text.js';
import { readCommentsPart, removeKeyedElements, writeCommentsPart, type CommentContent } from './docx-comments.js';
import { addCommentsRelationship, commentsTarget, ensureCommentsContentType, relationshipsPartOf } from './docx-parts.js';
import { attribute, tokenize, type XmlToken } from './xml-tokens.js';

/**
 * What the annotator needs from a finding: a structural subset of the core `Finding`, so findings from
 * the engine can be passed as they are. `start`/`end` are offsets into the text readDocx produced.
 */
export type AnnotationFinding = Pick<Finding, 'ruleId' | 'message' | 'start' | 'end'> &
  Partial<Pick<Finding, 'fix' | 'phrase' | 'docx'>> & { related?: Array<{ message: string; filePath?: string }> };

export interface AnnotateOptions extends ReadDocxOptions {
  /** The comments' date (default: now). */
  date?: Date;
}

const WORD_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Return a copy of a .docx with one Word comment per finding, anchored on the flagged phrase. Comments
 * caselint added earlier are removed first, so annotating an annotated copy does not duplicate them;
 * other comments are kept. Parts other than the document, comments, relationships and content types are
 * copied byte for byte. The input bytes are not modified.
 */
export function annotateDocx(bytes: Uint8Array, findings: AnnotationFinding[], options: AnnotateOptions = {}): Uint8Array {
  const { rendering, pkg, documentXml } = readDocxPackage(bytes, undefined, options);
  const documentPart = pkg.documentPart;
  const relsPart = relationshipsPartOf(documentPart);
  const rels = pkg.xml(relsPart);
  const existingTarget = commentsTarget(rels, documentPart);
  const commentsPart = existingTarget ?? `${partDirectory(documentPart)}comments.xml`;

  const tokens = tokenize(documentXml);
  const root = tokens.find((t) => t.kind === 'open');
  const { prefix: p, namespace } = wordNamespace(root);
  const comments = readCommentsPart(pkg.xml(commentsPart), p);
  const removed = oldAnchors(tokens, comments.removedIds, p);
  const planner = new AnchorPlanner(tokens, removed, p);

  const added: CommentContent[] = [];
  let nextId = comments.maxId + 1;
  for (const finding of findings) {
    const range = resolveRange(rendering.textNodes, rendering.paragraphStarts, rendering.text.length, finding.start, finding.end);
    if (!range) continue;
    const id = nextId++;
    planner.atStart(range.first, range.startLocal, `<${p}commentRangeStart ${p}id="${id}"/>`);
    planner.atEnd(
      range.last,
      range.endLocal,
      `<${p}commentRangeEnd ${p}id="${id}"/><${p}r><${p}commentReference ${p}id="${id}"/></${p}r>`,
    );
    added.push({ id, paragraphs: commentParagraphs(finding) });
  }

  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const replace = new Map<string, Uint8Array>();
  replace.set(documentPart, strToU8(planner.serialize()));
  replace.set(commentsPart, strToU8(writeCommentsPart(comments, added, namespace, date)));
  if (!existingTarget) {
    const target = commentsPart.slice(partDirectory(documentPart).length);
    replace.set(relsPart, strToU8(addCommentsRelationship(rels, target)));
  }
  for (const [part, xml] of companionParts(pkg, documentPart, comments.removedParaIds)) replace.set(part, strToU8(xml));
  const types = pkg.xml('[Content_Types].xml');
  if (types !== undefined) {
    const updated = ensureCommentsContentType(types, commentsPart);
    if (updated !== types) replace.set('[Content_Types].xml', strToU8(updated));
  }
  return rewriteZip(pkg.archive, replace, (data) => deflateSync(data, { level: 6 }));
}

/**
 * Word (2013 and later) keeps more about each comment in companion parts keyed by the comment paragraph's
 * `w14:paraId`, and from there by a durable id. Entries for caselint's removed comments go with them, so
 * a copy that was opened and saved in Word can be annotated again without leaving orphans behind.
 */
function companionParts(pkg: DocxPackage, documentPart: string, paraIds: Set<string>): Map<string, string> {
  const updated = new Map<string, string>();
  if (paraIds.size === 0) return updated;
  const dir = partDirectory(documentPart);
  const extended = pkg.xml(`${dir}commentsExtended.xml`);
  if (extended !== undefined) updated.set(`${dir}commentsExtended.xml`, removeKeyedElements(extended, 'w15:commentEx', 'w15:paraId', paraIds).xml);
  const ids = pkg.xml(`${dir}commentsIds.xml`);
  const durableIds = new Set<string>();
  if (ids !== undefined) {
    const result = removeKeyedElements(ids, 'w16cid:commentId', 'w16cid:paraId', paraIds);
    for (const t of result.removed) durableIds.add(attribute(t.raw, 'w16cid:durableId') ?? '');
    updated.set(`${dir}commentsIds.xml`, result.xml);
  }
  const extensible = pkg.xml(`${dir}commentsExtensible.xml`);
  if (extensible !== undefined && durableIds.size > 0) {
    updated.set(`${dir}commentsExtensible.xml`, removeKeyedElements(extensible, 'w16cex:commentExtensible', 'w16cex:durableId', durableIds).xml);
  }
  return updated;
}

function wordNamespace(root: XmlToken | undefined): { prefix: string; namespace: string } {
  for (const m of root?.raw.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g) ?? []) {
    if (m[2] === WORD_MAIN || m[2] === 'http://purl.oclc.org/ooxml/wordprocessingml/main') return { prefix: `${m[1]}:`, namespace: m[2] };
  }
  return { prefix: 'w:', namespace: WORD_MAIN };
}

/** Tokens of earlier caselint anchors: range markers and the runs holding only their reference. */
function oldAnchors(tokens: XmlToken[], ids: Set<string>, p: string): Set<number> {
  const removed = new Set<number>();
  if (ids.size === 0) return removed;
  const marker = new Set([`${p}commentRangeStart`, `${p}commentRangeEnd`, `${p}commentReference`]);
  let runOpen = -1;
  let runHasText = false;
  const pendingReferences: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.name === `${p}r` && t.kind === 'open') {
      runOpen = i;
      runHasText = false;
      pendingReferences.length = 0;
    } else if (t.name === `${p}r` && t.kind === 'close' && runOpen >= 0) {
      // A run that held nothing but caselint's reference goes entirely.
      if (pendingReferences.length > 0 && !runHasText) for (let j = runOpen; j <= i; j++) removed.add(j);
      else for (const j of pendingReferences) removed.add(j);
      runOpen = -1;
    } else if (marker.has(t.name) && t.kind === 'selfclose' && ids.has(attribute(t.raw, `${p}id`) ?? '')) {
      if (t.name === `${p}commentReference` && runOpen >= 0) pendingReferences.push(i);
      else removed.add(i);
    } else if (runOpen >= 0 && (t.kind === 'open' || t.kind === 'selfclose') && t.name !== `${p}rPr` && !isRunPropertyChild(tokens, runOpen, i, p)) {
      runHasText = true;
    }
  }
  return removed;
}

/** Whether token i sits inside the run's `w:rPr`. */
function isRunPropertyChild(tokens: XmlToken[], runOpen: number, i: number, p: string): boolean {
  for (let j = i - 1; j > runOpen; j--) {
    const t = tokens[j]!;
    if (t.name === `${p}rPr`) return t.kind === 'open';
  }
  return false;
}

interface ResolvedRange {
  first: TextNodeSpan;
  startLocal: number;
  last: TextNodeSpan;
  endLocal: number;
}

/**
 * The text nodes where a finding's range starts and ends. Characters that come from no text node (tabs,
 * breaks, paragraph ends) are skipped inward. An empty range anchors on its whole paragraph.
 */
function resolveRange(nodes: TextNodeSpan[], paragraphStarts: number[], textLength: number, start: number, end: number): ResolvedRange | undefined {
  const direct = rangeIn(nodes, start, end);
  if (direct) return direct;
  // Widen to the paragraph around `start`, then to the nearest text at all.
  let k = paragraphStarts.length - 1;
  while (k > 0 && paragraphStarts[k]! > start) k--;
  const paragraphEnd = k + 1 < paragraphStarts.length ? paragraphStarts[k + 1]! - 1 : textLength;
  const widened = rangeIn(nodes, paragraphStarts[k] ?? 0, paragraphEnd);
  if (widened) return widened;
  const next = nodes.find((n) => n.offset >= start) ?? nodes.at(-1);
  return next ? { first: next, startLocal: 0, last: next, endLocal: next.length } : undefined;
}

function rangeIn(nodes: TextNodeSpan[], start: number, end: number): ResolvedRange | undefined {
  if (end <= start) return undefined;
  // First node ending after start.
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid]!.offset + nodes[mid]!.length > start) hi = mid;
    else lo = mid + 1;
  }
  const first = nodes[lo];
  if (!first || first.offset >= end) return undefined;
  // Last node starting before end.
  let j = lo;
  while (j + 1 < nodes.length && nodes[j + 1]!.offset < end) j++;
  const last = nodes[j]!;
  return {
    first,
    startLocal: Math.max(0, start - first.offset),
    last,
    endLocal: Math.min(last.length, end - last.offset),
  };
}
