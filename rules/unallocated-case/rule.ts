import type { Rule } from '@caselint/core';
import { docsUrl } from '../docs.js';

export const rule: Rule = {
  meta: {
    id: 'unallocated-case',
    severity: 'warn',
    summary: 'A social worker has left or the case is unallocated, and no reallocation or handover is recorded after it.',
    lesson:
      'In the review, the social worker left and the case had no allocated worker for a long time, while risks grew. When a worker leaves there must be timely reallocation and a full handover.',
    fix: 'Record who the case is reallocated to and when, and the handover (what was handed over, including open risks and plans). Until then, say who holds the case and what management oversight is in place.',
    url: docsUrl('unallocated-case'),
    options: {
      handovers: 'extra phrases that record a reallocation or handover ("transferred to the long-term team"): one after the gap answers it',
    },
    messages: {
      unallocated: '{{state}}{{times}}, and no reallocation or handover is recorded after it. Say who holds the case now and what was handed over.',
    },
  },

  document(ctx) {
    const events = ctx.facts.of('allocation');
    const gaps = events.filter((e) => e.allocation === 'worker-left' || e.allocation === 'unallocated');
    if (gaps.length === 0) return;
    const last = gaps[gaps.length - 1]!;
    const resolved =
      events.some((e) => (e.allocation === 'reallocated' || e.allocation === 'handover') && e.start > last.end) ||
      ctx.facts.phrases(ctx.options.handovers, 'record').some((p) => p.start > last.end);
    if (resolved) return;
    const first = gaps[0]!;
    const unallocated = gaps.filter((g) => g.allocation === 'unallocated').length;
    ctx.report({
      messageId: 'unallocated',
      data: {
        state: gaps.some((g) => g.allocation === 'worker-left')
          ? unallocated ? 'The social worker left and the case is recorded as unallocated' : 'The social worker left'
          : 'The case is recorded as unallocated',
        times: gaps.length > 1 ? ` (${gaps.length} entries)` : '',
      },
      start: first.start,
      end: first.end,
      expected: ['The case was reallocated to [name] on [date]; a handover covering [open risks and plans] took place on [date].'],
      related: gaps.slice(1).map((g) => ({ start: g.start, end: g.end, message: g.allocation === 'worker-left' ? 'Worker left' : 'Still unallocated' })),
    });
  },
};

export default rule;
