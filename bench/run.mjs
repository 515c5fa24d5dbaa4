// `npm run bench`: caselint's speed, measured on generated report-like documents (fictional), as whole processes
// where a user would run whole processes. Prints numbers and the targets they are held to; it does not fail.
//   1. batch: the CLI over 2,000+ files (10 MB) with --jobs 1 and 2, cold and warm cache; alex and write-good
//   2. engine: the batch checked in process, round after round (steady state)
//   3. language server: open a 150 KB report, then one-line edits, to published diagnostics
//   4. Word: reading and annotating a batch of .docx reports
//   5. pathological: hostile inputs (long white space, label lines, CR LF runs, ...) at doubling sizes
//   6. browser: the engine bundle in headless Chromium (MB/s), and the extension's keystroke-to-mark latency
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'packages/core/dist/index.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const section = (title) => console.log(`\n== ${title}\n`);

if (want('batch')) {
  section('batch (CLI, whole processes)');
  const { benchBatch } = await import('./batch.mjs');
  await benchBatch();
}
if (want('engine')) {
  section('engine, steady state (in process)');
  const { benchEngine } = await import('./engine.mjs');
  await benchEngine();
}
if (want('lsp')) {
  section('language server');
  const { benchLsp } = await import('./lsp.mjs');
  await benchLsp();
}
if (want('docx')) {
  section('Word documents');
  const { benchDocx } = await import('./docx.mjs');
  await benchDocx();
}
if (want('pathological')) {
  section('pathological inputs (time as each hostile input doubles)');
  const { benchPathological } = await import('./pathological.mjs');
  await benchPathological();
}
if (want('browser')) {
  section('browser (headless Chromium)');
  const { benchBrowser } = await import('./browser.mjs');
  await benchBrowser();
}
