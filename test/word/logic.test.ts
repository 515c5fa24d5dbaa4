// The pane's Office-facing logic (packages/word-addin/src/word-document.ts) under vitest in Node, against Word
// made of office-addin-mock objects (fake-word.ts): the text it builds is the .docx reader's, contradictions come
// first, select() lands on the finding's phrase, and comments replace caselint's earlier ones.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter, readDocx, resolveConfig } from '@caselint/core';
import { rules } from '@caselint/rules';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addComments, checkOpenDocument, commentText, isCaselintComment, selectFinding, watchDocument } from '../../packages/word-addin/src/word-document.js';
import { plainTextToDocx } from '../docx/markdown-to-docx.mjs';
import { ROOT } from '../browser/browser.js';
import { pamsDocx, wordParagraphsOf } from './documents.js';
import { bundleFakeWord } from './fake.js';
import type { FakeParagraph, WordRecord, fakeWord as FakeWordFn } from './fake-word.js';

let fakeWord: typeof FakeWordFn;
let folder: string;
let bytes: Uint8Array;
let paragraphs: FakeParagraph[];
let record: WordRecord;
let selectionChanged: () => void;

const UNMET = ['Health and illness: Unachieved', 'Safety in the home: Unachieved', 'Safe sleeping: Unachieved', 'Budgeting: Unachieved'];
/** The contradiction's related list: the unmet areas, then what else the report found. */
const RELATED = [...UNMET, 'Deterioration: presentation and self-care deteriorated', 'Concern: domestic abuse incident', 'Concern: co-sleeping or bed-sharing seen'];

/** Put Word and Office (the fake) where the pane's code finds them, with this document open. */
function open(document: FakeParagraph[], comments: string[] = []): void {
  const fake = fakeWord(document, comments);
  Object.assign(globalThis, { Word: fake.Word, Office: fake.Office });
  record = fake.record;
  selectionChanged = fake.selectionChanged;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'caselint-word-'));
  writeFileSync(join(folder, 'fake-word.mjs'), await bundleFakeWord('esm'));
  ({ fakeWord } = await import(pathToFileURL(join(folder, 'fake-word.mjs')).href));
  bytes = await pamsDocx();
  paragraphs = wordParagraphsOf(bytes);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeEach(() => open(paragraphs));

describe('the text the pane checks', () => {
  it('is the .docx reader’s: the same text and blocks (paragraphs, headings, table cells)', async () => {
    const fromDocx = readDocx(bytes);
    const { document } = await checkOpenDocument();
    expect(paragraphs.some((p) => p.text.includes('\v'))).toBe(true); // a paragraph with line breaks
    expect(document.text).toBe(fromDocx.text);
    expect(document.blocks).toEqual(fromDocx.blocks);
    expect(document.blocks.filter((b) => b.kind === 'table-cell')).toHaveLength(22);
  });

  it('gives the same findings as checking the .docx', async () => {
    const fromDocx = new Linter(rules).lint(readDocx(bytes), resolveConfig({}));
    const checked = await checkOpenDocument();
    const key = (f: { ruleId: string; phrase: string; start: number }) => `${f.ruleId} ${f.start} ${f.phrase}`;
    expect(checked.findings.map(key).sort()).toEqual(fromDocx.map(key).sort());
  });

  // A .txt opened in Word and saved keeps one paragraph a line: its typed list ("- ..."), its pipe table and its
  // wrapped sentences are read as the .docx reader reads them (typedStructure), as a .txt is.
  it('reads lists and tables typed as text as the .docx reader does, so a plain-text report opened in Word finds the same', async () => {
    const typed = await plainTextToDocx(readFileSync(join(ROOT, 'test/fixtures/blind12-docs/mbfp-review-lister.txt'), 'utf8'));
    const fromDocx = readDocx(typed);
    open(wordParagraphsOf(typed));
    const checked = await checkOpenDocument();
    expect(checked.document.text).toBe(fromDocx.text);
    expect(checked.document.blocks).toEqual(fromDocx.blocks);
    expect(checked.document.blocks.filter((b) => b.kind === 'table-cell').map((b) => b.text)).toContain('Safe sleeping');
    const key = (f: { ruleId: string; phrase: string; start: number; message: string }) => `${f.ruleId} ${f.start} ${f.phrase} ${f.message}`;
    const expected = new Linter(rules).lint(fromDocx, resolveConfig({}));
    expect(checked.findings.map(key).sort()).toEqual(expected.map(key).sort());
    const contradiction = checked.findings.find((f) => f.ruleId === 'outcome-contradicts-findings' && f.phrase === 'going well');
    expect(contradiction?.related?.map((r) => r.message)).toEqual(expect.arrayContaining(['Safe sleeping: Not yet achieved', 'Budgeting: Still working on it']));
  });
});

