// Language-server latency: spawns the real server over stdio, opens a generated ~150 KB report and
// times (a) open -> first diagnostics and (b) one-line didChange -> published diagnostics, both end to end
// (including the server's debounce) and server-side (the lint time the server reports in caselint/status).
// With `caseDocuments`, the report is one document of a case folder ("case": true) of that many documents, and the
// edits are timed once the server has read the others: each check then carries the whole case's facts.
// Usage: node bench/lsp.mjs, or `import { benchLsp } from './lsp.mjs'` (bench/run.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { denseDocument } from './batch.mjs';
import { seededRandom } from './random.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = fileURLToPath(new URL('../packages/language-server/bin/caselint-language-server.js', import.meta.url));

const AREAS = [
  ['Feeding and nutrition', 'Achieved'], ['Hygiene and personal care', 'Achieved'], ['Health and illness', 'Unachieved'],
  ['Safety in the home', 'Unachieved'], ['Safe sleeping', 'Unachieved'], ['Routines', 'Achieved'],
  ['Responding to the child\'s cues', 'Achieved'], ['Emotional warmth', 'Achieved'], ['Budgeting', 'Unachieved'], ['Self-care', 'Achieved'],
];
// Everyday observations (varied per day, as real records are), with the concerns a report records only
// now and then, and the verdicts only in the conclusion.
const OBSERVATIONS = [
  (d) => `On ${d} Ms Carter attended the keywork session on time and talked through the baby's feeding and sleep routine with her key worker.`,
  (d) => `Staff observed Ms Carter make up a bottle correctly on ${d}; she tested its temperature and fed the baby upright, winding her twice.`,
  (d) => `The health visitor saw the baby on ${d}: weight on the 25th centile, immunisations up to date, no concerns about her skin or hydration.`,
  (d) => `On ${d} Ms Carter prepared a shopping list with support and kept to the budget agreed in the previous session, apart from one takeaway meal.`,
  (d) => `Contact with the maternal grandmother took place on ${d} at the unit; staff recorded that the visit was calm and lasted ninety minutes.`,
  (d) => `On ${d} Ms Carter asked staff for help when the baby would not settle and followed their advice to check her nappy, temperature and feed.`,
  (d) => `The key worker reviewed the home safety checklist with Ms Carter on ${d}; she identified the kettle flex and the window restrictor as hazards.`,
  (d) => `Ms Carter took the baby to the clinic on ${d} and described the baby's cough and temperature accurately to the nurse.`,
];
const CONCERNS = [
  (d) => `On ${d} the night staff found the baby asleep in Ms Carter's bed; Ms Carter said she had been too tired to put her back in the cot.`,
  (d) => `Staff recorded on ${d} that Ms Carter's room was untidy and that the sterilising equipment had been left unwashed overnight.`,
  (d) => `Ms Carter missed the budgeting session on ${d} and said she had forgotten; it was rearranged for the following week.`,
];
const MONTHS = ['October', 'November', 'December', 'January', 'February', 'March'];
const dayName = (n) => `${(n % 28) + 1} ${MONTHS[Math.floor(n / 28) % MONTHS.length]} (session ${n + 1})`;

/** A report-like Markdown document of about `targetBytes`: a PAMS table, weekly observations and a conclusion. */
export function generateReport(targetBytes = 150_000) {
  const parts = ['# Parenting Assessment (PAMS 4.1): Summary Report', '', '**Child:** Mia Carter', '**Parent:** Jade Carter (mother)', '', '## PAMS outcomes', '', '| Area | Outcome |', '| --- | --- |'];
  for (const [area, outcome] of AREAS) parts.push(`| ${area} | ${outcome} |`);
  parts.push('');
  const conclusion = ['## Conclusion', '', 'Ms Carter has passed the assessment. Overall this has been a positive placement and Ms Carter is engaging well.', ''];
  let size = parts.join('\n').length + conclusion.join('\n').length;
  for (let week = 1, n = 0; size < targetBytes - 300; week++) {
    const section = [`## Week ${week} observations`, ''];
    for (let i = 0; i < 6; i++, n++) {
      const first = OBSERVATIONS[n % OBSERVATIONS.length](dayName(n));
      const second = n % 17 === 5 ? CONCERNS[(n / 17 | 0) % CONCERNS.length](dayName(n)) : OBSERVATIONS[(n * 3 + 1) % OBSERVATIONS.length](dayName(n + 1));
      section.push(`${first} ${second}`, '');
    }
    parts.push(...section);
    size += section.join('\n').length + 1;
  }
  parts.push(...conclusion);
  return parts.join('\n');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 10) / 10;

