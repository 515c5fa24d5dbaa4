// A time budget per file (issue 13): a file that takes longer than --max-file-time / "maxFileTime" to check is
// abandoned (its worker ended and replaced), gets one clear error, and the batch goes on; with --jobs 1 too.
// A real slow file would make the test slow, so the "slow" file here is an ordinary large one under a tiny limit.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers.js';

const VERDICT = 'Ms Carter passed the assessment.\n';
// About 600 KB of report text: tens of milliseconds to check at the very least, far beyond a 1 ms limit.
const LARGE = 'The keyworker visited on Monday and Ms Carter fed the baby well; no concerns were noted at the visit. '.repeat(6000);

function tree() {
  return tempTree({
    'a-slow/.caselintrc.json': JSON.stringify({ maxFileTime: 0.001 }),
    'a-slow/large.txt': LARGE,
    'b/one.txt': VERDICT,
    'b/two.txt': VERDICT,
    'b/three.md': VERDICT,
  });
}

describe('--max-file-time and maxFileTime', () => {
  for (const jobs of ['1', '2']) {
    it(`skips a file over its limit with one error and checks the rest (--jobs ${jobs})`, { timeout: 60000 }, () => {
      const dir = tree();
      const started = performance.now();
      const { code, results } = runJson(['--jobs', jobs, dir]);
      expect(performance.now() - started).toBeLessThan(30000);
      expect(code).toBe(1);
      const byName = Object.fromEntries(results.map((r) => [r.filePath.split('/').pop(), r]));
      expect(byName['large.txt']!.messages).toEqual([expect.objectContaining({ fatal: true, severity: 2, message: 'took longer than 0.001 s to check; skipped' })]);
      for (const name of ['one.txt', 'two.txt', 'three.md']) expect(byName[name]!.messages.map((m) => m.ruleId)).toEqual(['simplistic-outcome']);
    });
  }

  it('--max-file-time overrides the configuration; 0 means no limit', { timeout: 60000 }, () => {
    const dir = tree();
    const none = runJson(['--quiet', '--max-file-time', '0', '--jobs', '1', join(dir, 'a-slow')]); // --quiet: thousands of warnings
    expect(none.results[0]!.messages.some((m) => m.fatal)).toBe(false);
    expect(none.results[0]!.warningCount).toBe(0);
    const tiny = runJson(['--max-file-time', '0.001', join(dir, 'b', 'one.txt'), join(dir, 'a-slow', 'large.txt')]);
    expect(tiny.results.find((r) => r.filePath.endsWith('large.txt'))!.messages[0]!.message).toBe('took longer than 0.001 s to check; skipped');
  });

  it('refuses a negative or non-numeric limit', () => {
    const dir = tree();
    expect(() => runJson(['--max-file-time', 'soon', dir])).toThrow(/--max-file-time expects a number/);
    const bad = tempTree({ '.caselintrc.json': JSON.stringify({ maxFileTime: -1 }), 'a.txt': VERDICT });
    expect(() => runJson([bad])).toThrow(/maxFileTime/);
  });
});
