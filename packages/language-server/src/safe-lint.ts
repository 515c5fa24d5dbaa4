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

export type DocumentFormat = 'text' | 'markdown';

export class SafeLinter {
  private readonly linter: Linter;
  private readonly ruleIds: string[];

  constructor(rules: RuleList) {
    this.linter = new Linter(rules);
    this.ruleIds = rules.map((r) => r.meta.id);
  }

  /** `failing` collects, per document, the rules that have failed on it (kept for the caller's status). */
  lint(text: string, read: (text: string) => SourceDocument, config: ResolvedConfig, cache: LintCache | undefined, failing: Set<string> = new Set(), caseFacts?: readonly CaseFact[]): LintOutcome {
    let doc: SourceDocument;
    try {
      doc = read(text);
    } catch (error) {
      return { text, findings: [], failedRules: [], readError: describeError(error) };
    }
    let all: Finding[];
    try {
      all = this.linter.lint(doc, config, cache, caseFacts);
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

  /**
   * What an open document of a case records, from the editor's text, for the other documents of its case. Gathered
   * apart from the check (which the editor waits for), reusing the block analyses the check cached.
   */
  recordText(text: string, read: (text: string) => SourceDocument, config: ResolvedConfig, cache: LintCache | undefined): Promise<LintOutcome> {
    return this.recorded(() => this.linter.record(read(text), config, cache));
  }

  /**
   * What a case document that is not open records, read from its file. A file that cannot be read (binary, a damaged
   * Word file, too large) records nothing: the answer says why in one line, without its text.
   */
  recordFile(path: string, config: ResolvedConfig, maxFileSize: number): Promise<LintOutcome> {
    return this.recorded(async () => this.linter.record(await documentFromBytes(readFileBytes(path, { maxFileSize }).bytes, path), config));
  }

  /** Facts only: no findings, and no text kept. */
  private async recorded(gather: () => CaseFact[] | Promise<CaseFact[]>): Promise<LintOutcome> {
    const nothing = { text: '', findings: [], failedRules: [] };
    try {
      return { ...nothing, facts: await gather() };
    } catch (error) {
      return { ...nothing, readError: error instanceof ReadError ? error.message : describeError(error) };
    }
  }
}

/** The error's kind only: messages can quote the document, and no document text goes to the logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
