// The case in the editor (issue 10): an open document is checked against what the other documents of its case
// record — read from disk in the background (.docx too), kept current as they change on disk or in the editor.
// Driven over JSON-RPC against the real server, as protocol.test.ts does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx } from '../docx/markdown-to-docx.mjs';
import { tempTree } from '../helpers.js';
import { DEFAULT_CAPABILITIES, startSession, type Diagnostic, type LspSession, type PublishDiagnosticsParams } from './lsp-session.js';

const CONTRADICTION = 'outcome-contradicts-findings';

/** A PAMS report dated before the referral: a table of each area's outcome, then anything else it records. */
function pamsReport(outcomes: Record<string, string>, more = ''): string {
  const rows = Object.entries(outcomes).map(([area, outcome]) => `| ${area} | ${outcome} |`);
  return ['# PAMS assessment report', '', 'Date of report: 3 March 2025', '', '| Area | Outcome |', '| --- | --- |', ...rows, '', more].join('\n');
}

/** Three unmet areas and deterioration. */
const PAMS = pamsReport(
  { Feeding: 'Achieved', 'Safe sleeping': 'Unachieved', Budgeting: 'Unachieved', 'Home safety': 'Partially achieved' },
  "Staff observed that Ms Reid's self-care deteriorated over the final three weeks.\n",
);
/** The same report once every area is achieved and nothing deteriorated. */
const PAMS_ACHIEVED = pamsReport({ Feeding: 'Achieved', 'Safe sleeping': 'Achieved', Budgeting: 'Achieved', 'Home safety': 'Achieved' });

const REFERRAL = `# Placement referral

Date: 20 March 2025

Ms Reid passed her PAMS assessment and it was positive.
`;

const CASE_CONFIG = '{ "case": true }';
const uriOf = (path: string) => pathToFileURL(path).href;
const contradictions = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.code === CONTRADICTION);
const hasContradiction = (p: PublishDiagnosticsParams) => contradictions(p).length > 0;
const relatedMessages = (d: Diagnostic) => (d.relatedInformation ?? []).map((r) => r.message);

