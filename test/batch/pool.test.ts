import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, caselint, copyCorpus, reportText, seeded, tempDir, write } from './helpers.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; code?: string; line: number }[];
  errorCount: number;
}

describe.skipIf(!built)('worker pool', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('pool');
    copyCorpus(join(dir, 'reports'));
    const rand = seeded(7);
    for (let i = 0; i < 60; i++) {
      const { name, text } = reportText(rand);
      // Uneven sizes so files finish out of order in the workers.
      write(join(dir, 'reports', `f${String((i * 37) % 60).padStart(3, '0')}.${name}`), text.repeat(1 + ((i * 7) % 5)));
    }
    write(join(dir, 'reports', 'broken.txt'), new Uint8Array([0x00, 0x01, 0x02, 0x03]));
  });

  it('gives identical JSON with --jobs 1 and --jobs 2, sorted by path, every file accounted for', async () => {
    const one = await caselint(dir, ['-f', 'json', '--jobs', '1', 'reports']);
    const two = await caselint(dir, ['-f', 'json', '--jobs', '2', 'reports']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const results = JSON.parse(two.stdout) as JsonResult[];
    const paths = results.map((r) => r.filePath);
    expect(paths).toEqual([...paths].sort());
    expect(results).toHaveLength(readdirSync(join(dir, 'reports')).filter((f) => /\.(txt|md)$/.test(f)).length);
    expect(results.find((r) => r.filePath.endsWith('broken.txt'))!.messages[0]).toMatchObject({ fatal: true, code: 'binary' });
    expect(results.filter((r) => r.messages.some((m) => m.ruleId === 'outcome-contradicts-findings')).length).toBeGreaterThan(5);
  });

  it('gives the same stylish report with more workers than files', async () => {
    const one = await caselint(dir, ['--jobs', '1', 'reports/pams-summary-passed.md', 'reports/case-notes-unallocated.txt']);
    const four = await caselint(dir, ['--jobs', '4', 'reports/pams-summary-passed.md', 'reports/case-notes-unallocated.txt']);
    expect(four.stdout).toBe(one.stdout);
    expect(four.code).toBe(1);
  });

  it('rejects a --jobs that is not a whole number of at least 1', async () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const run = await caselint(dir, ['--jobs', bad, 'reports']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--jobs/);
    }
  });
});
