// `npm run accuracy`: the README's figures on published text, reproducible from the fixture; held-out sentences are
// counted and never printed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempTree } from '../helpers.js';

const SCRIPT = join(ROOT, 'scripts/accuracy.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });

const SET = [
  { id: 'd1', text: 'The PAMS outcome was positive.', expect: 'flag', set: 1, split: 'dev', genre: 'case record' },
  { id: 'd2', text: 'Her grandmother passed away in 2019.', expect: 'clean', set: 1, split: 'dev', genre: 'case record' },
  { id: 'd3', text: 'Ms Carter achieved 9 of the 14 PAMS areas.', expect: 'flag', set: 1, split: 'dev', genre: 'case record' },
  { id: 'd4', text: 'Ms Reid passed the assessment.', expect: 'clean', set: 1, split: 'dev', genre: 'case record' },
  { id: 'h1', text: 'Mia is thriving in placement.', expect: 'flag', set: 2, split: 'held-out', genre: 'blog' },
  { id: 'h2', text: 'The held-out placement was a success.', expect: 'clean', set: 2, split: 'held-out', genre: 'blog' },
];

describe('npm run accuracy', () => {
  const file = join(tempTree({ 'set.json': JSON.stringify(SET) }), 'set.json');

  it('counts held-out and development sentences apart, with precision and recall', () => {
    const r = run(['--file', file, '--json', '--by', 'set']);
    expect(r.status).toBe(0);
    const groups = Object.fromEntries(JSON.parse(r.stdout).groups.map((g: { name: string }) => [g.name, g]));
    expect(groups['development']).toMatchObject({ sentences: 4, verdicts: 2, found: 1, falseAlarms: 1, precision: 0.5, recall: 0.5 });
    expect(groups['held out']).toMatchObject({ sentences: 2, verdicts: 1, found: 1, falseAlarms: 1, precision: 0.5, recall: 1 });
    expect(groups['all']).toMatchObject({ sentences: 6, verdicts: 3, found: 2, falseAlarms: 2 });
    expect(groups['set 2 (held out)']).toMatchObject({ sentences: 2 });
  });

  it('lists development misses and false alarms, and never a held-out sentence', () => {
    const r = run(['--file', file, '--misses', '--false-alarms']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('miss  d3  Ms Carter achieved 9 of the 14 PAMS areas.');
    expect(r.stdout).toMatch(/false alarm {2}d4 {2}Ms Reid passed the assessment\. {2}=> simplistic-outcome: "passed"/);
    expect(r.stdout).not.toContain('held-out placement');
    expect(r.stdout).not.toContain('Mia is thriving');
  });

  it("measures with a local authority's configuration", () => {
    const config = join(tempTree({ '.caselintrc.json': JSON.stringify({ rules: { 'simplistic-outcome': 'off' } }) }), '.caselintrc.json');
    const r = run(['--file', file, '--json', '--config', config]);
    expect(r.status).toBe(0);
    const dev = JSON.parse(r.stdout).groups.find((g: { name: string }) => g.name === 'development');
    expect(dev).toMatchObject({ found: 0, falseAlarms: 0 });
  });

  it('measures the contradiction rule on passages, each read as one document', () => {
    const passages = [
      { id: 'p1', text: 'Ms Carter passed the PAMS assessment.\nSafe sleeping: Unachieved.\nBudgeting: Unachieved.', expect: 'contradiction', set: 1 },
      { id: 'p2', text: 'Ms Carter passed the PAMS assessment.\nShe achieved every area.', expect: 'none', set: 1 },
      { id: 'p3', text: 'Contact went well.\nHer self-care has deteriorated since March.', expect: 'contradiction', set: 2, split: 'held-out' },
    ];
    const dir = tempTree({ 'passages.json': JSON.stringify(passages), 'wrong.json': JSON.stringify(SET) });
    const r = run(['--passages', '--file', join(dir, 'passages.json'), '--json', '--misses']);
    expect(r.status).toBe(0);
    const groups = Object.fromEntries(JSON.parse(r.stdout).groups.map((g: { name: string }) => [g.name, g]));
    expect(groups['development']).toMatchObject({ sentences: 2, verdicts: 1, found: 1, falseAlarms: 0 });
    expect(groups['held out']).toMatchObject({ sentences: 1, verdicts: 1, found: 1 });
    const table = run(['--passages', '--file', join(dir, 'passages.json')]);
    expect(table.stdout.split('\n')[0]).toMatch(/passages\s+contradictions\s+found/);
    // A sentence set is not a passage set: its labels are flag and clean.
    const wrong = run(['--passages', '--file', join(dir, 'wrong.json')]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('expect: "contradiction" | "none"');
  });

  it('gives one readable line and exit code 2 for a missing file or a bad option', () => {
    const missing = run(['--file', join(ROOT, 'no-such-set.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(run(['--by', 'colour']).stderr).toContain('--by takes "set" or "genre"');
  });
});
