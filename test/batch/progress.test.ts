import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProgressBar, wantProgress } from '../../packages/cli/src/progress.js';
import { bin, built, caselint, copyCorpus, reportText, seeded, tempDir, write } from './helpers.js';

describe('progress bar', () => {
  it('shows only on an interactive terminal, never in CI, never with --no-progress', () => {
    expect(wantProgress(true, true, {})).toBe(true);
    expect(wantProgress(true, false, {})).toBe(false);
    expect(wantProgress(true, true, { CI: 'true' })).toBe(false);
    expect(wantProgress(false, true, {})).toBe(false);
  });

  it('says files done of total, findings so far, rate and time left; clears itself', () => {
    const out: string[] = [];
    const bar = new ProgressBar((s) => out.push(s), 200, () => 120);
    for (let i = 0; i < 50; i++) bar.tick(i % 2);
    const line = bar.line(Date.now() + 10_000);
    expect(line).toMatch(/^caselint \[█+░+\] 50\/200 files · 25 findings · \d+(\.\d)? files\/s · \d+:\d\d left$/);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(5); // throttled
    bar.clear();
    expect(out.at(-1)).toBe('\r\x1b[K');
  });
});

const hasScript = existsSync('/usr/bin/script');
describe.skipIf(!built || !hasScript)('progress bar on a real terminal', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('progress');
    copyCorpus(join(dir, 'reports'));
    const rand = seeded(3);
    for (let i = 0; i < 40; i++) write(join(dir, 'reports', `p${i}.txt`), reportText(rand, 1).text);
  });
  // `script` gives the CLI a pseudo-terminal, so stderr is a TTY.
  const onTerminal = (args: string, env: NodeJS.ProcessEnv) =>
    execFileSync('script', ['-qec', `${process.execPath} ${bin} ${args}`, '/dev/null'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });

  it('draws on stderr when it is a terminal, and not in CI or with --no-progress', () => {
    const shown = onTerminal('--jobs 1 -f json -o out.json reports || true', { CI: '' });
    expect(shown).toMatch(/caselint \[[█░]+\] \d+\/43 files/);
    expect(shown).toContain('\x1b[K');
    expect(onTerminal('--jobs 1 -f json -o out.json reports || true', { CI: 'true' })).not.toMatch(/files ·/);
    expect(onTerminal('--no-progress --jobs 1 -f json -o out.json reports || true', { CI: '' })).not.toMatch(/files ·/);
  });

  it('never draws when stderr is not a terminal', async () => {
    const run = await caselint(dir, ['--jobs', '2', 'reports']);
    expect(run.stderr).toBe('');
  });
});