describe('checking the open document', () => {
  it('lists the contradiction first, naming the unachieved areas', async () => {
    const { findings } = await checkOpenDocument();
    expect(findings[0]).toMatchObject({ ruleId: 'outcome-contradicts-findings', phrase: 'passed' });
    expect(findings[0]!.related?.map((r) => r.message)).toEqual(RELATED);
    expect(findings.map((f) => f.ruleId)).toContain('co-sleeping-plan');
  });

  it('reads what it loaded only: every property read was loaded and synced (the mock gives error text otherwise)', async () => {
    const { document } = await checkOpenDocument();
    expect(document.text).not.toMatch(/Error, (property was not loaded|context\.sync\(\) was not called)/);
  });
});

describe('selecting a finding', () => {
  it('selects the phrase in its paragraph', async () => {
    const checked = await checkOpenDocument();
    const contradiction = checked.findings[0]!;
    expect(await selectFinding(checked, contradiction)).toBe(true);
    const conclusion = paragraphs.findIndex((p) => p.text.startsWith('Ms Carter has passed the assessment.'));
    expect(record.selected).toEqual([{ paragraph: conclusion, text: 'passed', offset: 'Ms Carter has '.length }]);
  });

  it('picks the occurrence at the finding, not the first one in the paragraph', async () => {
    const text = 'Mum is doing well. Mia is doing well.';
    open([{ text: 'Home visit' }, { text }]);
    const checked = await checkOpenDocument();
    const second = checked.findings.at(-1)!;
    expect([second.ruleId, second.phrase, second.start]).toEqual(['unevidenced-reassurance', 'doing well', 'Home visit\n'.length + text.lastIndexOf('doing well')]);
    await selectFinding(checked, second);
    expect(record.selected).toEqual([{ paragraph: 1, text: 'doing well', offset: text.lastIndexOf('doing well') }]);
  });

  it('selects nothing, and says so, when the paragraph changed since the check', async () => {
    const checked = await checkOpenDocument();
    const edited = paragraphs.map((p) => (p.text.startsWith('Ms Carter has passed') ? { ...p, text: 'Ms Carter has not passed the assessment.' } : p));
    open(edited);
    expect(await selectFinding(checked, checked.findings[0]!)).toBe(false);
    expect(record.selected).toEqual([]);
  });
});

describe('adding comments', () => {
  it('writes one comment per finding, as --annotate words it, on the flagged phrase', async () => {
    const checked = await checkOpenDocument();
    const result = await addComments(checked);
    expect(result).toEqual({ removed: 0, added: checked.findings.length });
    expect(record.inserted.map((c) => c.text)).toEqual(checked.findings.map((f) => f.phrase));
    const first = record.inserted[0]!.comment.split('\n');
    expect(first[0]).toBe(`${checked.findings[0]!.message} (outcome-contradicts-findings)`);
    expect(first.slice(first.indexOf('See also:') + 1)).toEqual(RELATED.map((m) => `\u2022 ${m}`));
    expect(first[1]).toBe(`How to fix: ${checked.findings[0]!.fix}`);
    expect(record.inserted.map((c) => c.comment)).toEqual(checked.findings.map(commentText));
  });

  it('replaces caselint’s earlier comments and keeps everyone else’s', async () => {
    const theirs = 'Please check the dates with the social worker (manager)';
    const earlier = ['Old wording (co-sleeping-plan)\nHow to fix: something', 'Another (outcome-contradicts-findings)'];
    open(paragraphs, [earlier[0]!, theirs, earlier[1]!]);
    const checked = await checkOpenDocument();
    const result = await addComments(checked);
    expect(result).toEqual({ removed: 2, added: checked.findings.length });
    expect(record.deleted).toEqual(earlier);
    expect(record.comments).toEqual([theirs, ...checked.findings.map(commentText)]);
    // Adding again replaces the comments just added: the count stays the same.
    await addComments(checked);
    expect(record.comments).toHaveLength(1 + checked.findings.length);
  });

  it('knows its comments by a caselint rule id in brackets ending the first line', () => {
    expect(isCaselintComment('“fine” says nothing (simplistic-outcome)\nHow to fix: say what')).toBe(true);
    expect(isCaselintComment('See the chronology (manager)')).toBe(false);
    expect(isCaselintComment('Body text\nends (simplistic-outcome)')).toBe(false);
  });
});

describe('watching the document', () => {
  it('re-checks once, 1.5 s after the last change, and not after it is stopped', () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      const stop = watchDocument(onChange);
      selectionChanged();
      vi.advanceTimersByTime(1000);
      selectionChanged();
      vi.advanceTimersByTime(1499);
      expect(onChange).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onChange).toHaveBeenCalledTimes(1);
      stop();
      selectionChanged();
      vi.advanceTimersByTime(5000);
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
