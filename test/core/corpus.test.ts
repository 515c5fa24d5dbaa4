// The shared development corpus: labelled sentences and whole reports. Thresholds are the product's promise.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, Linter, parseDocument, readDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';
import { CORPUS, ROOT } from '../helpers.js';

const FAMILY = new Set(['simplistic-outcome', 'unevidenced-reassurance', 'outcome-contradicts-findings']);
const linter = new Linter(rules);
const config = defaultConfig();

interface Case { id: string; text: string; expect: 'flag' | 'clean'; rule?: string; why: string }

function score(cases: Case[]) {
  let tp = 0, fp = 0, fn = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const hit = linter.lint(parseDocument(`${c.text}\n`, 'text'), config).some((f) => FAMILY.has(f.ruleId));
    if (c.expect === 'flag') hit ? tp++ : (fn++, misses.push(`missed ${c.id}: ${c.text}`));
    else if (hit) (fp++, misses.push(`false alarm ${c.id}: ${c.text}`));
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, misses };
}

describe('shared corpus: sentences.json', () => {
  it('meets precision >= 0.97 and recall >= 0.95', () => {
    const cases = JSON.parse(readFileSync(join(CORPUS, 'sentences.json'), 'utf8')) as Case[];
    const { precision, recall, misses } = score(cases);
    console.log(`sentences.json: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} on ${cases.length} cases${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

// Two further labelled sets, each written blind to the rules by a reviewer who read only DOMAIN.md. They were
// scored before the rules were tuned on them (see the README's accuracy section); now they guard against regressions.
for (const [name, file] of [['held-out', 'test/fixtures/heldout-sentences.json'], ['blind', 'test/fixtures/blind-sentences.json'], ['blind3', 'test/fixtures/blind3-sentences.json'], ['blind4', 'test/fixtures/blind4-sentences.json'], ['blind5', 'test/fixtures/blind5-sentences.json'], ['blind7', 'test/fixtures/blind7-sentences.json'], ['blind9', 'test/fixtures/blind9-sentences.json']] as const) {
  const path = join(ROOT, file);
  describe.runIf(existsSync(path))(`${name} sentences (written blind to the rules)`, () => {
    it('meets precision >= 0.95 and recall >= 0.90', () => {
      const cases = JSON.parse(readFileSync(path, 'utf8')) as Case[];
      const { precision, recall, misses } = score(cases);
      console.log(`${name}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} on ${cases.length} cases${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    });
  });
}

type Expectation = { must?: string[]; none_of?: string[]; mentions?: Record<string, string[]>; severity?: Record<string, number> };

for (const dir of [join(CORPUS, 'reports'), join(ROOT, 'test/fixtures/heldout-reports'), join(ROOT, 'test/fixtures/blind3-reports'), join(ROOT, 'test/fixtures/blind6-reports'), join(ROOT, 'test/fixtures/blind8-docs')]) {
  if (!existsSync(join(dir, 'expected.json'))) continue;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expectation>;
  describe(`reports in ${dir.split('/').slice(-2).join('/')}`, () => {
    for (const [file, want] of Object.entries(expected)) {
      it(file, async () => {
        const findings = linter.lint(await readDocument(join(dir, file)), config);
        for (const rule of want.must ?? []) {
          const hits = findings.filter((f) => f.ruleId === rule);
          expect(hits.length, `${rule} must fire`).toBeGreaterThan(0);
          const sev = want.severity?.[rule];
          if (sev) expect(hits.some((h) => h.severity >= sev), `${rule} severity ${sev}`).toBe(true);
          for (const t of want.mentions?.[rule] ?? []) {
            expect(hits.some((h) => h.message.toLowerCase().includes(t.toLowerCase())), `${rule} names "${t}"`).toBe(true);
          }
        }
        for (const rule of want.none_of ?? []) {
          expect(findings.filter((f) => f.ruleId === rule).map((f) => `${f.line}:${f.column} ${f.message}`), `${rule} must not fire`).toEqual([]);
        }
      });
    }
  });
}

describe('the contradiction in the example PAMS report', () => {
  it('is an error on "passed" that names every unachieved area and links to each', async () => {
    const findings = linter.lint(await readDocument(join(CORPUS, 'reports/pams-summary-passed.md')), config);
    const passed = findings.find((f) => f.ruleId === 'outcome-contradicts-findings' && f.phrase === 'passed');
    expect(passed?.severity).toBe(2);
    expect(passed?.related?.map((r) => r.message)).toEqual(
      expect.arrayContaining(['Health and illness: Unachieved', 'Safety in the home: Unachieved', 'Safe sleeping: Unachieved', 'Budgeting: Unachieved']),
    );
    expect(passed?.related?.find((r) => r.message.startsWith('Safe sleeping'))?.line).toBe(20);
    expect(passed?.message).toMatch(/deteriorat/);
    // Every summary word is a contradiction: the verdicts and the reassurance.
    expect(findings.filter((f) => f.ruleId === 'outcome-contradicts-findings').map((f) => f.phrase)).toEqual(['passed', 'positive', 'engaging well']);
    // The contradiction supersedes the plain verdict warning on the same words.
    expect(findings.filter((f) => f.ruleId === 'simplistic-outcome')).toEqual([]);
  });
});
