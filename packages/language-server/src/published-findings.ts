// The findings of a document's last check as hover and code actions use them: each its published diagnostic, with the
// little the diagnostic does not carry (the rule's lesson and fix, the suggested replacements). They are made from the
// diagnostics when first asked for, rather than copied from the checking thread on every check.
import { fileURLToPath } from 'node:url';
import type { Finding } from '@caselint/core';
import type { Diagnostic } from 'vscode-languageserver/node.js';

/** What the checking thread sends besides the diagnostics, for hover and code actions. */
export interface FindingDetails {
  /** By rule id: the rule's lesson (hover's "Why") and how to fix what it finds. */
  rules: Record<string, Pick<Finding, 'note' | 'fix'>>;
  /** Suggested replacements, by the index of the finding (only for findings that have some). */
  expected: Record<number, string[]>;
}

export interface PublishedFinding extends Pick<Finding, 'ruleId' | 'message' | 'note' | 'fix' | 'expected' | 'url'> {
  diagnostic: Diagnostic;
  /** The places the finding refers to: `filePath` when in another document of the case; `line` is 1-based. */
  related?: { message: string; filePath?: string; line: number }[];
}

export function publishedFindings(diagnostics: Diagnostic[], details: FindingDetails, uri: string): PublishedFinding[] {
  return diagnostics.map((diagnostic, index) => {
    const ruleId = String(diagnostic.code);
    const finding: PublishedFinding = { diagnostic, ruleId, message: diagnostic.message, ...details.rules[ruleId], url: diagnostic.codeDescription?.href };
    const expected = details.expected[index];
    if (expected) finding.expected = expected;
    if (diagnostic.relatedInformation) {
      finding.related = diagnostic.relatedInformation.map(({ location, message }) => ({
        message,
        ...(location.uri === uri ? {} : { filePath: fileURLToPath(location.uri) }),
        line: location.range.start.line + 1,
      }));
    }
    return finding;
  });
}
