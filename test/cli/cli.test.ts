// The caselint command end to end: formats, exit codes, configuration, directives, unreadable files, encodings.
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, CORPUS, runCli, runJson, tempTree } from '../helpers.js';

const VERDICT = 'Ms Carter passed the PAMS assessment.\n';
const CLEAN = 'Ms Carter achieved 9 of the 14 PAMS areas.\n';

describe('exit codes and formats', () => {
  it('exits 0 on a clean file, 1 with an error, and prints JSON in ESLint\'s shape', () => {
    const dir = tempTree({ 'clean.txt': CLEAN, 'report.md': '| Area | Outcome |\n| --- | --- |\n| Safe sleeping | Unachieved |\n\nMs Carter passed the assessment.\n' });
    expect(runCli([join(dir, 'clean.txt')]).code).toBe(0);
    const { code, results } = runJson([dir]);
    expect(code).toBe(1);
    expect(results.map((r) => r.filePath.split('/').pop())).toEqual(['clean.txt', 'report.md']);
    const m = results[1]!.messages.find((x) => x.ruleId === 'outcome-contradicts-findings')!;
    expect(m).toMatchObject({ severity: 2, line: 5, column: 11, endLine: 5, endColumn: 17 });
    expect(m.message).toContain('Safe sleeping');
    expect(results[1]!.errorCount).toBe(1);
  });

  it('exits 0 with warnings only, and 1 when warnings exceed --max-warnings', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    expect(runCli([dir]).code).toBe(0);
    expect(runCli(['--max-warnings', '0', dir]).code).toBe(1);
    expect(runCli(['--max-warnings', '1', dir]).code).toBe(0);
  });

  it('prints a readable stylish report with the rule id and position', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    const r = runCli([dir]);
    expect(r.stdout).toMatch(/1:11\s+warning\s+"passed" reduces the assessment to a verdict/);
    expect(r.stdout).toContain('simplistic-outcome');
    expect(r.stdout).toMatch(/1 problem \(0 errors, 1 warning\)/);
    expect(runCli(['--verbose', dir]).stdout).toMatch(/Why: .*no pass mark/);
  });

  it('--quiet reports errors only', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    const { results } = runJson(['--quiet', dir]);
    expect(results[0]!.messages).toEqual([]);
  });

  it('--rule changes a severity, and unknown rules or formats are usage errors (exit 2)', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    expect(runCli(['--rule', 'simplistic-outcome:error', dir]).code).toBe(1);
    expect(runJson(['--rule', 'simplistic-outcome:off', dir]).results[0]!.messages).toEqual([]);
    expect(runCli(['--rule', 'no-such-rule:error', dir]).code).toBe(2);
    expect(runCli(['--format', 'xml', dir]).code).toBe(2);
    expect(runCli(['--bogus', dir]).code).toBe(2);
    expect(runCli([]).code).toBe(2);
  });

  it('--help and --version', () => {
    expect(runCli(['--help']).stdout).toContain('Usage: caselint');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--output writes the report to a new file and nothing to stdout', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    const r = runCli(['--format', 'json', '--output', join(dir, 'out.json'), join(dir, 'a.txt')]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))[0].messages[0].ruleId).toBe('simplistic-outcome');
  });
});

