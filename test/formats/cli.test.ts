// The folder walk and the reports, end to end through the built CLI: a folder of every format, some of them broken.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../docx/soffice.js';
import { markdownToDocx } from '../docx/markdown-to-docx.mjs';
import { CORPUS, ROOT, runCli } from '../helpers.js';
import { ready } from './harness.js';

const corpus = join(CORPUS, 'reports');
const built = existsSync(join(ROOT, 'packages/cli/dist/main.js'));

const FORMATS = ['doc', 'odt', 'rtf', 'pdf'] as const;

describe.skipIf(!ready || !built)('caselint on a folder of .doc, .odt, .rtf and .pdf', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-formats-cli-'));
    const work = join(dir, 'work');
    mkdirSync(work);
    mkdirSync(join(dir, 'reports'));
    const docx = join(work, 'pams.docx');
    writeFileSync(docx, await markdownToDocx(readFileSync(join(corpus, 'pams-summary-passed.md'), 'utf8')));
    for (const format of FORMATS) {
      await convert(docx, format, work);
      copyFileSync(join(work, `pams.${format}`), join(dir, 'reports', `pams.${format}`));
    }
    // Broken files: each is one error line, and the batch goes on.
    writeFileSync(join(dir, 'reports/scan.pdf'), readFileSync(join(work, 'pams.pdf')).subarray(0, 2000));
    writeFileSync(join(dir, 'reports/broken.odt'), 'not a zip at all');
  }, 120_000);

  it('walks every format, says where findings are in each, and reports broken files without stopping', async () => {
    const { code, stdout } = runCli(['reports'], dir);
    expect(code).toBe(1);
    for (const format of FORMATS) expect(stdout).toContain(`pams.${format}`);
    // The PDF's contradiction by page and line; the word-processor formats' by paragraph.
    const pdfSection = stdout.slice(stdout.indexOf('pams.pdf'));
    expect(pdfSection).toMatch(/page 1, line 29\s+error\s+.*outcome-contradicts-findings/);
    expect(pdfSection).toMatch(/↳ page 1, line 17 Safe sleeping: Unachieved/);
    const odtSection = stdout.slice(stdout.indexOf('pams.odt'));
    expect(odtSection).toMatch(/¶32\s+error/);
    expect(stdout).toMatch(/scan\.pdf\n\s+error\s+is a truncated \.pdf \(it does not end with %%EOF\)\s+pdf-truncated/);
    expect(stdout).toMatch(/broken\.odt\n\s+error\s+is not a \.odt file \(not a zip archive\)\s+odt-not-zip/);
  });

  it('gives PDF locations in JSON, SARIF and HTML', async () => {
    const json = JSON.parse(runCli(['--format', 'json', 'reports/pams.pdf'], dir).stdout) as { messages: { ruleId: string; phrase: string; pdf?: unknown; docx?: unknown }[] }[];
    const passed = json[0]!.messages.find((m) => m.ruleId === 'outcome-contradicts-findings' && m.phrase === 'passed');
    expect(passed?.pdf).toEqual({ page: 1, line: 29 });
    expect(passed?.docx).toBeUndefined();
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'reports/pams.pdf'], dir).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'outcome-contradicts-findings');
    expect(result.locations[0].message.text).toBe('page 1, line 29');
    expect(result.locations[0].properties.pdf).toEqual({ page: 1, line: 29 });
    runCli(['--format', 'html', '--output', 'report.html', 'reports/pams.pdf', 'reports/pams.odt'], dir);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<span class="where">page 1, line 29</span>');
    expect(html).toContain('Safe sleeping: Unachieved <span class="where">page 1, line 17</span>');
    // Word-processor formats keep the text's line and column, as .docx does.
    expect(html).toMatch(/<span class="where">line \d+, column \d+<\/span>/);
  });
});
