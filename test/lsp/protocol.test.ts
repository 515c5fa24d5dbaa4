// Protocol tests: the real caselint language server over stdio, driven by a JSON-RPC client.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startSession, textAt, type Diagnostic, type LspSession, type Range } from './lsp-session.js';

const REPORT_PATH = resolve(REPO_ROOT, '../shared/corpus/reports/pams-summary-passed.md');
const REPORT_URI = pathToFileURL(REPORT_PATH).toString();
const REPORT = readFileSync(REPORT_PATH, 'utf8');
const CONTRADICTION = 'outcome-contradicts-findings';
const UNMET_AREAS = ['Health and illness', 'Safety in the home', 'Safe sleeping', 'Budgeting'];

const contradictionOf = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === CONTRADICTION);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('caselint language server over stdio', () => {
  let session: LspSession;
  let text = REPORT;

  beforeAll(async () => {
    session = startSession({ settings: {} });
  });
  afterAll(() => session?.dispose());

  it('initializes with incremental sync, code actions and hover', async () => {
    const result = await session.initialize();
    const capabilities = result.capabilities as { textDocumentSync: { change: number; openClose: boolean }; hoverProvider: boolean; codeActionProvider: unknown };
    expect(capabilities.textDocumentSync.change).toBe(2);
    expect(capabilities.textDocumentSync.openClose).toBe(true);
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.codeActionProvider).toBeTruthy();
    expect(result.serverInfo?.name).toBe('caselint');
  });

  it('publishes the contradiction as an Error with the four unachieved areas as related information', async () => {
    await session.open(REPORT_URI, REPORT, 'markdown', 1);
    const published = await session.waitForDiagnostics(REPORT_URI, (p) => p.version === 1);
    const diagnostic = contradictionOf(published.diagnostics);
    expect(diagnostic, JSON.stringify(published.diagnostics.map((d) => d.code))).toBeDefined();
    expect(diagnostic!.severity).toBe(1);
    expect(diagnostic!.source).toBe('caselint');
    expect(() => new URL(diagnostic!.codeDescription!.href)).not.toThrow();
    expect(diagnostic!.range.start.line).toBe(lineOf(REPORT, 'has passed the assessment'));
    expect(textAt(REPORT, diagnostic!.range).toLowerCase()).toContain('passed');

    const related = diagnostic!.relatedInformation ?? [];
    for (const area of UNMET_AREAS) {
      const entry = related.find((r) => r.message.includes(area));
      expect(entry, `related information for ${area}`).toBeDefined();
      expect(entry!.location.uri).toBe(REPORT_URI);
      expect(textAt(REPORT, entry!.location.range)).toContain(area);
    }
    expect(related.find((r) => r.message.includes('Safe sleeping'))!.message).toMatch(/Safe sleeping: Unachieved/);
    // Every finding is a well-formed caselint diagnostic.
    for (const d of published.diagnostics) {
      expect(d.source).toBe('caselint');
      expect([1, 2, 3]).toContain(d.severity);
      expect(typeof d.code).toBe('string');
    }
    // The status notification carries the counts for the status bar.
    const status = await session.waitForStatus(REPORT_URI, 1);
    expect(status.errors).toBeGreaterThanOrEqual(1);
  });

  it('explains a finding on hover, in Markdown with the link', async () => {
    const diagnostic = contradictionOf(session.published.filter((p) => p.uri === REPORT_URI).at(-1)!.diagnostics)!;
    const hover = await session.connection.sendRequest<{ contents: { kind: string; value: string }; range: Range } | null>('textDocument/hover', {
      textDocument: { uri: REPORT_URI },
      position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 1 },
    });
    expect(hover?.contents.kind).toBe('markdown');
    expect(hover!.contents.value).toContain(CONTRADICTION);
    expect(hover!.contents.value).toContain(diagnostic.codeDescription!.href);
    expect(hover!.contents.value).toMatch(/\*\*Why:\*\*/);
    // Nothing flagged on the title line.
    const none = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: REPORT_URI }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
  });

  it('offers to disable the rule for the line (as an HTML comment in Markdown) and in the workspace', async () => {
    const diagnostic = contradictionOf(session.published.filter((p) => p.uri === REPORT_URI).at(-1)!.diagnostics)!;
    const actions = await session.connection.sendRequest<{ title: string; kind: string; edit?: { changes?: Record<string, { range: Range; newText: string }[]>; documentChanges?: unknown[] }; diagnostics?: Diagnostic[] }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: REPORT_URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } },
    );
    const titles = actions.map((a) => a.title);
    const line = actions.find((a) => a.title === `Disable ${CONTRADICTION} for this line`);
    expect(line, titles.join('; ')).toBeDefined();
    expect(line!.kind).toBe('quickfix');
    const [edit] = line!.edit!.changes![REPORT_URI]!;
    expect(edit!.newText).toBe(`<!-- caselint-disable-next-line ${CONTRADICTION} -->\n`);
    expect(edit!.range.start).toEqual({ line: diagnostic.range.start.line, character: 0 });

    const workspace = actions.find((a) => a.title === `Disable ${CONTRADICTION} in this workspace`);
    expect(workspace?.edit?.documentChanges ?? workspace?.edit?.changes).toBeDefined();
    // Quick fixes from the rule's suggestions never insert an unfilled [template].
    for (const action of actions.filter((a) => a.title.startsWith('Replace with'))) {
      const edits = Object.values(action.edit!.changes!).flat();
      for (const e of edits) expect(e.newText).not.toContain('[');
    }
  });

  it('follows incremental edits, publishing each version, and honours an inserted directive', async () => {
    const since = session.published.length;
    // Insert a line above the conclusion: the contradiction moves down one line.
    const conclusionLine = lineOf(text, 'has passed the assessment');
    await session.change(REPORT_URI, 2, [{ range: { start: { line: conclusionLine, character: 0 }, end: { line: conclusionLine, character: 0 } }, text: 'A new first line of the conclusion.\n\n' }]);
    text = text.split('\n').toSpliced(conclusionLine, 0, 'A new first line of the conclusion.', '').join('\n');
    const v2 = await session.waitForDiagnostics(REPORT_URI, (p) => p.version === 2, since);
    expect(contradictionOf(v2.diagnostics)!.range.start.line).toBe(conclusionLine + 2);

    // Insert the directive the code action offers: the contradiction goes.
    const target = conclusionLine + 2;
    const directive = `<!-- caselint-disable-next-line ${CONTRADICTION} -->\n`;
    await session.change(REPORT_URI, 3, [{ range: { start: { line: target, character: 0 }, end: { line: target, character: 0 } }, text: directive }]);
    text = text.split('\n').toSpliced(target, 0, directive.trimEnd()).join('\n');
    const v3 = await session.waitForDiagnostics(REPORT_URI, (p) => p.version === 3, since);
    expect(contradictionOf(v3.diagnostics)).toBeUndefined();

    // Remove it again (a ranged deletion): it comes back.
    await session.change(REPORT_URI, 4, [{ range: { start: { line: target, character: 0 }, end: { line: target + 1, character: 0 } }, text: '' }]);
    text = text.split('\n').toSpliced(target, 1).join('\n');
    const v4 = await session.waitForDiagnostics(REPORT_URI, (p) => p.version === 4, since);
    expect(contradictionOf(v4.diagnostics)!.range.start.line).toBe(target);
  });

  it('debounces a burst of edits and never publishes a stale version after a newer one', async () => {
    const since = session.published.length;
    for (let version = 5; version <= 12; version++) {
      await session.change(REPORT_URI, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    }
    text = 'xxxxxxxx' + text;
    const last = await session.waitForDiagnostics(REPORT_URI, (p) => p.version === 12, since);
    expect(contradictionOf(last.diagnostics)).toBeDefined();
    await new Promise((done) => setTimeout(done, 200));
    const versions = session.published.slice(since).filter((p) => p.uri === REPORT_URI).map((p) => p.version!);
    expect(versions.at(-1)).toBe(12);
    expect(versions.length).toBeLessThan(8); // coalesced
    expect([...versions].sort((a, b) => a - b)).toEqual(versions); // monotonic
  });

  it('answers an unknown request with MethodNotFound, survives garbage and ignores unopened documents', async () => {
    await expect(session.connection.sendRequest('caselint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    // A frame whose body is not JSON.
    session.process.stdin.write('Content-Length: 12\r\n\r\n{not json!!}');
    // Notifications and requests for a document that was never opened.
    const ghost = 'file:///nowhere/never-opened.md';
    await session.change(ghost, 7, [{ text: 'Ms Carter passed.' }]);
    await session.close(ghost);
    expect(await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: ghost }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } })).toEqual([]);
    // Still alive and working.
    const since = session.published.length;
    await session.change(REPORT_URI, 13, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } }, text: '' }]);
    text = text.slice(8);
    const v13 = await session.waitForDiagnostics(REPORT_URI, (p) => p.version === 13, since);
    expect(contradictionOf(v13.diagnostics)).toBeDefined();
    expect(session.exitCode).toBeUndefined();
  });

  it('gives an oversize document one informational diagnostic, and respects caselint.enable', async () => {
    const big = 'untitled:big-report';
    const off = 'untitled:switched-off';
    session.setSettings({}, { [big]: { maxDocumentSize: 1000 }, [off]: { enable: false } });
    await session.open(big, REPORT.repeat(3), 'markdown');
    const bigDiagnostics = await session.waitForDiagnostics(big);
    expect(bigDiagnostics.diagnostics).toHaveLength(1);
    expect(bigDiagnostics.diagnostics[0]!.severity).toBe(3);
    expect(bigDiagnostics.diagnostics[0]!.message).toMatch(/maxDocumentSize/);
    await session.open(off, REPORT, 'markdown');
    expect((await session.waitForDiagnostics(off)).diagnostics).toEqual([]);
    await session.close(big);
    await session.close(off);
  });

  it('applies rule overrides from the editor settings on didChangeConfiguration', async () => {
    const since = session.published.length;
    session.setSettings({ rules: { [CONTRADICTION]: 'off' } }, {});
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = await session.waitForDiagnostics(REPORT_URI, (p) => !contradictionOf(p.diagnostics), since);
    expect(off.version).toBe(13);
    const since2 = session.published.length;
    session.setSettings({}, {});
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitForDiagnostics(REPORT_URI, (p) => !!contradictionOf(p.diagnostics), since2);
  });

  it('checks rule overrides as config files are checked: an option the rule does not take is ignored and reported', async () => {
    const since = session.published.length;
    session.setSettings({ rules: { 'co-sleeping-plan': ['warn', { terms: ['top and tail'] }], [CONTRADICTION]: 'off' } }, {});
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const published = await session.waitForDiagnostics(REPORT_URI, (p) => !contradictionOf(p.diagnostics), since);
    const problem = published.diagnostics.find((d) => d.code === 'config-error');
    expect(problem?.message).toContain('"caselint.rules.co-sleeping-plan.terms" is not an option of co-sleeping-plan');
    const since2 = session.published.length;
    session.setSettings({}, {});
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const back = await session.waitForDiagnostics(REPORT_URI, (p) => !!contradictionOf(p.diagnostics), since2);
    expect(back.diagnostics.some((d) => d.code === 'config-error')).toBe(false);
  });

  it('checks plain text too, and disables a line with a directive line of its own', async () => {
    const notesPath = resolve(REPO_ROOT, '../shared/corpus/reports/case-notes-unallocated.txt');
    const notesUri = pathToFileURL(notesPath).toString();
    const notes = readFileSync(notesPath, 'utf8');
    await session.open(notesUri, notes, 'plaintext');
    const published = await session.waitForDiagnostics(notesUri, (p) => p.version === 1);
    expect(published.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['unallocated-case', 'unevidenced-reassurance']));
    const finding = published.diagnostics.find((d) => d.code === 'unevidenced-reassurance')!;
    const actions = await session.connection.sendRequest<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: notesUri }, range: finding.range, context: { diagnostics: [finding] },
    });
    const line = actions.find((a) => a.title === 'Disable unevidenced-reassurance for this line')!;
    expect(line.edit!.changes![notesUri]![0]!.newText).toBe('caselint-disable-next-line unevidenced-reassurance\n');
    await session.close(notesUri);
    const cleared = await session.waitForDiagnostics(notesUri, (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('keeps document text out of its logs', () => {
    const logged = session.logs.join('\n') + session.stderr;
    expect(logged).not.toContain('Ms Carter');
  });

  it('shuts down and exits cleanly', async () => {
    expect(await session.shutdown()).toBe(0);
  });
});