describe('output to a reader that stops early', () => {
  it('ends quietly when the pipe closes (caselint reports/ | head)', () => {
    const dir = tempTree(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`r${i}.txt`, VERDICT.repeat(20)])));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --format json "${dir}" | head -c 10`], { encoding: 'utf8' });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|Error/);
  });
});

describe('configuration', () => {
  it('honours .caselintrc.json found upward, per-rule severity and extra terms', () => {
    const dir = tempTree({
      '.caselintrc.json': JSON.stringify({ rules: { 'simplistic-outcome': ['error', { terms: ['signed off as complete'] }] } }),
      'sub/a.txt': 'The assessment was signed off as complete.\n',
    });
    const { code, results } = runJson([dir]);
    expect(code).toBe(1);
    expect(results[0]!.messages[0]).toMatchObject({ ruleId: 'simplistic-outcome', severity: 2 });
  });

  it('reads .caselintrc.yaml and package.json#caselint, nearer files overriding farther ones', () => {
    const dir = tempTree({
      '.caselintrc.yaml': 'rules:\n  simplistic-outcome: "off"\n',
      'a.txt': VERDICT,
      'team/package.json': JSON.stringify({ name: 'x', caselint: { rules: { 'simplistic-outcome': 'error' } } }),
      'team/b.txt': VERDICT,
    });
    const { results } = runJson([dir]);
    expect(results.find((r) => r.filePath.endsWith('/a.txt'))!.messages).toEqual([]);
    expect(results.find((r) => r.filePath.endsWith('b.txt'))!.messages[0]!.severity).toBe(2);
  });

  it('a bad configuration names the file and the key, and exits 2', () => {
    const dir = tempTree({ '.caselintrc.json': JSON.stringify({ rules: { 'simplistic-outcome': 'loud' } }), 'a.txt': VERDICT });
    const r = runCli([dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.caselintrc.json');
    expect(r.stderr).toContain('rules.simplistic-outcome');
    const typo = tempTree({ '.caselintrc.json': JSON.stringify({ rule: {} }), 'a.txt': VERDICT });
    expect(runCli([typo]).stderr).toMatch(/"rule" is not a configuration key/);
    const unknown = tempTree({ '.caselintrc.json': JSON.stringify({ rules: { 'no-such': 'warn' } }), 'a.txt': VERDICT });
    expect(runCli([unknown]).stderr).toMatch(/rules\.no-such" is not a caselint rule/);
    const broken = tempTree({ '.caselintrc.json': '{ "rules": ', 'a.txt': VERDICT });
    expect(runCli([broken]).stderr).toMatch(/is not valid JSON/);
  });

  it('--config uses one file; ignores and .caselintignore skip files in folders', () => {
    const dir = tempTree({
      'cfg.json': JSON.stringify({ rules: { 'simplistic-outcome': 'off' } }),
      'a.txt': VERDICT,
      '.caselintignore': 'drafts/\n',
      'drafts/b.txt': VERDICT,
      '.caselintrc.json': JSON.stringify({ ignores: ['old/**'] }),
      'old/c.txt': VERDICT,
    });
    expect(runJson(['--config', join(dir, 'cfg.json'), join(dir, 'a.txt')]).results[0]!.messages).toEqual([]);
    const { results } = runJson(['.'], dir);
    const names = results.filter((r) => r.messages.length).map((r) => r.filePath.split('/').slice(-2).join('/'));
    expect(names).toEqual([expect.stringMatching(/a\.txt$/)]);
  });
});

describe('inline directives', () => {
  it('disable-next-line in Markdown comments and plain-text lines, and disable/enable ranges', () => {
    const dir = tempTree({
      'a.md': '<!-- caselint-disable-next-line simplistic-outcome -->\nMs Carter passed the PAMS assessment.\n\nMr Price failed the parenting assessment.\n',
      'b.txt': 'caselint-disable-next-line\nMs Carter passed the PAMS assessment.\n\ncaselint-disable unevidenced-reassurance\nNo concerns.\ncaselint-enable unevidenced-reassurance\n\nThere are no concerns.\n',
    });
    const { results } = runJson([dir]);
    const a = results.find((r) => r.filePath.endsWith('a.md'))!;
    expect(a.messages.map((m) => m.line)).toEqual([4]);
    const b = results.find((r) => r.filePath.endsWith('b.txt'))!;
    expect(b.messages.map((m) => `${m.ruleId}@${m.line}`)).toEqual(['unevidenced-reassurance@8']);
  });
});

describe('files that cannot be read', () => {
  it('a missing path and a binary file each get one fatal message; the rest is still checked', () => {
    const dir = tempTree({ 'good.txt': VERDICT, 'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]) });
    const { code, results } = runJson([join(dir, 'missing.txt'), join(dir, 'image.txt'), join(dir, 'good.txt')]);
    expect(code).toBe(1);
    const byName = Object.fromEntries(results.map((r) => [r.filePath.split('/').pop(), r.messages]));
    expect(byName['missing.txt']![0]).toMatchObject({ fatal: true, severity: 2 });
    expect(byName['missing.txt']![0]!.message).toMatch(/does not exist/);
    expect(byName['image.txt']![0]!.message).toMatch(/binary/);
    expect(byName['good.txt']![0]!.ruleId).toBe('simplistic-outcome');
  });

  it('exits 2 when nothing could be checked', () => {
    expect(runCli(['/nonexistent/caselint/file.txt']).code).toBe(2);
  });

  it('a symlink loop in a folder does not trap the walk', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    symlinkSync(dir, join(dir, 'loop'));
    const { results } = runJson([dir]);
    expect(results).toHaveLength(1);
  });

  it('never modifies the files it reads', () => {
    const dir = tempTree({ 'a.txt': VERDICT });
    chmodSync(join(dir, 'a.txt'), 0o444);
    runCli([dir]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(VERDICT);
  });
});

describe('encodings and line endings', () => {
  const sentence = '“The assessment was positive,” wrote the unit. Mother passed the PAMS.';
  const expectSame = (bytes: Uint8Array, name: string) => {
    const dir = tempTree({ [name]: bytes });
    const { results } = runJson([dir]);
    const msgs = results[0]!.messages;
    expect(msgs.map((m) => [m.line, m.column, m.phrase])).toEqual([[1, 21, 'positive'], [1, 55, 'passed']]);
  };
  it('UTF-8 with and without BOM', () => {
    expectSame(Buffer.from(sentence, 'utf8'), 'a.txt');
    expectSame(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sentence, 'utf8')]), 'b.txt');
  });
  it('UTF-16 LE and BE with BOM', () => {
    expectSame(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]), 'le.txt');
    const be = Buffer.from(sentence, 'utf16le');
    be.swap16();
    expectSame(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.txt');
  });
  it('Windows-1252, as older Word exports it, is decoded without mojibake', () => {
    const bytes = Buffer.from(sentence.replace('“', '\u0093').replace('”', '\u0094'), 'latin1');
    expectSame(bytes, 'w.txt');
    const dir = tempTree({ 'w.txt': bytes });
    expect(runJson([dir]).results[0]!.messages[0]!.message).not.toMatch(/Ã|â€/);
  });
  it('CRLF line endings give the same lines and columns', () => {
    const dir = tempTree({ 'crlf.txt': 'Case note\r\n\r\nMs Carter passed the PAMS assessment.\r\n' });
    expect(runJson([dir]).results[0]!.messages[0]).toMatchObject({ line: 3, column: 11 });
  });
});

describe('the bundled examples', () => {
  it('flag the shared PAMS report as a contradiction naming the unachieved areas', () => {
    const { results } = runJson([join(CORPUS, 'reports/pams-summary-passed.md')]);
    const c = results[0]!.messages.find((m) => m.ruleId === 'outcome-contradicts-findings')!;
    for (const area of ['Health and illness', 'Safety in the home', 'Safe sleeping', 'Budgeting']) expect(c.message).toContain(area);
  });
});
