// Runs the engine so that a failing rule costs that rule's findings, never the server. The engine isolates
// rule failures itself (one 'rule-failed' finding per failing rule); here they are taken out of the findings
// and named, so the checker can show one diagnostic per failed rule, and anything else that throws becomes
// a read error rather than a dead server.
import { documentFromBytes, Linter, LintCache, readFileBytes, ReadError, type CaseFact, type Finding, type ResolvedConfig, type SourceDocument } from '@caselint/core';

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
  /** What the document records, for the other documents of its case (asked for with `record`). */
  facts?: CaseFact[];
}

export interface CaseOptions {
  /** What the other documents of the document's case record. */
  caseFacts?: readonly CaseFact[];
  /** Also gather what the document records, for the others. */
  record?: boolean;
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
  lint(text: string, read: (text: string) => SourceDocument, config: ResolvedConfig, cache: LintCache | undefined, failing: Set<string> = new Set(), inCase: CaseOptions = {}): LintOutcome {
    let doc: SourceDocument;
    try {
      doc = read(text);
    } catch (error) {
      return { text, findings: [], failedRules: [], readError: describeError(error) };
    }
    let all: Finding[];
    try {
      all = this.linter.lint(doc, config, cache, inCase.caseFacts);
    } catch (error) {
      return { text: doc.text, findings: [], failedRules: [], readError: describeError(error) };
    }
    const findings = all.filter((f) => f.messageId !== 'rule-failed');
    const failedRules = [...new Set(all.filter((f) => f.messageId === 'rule-failed').map((f) => f.ruleId))];
    for (const id of failedRules) failing.add(id);
    const enabled = this.ruleIds.filter((id) => (config.rules[id]?.severity ?? 1) > 0);
    const othersRan = enabled.some((id) => !failedRules.includes(id));
    const facts = inCase.record ? this.factsOf(doc, config, cache) : undefined;
    return { text: doc.text, findings, failedRules, othersRan, ...(facts ? { facts } : {}) };
  }

  /**
   * What a case document that is not open records, read from its file. A file that cannot be read (binary, a damaged
   * Word file, too large) records nothing: the answer says why in one line, without its text.
   */
  async recordFile(path: string, config: ResolvedConfig, maxFileSize: number): Promise<LintOutcome> {
    const nothing = { text: '', findings: [], failedRules: [] };
    try {
      const doc = await documentFromBytes(readFileBytes(path, { maxFileSize }).bytes, path);
      return { ...nothing, facts: this.linter.record(doc, config) };
    } catch (error) {
      return { ...nothing, readError: error instanceof ReadError ? error.message : describeError(error) };
    }
  }

  /** Gathered after the check, from the blocks it cached: a second pass over the analyses, not over the text. */
  private factsOf(doc: SourceDocument, config: ResolvedConfig, cache: LintCache | undefined): CaseFact[] | undefined {
    try {
      return this.linter.record(doc, config, cache);
    } catch {
      return undefined; // the check itself reported what failed; the case keeps this document's last facts
    }
  }
}

/** The error's kind only: messages can quote the document, and no document text goes to the logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
