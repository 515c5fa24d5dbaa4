import { MONTHS } from '../language/lexicon.js';
import type { Block } from '../types.js';

const MONTH = MONTHS.join('|');
const ENTRY_HEADING = new RegExp(
  `^(?:[\\w ]{0,30}?\\s*[-–—:]?\\s*)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})[a-z]*\\s+\\d{4}|(?:${MONTH})[a-z]*\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\b[^.]{0,40}$`,
  'i',
);

/**
 * Case notes are a series of dated entries. A reassurance written before a concern was recorded does not contradict
 * it, so claims are tested only against facts from their own entry or earlier ones. Returns each block's entry number
 * (0 before the first dated heading; all 0 for a document without dated entries).
 */
export function entriesOf(blocks: Block[]): number[] {
  const out: number[] = [];
  let entry = 0;
  for (const b of blocks) {
    if (isEntryHeading(b)) entry++;
    out.push(entry);
  }
  return entry >= 2 ? out : out.map(() => 0);
}

/** A dated line that starts a case-note entry ("12/03/2024 Home visit"). */
export function isEntryHeading(b: Block): boolean {
  const text = b.text.trim();
  return text.length <= 80 && (b.kind === 'heading' || b.kind === 'paragraph') && ENTRY_HEADING.test(text);
}
