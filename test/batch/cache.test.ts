import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { crc32Portable } from '../../packages/core/src/read/crc32.js';
import { built, caselint, copyCorpus, reportText, seeded, tempDir, write } from './helpers.js';

/** The cache file's header, entry lines and trailer (see packages/cli/src/cache.ts). */
const readCache = (file: string) => {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const header = JSON.parse(lines[0]!) as { tool: string; schema: number; engine: string };
  const trailer = JSON.parse(lines[lines.length - 1]!) as { entries: number; sha256: string };
  const entries = lines.slice(1, -1).map((line) => {
    const [head, messages, extras] = line.split('\t');
    return { head: JSON.parse(head!) as unknown[], messages: JSON.parse(messages!) as { ruleId: string }[], extras: JSON.parse(extras!) as unknown[] };
  });
  return { header, entries, trailer };
};

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
    const saved = readCache(file);
    expect(saved.header.tool).toBe('caselint-cache');
    expect(saved.entries).toHaveLength(15);
    expect(saved.trailer.entries).toBe(15);
    // Each entry keeps its findings as the JSON report prints them, with their offsets alongside.
    for (const e of saved.entries) expect(e.extras).toHaveLength(e.messages.length);
    const report = JSON.parse(cold.stdout) as { filePath: string; messages: unknown[] }[];
    for (const e of saved.entries) expect(e.messages).toEqual(report.find((r) => r.filePath === e.head[0])!.messages);
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
    // The two runs may fall either side of a minute: the report's "Made ... at HH:MM" line is its only difference.
    const made = (html: string) => html.replace(/Made [^<]* at \d{1,2}:\d{2} by/, 'Made at (time) by');
    expect(made(readFileSync(join(dir, 'r2.html'), 'utf8'))).toBe(made(readFileSync(join(dir, 'r.html'), 'utf8')));
  });

  it('gives every format the same report from the cache as without it (findings read back from their text)', async () => {
    await run(); // fills the cache
    for (const args of [['-f', 'stylish'], ['-f', 'sarif'], ['-f', 'json', '--quiet'], ['-f', 'stylish', '--quiet']]) {
      const plain = await caselint(dir, [...args, '--no-color', '--verbose', 'reports']);
      const cached = await caselint(dir, [...args, '--no-color', '--cache', '--verbose', 'reports']);
      expect(stats(cached.stderr), args.join(' ')).toEqual({ reused: 15, checked: 0 });
      expect(cached.stdout, args.join(' ')).toBe(plain.stdout);
      expect(cached.code).toBe(plain.code);
    }
  }, 60_000); // nine runs of the command line

  it('remembers a file refused for its bytes (binary), and refuses an oversized one by its size alone', async () => {
    writeFileSync(join(dir, 'reports/scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00]));
    write(join(dir, 'reports/huge.txt'), 'Ms Carter passed. '.repeat(70000));
    const cold = await run('--max-file-size', '1');
    expect(stats(cold.stderr)).toEqual({ reused: 0, checked: 16 });
    const warm = await run('--max-file-size', '1');
    expect(stats(warm.stderr)).toEqual({ reused: 16, checked: 0 });
    expect(warm.stdout).toBe(cold.stdout);
    const codes = (JSON.parse(warm.stdout) as { filePath: string; messages: { code?: string }[] }[])
      .filter((r) => /scan|huge/.test(r.filePath)).map((r) => r.messages[0]!.code);
    expect(codes).toEqual(['too-large', 'binary']);
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

  // Thirteen whole runs of the command: on a loaded 2-core machine, more than the default 20 s.
  it('ignores and rewrites a corrupt, foreign or outdated cache, never failing the run', { timeout: 90000 }, async () => {
    const cold = await run();
    const file = join(dir, '.caselintcache');
    const good = readFileSync(file, 'utf8');
    const header = readCache(file).header;
    const lines = good.split('\n');
    const damaged = [
      good.slice(0, Math.floor(good.length / 2)), // cut short
      good.replace('"ruleId":"', '"ruleId":"x'), // changed by hand: the digest no longer matches
      lines.slice(0, 2).concat(lines.slice(3)).join('\n'), // an entry line lost
      lines[0]!, // a header alone
      `${lines[0]}\n{"entries":0,"sha256":"00"}\n`,
    ];
    const foreign = [
      '{"tool":"caselint-cache","schema":1,"engine":"',
      '\u0000\u0001binary',
      JSON.stringify({ tool: 'eslint', entries: {} }),
      good.replace(header.engine, 'an older caselint'),
      JSON.stringify({ tool: 'caselint-cache', schema: 1, engine: header.engine, entries: {} }), // the old one-JSON cache
      'null',
      '',
    ];
    for (const bad of [...damaged, ...foreign]) {
      writeFileSync(file, bad);
      const again = await run();
      expect(again.code).toBe(cold.code);
      expect(again.stdout).toBe(cold.stdout);
      expect(again.stderr).toMatch(/ignoring the cache/);
      expect(stats(again.stderr)).toEqual({ reused: 0, checked: 15 });
      expect(readCache(file).entries).toHaveLength(15);
    }
  });

  it('honours --cache-location, a file or a folder', async () => {
    await caselint(dir, ['--cache', '--cache-location', 'tmp/lint-cache.json', 'reports']);
    expect(existsSync(join(dir, 'tmp/lint-cache.json'))).toBe(true);
    await caselint(dir, ['--cache', '--cache-location', 'cachedir/', 'reports']);
    expect(existsSync(join(dir, 'cachedir/.caselintcache'))).toBe(true);
    expect(existsSync(join(dir, '.caselintcache'))).toBe(false);
  });
});

describe('the cache checksum', () => {
  it('is CRC-32 as zlib computes it, also where zlib lacks it, and continues across chunks', () => {
    const bytes = Buffer.from('Ms Carter passed the assessment.\tNo concerns.\n'.repeat(50));
    expect(crc32Portable(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32Portable(bytes.subarray(7), crc32Portable(bytes.subarray(0, 7)))).toBe(zlibCrc32(bytes));
    expect(crc32Portable(new Uint8Array())).toBe(0);
  });
});

describe.skipIf(!built)('the command as a library (main with its own output)', () => {
  it('gives text to a caller\'s writer, also when the findings come as bytes from the cache', async () => {
    const { main } = await import('../../packages/cli/src/main.js');
    const dir = tempDir('main-io');
    copyCorpus(join(dir, 'reports'));
    const run = async () => {
      let out = '';
      let err = '';
      const code = await main(['-f', 'json', '--cache', '--verbose', 'reports'], { cwd: dir, stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, env: {} });
      return { code, out, err };
    };
    const cold = await run();
    const warm = await run();
    expect(stats(warm.err)).toEqual({ reused: 3, checked: 0 });
    expect(warm.out).toBe(cold.out);
    const report = JSON.parse(warm.out) as { messages: { ruleId: string }[] }[];
    expect(report.some((r) => r.messages.some((m) => m.ruleId === 'outcome-contradicts-findings'))).toBe(true);
  });
});
