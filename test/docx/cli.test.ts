import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx, plainTextToDocx } from './markdown-to-docx.mjs';
import { anchoredText, comments } from './inspect.js';
import { convert, hasSoffice } from './soffice.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../packages/cli/bin/caselint.js');
const corpus = join(import.meta.dirname, '../../../shared/corpus/reports');
const ready = existsSync(join(import.meta.dirname, '../../packages/cli/dist/main.js')) && existsSync(corpus);
if (!ready) console.warn('CLI not built or corpus missing: skipping the --annotate CLI tests');

async function caselint(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.skipIf(!ready)('caselint --annotate', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-cli-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports/pams.docx'), await markdownToDocx(readFileSync(join(corpus, 'pams-summary-passed.md'), 'utf8')));
    writeFileSync(join(dir, 'reports/notes.docx'), await plainTextToDocx(readFileSync(join(corpus, 'case-notes-unallocated.txt'), 'utf8')));
    writeFileSync(join(dir, 'reports/old.docx'), Buffer.from('d0cf11e0a1b11ae1', 'hex'));
  });

  it('writes a commented copy of each .docx into --out-dir, leaves the originals alone, and goes on past a bad file', async () => {
    const before = ['pams', 'notes', 'old'].map((n) => sha(join(dir, `reports/${n}.docx`)));
    const { code, stdout, stderr } = await caselint(dir, '--annotate', '--out-dir', 'reviewed/', '--format', 'json', 'reports/pams.docx', 'reports/notes.docx', 'reports/old.docx');
    expect(code).toBe(1);
    expect(['pams', 'notes', 'old'].map((n) => sha(join(dir, `reports/${n}.docx`)))).toEqual(before);
    const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; phrase: string; docx?: { paragraph: number }; fatal?: boolean; message: string }> }>;
    const old = results.find((r) => r.filePath.endsWith('old.docx'))!;
    expect(old.messages[0]).toMatchObject({ fatal: true, message: 'is a Word 97-2003 .doc; save it as .docx' });
    for (const name of ['pams', 'notes']) {
      const result = results.find((r) => r.filePath.endsWith(`${name}.docx`))!;
      expect(result.messages.length).toBeGreaterThan(0);
      for (const m of result.messages) expect(m.docx?.paragraph).toBeGreaterThan(0);
      const copy = new Uint8Array(readFileSync(join(dir, `reviewed/${name}.docx`)));
      const list = comments(copy);
      expect(list).toHaveLength(result.messages.length);
      const anchors = anchoredText(copy);
      expect(list.map((c) => anchors.get(c.id)).sort()).toEqual(result.messages.map((m) => m.phrase).sort());
      expect(stderr).toContain(`wrote reviewed/${name}.docx (${result.messages.length} comments)`);
    }
    expect(existsSync(join(dir, 'reviewed/old.docx'))).toBe(false);
  });

  it('writes NAME.caselint.docx beside the original by default, and never duplicates its comments', async () => {
    await caselint(dir, '--annotate', 'reports/');
    const copy = join(dir, 'reports/pams.caselint.docx');
    const first = comments(new Uint8Array(readFileSync(copy)));
    expect(first.length).toBeGreaterThan(0);
    // A second run skips the copies when walking the folder, and re-annotating a copy replaces its comments.
    const again = await caselint(dir, '--annotate', 'reports/');
    expect(again.stderr).not.toContain('caselint.caselint');
    await caselint(dir, '--annotate', '--out-dir', 'twice', 'reports/pams.caselint.docx');
    expect(comments(new Uint8Array(readFileSync(join(dir, 'twice/pams.caselint.docx'))))).toHaveLength(first.length);
  });

  it('refuses --out-dir without --annotate', async () => {
    const { code, stderr } = await caselint(dir, '--out-dir', 'x', 'reports/');
    expect(code).toBe(2);
    expect(stderr).toContain('--out-dir is for annotated copies');
  });
});

const soffice = ready && (await hasSoffice());
describe.skipIf(!soffice)('the annotated corpus report in LibreOffice', () => {
  it('shows a comment on every finding', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselint-cli-lo-'));
    writeFileSync(join(dir, 'pams.docx'), await markdownToDocx(readFileSync(join(corpus, 'pams-summary-passed.md'), 'utf8')));
    const { stdout } = await caselint(dir, '--annotate', '--format', 'json', 'pams.docx');
    const findings = (JSON.parse(stdout) as Array<{ messages: unknown[] }>)[0]!.messages;
    await convert(join(dir, 'pams.caselint.docx'), 'odt', dir);
    const content = strFromU8(unzipSync(readFileSync(join(dir, 'pams.caselint.odt')), { filter: (f) => f.name === 'content.xml' })['content.xml']!);
    expect(content.match(/<dc:creator>caselint<\/dc:creator>/g)).toHaveLength(findings.length);
  });
});
