import type { Rule } from '@caselint/core';
import { docsUrl } from '../docs.js';

export const rule: Rule = {
  meta: {
    id: 'risk-assessment',
    severity: 'warn',
    summary: 'A placement is made or recommended with no risk assessment recorded.',
    lesson:
      'The review found placements made without a risk assessment. One should be completed by the designated local authority before a placement starts (or as soon as practicable after) and updated whenever anything changes.',
    fix: 'Record the risk assessment for the placement: who completed it, when (before the placement started), what risks it names, and when it will be reviewed.',
    url: docsUrl('risk-assessment'),
    options: {
      assessments: 'extra names for a placement risk assessment ("placement safety plan", "SRA"): a document that records one has a risk assessment',
    },
    messages: {
      missing: 'A placement is made or recommended here, but no risk assessment for it is recorded.',
    },
  },

  document(ctx) {
    const f = ctx.facts;
    const placements = f.of('event').filter((e) => e.event === 'placement');
    if (placements.length === 0 || f.hasPlan('risk-assessment') || f.phrases(ctx.options.assessments, 'record').length > 0) return;
    const anchor = placements.find((p) => /recommend|will|move/i.test(p.label)) ?? placements[0]!;
    ctx.report({
      messageId: 'missing',
      start: anchor.start,
      end: anchor.end,
      expected: ['A risk assessment of the placement was completed by [local authority] on [date], before the placement began; it names [risks] and will be reviewed [when].'],
    });
  },
};

export default rule;
