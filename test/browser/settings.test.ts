// The extension's settings (no browser): normalising what the stores hand over, the per-site switch, managed
// (council IT) settings winning over the user's, terms feeding the rules' options, and importing a .caselintrc.json.
import { describe, expect, it } from 'vitest';
import { checkedSettings, effectiveConfig, importCaselintrc } from '../../packages/browser-extension/src/config.js';
import { USER_DEFAULTS, hostMatches, lockedBy, normaliseManaged, normaliseUser, siteState, withSite } from '../../packages/browser-extension/src/settings.js';

describe('extension settings', () => {
  it('keeps valid settings and names each invalid one', () => {
    const problems: string[] = [];
    const { user, managed } = checkedSettings(
      { preset: 'strict', rules: { 'simplistic-outcome': 'off', 'no-such-rule': 'warn', 'co-sleeping-plan': 'loud' }, terms: { verdicts: ['signed off', 7, ' '] }, disabledSites: ['Example.org'] },
      { sites: 'not a list', preset: 'lenient', rules: { 'risk-assessment': ['warn', { colours: ['red'] }] } },
      problems,
    );
    expect(user).toEqual({ preset: 'strict', rules: { 'simplistic-outcome': 'off' }, terms: { verdicts: ['signed off'] }, disabledSites: ['Example.org'] });
    expect(managed).toEqual({ rules: {} });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^settings\.rules\.no-such-rule is not a caselint rule/);
    expect(problems[1]).toMatch(/^settings\.rules\.co-sleeping-plan must be a severity/);
    expect(problems[2]).toMatch(/^policy\.rules\.risk-assessment\.colours is not an option of risk-assessment/);
    expect(normaliseUser(undefined)).toEqual({ preset: undefined, rules: {}, terms: {}, disabledSites: [] });
  });

  it('the per-site switch, unless the organisation lists the sites', () => {
    const off = withSite(USER_DEFAULTS, 'Records.Example.org', false);
    expect(off.disabledSites).toEqual(['records.example.org']);
    expect(siteState('records.example.org', off, {})).toEqual({ enabled: false, managed: false });
    expect(siteState('other.example.org', off, {})).toEqual({ enabled: true, managed: false });
    expect(withSite(off, 'records.example.org', true).disabledSites).toEqual([]);
    const managed = normaliseManaged({ sites: ['*.council.gov.uk', 'CASES.example.org'] });
    expect(siteState('records.council.gov.uk', USER_DEFAULTS, managed)).toEqual({ enabled: true, managed: true });
    expect(siteState('council.gov.uk', USER_DEFAULTS, managed)).toEqual({ enabled: true, managed: true });
    expect(siteState('cases.example.org', withSite(USER_DEFAULTS, 'cases.example.org', false), managed)).toEqual({ enabled: true, managed: true });
    expect(siteState('example.org', USER_DEFAULTS, managed)).toEqual({ enabled: false, managed: true });
    expect(hostMatches('*.council.gov.uk', 'evilcouncil.gov.uk')).toBe(false);
  });

  it('managed values win over the user\'s: preset, rules and terms', () => {
    const user = normaliseUser({ preset: 'recommended', rules: { 'simplistic-outcome': 'off', 'co-sleeping-plan': 'error' }, terms: { verdicts: ['user verdict'], reassurances: ['all ok'] } });
    const managed = normaliseManaged({ preset: 'strict', rules: { 'simplistic-outcome': 'error' }, terms: { verdicts: ['signed off as complete'] } });
    const config = effectiveConfig(user, managed);
    expect(config.rules['simplistic-outcome']).toEqual({ severity: 2, options: { terms: ['signed off as complete'] } });
    expect(config.rules['co-sleeping-plan']!.severity).toBe(2);
    expect(config.rules['unevidenced-reassurance']).toEqual({ severity: 1, options: { terms: ['all ok'] } });
    expect(lockedBy(managed)).toEqual({ preset: true, rules: new Set(['simplistic-outcome']), terms: new Set(['verdicts']) });
    // Without a policy, the user's settings apply.
    expect(effectiveConfig(user, {}).rules['simplistic-outcome']!.severity).toBe(0);
  });

  it('terms add to phrases a rule setting already gives the same option', () => {
    const user = normaliseUser({ rules: { 'unevidenced-reassurance': ['warn', { terms: ['nothing to report'] }] }, terms: { reassurances: ['all ok'] } });
    expect(effectiveConfig(user, {}).rules['unevidenced-reassurance']!.options).toEqual({ terms: ['nothing to report', 'all ok'] });
  });

  it('imports a .caselintrc.json as the CLI validates it', () => {
    const imported = importCaselintrc('{ "extends": ["recommended", "strict"], "rules": { "simplistic-outcome": ["warn", { "terms": ["done and dusted"] }] }, "ignores": ["drafts/**"] }', USER_DEFAULTS);
    expect(imported).toEqual({ ...USER_DEFAULTS, preset: 'strict', rules: { 'simplistic-outcome': ['warn', { terms: ['done and dusted'] }] } });
    expect(() => importCaselintrc('{ "rule": {} }', USER_DEFAULTS)).toThrow('.caselintrc.json: "rule" is not a configuration key');
    expect(() => importCaselintrc('{ "rules": { "simplistic-outcome": ["warn", { "plans": ["x"] }] } }', USER_DEFAULTS)).toThrow('"rules.simplistic-outcome.plans" is not an option of simplistic-outcome');
    expect(() => importCaselintrc('{ nope', USER_DEFAULTS, 'team.json')).toThrow(/^team\.json: is not valid JSON/);
  });
});
