// The pane's Office-facing logic: read the open document through Word's API, check it, select a finding's phrase,
// add caselint's comments. No DOM here, so it runs under a mocked `Word` in Node as well as in the pane.
import { Linter, commentParagraphs, resolveConfig, type Finding } from '@caselint/core/browser';
import { ruleById, rules } from '@caselint/rules';
import { asChecked, buildWordText, paragraphIndexAt, type ParagraphInfo, type WordText } from './word-text.js';

const linter = new Linter(rules);
/** The rule whose findings lead the list: a conclusion the report's own findings contradict. */
export const CONTRADICTION_RULE = 'outcome-contradicts-findings';
/** Word's search finds at most 255 characters. */
const SEARCH_LIMIT = 255;

export interface CheckedDocument extends WordText {
  /** Contradictions first, then in document order. */
  findings: Finding[];
}

/** Read the body and check it under the recommended configuration. */
export async function checkOpenDocument(): Promise<CheckedDocument> {
  return Word.run(async (context) => {
    const wordText = buildWordText(await readParagraphs(context));
    const findings = orderFindings(linter.lint(wordText.document, resolveConfig({})));
    return { ...wordText, findings };
  });
}

/** Contradictions first (they decide whether the report can stand), the rest in document order. */
export function orderFindings(findings: Finding[]): Finding[] {
  const first = (f: Finding) => (f.ruleId === CONTRADICTION_RULE ? 0 : 1);
  return [...findings].sort((a, b) => first(a) - first(b) || a.start - b.start || a.end - b.end);
}

/** A caselint comment's text: the paragraphs `--annotate` writes, one per line. */
export function commentText(finding: Finding): string {
  return commentParagraphs(finding).join('\n');
}

/** Whether a comment is one caselint wrote: its first line ends with a caselint rule id in brackets. */
export function isCaselintComment(content: string): boolean {
  const firstLine = content.split(/\r\n|\r|\n|\v/, 1)[0]!.trimEnd();
  const id = /\(([a-z0-9-]+)\)$/.exec(firstLine)?.[1];
  return id !== undefined && ruleById.has(id);
}

/** Select the finding's phrase in the document; false when the document changed since the check. */
export async function selectFinding(checked: CheckedDocument, finding: Finding): Promise<boolean> {
  return Word.run(async (context) => {
    const range = await findingRange(context, await loadedParagraphs(context), checked, finding);
    if (!range) return false;
    range.select();
    await context.sync();
    return true;
  });
}

/**
 * Replace caselint's earlier comments with one per finding, as `--annotate` does; other comments are kept.
 * Returns how many were removed and added.
 */
export async function addComments(checked: CheckedDocument): Promise<{ removed: number; added: number }> {
  return Word.run(async (context) => {
    const comments = context.document.body.getComments();
    comments.load('content');
    await context.sync();
    const earlier = comments.items.filter((comment) => isCaselintComment(comment.content));
    for (const comment of earlier) comment.delete();
    await context.sync();
    const paragraphs = await loadedParagraphs(context);
    let added = 0;
    for (const finding of checked.findings) {
      const range = await findingRange(context, paragraphs, checked, finding);
      if (!range) continue;
      range.insertComment(commentText(finding));
      added++;
    }
    await context.sync();
    return { removed: earlier.length, added };
  });
}

/**
 * Re-check when the document changes, at most once per `delayMs`: on paragraph changes where Word has them
 * (WordApi 1.6), else on selection changes (typing moves the selection). Returns a function that stops it.
 */
export function watchDocument(onChange: () => void, delayMs = 1500): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const debounced = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(onChange, delayMs);
  };
  if (Office.context.requirements.isSetSupported('WordApi', '1.6')) {
    // The handler stays registered for the pane's life; stopping just ignores it.
    void Word.run(async (context) => {
      context.document.onParagraphChanged.add(async () => debounced());
      await context.sync();
    });
  } else {
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, debounced);
  }
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

async function readParagraphs(context: Word.RequestContext): Promise<ParagraphInfo[]> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load('text,styleBuiltIn,outlineLevel,isListItem,tableNestingLevel');
  await context.sync();
  // Only paragraphs directly in a top-level table need their cell: nested tables flatten into it.
  const cells = paragraphs.items.map((paragraph) => (paragraph.tableNestingLevel === 1 ? paragraph.parentTableCell.load('rowIndex,cellIndex') : undefined));
  await context.sync();
  return paragraphs.items.map((paragraph, i) => ({
    text: paragraph.text,
    styleBuiltIn: paragraph.styleBuiltIn,
    outlineLevel: paragraph.outlineLevel,
    isListItem: paragraph.isListItem,
    tableNestingLevel: paragraph.tableNestingLevel,
    ...(cells[i] ? { cell: { rowIndex: cells[i].rowIndex, cellIndex: cells[i].cellIndex } } : {}),
  }));
}

/** The body paragraphs with their text, to find findings' phrases in. */
async function loadedParagraphs(context: Word.RequestContext): Promise<Word.ParagraphCollection> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load('text');
  await context.sync();
  return paragraphs;
}

/**
 * The range of a finding's phrase: the occurrence, within its paragraph, at the finding's offset. Undefined when
 * that paragraph no longer reads as it did when checked. A phrase Word cannot search for (too long, or running
 * over the paragraph's end) gives the whole paragraph.
 */
async function findingRange(context: Word.RequestContext, paragraphs: Word.ParagraphCollection, checked: CheckedDocument, finding: Finding): Promise<Word.Range | undefined> {
  const index = paragraphIndexAt(checked.paragraphStarts, finding.start);
  const paragraphStart = checked.paragraphStarts[index]!;
  const paragraphEnd = checked.paragraphStarts[index + 1] === undefined ? checked.document.text.length : checked.paragraphStarts[index + 1]! - 1;
  const checkedText = checked.document.text.slice(paragraphStart, paragraphEnd);
  const paragraph = paragraphs.items[index];
  if (!paragraph || asChecked(paragraph.text) !== checkedText) return undefined;
  const phrase = finding.phrase;
  if (finding.end > paragraphEnd || phrase.length > SEARCH_LIMIT || phrase.includes('^') || /\s{2}|\n/.test(phrase)) return paragraph.getRange();
  // Which occurrence: Word finds them in order and without overlaps, so count those before the finding.
  const local = finding.start - paragraphStart;
  let occurrence = 0;
  for (let at = checkedText.indexOf(phrase); at !== -1 && at < local; at = checkedText.indexOf(phrase, at + phrase.length)) occurrence++;
  const found = paragraph.search(phrase, { matchCase: true });
  found.load('text');
  await context.sync();
  return found.items[occurrence] ?? paragraph.getRange();
}
