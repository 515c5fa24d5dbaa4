import { defaultConfig, Linter, parseDocument, resolveConfig, type Rule } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';

const throwing: Rule = {
  meta: { id: 'throws', severity: 'warn', summary: 's', lesson: 'l', fix: 'f', url: 'u', messages: {} },
  sentence() {
    throw new TypeError('Ms Carter passed'); // text that must not reach the output
  },
};

describe('engine', () => {
  it('turns a rule that throws into one finding for that rule; other rules still report', () => {
    const linter = new Linter([...rules, throwing]);
    const config = { ...defaultConfig(), rules: { ...defaultConfig().rules, throws: { severity: 1 as const, options: {} } } };
    const findings = linter.lint(parseDocument('Ms Carter passed the PAMS assessment. No concerns.\n\nAnother paragraph.\n', 'text'), config);
    const failure = findings.find((f) => f.ruleId === 'throws')!;
    expect(failure.message).toMatch(/rule throws failed on this document \(TypeError\)/);
    expect(findings.filter((f) => f.ruleId === 'throws')).toHaveLength(1);
    expect(failure.message).not.toContain('Ms Carter');
    expect(findings.some((f) => f.ruleId === 'simplistic-outcome')).toBe(true);
  });

  it('re-uses cached block analyses and gives the same findings', async () => {
    const { LintCache } = await import('@caselint/core');
    const linter = new Linter(rules);
    const cache = new LintCache();
    const text = 'Safe sleeping: Unachieved\n\nMs Carter passed the PAMS assessment.\n';
    const first = linter.lint(parseDocument(text, 'text'), defaultConfig(), cache);
    expect(cache.size).toBe(2);
    const second = linter.lint(parseDocument(`${text}\nA new paragraph.\n`, 'text'), defaultConfig(), cache);
    expect(cache.size).toBe(3);
    expect(second.map((f) => [f.ruleId, f.start])).toEqual(first.map((f) => [f.ruleId, f.start]));
  });

  it('keeps the block cache of a document being edited bounded: old versions of a block are dropped', async () => {
    const { LintCache } = await import('@caselint/core');
    const linter = new Linter(rules);
    const cache = new LintCache();
    const lines = Array.from({ length: 50 }, (_, i) => `On ${1 + (i % 28)} May the key worker visited and saw the baby fed.`);
    let first: number | undefined;
    for (let edit = 0; edit < 400; edit++) {
      lines[edit % 50] = `${lines[edit % 50]!.slice(0, -1)} again.`; // one keystroke's worth: one block changes
      const findings = linter.lint(parseDocument(lines.join('\n\n'), 'text'), defaultConfig(), cache);
      first ??= findings.length;
      expect(findings.length).toBe(first);
    }
    // 50 blocks: the cache never holds more than twice the document's blocks and the margin.
    expect(cache.size).toBeLessThanOrEqual(2 * 50 + 64 + 1);
  });

  it('drops a weaker finding on the same words as a contradiction, unless the contradiction rule is off', () => {
    const linter = new Linter(rules);
    const doc = parseDocument('Safe sleeping: Unachieved\n\nMs Carter passed the PAMS assessment.\n', 'text');
    expect(linter.lint(doc, defaultConfig()).map((f) => f.ruleId)).toEqual(['outcome-contradicts-findings']);
    const off = resolveConfig({ rules: { 'outcome-contradicts-findings': 'off' } });
    expect(linter.lint(doc, off).map((f) => f.ruleId)).toEqual(['simplistic-outcome']);
  });

  it('reports the same words once when two verdict rules find them, or words inside the other finding', () => {
    const linter = new Linter(rules);
    const found = (text: string, config = defaultConfig()) => linter.lint(parseDocument(text, 'text'), config).map((f) => `${f.ruleId}: ${f.phrase}`);
    expect(found('Mark is thriving in his adoptive home.\n')).toEqual(['unevidenced-reassurance: thriving']);
    expect(found('Mark is thriving in his adoptive home.\n', resolveConfig({ rules: { 'unevidenced-reassurance': 'off' } }))).toEqual(['simplistic-outcome: thriving']);
    expect(found('He came across as calm and content during the visit.\n')).toEqual(['unevidenced-reassurance: calm and content']);
    expect(found('The placement went well.\n')).toEqual(['unevidenced-reassurance: went well']);
    expect(found('The placement went well.\n', resolveConfig({ rules: { 'unevidenced-reassurance': 'off' } }))).toEqual(['simplistic-outcome: well']);
  });
});

