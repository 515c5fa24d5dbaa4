import { setDefaultCatalogue } from '@caselint/core/config';
import type { RawConfig, Rule } from '@caselint/core';
import coSleepingPlan from './co-sleeping-plan/rule.js';
import outcomeContradictsFindings from './outcome-contradicts-findings/rule.js';
import riskAssessment from './risk-assessment/rule.js';
import simplisticOutcome from './simplistic-outcome/rule.js';
import transitionPlanning from './transition-planning/rule.js';
import unallocatedCase from './unallocated-case/rule.js';
import unevidencedReassurance from './unevidenced-reassurance/rule.js';

/** The rule catalogue. Adding a rule: a folder with rule.ts, README.md and cases.yaml, and one line here. */
export const rules: readonly Rule[] = [
  simplisticOutcome,
  unevidencedReassurance,
  outcomeContradictsFindings,
  coSleepingPlan,
  transitionPlanning,
  riskAssessment,
  unallocatedCase,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));

/** The verdict rules: a sentence counts as flagged, in the accuracy sets, when one of these reports in it. */
export const VERDICT_RULES: ReadonlySet<string> = new Set([simplisticOutcome, unevidencedReassurance, outcomeContradictsFindings].map((r) => r.meta.id));

const recommended: RawConfig = { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])) };

/** Presets: `recommended` holds the review's lessons; `strict` will add recording-quality rules as they come. */
export const presets: Record<string, RawConfig> = {
  recommended,
  strict: { rules: { ...recommended.rules } },
};

setDefaultCatalogue({ rules, presets });
