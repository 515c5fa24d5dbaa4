// Rule options: each rule declares the options it accepts (meta.options); configuration naming any other is an
// error, in a config file and in the editor's settings alike. The document rules' options, and what they do.
import { join } from 'node:path';
import { checkRuleSetting, ConfigError, Linter, parseDocument, readConfigFile, resolveConfig, type RawConfig } from '@caselint/core';
import { normalizeSettings } from '@caselint/language-server';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers.js';

const linter = new Linter(rules);

function lint(text: string, ruleId: string, setting?: RawConfig['rules']): string[] {
  const config = resolveConfig({ rules: setting ?? {} });
  return linter
    .lint(parseDocument(text, 'text'), config)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.message);
}

function configError(config: unknown): ConfigError {
  const dir = tempTree({ '.caselintrc.json': JSON.stringify(config) });
  try {
    readConfigFile(join(dir, '.caselintrc.json'));
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('rule options are declared per rule', () => {
  it('every rule that takes options says what each adds, in one line', () => {
    for (const rule of rules) {
      for (const [key, what] of Object.entries(rule.meta.options ?? {})) {
        expect(key, rule.meta.id).toMatch(/^[a-z][A-Za-z]*$/);
        expect(what.length, `${rule.meta.id}.${key}`).toBeGreaterThan(10);
        expect(what, `${rule.meta.id}.${key}`).not.toMatch(/\n/);
      }
    }
  });

  it('an option the rule does not declare is an error naming the file, the key and what the rule accepts', () => {
    const e = configError({ rules: { 'co-sleeping-plan': ['warn', { terms: ['top and tail'] }] } });
    expect(e.file).toMatch(/\.caselintrc\.json$/);
    expect(e.key).toBe('rules.co-sleeping-plan.terms');
    expect(e.message).toContain('.caselintrc.json');
    expect(e.message).toContain('"rules.co-sleeping-plan.terms" is not an option of co-sleeping-plan');
    expect(e.message).toContain('"plans"');
    expect(e.message).toContain('"sightings"');
  });

  it('a rule without meta.options takes none', () => {
    const e = configError({ rules: { 'outcome-contradicts-findings': ['error', { terms: ['x'] }] } });
    expect(e.key).toBe('rules.outcome-contradicts-findings.terms');
    expect(e.message).toMatch(/takes no options/);
    expect(checkRuleSetting('outcome-contradicts-findings', ['error', {}])).toBeUndefined();
    expect(checkRuleSetting('outcome-contradicts-findings', 'error')).toBeUndefined();
  });

  it('declared options are accepted; their values must be lists of phrases', () => {
    expect(checkRuleSetting('co-sleeping-plan', ['warn', { plans: ['sleep safety agreement'], sightings: ['top and tail'] }])).toBeUndefined();
    expect(checkRuleSetting('risk-assessment', ['warn', { assessments: ['placement safety plan'] }])).toBeUndefined();
    expect(checkRuleSetting('transition-planning', ['warn', { plans: ['moving-on protocol'] }])).toBeUndefined();
    expect(checkRuleSetting('unallocated-case', ['warn', { handovers: ['transferred to the long-term team'] }])).toBeUndefined();
    expect(checkRuleSetting('simplistic-outcome', ['warn', { terms: ['signed off as complete'] }])).toBeUndefined();
    expect(checkRuleSetting('co-sleeping-plan', ['warn', { plans: 'sleep agreement' }])?.problem).toMatch(/must be/);
    expect(configError({ rules: { 'risk-assessment': ['warn', { assessments: [''] }] } }).key).toBe('rules.risk-assessment.assessments.0');
    expect(checkRuleSetting('no-such-rule', 'warn')?.problem).toMatch(/is not a caselint rule/);
  });

  it('the language server checks its settings with the same function: a bad one is left out and reported', () => {
    const settings = normalizeSettings({
      rules: {
        'co-sleeping-plan': ['warn', { terms: ['x'] }],
        'risk-assessment': ['error', { assessments: ['placement safety plan'] }],
        'no-such-rule': 'warn',
      },
    });
    expect(Object.keys(settings.rules)).toEqual(['risk-assessment']);
    expect(settings.problems).toHaveLength(2);
    expect(settings.problems![0]).toContain('"caselint.rules.co-sleeping-plan.terms" is not an option of co-sleeping-plan');
    expect(settings.problems![1]).toContain('"caselint.rules.no-such-rule" is not a caselint rule');
    expect(normalizeSettings({ rules: { 'co-sleeping-plan': 'off' } }).problems).toBeUndefined();
  });
});

describe('document rules honour their options', () => {
  const SIGHTING = 'Staff found Mia asleep in her mother\'s bed on two occasions.';
  it('co-sleeping-plan: plans names a safer sleep plan; a negated one does not count', () => {
    const text = `${SIGHTING}\nThe Sleep Safety Agreement was signed by Ms Reid and the carers on 2 March.`;
    expect(lint(text, 'co-sleeping-plan')).toHaveLength(1);
    const plans = { 'co-sleeping-plan': ['warn', { plans: ['sleep safety agreement'] }] } as const;
    expect(lint(text, 'co-sleeping-plan', plans as unknown as RawConfig['rules'])).toEqual([]);
    const absent = `${SIGHTING}\nThere is no sleep safety agreement yet.`;
    expect(lint(absent, 'co-sleeping-plan', plans as unknown as RawConfig['rules'])).toHaveLength(1);
  });

  it('co-sleeping-plan: sightings adds phrases that record co-sleeping; advice about them does not', () => {
    const cfg = { 'co-sleeping-plan': ['warn', { sightings: ['top and tail with mum'] }] } as unknown as RawConfig['rules'];
    const text = 'The carer found Mia top and tail with mum at 3am.';
    expect(lint(text, 'co-sleeping-plan')).toEqual([]);
    expect(lint(text, 'co-sleeping-plan', cfg)).toHaveLength(1);
    expect(lint('Advice was given about the risks of top and tail with mum.', 'co-sleeping-plan', cfg)).toEqual([]);
    expect(lint(`${text}\nSafer sleep plan: Mia sleeps in her cot; the carers check at 11pm, 2am and 5am.`, 'co-sleeping-plan', cfg)).toEqual([]);
  });

  it('transition-planning: plans names a transition plan', () => {
    const text = 'It is recommended that Ms Reid and Mia move to a mother and baby foster placement next week. The exit plan is a move to her own flat.';
    const withProtocol = `${text} The moving-on protocol was agreed with the team manager on 1 May.`;
    expect(lint(withProtocol, 'transition-planning')).toHaveLength(1);
    const cfg = { 'transition-planning': ['warn', { plans: ['moving-on protocol'] }] } as unknown as RawConfig['rules'];
    expect(lint(withProtocol, 'transition-planning', cfg)).toEqual([]);
    expect(lint(`${text} The moving-on protocol has not been started.`, 'transition-planning', cfg)).toHaveLength(1);
  });

  it('risk-assessment: assessments names a risk assessment', () => {
    const text = 'Mia was placed with foster carers on 3 May. The placement safety plan was completed by the team manager on 1 May.';
    expect(lint(text, 'risk-assessment')).toHaveLength(1);
    const cfg = { 'risk-assessment': ['warn', { assessments: ['placement safety plan'] }] } as unknown as RawConfig['rules'];
    expect(lint(text, 'risk-assessment', cfg)).toEqual([]);
    expect(lint('Mia was placed with foster carers on 3 May. A placement safety plan is outstanding.', 'risk-assessment', cfg)).toHaveLength(1);
  });

  it('unallocated-case: handovers records a reallocation, but only after the gap', () => {
    const cfg = { 'unallocated-case': ['warn', { handovers: ['transferred to the long-term team'] }] } as unknown as RawConfig['rules'];
    const text = 'The social worker left on 3 March. On 10 March the case was transferred to the Long-Term Team.';
    expect(lint(text, 'unallocated-case')).toHaveLength(1);
    expect(lint(text, 'unallocated-case', cfg)).toEqual([]);
    const before = 'On 1 February the case was transferred to the Long-Term Team. The social worker left on 3 March.';
    expect(lint(before, 'unallocated-case', cfg)).toHaveLength(1);
    expect(lint('The social worker left on 3 March. The case has not been transferred to the long-term team.', 'unallocated-case', cfg)).toHaveLength(1);
  });
});

describe('history is not an event in the case now', () => {
  const cases: [string, string][] = [
    ['risk-assessment', 'Mother was herself placed in foster care aged 12.'],
    ['risk-assessment', 'As a child, Ms Reid was placed in foster care and moved to a residential home aged 14.'],
    ['risk-assessment', 'In 2016 Ms Reid\'s first child was placed with foster carers. The review took place on 3 March 2024.'],
    ['risk-assessment', 'Ms Reid\'s first child was placed with foster carers on 12/05/2016. The review took place on 3 March 2024.'],
    ['transition-planning', 'Ms Reid moved to a foster placement when she was 12.'],
    ['unallocated-case', 'Her previous social worker left in 2019.'],
    ['unallocated-case', 'In 2019 the social worker left and the case was unallocated for two months. The review took place on 3 March 2024.'],
  ];
  for (const [ruleId, text] of cases) {
    it(`${ruleId}: ${text}`, () => expect(lint(text, ruleId)).toEqual([]));
  }

  it('current events are still read, beside history and in recent years', () => {
    expect(lint('Ms Reid was in care as a child, but Mia was placed with foster carers on 3 March.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mother was herself placed in foster care aged 12. Mia was placed with foster carers on 3 March.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mia, aged 3, was placed with foster carers on 3 March.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mia (aged 3) was placed with foster carers on 3 March.', 'risk-assessment')).toHaveLength(1);
    expect(lint('When she was 6 months old, Mia was placed with foster carers.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mia, who previously lived with her mother, was placed with foster carers on 3 March.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mother herself asked for the move to a mother and baby foster placement next week.', 'transition-planning')).toHaveLength(1);
    expect(lint('Mia was placed with foster carers in 2023. The review took place on 3 March 2024.', 'risk-assessment')).toHaveLength(1);
    expect(lint('The social worker left in March 2024 and the case is awaiting allocation.', 'unallocated-case')).toHaveLength(1);
    // A date of birth, "since", and a year still to come do not date the event, nor move the document's present.
    expect(lint('Mia (DOB 03/01/2021) was placed with foster carers on 3 March. The review took place on 3 April 2025.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mia has been placed with foster carers since 2019. The review took place on 3 March 2024.', 'risk-assessment')).toHaveLength(1);
    expect(lint('Mia was placed with foster carers on 3 March 2024. The care order runs until 2027.', 'risk-assessment')).toHaveLength(1);
    // "the previous worker" dates a worker leaving, not a gap in allocation.
    expect(lint('The case was unallocated from 2 to 16 May following the previous worker\'s resignation.', 'unallocated-case')).toHaveLength(1);
  });

  it('a co-sleeping sighting in someone\'s history still asks for a safer sleep plan', () => {
    expect(lint('Ms Reid\'s previous baby died while co-sleeping with her in 2015. Mia was born on 3 March 2024.', 'co-sleeping-plan')).toHaveLength(1);
  });
});
