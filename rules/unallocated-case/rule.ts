import { daysBetween, formatDate, type CaseFactOf, type DocumentFacts, type RelatedElsewhere, type Rule } from '@caselint/core';
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
    limits: {
      maxDays: { summary: 'days a case may be without an allocated worker before a reallocation that ends the gap is still a finding', default: 20 },
    },
    messages: {
      unallocated: '{{state}}{{times}}; no reallocation or handover is recorded after it{{sofar}}. Say who holds the case now and what was handed over.',
      longGap: 'The case was without an allocated social worker for {{days}} days, from {{from}} to {{to}}: longer than {{limit}} days. Say who held the case in that time and what oversight was in place.',
    },
  },

  document(ctx) {
    const f = ctx.facts;
    const events = f.of('allocation');
    const gaps = events.filter((e) => e.allocation === 'worker-left' || e.allocation === 'unallocated');
    if (gaps.length === 0) return;
    const last = gaps[gaps.length - 1]!;
    const lastDate = f.dateOf(last);
    // What ends the gap: a reallocation or handover after it, here or in another document of the case (recorded
    // after the gap began; where either date is unknown, it counts).
    const endedHere = events.find((e) => (e.allocation === 'reallocated' || e.allocation === 'handover') && e.start > last.end);
    const endedConfigured = f.phrases(ctx.options.handovers, 'record').find((p) => p.start > last.end);
    const endedElsewhere = f.caseFacts.find(
      (e): e is CaseFactOf<'allocation'> => e.kind === 'allocation' && (e.allocation === 'reallocated' || e.allocation === 'handover') && (!e.date || !lastDate || e.date >= lastDate),
    );
    const first = gaps[0]!;
    const from = f.dateOf(first);
    const endDate = endedHere ? f.dateOf(endedHere) : endedConfigured ? f.dateOf({ block: blockAt(f, endedConfigured.start) }) : endedElsewhere?.date;
    if (endedHere || endedConfigured || endedElsewhere) {
      // Reallocated in the end: still too long a gap is a finding, measured from the worker leaving to the reallocation.
      if (!from || !endDate) return;
      const days = daysBetween(from, endDate);
      if (days <= ctx.limits.maxDays!) return;
      ctx.report({
        messageId: 'longGap',
        data: { days, from: formatDate(from), to: formatDate(endDate), limit: ctx.limits.maxDays! },
        start: first.start,
        end: first.end,
        expected: ['The case was reallocated to [name] on [date], [N] days after [the worker left]; until then [manager] held it and [what oversight was in place].'],
        related: endedElsewhere && !endedHere && !endedConfigured ? [elsewhere(endedElsewhere, 'Reallocated')] : endedHere ? [{ start: endedHere.start, end: endedHere.end, message: 'Reallocated' }] : [],
      });
      return;
    }
    const unallocated = gaps.filter((g) => g.allocation === 'unallocated').length;
    // So far: from the first gap to the latest date the document (or its case) records.
    const latest = f.latestDate();
    const sofar = from && latest && latest > from ? daysBetween(from, latest) : 0;
    ctx.report({
      messageId: 'unallocated',
      data: {
        state: gaps.some((g) => g.allocation === 'worker-left')
          ? unallocated ? 'The social worker left or went on leave, and the case is recorded as unallocated' : 'The social worker left or went on leave'
          : 'The case is recorded as unallocated',
        times: gaps.length > 1 ? ` (in ${gaps.length} places)` : '',
        sofar: sofar > 0 ? ` (by ${formatDate(latest!)}, ${sofar} day${sofar === 1 ? '' : 's'} without a worker)` : '',
      },
      start: first.start,
      end: first.end,
      expected: ['The case was reallocated to [name] on [date]; a handover covering [open risks and plans] took place on [date].'],
      related: gaps.slice(1).map((g) => ({ start: g.start, end: g.end, message: g.allocation === 'worker-left' ? 'Worker left' : 'Still unallocated' })),
    });
  },
};

/** The block that holds a document offset. */
function blockAt(f: DocumentFacts, offset: number): number {
  const blocks = f.document.blocks;
  let i = blocks.findIndex((b) => (b.segments[0]?.source ?? 0) > offset);
  if (i === -1) i = blocks.length;
  return Math.max(0, i - 1);
}

function elsewhere(e: CaseFactOf<'allocation'>, message: string): RelatedElsewhere {
  return { start: e.start, end: e.end, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, filePath: e.filePath, message, ...(e.docx ? { docx: e.docx } : {}), ...(e.pdf ? { pdf: e.pdf } : {}) };
}

export default rule;