describe('workspace configuration files', () => {
  let session: LspSession;
  let root: string;
  afterAll(() => {
    session?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('honours .caselintrc.json and re-checks open documents when it changes', async () => {
    root = mkdtempSync(join(tmpdir(), 'caselint-ls-'));
    const reportPath = join(root, 'report.md');
    writeFileSync(reportPath, REPORT);
    const uri = pathToFileURL(reportPath).toString();
    session = startSession({ settings: {}, rootUri: pathToFileURL(root).toString() });
    await session.initialize();
    await session.open(uri, REPORT);
    expect(contradictionOf((await session.waitForDiagnostics(uri)).diagnostics)).toBeDefined();

    // The workspace code action targets a new .caselintrc.json at the root.
    const diagnostic = contradictionOf(session.published.at(-1)!.diagnostics)!;
    const actions = await session.connection.sendRequest<{ title: string; edit?: { documentChanges?: { kind?: string; uri?: string; edits?: { newText: string }[] }[] } }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    });
    const workspace = actions.find((a) => a.title === `Disable ${CONTRADICTION} in this workspace`)!;
    const [create, edit] = workspace.edit!.documentChanges!;
    const configUri = pathToFileURL(join(root, '.caselintrc.json')).toString();
    expect(create).toMatchObject({ kind: 'create', uri: configUri });
    const written = edit!.edits![0]!.newText;
    expect(JSON.parse(written)).toEqual({ rules: { [CONTRADICTION]: 'off' } });

    // Apply it as the client would, and tell the server the file changed.
    const since = session.published.length;
    writeFileSync(join(root, '.caselintrc.json'), written);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const after = await session.waitForDiagnostics(uri, () => true, since);
    expect(contradictionOf(after.diagnostics)).toBeUndefined();

    // With the file in place, the action updates it rather than creating another.
    const again = await session.connection.sendRequest<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: [] },
    });
    const update = again.find((a) => a.title.endsWith('in this workspace'));
    if (update) {
      const newText = update.edit!.changes![configUri]![0]!.newText;
      expect(JSON.parse(newText).rules[CONTRADICTION]).toBe('off');
    }
    // A broken config file: one error naming the file and key at the top; the document is still checked.
    const since2 = session.published.length;
    writeFileSync(join(root, '.caselintrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const broken = await session.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config-error'), since2);
    const configError = broken.diagnostics.find((d) => d.code === 'config-error')!;
    expect(configError.severity).toBe(1);
    expect(configError.message).toContain('.caselintrc.json');
    expect(configError.message).toContain('no-such-rule');
    expect(contradictionOf(broken.diagnostics)).toBeDefined();
    expect(await session.shutdown()).toBe(0);
  });
});
