import type { Finding } from '../types.js';

/** What a caselint Word comment says about a finding: a structural subset of the core `Finding`. */
export type CommentedFinding = Pick<Finding, 'ruleId' | 'message'> & Partial<Pick<Finding, 'fix'>> & { related?: Array<{ message: string; filePath?: string }> };

/**
 * A caselint Word comment's paragraphs: the message (with the rule id), how to fix it, and any related places.
 * Shared by `--annotate` and the Word add-in, so a comment reads the same whichever wrote it.
 */
export function commentParagraphs(finding: CommentedFinding): string[] {
  const paragraphs = [`${finding.message} (${finding.ruleId})`];
  if (finding.fix) paragraphs.push(`How to fix: ${finding.fix}`);
  const related = finding.related ?? [];
  if (related.length > 0) {
    paragraphs.push('See also:');
    for (const r of related) paragraphs.push(`\u2022 ${r.message}${r.filePath ? ` (in ${baseName(r.filePath)})` : ''}`);
  }
  return paragraphs;
}

/** A file's name without its folder: another document of the case, as a comment names it. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
