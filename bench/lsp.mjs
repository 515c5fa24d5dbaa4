// Language-server latency: spawns the real server over stdio, opens a generated ~150 KB report and
// times (a) open -> first diagnostics and (b) one-line didChange -> published diagnostics, both end to end
// (including the server's debounce) and server-side (the lint time the server reports in caselint/status).
// Usage: node bench/lsp.mjs, or `import { benchLsp } from './lsp.mjs'` (bench/run.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = fileURLToPath(new URL('../packages/language-server/bin/caselint-language-server.js', import.meta.url));

const AREAS = [
  ['Feeding and nutrition', 'Achieved'], ['Hygiene and personal care', 'Achieved'], ['Health and illness', 'Unachieved'],
  ['Safety in the home', 'Unachieved'], ['Safe sleeping', 'Unachieved'], ['Routines', 'Achieved'],
  ['Responding to the child\'s cues', 'Achieved'], ['Emotional warmth', 'Achieved'], ['Budgeting', 'Unachieved'], ['Self-care', 'Achieved'],
];
const PROSE = [
  'Ms Carter attended the keywork session on time and engaged with the discussion about the baby\'s routine.',
  'Staff observed Ms Carter make up a bottle correctly and test its temperature before feeding.',
  'On the night shift staff found the baby asleep in Ms Carter\'s bed; Ms Carter said she was too tired to use the cot.',
  'The health visitor noted that the baby\'s weight remains on the 25th centile and that immunisations are up to date.',
  'Ms Carter missed the budgeting session and said she had forgotten; the session was rearranged for the following week.',
  'The placement is going well and mum is doing really well with the baby.',
  'Ms Carter\'s presentation deteriorated over the week: she stayed in her room and the sterilising equipment was left unwashed.',
  'The social worker visited and discussed the plan for the move to a mother and baby foster placement.',
  'Ms Carter has passed the parenting assessment and this has been a positive placement.',
  'Staff modelled safe sleeping using the Lullaby Trust guidance and Ms Carter repeated the key points back.',
];

/** A report-like Markdown document of about `targetBytes`: sections of observations, a PAMS table and verdicts. */
export function generateReport(targetBytes = 150_000) {
  const parts = ['# Parenting Assessment (PAMS 4.1): Summary Report', '', '**Child:** Baby C', '**Parent:** Ms Carter', '', '## PAMS outcomes', '', '| Area | Outcome |', '| --- | --- |'];
  for (const [area, outcome] of AREAS) parts.push(`| ${area} | ${outcome} |`);
  parts.push('');
  let week = 1;
  let size = parts.join('\n').length;
  while (size < targetBytes - 400) {
    const section = [`## Week ${week} observations`, ''];
    for (let i = 0; i < 6; i++) section.push(`${PROSE[(week * 7 + i * 3) % PROSE.length]} ${PROSE[(week + i) % PROSE.length]}`, '');
    parts.push(...section);
    size += section.join('\n').length + 1;
    week++;
  }
  parts.push('## Conclusion', '', 'Ms Carter has passed the assessment. Overall this has been a positive placement and Ms Carter is engaging well.', '');
  return parts.join('\n');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 10) / 10;

export async function benchLsp({ edits = 20, targetBytes = 150_000, log = console.log } = {}) {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // version -> resolve
  const statuses = new Map(); // version -> lintMs
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const done = waiting.get(params.version);
    if (done) {
      waiting.delete(params.version);
      done({ at: performance.now(), count: params.diagnostics.length });
    }
  });
  connection.onNotification('caselint/status', (params) => statuses.set(params.version, params.lintMs));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const lintMsOf = async (version) => {
    for (let i = 0; i < 100 && !statuses.has(version); i++) await new Promise((r) => setTimeout(r, 5));
    return statuses.get(version);
  };

  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});

    const text = generateReport(targetBytes);
    const uri = pathToFileURL(`${ROOT}bench-lsp-report.md`).toString();
    const lines = text.split('\n');

    const openStarted = performance.now();
    const opened = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = await opened;
    const openMs = first.at - openStarted;
    const openLintMs = await lintMsOf(1);

    // One-line edits spread through the document: retype a word in an observation line.
    const proseLines = lines.map((line, index) => (line.startsWith('Ms Carter') || line.startsWith('Staff') ? index : -1)).filter((i) => i >= 0);
    const endToEnd = [];
    const serverSide = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const line = proseLines[Math.floor(((i + 0.5) * proseLines.length) / edits)];
      const replacement = i % 2 ? 'Ms Carter' : 'Ms Carte';
      const result = published(version);
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 9 } }, text: replacement }],
      });
      const done = await result;
      endToEnd.push(done.at - started);
      serverSide.push(await lintMsOf(version));
      lines[line] = replacement + lines[line].slice(9);
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
    };
    log(
      `language server, ${(summary.documentBytes / 1024).toFixed(0)} KB report (${summary.findingsOnOpen} findings):\n` +
        `  open -> diagnostics        ${summary.openMs} ms (server ${summary.openServerMs} ms)\n` +
        `  one-line edit, server-side median ${summary.editServerMedianMs} ms, worst ${summary.editServerWorstMs} ms (target median <= 30 ms)\n` +
        `  one-line edit, end to end  median ${summary.editEndToEndMedianMs} ms, worst ${summary.editEndToEndWorstMs} ms (includes debounce; target <= 100 ms)`,
    );
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return summary;
  } finally {
    connection.dispose();
    setTimeout(() => child.kill(), 500).unref();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchLsp();
}