describe('a case in the editor (the editor reports file changes)', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = startSession({ settings: {} });
    await session.initialize();
  });
  afterAll(() => session?.dispose());

  it('asks the editor to report changes to the documents a case reads', async () => {
    const deadline = Date.now() + 5000;
    while (!session.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles') && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    const watched = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: { globPattern: string }[] };
    expect(watched.watchers.map((w) => w.globPattern)).toContain('**/*.{txt,text,md,markdown,docx,doc,odt,rtf,pdf}');
  });

  it('an open referral contradicts the unmet areas of the PAMS report beside it, with related locations in the report', async () => {
    const root = tempTree({ 'reid/.caselintrc.json': CASE_CONFIG, 'reid/assessment/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const referral = uriOf(join(root, 'reid/referral.md'));
    const report = uriOf(join(root, 'reid/assessment/pams-report.md'));
    await session.open(referral, REFERRAL);
    const published = await session.waitForDiagnostics(referral, hasContradiction);
    const [first] = contradictions(published);
    expect(first!.message).toContain('pams-report.md');
    expect(relatedMessages(first!)).toEqual(['Safe sleeping: Unachieved', 'Budgeting: Unachieved', 'Home safety: Partially achieved', 'Deterioration: self-care deteriorated']);
    // Each related location opens the report, at its own line and column (the table row "| Safe sleeping |").
    expect(new Set(first!.relatedInformation!.map((r) => r.location.uri))).toEqual(new Set([report]));
    expect(first!.relatedInformation![0]!.location.range.start).toEqual({ line: PAMS.split('\n').findIndex((l) => l.includes('Safe sleeping')), character: 2 });
    // The plain verdict warning gives way to the contradiction.
    expect(published.diagnostics.filter((d) => d.code === 'simplistic-outcome')).toEqual([]);
    // Hover names the other document and the line of each thing it records.
    const hover = await session.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: referral }, position: first!.range.start });
    expect(hover?.contents.value).toContain(`**Recorded in its case:** Safe sleeping: Unachieved (pams-report.md, line ${first!.relatedInformation![0]!.location.range.start.line + 1})`);

    // The report is rewritten on disk with every area achieved: the editor says so, and the contradiction goes.
    const since = session.published.length;
    writeFileSync(join(root, 'reid/assessment/pams-report.md'), PAMS_ACHIEVED);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: report, type: 2 }] });
    const after = await session.waitForDiagnostics(referral, (p) => !hasContradiction(p), since);
    expect(after.diagnostics.map((d) => d.code)).toContain('simplistic-outcome');

    // A report deleted from disk records nothing either; written back, it is read again.
    writeFileSync(join(root, 'reid/assessment/pams-report.md'), PAMS);
    const again = session.published.length;
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: report, type: 1 }] });
    await session.waitForDiagnostics(referral, hasContradiction, again);
    await session.close(referral);
  });

  it('reads a .docx report of the case, and its related locations open the Word file', async () => {
    const root = tempTree({ 'reid/.caselintrc.json': CASE_CONFIG, 'reid/referral.md': REFERRAL, 'reid/pams-report.docx': await markdownToDocx(PAMS) });
    const referral = uriOf(join(root, 'reid/referral.md'));
    await session.open(referral, REFERRAL);
    const published = await session.waitForDiagnostics(referral, hasContradiction);
    const [first] = contradictions(published);
    expect(first!.message).toContain('pams-report.docx');
    expect(relatedMessages(first!)).toContain('Budgeting: Unachieved');
    expect(new Set(first!.relatedInformation!.map((r) => r.location.uri))).toEqual(new Set([uriOf(join(root, 'reid/pams-report.docx'))]));

    // The Word report rewritten with every area achieved: its change is read too.
    const since = session.published.length;
    writeFileSync(join(root, 'reid/pams-report.docx'), await markdownToDocx(PAMS_ACHIEVED));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(root, 'reid/pams-report.docx')), type: 2 }] });
    await session.waitForDiagnostics(referral, (p) => !hasContradiction(p), since);
    await session.close(referral);
  });

  it('a case document that cannot be read (binary, a damaged .docx, too large) adds nothing, is logged in one line without its text, and the check goes on', async () => {
    const secret = 'Ms Reid passed everything';
    const binary = Buffer.concat([Buffer.from(secret), Buffer.alloc(64, 0), Buffer.from(secret)]);
    const root = tempTree({
      'reid/.caselintrc.json': '{ "case": true, "maxFileSize": 2000 }',
      'reid/a-binary.md': binary,
      'reid/a-large.md': `${secret}. ${'The home was tidy. '.repeat(200)}`,
      'reid/a-broken.docx': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(secret)]),
      'reid/pams-report.md': PAMS,
      'reid/referral.md': REFERRAL,
    });
    const referral = uriOf(join(root, 'reid/referral.md'));
    await session.open(referral, REFERRAL);
    // The unreadable files come first in the folder: the report after them is still read.
    const published = await session.waitForDiagnostics(referral, hasContradiction);
    expect(new Set(contradictions(published)[0]!.relatedInformation!.map((r) => r.location.uri))).toEqual(new Set([uriOf(join(root, 'reid/pams-report.md'))]));
    const logged = session.logs.filter((line) => line.includes(root));
    expect(logged.filter((line) => line.includes('a-binary.md')).length).toBe(1);
    expect(logged.filter((line) => line.includes('a-broken.docx')).length).toBe(1);
    expect(logged.filter((line) => line.includes('a-large.md')).length).toBe(1);
    for (const line of session.logs) {
      expect(line).not.toContain(secret);
      expect(line).not.toContain('\n');
    }
    await session.close(referral);
  });

  it('a folder not declared a case stays unlinked', async () => {
    const plain = tempTree({ 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const declared = tempTree({ 'reid/.caselintrc.json': CASE_CONFIG, 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const unlinked = uriOf(join(plain, 'reid/referral.md'));
    const linked = uriOf(join(declared, 'reid/referral.md'));
    // The undeclared folder's referral first: had it been taken for a case, its report would be read before the other's.
    await session.open(unlinked, REFERRAL);
    await session.waitForDiagnostics(unlinked, (p) => p.version === 1);
    await session.open(linked, REFERRAL);
    await session.waitForDiagnostics(linked, hasContradiction);
    const since = session.published.length;
    await session.change(unlinked, 2, [{ text: REFERRAL + '\n' }]);
    const v2 = await session.waitForDiagnostics(unlinked, (p) => p.version === 2, since);
    const all = session.published.filter((p) => p.uri === unlinked);
    expect(all.some(hasContradiction)).toBe(false);
    expect(v2.diagnostics.filter((d) => d.code === 'simplistic-outcome').length).toBeGreaterThan(0);
    expect(session.logs.some((line) => line.includes(plain))).toBe(false);
    await session.close(unlinked);
    await session.close(linked);
  });

  it("an open document's unsaved text wins over its file, and its edits reach the other open documents of the case", async () => {
    const root = tempTree({ 'reid/.caselintrc.json': CASE_CONFIG, 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const referral = uriOf(join(root, 'reid/referral.md'));
    const report = uriOf(join(root, 'reid/pams-report.md'));
    await session.open(referral, REFERRAL);
    await session.waitForDiagnostics(referral, hasContradiction);

    // The report opened with every area achieved (not saved): the referral no longer contradicts it.
    let since = session.published.length;
    await session.open(report, PAMS_ACHIEVED);
    await session.waitForDiagnostics(referral, (p) => !hasContradiction(p), since);

    // Budgeting typed back to "Unachieved" in the editor: the referral's contradiction returns, naming only it.
    since = session.published.length;
    await session.change(report, 2, [{ text: PAMS_ACHIEVED.replace('| Budgeting | Achieved |', '| Budgeting | Unachieved |') }]);
    const back = await session.waitForDiagnostics(referral, hasContradiction, since);
    expect(relatedMessages(contradictions(back)[0]!)).toEqual(['Budgeting: Unachieved']);

    // Closed without saving: the file on disk counts again.
    since = session.published.length;
    await session.close(report);
    const disk = await session.waitForDiagnostics(referral, (p) => hasContradiction(p) && relatedMessages(contradictions(p)[0]!).includes('Safe sleeping: Unachieved'), since);
    expect(relatedMessages(contradictions(disk)[0]!)).toContain('Home safety: Partially achieved');
    await session.close(referral);
  });

  it('a case folder with more documents than the limit is checked document by document, with one log line', async () => {
    const files: Record<string, string> = { 'big/.caselintrc.json': CASE_CONFIG, 'big/pams-report.md': PAMS, 'big/referral.md': REFERRAL };
    for (let i = 0; i < 1001; i++) files[`big/notes/note-${String(i).padStart(4, '0')}.txt`] = `Visit ${i}: the home was tidy.\n`;
    const root = tempTree(files);
    const referral = uriOf(join(root, 'big/referral.md'));
    await session.open(referral, REFERRAL);
    await session.waitForDiagnostics(referral, (p) => p.version === 1);
    // The check goes on without the case, and says why in the log, once.
    const deadline = Date.now() + 15000;
    while (!session.logs.some((line) => line.includes(join(root, 'big')) && line.includes('more than 1000 documents')) && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(session.logs.filter((line) => line.includes(join(root, 'big')) && line.includes('more than 1000 documents')).length).toBe(1);
    const since = session.published.length;
    await session.change(referral, 2, [{ text: REFERRAL + '\n' }]);
    const v2 = await session.waitForDiagnostics(referral, (p) => p.version === 2, since);
    expect(hasContradiction(v2)).toBe(false);
    expect(v2.diagnostics.some((d) => d.code === 'simplistic-outcome')).toBe(true);
    await session.close(referral);
  });

  it('a deeply nested case folder is read to 20 levels, with one log line for the rest', async () => {
    const deep = Array.from({ length: 25 }, (_, i) => `d${i}`).join('/');
    const root = tempTree({ 'reid/.caselintrc.json': CASE_CONFIG, 'reid/referral.md': REFERRAL, [`reid/${deep}/pams-report.md`]: PAMS, 'reid/d0/pams-report.md': PAMS });
    const referral = uriOf(join(root, 'reid/referral.md'));
    await session.open(referral, REFERRAL);
    const published = await session.waitForDiagnostics(referral, hasContradiction);
    // Only the shallow report is read.
    expect(new Set(contradictions(published)[0]!.relatedInformation!.map((r) => r.location.uri))).toEqual(new Set([uriOf(join(root, 'reid/d0/pams-report.md'))]));
    expect(session.logs.filter((line) => line.includes(join(root, 'reid')) && line.includes('20 levels')).length).toBe(1);
    await session.close(referral);
  });
});

describe('a case in an editor that does not report file changes', () => {
  let session: LspSession;
  beforeAll(async () => {
    const { didChangeWatchedFiles: _none, ...workspace } = DEFAULT_CAPABILITIES.workspace;
    session = startSession({ settings: {}, capabilities: { ...DEFAULT_CAPABILITIES, workspace } });
    await session.initialize();
  });
  afterAll(() => session?.dispose());

  it('the server watches the case folder itself and sees the report change on disk', async () => {
    const root = tempTree({ 'reid/.caselintrc.json': CASE_CONFIG, 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const referral = uriOf(join(root, 'reid/referral.md'));
    await session.open(referral, REFERRAL);
    await session.waitForDiagnostics(referral, hasContradiction);
    const since = session.published.length;
    writeFileSync(join(root, 'reid/pams-report.md'), PAMS_ACHIEVED);
    await session.waitForDiagnostics(referral, (p) => !hasContradiction(p), since);

    // A new report in a new subfolder is found too.
    const more = session.published.length;
    mkdirSync(join(root, 'reid/later'));
    writeFileSync(join(root, 'reid/later/pams-review.md'), PAMS);
    await session.waitForDiagnostics(referral, hasContradiction, more);
  });
});

describe('a workspace folder declared a case by the caselint.case setting', () => {
  it('the open referral is checked against the report elsewhere in the workspace', async () => {
    const root = tempTree({ 'notes/referral.md': REFERRAL, 'reports/pams-report.md': PAMS });
    const session = startSession({ settings: { case: true }, rootUri: uriOf(root) });
    try {
      await session.initialize();
      const referral = uriOf(join(root, 'notes/referral.md'));
      await session.open(referral, REFERRAL);
      const published = await session.waitForDiagnostics(referral, hasContradiction);
      expect(new Set(contradictions(published)[0]!.relatedInformation!.map((r) => r.location.uri))).toEqual(new Set([uriOf(join(root, 'reports/pams-report.md'))]));
    } finally {
      session.dispose();
    }
  });
});
