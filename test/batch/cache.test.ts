import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { built, caselint, copyCorpus, reportText, seeded, tempDir, write } from './helpers.js';

const stats = (stderr: string) => {
  const m = /cache: (\d+) files? reused, (\d+) checked/.exec(stderr);
  return m ? { reused: Number(m[1]), checked: Number(m[2]) } : undefined;
};

describe.skipIf(!built)('--cache', () => {
  let dir = '';
  const run = (...extra: string[]) => caselint(dir, ['-f', 'json', '--verbose', '--cache', '--jobs', '2', ...extra, 'reports']);
  beforeEach(() => {
    dir = tempDir('cache');
    copyCorpus(join(dir, 'reports'));
    const rand = seeded(11);
    for (let i = 0; i < 12; i++) {
      const { name, text } = reportText(rand);
      write(join(dir, 'reports', `g${i}.${name}`), text);
    }
  });

  it('reuses every result on a second run, with identical output, and rewrites nothing', async () => {
    const cold = await run();
    expect(stats(cold.stderr)).toEqual({ reused: 0, checked: 15 });
    const file = join(dir, '.caselintcache');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { tool: string; engine: string; entries: Record<string, unknown> };
    expect(saved.tool).toBe('caselint-cache');
    expect(Object.keys(saved.entries)).toHaveLength(15);
    const before = readFileSync(file, 'utf8');
    const warm = await run();
    expect(stats(warm.stderr)).toEqual({ reused: 15, checked: 0 });
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.code).toBe(cold.code);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // The cache keeps each finding's sentence only once an HTML report has needed it (it keeps the cache small):
    // the first HTML run checks again, the next is served from the cache.
    const html = await caselint(dir, ['-f', 'html', '-o', 'r.html', '--cache', '--verbose', 'reports']);
    expect(stats(html.stderr)).toEqual({ reused: 0, checked: 15 });
    const again = await caselint(dir, ['-f', 'html', '-o', 'r2.html', '--cache', '--verbose', 'reports']);
    expect(stats(again.stderr)).toEqual({ reused: 15, checked: 0 });
    expect(readFileSync(join(dir, 'r2.html'), 'utf8')).toContain('Ms Carter has <mark>passed</mark> the assessment.');
    expect(readFileSync(join(dir, 'r2.html'), 'utf8')).toBe(readFileSync(join(dir, 'r.html'), 'utf8'));
  });

  it('checks a file again when its content changes, even at the same size', async () => {
    await run();
    const pams = join(dir, 'reports/pams-summary-passed.md');
    const text = readFileSync(pams, 'utf8');
    // Same length, different words: the size matches the cache entry, so the content hash decides.
    writeFileSync(pams, text.replace('has passed the assessment', 'has failed the assessment'));
    const after = await run();
    expect(stats(after.stderr)).toEqual({ reused: 14, checked: 1 });
    const results = JSON.parse(after.stdout) as { filePath: string; messages: { phrase: string }[] }[];
    const phrases = results.find((r) => r.filePath === pams)!.messages.map((m) => m.phrase);
    expect(phrases).not.toContain('passed');
  });

  it('reuses a result when a file is touched but its bytes are the same', async () => {
    await run();
    const notes = join(dir, 'reports/case-notes-unallocated.txt');
    utimesSync(notes, new Date(), new Date(Date.now() + 5000));
    const touched = await run();
    expect(stats(touched.stderr)).toEqual({ reused: 15, checked: 0 });
    // The new mtime is remembered: the next run takes the fast path.
    const again = await run();
    expect(stats(again.stderr)).toEqual({ reused: 15, checked: 0 });
  });

  it('checks everything again when the configuration changes (a config file, or --rule)', async () => {
    const cold = await run();
    write(join(dir, 'reports/.caselintrc.json'), JSON.stringify({ rules: { 'co-sleeping-plan': 'off' } }));
    const configured = await run();
    expect(stats(configured.stderr)).toEqual({ reused: 0, checked: 15 });
    expect(configured.stdout).not.toContain('co-sleeping-plan');
    expect(cold.stdout).toContain('co-sleeping-plan');
    const overridden = await run('--rule', 'risk-assessment:off');
    expect(stats(overridden.stderr)).toEqual({ reused: 0, checked: 15 });
    expect(overridden.stdout).not.toContain('"risk-assessment"');
    const same = await run('--rule', 'risk-assessment:off');
    expect(stats(same.stderr)).toEqual({ reused: 15, checked: 0 });
  });

  it('ignores and rewrites a corrupt, foreign or outdated cache, never failing the run', async () => {
    const cold = await run();
    const file = join(dir, '.caselintcache');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { engine: string };
    for (const bad of ['{"tool":"caselint-cache","schema":1,"engine":"', '\u0000\u0001binary', JSON.stringify({ tool: 'eslint', entries: {} }), JSON.stringify({ ...saved, engine: 'an older caselint' }), 'null']) {
      writeFileSync(file, bad);
      const again = await run();
      expect(again.code).toBe(cold.code);
      expect(again.stdout).toBe(cold.stdout);
      expect(again.stderr).toMatch(/ignoring the cache/);
      expect(stats(again.stderr)).toEqual({ reused: 0, checked: 15 });
      expect((JSON.parse(readFileSync(file, 'utf8')) as { tool: string }).tool).toBe('caselint-cache');
    }
    // Entries that are not entries are dropped, the rest kept.
    const good = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
    const [first] = Object.keys(good.entries);
    good.entries[first!] = { size: 'big' };
    writeFileSync(file, JSON.stringify(good));
    expect(stats((await run()).stderr)).toEqual({ reused: 14, checked: 1 });
  });

  it('honours --cache-location, a file or a folder', async () => {
    await caselint(dir, ['--cache', '--cache-location', 'tmp/lint-cache.json', 'reports']);
    expect(existsSync(join(dir, 'tmp/lint-cache.json'))).toBe(true);
    await caselint(dir, ['--cache', '--cache-location', 'cachedir/', 'reports']);
    expect(existsSync(join(dir, 'cachedir/.caselintcache'))).toBe(true);
    expect(existsSync(join(dir, '.caselintcache'))).toBe(false);
  });
});
