// The server stays responsive (issue 13): checks run in a worker thread, so a hover on one document answers while
// another, large one is being checked; a check past caselint.maxCheckTime is stopped and one information diagnostic
// says so; the server goes on checking afterwards.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, startSession, type LspSession } from './lsp-session.js';

const REPORT = readFileSync(resolve(REPO_ROOT, '../shared/corpus/reports/pams-summary-passed.md'), 'utf8');
const SMALL = 'untitled:small.md';
const LARGE = 'untitled:large.md';
// About 3 MB of report text: a second or more to check on this machine.
const LARGE_TEXT = `${REPORT}\n\n${'The keyworker visited on Monday and Ms Carter fed the baby well; no concerns were noted. She passed the test. '.repeat(28000)}`;

let session: LspSession | undefined;
afterEach(() => {
  session?.dispose();
  session = undefined;
});

/** The position of the first contradiction in the small report: "passed". */
function passedPosition(text: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /\bpassed\b/.test(l));
  return { line, character: lines[line]!.indexOf('passed') + 2 };
}

describe('a responsive language server', () => {
  it('answers a hover on another document within 500 ms while a large one is checked', { timeout: 60000 }, async () => {
    session = startSession({ settings: { maxDocumentSize: 10_000_000, maxCheckTime: 60 } });
    await session.initialize();
    await session.open(SMALL, REPORT, 'markdown', 1);
    await session.waitForDiagnostics(SMALL, (p) => p.version === 1, 0, 30000);

    await session.open(LARGE, LARGE_TEXT, 'markdown', 1);
    await new Promise((done) => setTimeout(done, 300)); // the large document is now being checked
    const started = performance.now();
    const hover = await session.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: SMALL }, position: passedPosition(REPORT) });
    const hoverMs = performance.now() - started;
    const large = session.published.find((p) => p.uri === LARGE);
    expect(hover?.contents.value).toMatch(/caselint/);
    expect(hoverMs).toBeLessThan(500);
    expect(large, 'the large document was still being checked when the hover answered').toBeUndefined();
    await session.waitForDiagnostics(LARGE, () => true, 0, 45000);
  });

  it('stops a check past caselint.maxCheckTime with one information diagnostic, and goes on checking', { timeout: 60000 }, async () => {
    session = startSession({ settings: {}, settingsByUri: { [LARGE]: { maxDocumentSize: 10_000_000, maxCheckTime: 0.05 } } });
    await session.initialize();
    await session.open(LARGE, LARGE_TEXT, 'markdown', 1);
    const stopped = await session.waitForDiagnostics(LARGE, (p) => p.version === 1, 0, 30000);
    expect(stopped.diagnostics).toHaveLength(1);
    expect(stopped.diagnostics[0]).toMatchObject({ severity: 3, code: 'check-timeout' });
    expect(stopped.diagnostics[0]!.message).toMatch(/stopped checking this document after 0\.05 s/);

    // A new checking thread takes the next document.
    await session.open(SMALL, REPORT, 'markdown', 1);
    const small = await session.waitForDiagnostics(SMALL, (p) => p.version === 1, 0, 30000);
    expect(small.diagnostics.some((d) => d.code === 'outcome-contradicts-findings')).toBe(true);
    expect(await session.shutdown()).toBe(0);
  });
});