describe('outcome-contradicts-findings message', () => {
  it('names a repeated record once, with how often it is recorded', () => {
    const text = [
      'Week 1: her presentation and self-care deteriorated.',
      'Week 2: her presentation and self-care deteriorated.',
      'Week 3: her presentation and self-care deteriorated. Staff saw co-sleeping on the night check.',
      'Staff again saw co-sleeping at the weekend.',
      'Summary: the placement has been positive.',
    ].join('\n\n');
    const findings = new Linter(rules).lint(parseDocument(text, 'text'), defaultConfig());
    const contradiction = findings.find((f) => f.ruleId === 'outcome-contradicts-findings')!;
    expect(contradiction.message).toContain('presentation and self-care deteriorated (3 times)');
    expect(contradiction.message).toContain('co-sleeping or bed-sharing seen (twice)');
    expect(contradiction.message.match(/self-care deteriorated/g)).toHaveLength(1);
    // One related location each, the latest record, with how often it is recorded: output stays proportionate.
    expect(contradiction.related?.map((r) => [r.message, r.line])).toEqual([
      ['Deterioration: her presentation and self-care deteriorated (recorded 3 times)', 5],
      ['Concern: co-sleeping or bed-sharing seen (recorded twice)', 7],
    ]);
  });
});

describe('outcome-contradicts-findings: graded areas', () => {
  it('calls grades and ratings "graded as a concern", and PAMS areas "not achieved"', () => {
    const lint = (text: string) => new Linter(rules).lint(parseDocument(text, 'text'), defaultConfig()).find((f) => f.ruleId === 'outcome-contradicts-findings')!;
    const gcp2 = lint('Hygiene: Grade 4. Bedding was soiled on 18 February.\n\nNutrition: Grade 3. The fridge held only milk.\n\nThe GCP2 outcome is satisfactory.\n');
    expect(gcp2.message).toContain('2 areas graded as a concern (Hygiene, Nutrition)');
    expect(gcp2.expected?.[0]).toContain('hygiene (Grade 4)');
    const pams = lint('- Safe sleeping: Not achieved\n- Budgeting: Unachieved\n\nMs Reid passed the assessment.\n');
    expect(pams.message).toContain('2 areas not achieved (Safe sleeping, Budgeting)');
  });
});

describe('findings that stay proportionate in a dense document', () => {
  it('related locations are bounded by the facts, not verdicts × facts', () => {
    // A year of case notes: the same concerns recorded week after week, and a reassurance in most weeks.
    const weeks = Array.from({ length: 52 }, (_, i) =>
      [
        `Week ${i + 1}: Ms Reid missed the health visitor appointment.`,
        `Staff saw co-sleeping on the night check in week ${i + 1}.`,
        `Her self-care deteriorated again this week.`,
        `Summary: Ms Reid is doing well.`,
      ].join(' '),
    );
    const findings = new Linter(rules).lint(parseDocument(weeks.join('\n\n'), 'text'), defaultConfig());
    const contradictions = findings.filter((f) => f.ruleId === 'outcome-contradicts-findings');
    expect(contradictions.length).toBe(52);
    const related = contradictions.reduce((n, f) => n + (f.related?.length ?? 0), 0);
    // The first lists each thing once (the latest record, with its count); each later one points to the first.
    expect(contradictions[0]!.related!.map((r) => r.message)).toEqual([
      'Deterioration: Her self-care deteriorated (recorded 52 times)',
      'Concern: co-sleeping or bed-sharing seen (recorded 52 times)',
    ]);
    expect(contradictions.slice(1).every((f) => f.related?.length === 1 && /^First contradicted by "doing well"/.test(f.related[0]!.message))).toBe(true);
    expect(related).toBeLessThanOrEqual(contradictions.length + 3);
  });
});
