import type { Rule } from '@caselint/core';
import { docsUrl } from '../docs.js';

export const rule: Rule = {
  meta: {
    id: 'transition-planning',
    severity: 'warn',
    summary: 'A move, or the end of an assessment or placement, is recommended or recorded with no transition plan (nor both a stated purpose and an exit plan).',
    lesson:
      'In the review, the move from the assessment unit was planned late. Planning should start at the assessment\'s midway point with management oversight, and the care plan should state the next placement\'s purpose, reflect the assessment, and give an exit plan.',
    fix: 'Record the transition plan (when planning started, who oversees it), the purpose of the next placement, and the exit plan: what must be achieved, by when, and what happens then.',
    url: docsUrl('transition-planning'),
    options: {
      plans: 'extra names for a transition plan ("moving-on protocol", "step-down plan"): a document that records one has a transition plan',
    },
    messages: {
      missing: 'A move or the end of a placement is recorded here, but the document has no {{missing}}.',
    },
  },

  document(ctx) {
    const f = ctx.facts;
    // A placement still to be made is a move to come ("the plan is for Harley to be placed in foster care").
    const moves = f.of('event').filter((e) => e.event === 'move' || (e.event === 'placement' && e.planned));
    if (moves.length === 0) return;
    // A recorded transition plan shows the move was planned; so do an exit plan and the next placement's purpose
    // together. (Three blind sets of reports written from DOMAIN.md alone read a dated transition plan without a
    // purpose or an exit plan as planned: a move to permanence has no exit plan.)
    if (f.hasPlan('transition') || f.phrases(ctx.options.plans, 'record').length > 0) return;
    const missing = ['transition plan'];
    if (!f.hasPlan('purpose')) missing.push("statement of the placement's purpose");
    if (!f.hasPlan('exit')) missing.push('exit plan');
    if (missing.length === 1) return;
    const anchor = moves.find((m) => /recommend|will|should|plan|before/i.test(m.label)) ?? moves[moves.length - 1]!;
    ctx.report({
      messageId: 'missing',
      data: { missing: missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}` },
      start: anchor.start,
      end: anchor.end,
      expected: ['Transition planning began on [date, ideally the midway review], overseen by [manager]. The purpose of the placement is [purpose]; the exit plan is [what must be achieved, by when, and what then].'],
    });
  },
};

export default rule;
