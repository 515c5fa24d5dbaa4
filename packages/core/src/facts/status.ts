import { normalise } from '../language/normalise.js';

export type Status = 'unmet' | 'met';

// The status vocabulary of PAMS, GCP2, ParentAssess and Signs of Safety (see DOMAIN.md). Order matters: the
// negative forms are tried first so that "not achieved" is never read as "achieved".
const UNMET: RegExp[] = [
  /\b(?:un-?achieved|not\s+(?:yet\s+)?(?:fully\s+)?achieved|partially\s+achieved|partly\s+achieved|not\s+(?:yet\s+)?met|unmet|skills?\s+not\s+met|not\s+demonstrated|not\s+evidenced|not\s+sustained)\b/,
  /\b(?:high|medium|moderate)\s+(?:priority|level\s+of\s+need|need|concern|risk)\b/,
  /^(?:high|medium|moderate)$/,
  /\b(?:needs?\s+(?:lots\s+of|a\s+lot\s+of|some|significant)\s+help|not\s+coping|with\s+support\s+only|only\s+with\s+support|requires?\s+prompting|needs?\s+prompting|inconsistent)\b/,
  /^(?:red|amber|red\/amber|amber\/red)$/,
  /\b(?:rag\s*:?\s*)?(?:red|amber)\b(?!\s*(?:book|card))/,
  /\bgrade\s*[345]\b/,
  /^[345]$/,
  /\b(?:essential\s+needs|needs)\s+(?:(?:mostly|partly|partially|entirely|wholly)\s+)?unmet\b/,
  /\bconcerns?\s+remain\b/,
];
const MET: RegExp[] = [
  /\b(?:achieved|fully\s+achieved|met|skills?\s+met|no\s+priority|low\s+priority|no\s+(?:identified\s+)?need|low\s+level\s+of\s+need|green|grade\s*[12])\b/,
  /^(?:low|none|g|[12])$/,
];

/** Classify a status cell or phrase: unmet, met, or undefined when it is not a status. */
export function classifyStatus(raw: string): Status | undefined {
  const text = normalise(raw).trim().replace(/[.;]+$/, '');
  if (!text || text.length > 80) return undefined;
  if (UNMET.some((r) => r.test(text))) return 'unmet';
  if (MET.some((r) => r.test(text))) return 'met';
  return undefined;
}

/** Words that name a status column in a table header. */
export const STATUS_HEADER = /\b(?:outcome|status|rating|rated|result|achieved|priority|level|grade|score|rag|need|needs|met|progress|assessment|judgement|judgment|knowledge|skill|practice|frequency|concern)\b/i;
/** Words that name the area column in a table header. */
export const AREA_HEADER = /\b(?:area|areas|domain|domains|skill|skills|component|components|section|need|needs|topic|factor|category|dimension)\b/i;
