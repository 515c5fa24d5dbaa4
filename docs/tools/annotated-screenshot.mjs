// Regenerates docs/annotated.png from a real render: the shared PAMS example report as a Word document,
// annotated by caselint, printed to PDF by LibreOffice with its comments exported (LibreOffice 7.4 draws
// them as comment markers on the flagged phrases; 7.5+ can print them in the margin), page 1 as PNG.
//   npx tsc -b && node docs/tools/annotated-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter, annotateDocx, defaultConfig, docxLocationAt, readDocx } from '@caselint/core';
import { rules } from '@caselint/rules';
import { markdownToDocx } from '../../test/docx/markdown-to-docx.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const source = readFileSync(join(root, '../shared/corpus/reports/pams-summary-passed.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'caselint-shot-'));
const original = join(work, 'pams-summary.docx');
writeFileSync(original, await markdownToDocx(source));

const bytes = new Uint8Array(readFileSync(original));
const doc = readDocx(bytes, original);
const findings = new Linter(rules).lint(doc, defaultConfig()).map((f) => ({ ...f, docx: docxLocationAt(doc, f.start) }));
const annotated = join(work, 'pams-summary.caselint.docx');
writeFileSync(annotated, annotateDocx(bytes, findings));

const profile = pathToFileURL(join(work, 'profile')).href;
const pdfFilter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}';
execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', pdfFilter, '--outdir', work, annotated], {
  env: { ...process.env, HOME: work },
  stdio: 'ignore',
  timeout: 180_000,
});
execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', join(work, 'pams-summary.caselint.pdf'), join(work, 'page')], { stdio: 'ignore' });
renameSync(join(work, 'page.png'), join(root, 'docs/annotated.png'));
console.log(`docs/annotated.png: ${findings.length} findings rendered as Word comments`);
