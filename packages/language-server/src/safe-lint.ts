// Runs the engine so that a failing rule costs that rule's findings, never the server.
// The fast path is one Linter over every rule with the document's LintCache; only when it throws do we
// re-run each rule on its own to find out which failed, then check with the others.
import { Linter, LintCache, type Finding, type ResolvedConfig, type SourceDocument } from '@caselint/core';

type RuleList = ConstructorParameters<typeof Linter>[0];
type RuleOf<T> = T extends readonly (infer R)[] ? R : never;
type Rule = RuleOf<RuleList>;

export interface LintOutcome {
  /** The text the reader produced (offsets in findings refer to it). */
  text: string;
  findings: Finding[];
  /** Rules that threw on this document. */
  failedRules: string[];
  /** Set when the document could not be read at all. */
  readError?: string;
}

export type DocumentFormat = 'text' | 'markdown';

export class SafeLinter {
  private readonly linter: Linter;
  private readonly subsetLinters = new Map<string, Linter>();

  constructor(private readonly rules: RuleList) {
    this.linter = new Linter(rules);
  }

  /**
   * `failing` remembers, per document, the rules that threw on it: later checks leave them out up front
   * (with the cache) instead of paying for the search again on every keystroke.
   */
  lint(text: string, read: (text: string) => SourceDocument, config: ResolvedConfig, cache: LintCache | undefined, failing: Set<string> = new Set()): LintOutcome {
    let doc: SourceDocument;
    try {
      doc = read(text);
    } catch (error) {
      return { text, findings: [], failedRules: [], readError: describeError(error) };
    }
    try {
      const linter = failing.size === 0 ? this.linter : this.linterFor((this.rules as readonly Rule[]).filter((rule) => !failing.has(ruleIdOf(rule))));
      return { text: doc.text, findings: linter.lint(doc, config, cache), failedRules: [...failing] };
    } catch {
      const outcome = this.lintRuleByRule(doc, config);
      for (const id of outcome.failedRules) failing.add(id);
      return outcome;
    }
  }

  /**
   * Finds the rules that throw on their own, then checks with every other rule together (document rules
   * read claims that sentence rules make, so the survivors must run as one Linter).
   */
  private lintRuleByRule(doc: SourceDocument, config: ResolvedConfig): LintOutcome {
    const all = this.rules as readonly Rule[];
    const failing = all.filter((rule) => {
      try {
        this.linterFor([rule]).lint(doc, config);
        return false;
      } catch {
        return true;
      }
    });
    if (failing.length === all.length) {
      return { text: doc.text, findings: [], failedRules: [], readError: 'every rule failed' };
    }
    const survivors = all.filter((rule) => !failing.includes(rule));
    let findings: Finding[];
    try {
      findings = this.linterFor(survivors).lint(doc, config);
    } catch {
      // The failure needs several rules together: keep what each rule finds alone.
      findings = survivors.flatMap((rule) => this.linterFor([rule]).lint(doc, config));
      findings.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    return { text: doc.text, findings, failedRules: failing.map(ruleIdOf) };
  }

  /** Linters for subsets of the rules, kept because a failing rule fails again on the next keystroke. */
  private linterFor(subset: readonly Rule[]): Linter {
    const key = subset.map(ruleIdOf).join(' ');
    let linter = this.subsetLinters.get(key);
    if (!linter) {
      linter = new Linter(subset as unknown as RuleList);
      this.subsetLinters.set(key, linter);
    }
    return linter;
  }
}

function ruleIdOf(rule: Rule): string {
  const meta = (rule as { meta?: { id?: unknown } }).meta;
  return typeof meta?.id === 'string' ? meta.id : 'unknown-rule';
}

/** The error's kind only: messages can quote the document, and no document text goes to the logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
