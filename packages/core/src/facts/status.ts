import { normalise } from '../language/normalise.js';
import { FACT_GUARDS } from '../knowledge/knowledge.generated.js';
import { guardsOf } from '../knowledge/patterns.js';

export type Status = 'unmet' | 'met';

// The status vocabulary of PAMS, GCP2, ParentAssess and Signs of Safety (DOMAIN.md) is data: facts.yaml's status
// guards. Unmet is tried first, so that "not achieved" is never read as "achieved".
const guard = guardsOf(FACT_GUARDS, 'facts.yaml');
const UNMET = guard('status_unmet');
const MET = guard('status_met');

/** Classify a status cell or phrase: unmet, met, or undefined when it is not a status. */
export function classifyStatus(raw: string): Status | undefined {
  const text = normalise(raw).trim().replace(/[.;]+$/, '');
  if (!text || text.length > 80) return undefined;
  if (UNMET.test(text)) return 'unmet';
  if (MET.test(text)) return 'met';
  return undefined;
}

/** Words that name a status column in a table header. */
export const STATUS_HEADER = guard('status_header');
/** Words that name the area column in a table header. */
export const AREA_HEADER = guard('area_header');
