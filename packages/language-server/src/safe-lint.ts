// Runs the engine so that a failing rule costs that rule's findings, never the server. The engine isolates
// rule failures itself (one 'rule-failed' finding per failing rule); here they are taken out of the findings
// and named, so the checker can show one diagnostic per failed rule, and anything else that throws becomes
// a read error rather than a dead server.
import { Linter, LintCache, type Finding, type ResolvedConfig, type SourceDocument } from '@caselint/core';

type RuleList = ConstructorParameters<typeof Linter>[0];

export interface LintOutcome {
  /** The text the reader produced (offsets in findings refer to it). */
  text: string;
  findings: Finding[];
  /** Rules that threw on this document. */
  failedRules: string[];
  /** Set when the document could not be read or checked at all. */
  readError?: string;
  /** False when every rule that was to run failed: then no rule's findings are there. */
  othersRan?: boolean;
}

export type DocumentFormat = 'text' | 'markdown';

export class SafeLinter {
  private readonly linter: Linter;
  private readonly ruleIds: string[];

  constructor(rules: RuleList) {
    this.linter = new Linter(rules);
    this.ruleIds = rules.map((r) => r.meta.id);
  }

  /** `failing` collects, per document, the rules that have failed on it (kept for the caller's status). */
  lint(text: string, read: (text: string) => SourceDocument, config: ResolvedConfig, cache: LintCache | undefined, failing: Set<string> = new Set()): LintOutcome {
    let doc: SourceDocument;
    try {
      doc = read(text);
    } catch (error) {
      return { text, findings: [], failedRules: [], readError: describeError(error) };
    }
    let all: Finding[];
    try {
      all = this.linter.lint(doc, config, cache);
    } catch (error) {
      return { text: doc.text, findings: [], failedRules: [], readError: describeError(error) };
    }
    const findings = all.filter((f) => f.messageId !== 'rule-failed');
    const failedRules = [...new Set(all.filter((f) => f.messageId === 'rule-failed').map((f) => f.ruleId))];
    for (const id of failedRules) failing.add(id);
    const enabled = this.ruleIds.filter((id) => (config.rules[id]?.severity ?? 1) > 0);
    const othersRan = enabled.some((id) => !failedRules.includes(id));
    return { text: doc.text, findings, failedRules, othersRan };
  }
}

/** The error's kind only: messages can quote the document, and no document text goes to the logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
