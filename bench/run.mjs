// `npm run bench`: caselint's speed, measured on generated report-like documents (fictional), as whole processes
// where a user would run whole processes. Prints numbers and the targets they are held to; it does not fail.
// `npm run bench -- <name> ...` runs only the named parts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'packages/core/dist/index.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

/** Each part: its name, what it measures, and the module and function that run it. */
const PARTS = [
  ['batch', 'batch (CLI, whole processes): 2,000+ files (10 MB) with --jobs 1 and 2, cold and warm cache; alex and write-good', './batch.mjs', 'benchBatch'],
  ['engine', 'engine, steady state (in process): the batch checked round after round', './engine.mjs', 'benchEngine'],
  ['lsp', 'language server: a 150 KB report and one-line edits, to published diagnostics; dense case notes; the report in a case of 50 documents', './lsp.mjs', 'benchLspAll'],
  ['docx', 'Word documents: reading and annotating a batch of .docx reports', './docx.mjs', 'benchDocx'],
  ['pathological', 'pathological inputs (time as each hostile input doubles)', './pathological.mjs', 'benchPathological'],
  ['cases', 'cases (CLI): one case of 50, 100 and 200 documents, checked as a case and as unrelated documents', './cases.mjs', 'benchCases'],
  ['dense', 'dense and sparse folders (CLI, whole processes; alex and write-good on the same files)', './dense.mjs', 'benchDense'],
  ['browser', 'browser (headless Chromium): the engine bundle in a page (MB/s), and the extension\'s keystroke-to-mark latency', './browser.mjs', 'benchBrowser'],
];

const only = process.argv.slice(2);
for (const [name, title, module, run] of PARTS) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${title}\n`);
  await (await import(module))[run]();
}