/** A case folder of `count` documents: the report to edit and `count - 1` shorter reports and notes beside it. */
function writeCase(text, count) {
  const dir = mkdtempSync(join(tmpdir(), 'caselint-bench-case-'));
  writeFileSync(join(dir, '.caselintrc.json'), '{ "case": true }\n');
  writeFileSync(join(dir, 'report.md'), text);
  // Each also records a deterioration the report does not: the report's verdicts then answer to the case.
  const deterioration = "\nStaff observed that Ms Carter's self-care deteriorated over the final three weeks.\n";
  for (let i = 1; i < count; i++) writeFileSync(join(dir, `document-${String(i).padStart(2, '0')}.md`), generateReport(8_000 + (i % 5) * 4_000) + deterioration);
  return dir;
}

/** Edits after which the server's hot paths are compiled (a fresh server's first dozen or so edits are slower). */
const WARM_EDITS = 20;

export async function benchLsp({ edits = 20, targetBytes = 150_000, caseDocuments = 0, dense = false, log = console.log } = {}) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // version -> resolve
  const statuses = new Map(); // version -> lintMs
  let relatedElsewhere = 0; // related locations in other documents, in the last publication
  let relatedCount = 0; // all related locations in the last publication: bounded by findings plus facts
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const related = params.diagnostics.flatMap((d) => d.relatedInformation ?? []);
    relatedCount = related.length;
    relatedElsewhere = related.filter((r) => r.location.uri !== params.uri).length;
    const done = waiting.get(params.version);
    if (done) {
      waiting.delete(params.version);
      done({ at: performance.now(), count: params.diagnostics.length });
    }
  });
  connection.onNotification('caselint/status', (params) => statuses.set(params.version, params.lintMs));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  let caseRead;
  const caseReady = new Promise((resolve) => (caseRead = resolve));
  connection.onNotification('window/logMessage', (params) => {
    if (/^case folder .*document\(s\) read$/.test(params.message)) caseRead();
  });
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const lintMsOf = async (version) => {
    for (let i = 0; i < 100 && !statuses.has(version); i++) await new Promise((r) => setTimeout(r, 5));
    return statuses.get(version);
  };

  let caseDir;
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});

    // Dense: a year of case notes where most sentences are verdicts, reassurance or recorded concerns.
    const text = dense ? denseDocument(seededRandom(4242), targetBytes).text : generateReport(targetBytes);
    caseDir = caseDocuments > 0 ? writeCase(text, caseDocuments) : undefined;
    const uri = pathToFileURL(caseDir ? join(caseDir, 'report.md') : `${ROOT}bench-lsp-report.${dense ? 'txt' : 'md'}`).toString();
    const lines = text.split('\n');

    const openStarted = performance.now();
    const opened = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: dense ? 'plaintext' : 'markdown', version: 1, text } });
    const first = await opened;
    const openMs = first.at - openStarted;
    const openLintMs = await lintMsOf(1);
    let caseReadMs;
    if (caseDir) {
      // The other documents are read in the background; then the report is checked again with their facts.
      await caseReady;
      caseReadMs = performance.now() - openStarted;
      await new Promise((r) => setTimeout(r, 500));
    }

    // One-line edits spread through the document: retype a word in an observation line (in dense notes, a space
    // typed after an entry's date, and taken out again).
    const editable = dense ? (line) => /^\d+\/\d+\/\d+ /.test(line) : (line) => line.startsWith('On ');
    const proseLines = lines.map((line, index) => (editable(line) ? index : -1)).filter((i) => i >= 0);
    const endToEnd = [];
    const serverSide = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const line = proseLines[Math.floor(((i + 0.5) * proseLines.length) / edits)];
      // "On 3 Oct" <-> "At 3 Oct": a one-word retype at the start of an observation line.
      const at = dense ? lines[line].indexOf(' ') : 0;
      const [from, to, replacement] = dense ? (lines[line][at + 1] === ' ' ? [at, at + 2, ' '] : [at, at + 1, '  ']) : [0, 3, lines[line].startsWith('On ') ? 'At ' : 'On '];
      const result = published(version);
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text: replacement }],
      });
      const done = await result;
      endToEnd.push(done.at - started);
      serverSide.push(await lintMsOf(version));
      lines[line] = lines[line].slice(0, from) + replacement + lines[line].slice(to);
    }

    const summary = {
      documentBytes: Buffer.byteLength(text),
      findingsOnOpen: first.count,
      openMs: round(openMs),
      openServerMs: round(openLintMs ?? NaN),
      edits,
      editEndToEndMedianMs: round(median(endToEnd)),
      editEndToEndWorstMs: round(Math.max(...endToEnd)),
      editServerMedianMs: round(median(serverSide)),
      editServerWorstMs: round(Math.max(...serverSide)),
      // After the first 20 edits the JIT has compiled the hot paths: what a user typing for a minute sees.
      ...(edits > WARM_EDITS ? { laterServerMedianMs: round(median(serverSide.slice(WARM_EDITS))), laterEndToEndMedianMs: round(median(endToEnd.slice(WARM_EDITS))) } : {}),
      ...(caseDir ? { caseDocuments, caseReadMs: round(caseReadMs), relatedElsewhere } : {}),
    };
    if (caseDir) {
      log(
        `language server, ${(summary.documentBytes / 1024).toFixed(0)} KB report in a case of ${caseDocuments} documents (${summary.findingsOnOpen} findings):\n` +
          `  open -> the case's other documents read  ${summary.caseReadMs} ms (in the background; the report's own diagnostics came after ${summary.openMs} ms)\n` +
          `  related locations in the case's other documents: ${summary.relatedElsewhere}\n` +
          `  one-line edit in the case, server-side median ${summary.editServerMedianMs} ms, worst ${summary.editServerWorstMs} ms (target <= 30 ms)\n` +
          `  one-line edit in the case, end to end  median ${summary.editEndToEndMedianMs} ms, worst ${summary.editEndToEndWorstMs} ms (includes debounce)`,
      );
    } else log(
      `language server, ${(summary.documentBytes / 1024).toFixed(0)} KB ${dense ? 'dense case notes' : 'report'} (${summary.findingsOnOpen} findings, ${relatedCount} related locations):\n` +
        `  open -> diagnostics        ${summary.openMs} ms (server ${summary.openServerMs} ms)\n` +
        `  one-line edit, server-side median ${summary.editServerMedianMs} ms, worst ${summary.editServerWorstMs} ms (target median <= 30 ms)\n` +
        `  one-line edit, end to end  median ${summary.editEndToEndMedianMs} ms, worst ${summary.editEndToEndWorstMs} ms (includes debounce; target <= 100 ms)` +
        (summary.laterServerMedianMs !== undefined ? `\n  edits ${WARM_EDITS + 1}-${edits} only (the JIT warm): server-side median ${summary.laterServerMedianMs} ms, end to end ${summary.laterEndToEndMedianMs} ms` : ''),
    );
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return summary;
  } finally {
    if (caseDir) rmSync(caseDir, { recursive: true, force: true });
    connection.dispose();
    setTimeout(() => child.kill(), 500).unref();
  }
}

/** Every language-server measure: a sparse report, dense case notes, and the report in a case of 50 documents. */
export async function benchLspAll() {
  await benchLsp();
  // All 60 edits are reported, and the 40 after the first 20 on their own.
  await benchLsp({ dense: true, edits: 60 });
  await benchLsp({ caseDocuments: 50 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchLspAll();
