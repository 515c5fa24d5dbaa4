import type { Rule } from '@caselint/core';
import { docsUrl } from '../docs.js';

export const rule: Rule = {
  meta: {
    id: 'co-sleeping-plan',
    severity: 'warn',
    summary: 'Co-sleeping or bed-sharing is recorded, but no safer sleep plan tells the carers what to check and what to do.',
    lesson:
      'In the review, co-sleeping had been seen, but nobody told the foster carers what to look for or what to do, and the baby died after her mother fell asleep with her in bed. The review asks for a plan, agreed before the placement starts, that names the risk and the carers\' actions.',
    fix: 'Add a safer sleep plan: where the baby sleeps, what the carers check and when (for example at set times each night), what they do if they find the baby in the adult bed, and whom they tell.',
    url: docsUrl('co-sleeping-plan'),
    options: {
      plans: 'extra names for a safer sleep plan ("sleep safety agreement"): a document that records one has a plan',
      sightings: 'extra phrases that record co-sleeping or bed-sharing ("top and tail with mum")',
    },
    messages: {
      noPlan: 'Co-sleeping or bed-sharing is recorded here{{times}}, but there is no safer sleep plan that tells the carers what to check and what to do.',
    },
  },

  document(ctx) {
    const found = ctx.facts.of('co-sleeping');
    // A local authority's own phrases for a sighting, where the built-in ones do not already see one.
    const extra = ctx.facts.phrases(ctx.options.sightings, 'sighting').filter((p) => !found.some((f) => f.start < p.end && p.start < f.end));
    const mentions = extra.length ? [...found, ...extra].sort((a, b) => a.start - b.start) : found;
    if (mentions.length === 0) return;
    if (ctx.facts.hasPlan('safer-sleep') || ctx.facts.phrases(ctx.options.plans, 'record').length > 0) return;
    const first = mentions[0]!;
    ctx.report({
      messageId: 'noPlan',
      data: { times: mentions.length > 1 ? ` (${mentions.length} times)` : '' },
      start: first.start,
      end: first.end,
      expected: [
        'Safer sleep plan: [baby] sleeps in [own cot, where]; the carers check at [times]; if they find [baby] in the adult bed they [action], record it and tell [allocated social worker] [when].',
      ],
      related: mentions.slice(1).map((m) => ({ start: m.start, end: m.end, message: 'Co-sleeping or bed-sharing recorded' })),
    });
  },
};

export default rule;
