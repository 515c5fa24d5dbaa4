import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, caselint, tempDir, write } from './helpers.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; code?: string; message: string; phrase?: string; line: number; column: number }[];
  errorCount: number;
}

const VERDICT = 'Feeding: Unachieved\nSafe sleeping: Unachieved\n\nMs Carter has passed the assessment.\n';
const isRoot = process.getuid?.() === 0;

/** UTF-16 with a byte order mark. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

describe.skipIf(!built)('real folders', () => {
  let dir = '';
  let results: JsonResult[] = [];
  let exitCode = -1;
  let ms = 0;
  const result = (name: string) => results.find((r) => r.filePath === join(dir, 'reports', name));

  beforeAll(async () => {
    dir = tempDir('real');
    const reports = join(dir, 'reports');
    write(join(reports, 'good.md'), VERDICT);
    write(join(reports, 'empty.txt'), '');
    write(join(reports, 'photo.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    write(join(reports, 'utf16le.txt'), utf16(`Case summary\r\n\r\n${VERDICT.replace(/\n/g, '\r\n')}`, 'le'));
    write(join(reports, 'utf16be.txt'), utf16(VERDICT, 'be'));
    // Windows-1252: curly apostrophe (0x92), pound sign (0xa3) and an e-acute (0xe9): not valid UTF-8.
    write(join(reports, 'cp1252.txt'), Buffer.concat([Buffer.from('Ren'), Buffer.from([0xe9, 0x92]), Buffer.from('s budget of '), Buffer.from([0xa3]), Buffer.from(`40 a week.\n\n${VERDICT}`)]));
    // A 2 MB line with no line break, and a verdict at its far end.
    write(join(reports, 'one-line.txt'), `${'Staff observed the routine and recorded it in the log. '.repeat(36_000)}Safe sleeping: Unachieved. Ms Carter has passed the assessment.`);
    // 200 MB, sparse: the size limit must refuse it without reading it.
    execFileSync('truncate', ['-s', '200M', join(reports, 'huge.txt')]);
    // Links: to a good file, to itself (a loop), and a folder link back up (a walk loop).
    symlinkSync('good.md', join(reports, 'link-to-good.md'));
    symlinkSync('loop.txt', join(reports, 'loop.txt'));
    mkdirSync(join(reports, 'sub'));
    symlinkSync('..', join(reports, 'sub', 'up'));
    write(join(reports, 'sub', 'nested.txt'), VERDICT);
    // A pipe with a document's name: reading it would block forever.
    execFileSync('mkfifo', [join(reports, 'pipe.txt')]);
    // Unreadable file and folder: root reads through chmod 000, so that case needs a normal user.
    if (!isRoot) {
      write(join(reports, 'locked.txt'), VERDICT);
      chmodSync(join(reports, 'locked.txt'), 0o000);
      write(join(reports, 'locked-folder', 'inside.txt'), VERDICT);
      chmodSync(join(reports, 'locked-folder'), 0o000);
    }
    const run = await caselint(dir, ['-f', 'json', '--jobs', '2', '--cache', 'reports']);
    exitCode = run.code;
    ms = run.ms;
    results = JSON.parse(run.stdout) as JsonResult[];
  }, 60_000);

  it('accounts for every entry, in path order, and exits 1 (findings), not 2', () => {
    expect(exitCode).toBe(1);
    const names = results.map((r) => r.filePath.slice(join(dir, 'reports').length + 1));
    const expected = ['cp1252.txt', 'empty.txt', 'good.md', 'huge.txt', 'link-to-good.md', 'loop.txt', 'one-line.txt', 'photo.txt', 'pipe.txt', 'sub/nested.txt', 'utf16be.txt', 'utf16le.txt'];
    if (!isRoot) expected.push('locked-folder', 'locked.txt');
    expect(names).toEqual(expected.sort());
  });

  it('gives each broken entry one clear message', () => {
    const fatal = (name: string) => result(name)!.messages[0]!;
    expect(fatal('photo.txt')).toMatchObject({ fatal: true, code: 'binary' });
    expect(fatal('huge.txt')).toMatchObject({ fatal: true, code: 'too-large', message: 'is 200.0 MB, over the 20.0 MB limit (raise it with --max-file-size or "maxFileSize")' });
    expect(fatal('loop.txt')).toMatchObject({ fatal: true, code: 'symlink-loop', message: 'is a symbolic link loop' });
    expect(fatal('pipe.txt')).toMatchObject({ fatal: true, code: 'not-a-file' });
    for (const r of results) if (r.messages[0]?.fatal) expect(r.messages).toHaveLength(1);
  });

  it.skipIf(isRoot)('reports unreadable files and folders (as a normal user; root reads through chmod 000)', () => {
    expect(result('locked.txt')!.messages[0]).toMatchObject({ fatal: true, message: 'cannot be read: permission denied' });
    expect(result('locked-folder')!.messages[0]).toMatchObject({ fatal: true, code: 'permission' });
  });

  it('checks empty files as clean, and linked files through the link', () => {
    expect(result('empty.txt')).toMatchObject({ messages: [], errorCount: 0 });
    expect(result('link-to-good.md')!.messages.map((m) => m.ruleId)).toEqual(result('good.md')!.messages.map((m) => m.ruleId));
  });

  it('reads UTF-16 (both byte orders) and Windows-1252, with positions in the decoded text', () => {
    for (const name of ['utf16le.txt', 'utf16be.txt', 'cp1252.txt', 'good.md']) {
      const passed = result(name)!.messages.find((m) => m.phrase === 'passed');
      expect(passed, name).toBeDefined();
      expect(passed!.ruleId).toBe('outcome-contradicts-findings');
    }
    expect(result('utf16le.txt')!.messages.find((m) => m.phrase === 'passed')).toMatchObject({ line: 6, column: 15 });
    expect(result('cp1252.txt')!.messages.find((m) => m.phrase === 'passed')).toMatchObject({ line: 6, column: 15 });
  });

  it('copes with a 2 MB line: the finding at its end is found, and the whole batch stays quick', () => {
    const passed = result('one-line.txt')!.messages.find((m) => m.phrase === 'passed');
    expect(passed).toMatchObject({ line: 1 });
    expect(passed!.column).toBeGreaterThan(1_900_000);
    expect(ms).toBeLessThan(30_000);
  });

  it('refuses the 200 MB file by its size, without reading it, even with --cache (no hashing)', async () => {
    const { checkFile } = (await import('../../packages/cli/dist/check-file.js')) as typeof import('../../packages/cli/src/check-file.js');
    const { rules } = await import('@caselint/rules'); // registers the catalogue the default configuration needs
    const { Linter, defaultConfig } = await import('@caselint/core');
    const ioRead = () => Number(/rchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
    const before = ioRead();
    const started = performance.now();
    const checked = await checkFile(
      { index: 0, path: join(dir, 'reports', 'huge.txt'), config: defaultConfig(), maxFileSize: 20 * 1024 * 1024, snippets: true, hash: true, keepDocxText: false },
      new Linter(rules),
    );
    const elapsed = performance.now() - started;
    expect(checked.result.fatal?.code).toBe('too-large');
    expect(ioRead() - before).toBeLessThan(1024 * 1024);
    expect(elapsed).toBeLessThan(200);
  });

  it('exits 2 when nothing could be checked, and says why for each file', async () => {
    const run = await caselint(dir, ['reports/photo.txt', 'reports/huge.txt', 'reports/loop.txt', 'reports/pipe.txt', 'reports/nowhere.txt']);
    expect(run.code).toBe(2);
    for (const name of ['photo.txt', 'huge.txt', 'loop.txt', 'pipe.txt', 'nowhere.txt']) expect(run.stdout).toContain(`reports/${name}`);
    expect(run.stdout).toMatch(/does not exist/);
  });
});
