// Checks open documents and publishes their diagnostics. Keeps the findings last published (for code actions and
// hover); the backend (a worker thread by default) keeps the LintCache that makes a re-lint reuse unchanged blocks.
import { performance } from 'node:perf_hooks';
import { isPathIgnored } from '@caselint/core/policy';
import { formatFromPath } from '@caselint/core/file-types';
import type { Diagnostic } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigResolver, filePathOf } from './config-resolver.js';
import {
  configErrorDiagnostic,
  DiagnosticList,
  oversizeDiagnostic,
  checkFailureDiagnostic,
  timeoutDiagnostic,
  ruleFailureDiagnostic,
  settingsProblemDiagnostic,
} from './diagnostics.js';
import { CASE_DEBOUNCE_MS, type CaseDocuments } from './case-documents.js';
import { KeyedDebouncer } from './debounce.js';
import { InProcessBackend, type LintBackend, type OpenDocumentRequest } from './lint-backend.js';
import { publishedFindings, type FindingDetails, type PublishedFinding } from './published-findings.js';
import { SafeLinter, type DocumentFormat } from './safe-lint.js';
import type { Settings } from './settings.js';

/** Sent after each publish so a client can show counts (the VS Code status bar) and benchmarks can read lint time. */
export const STATUS_NOTIFICATION = 'caselint/status';

export interface StatusParams {
  uri: string;
  version: number;
  errors: number;
  warnings: number;
  /** Server-side time to check the document, in milliseconds. */
  lintMs: number;
}

export interface CheckedDocument {
  version: number;
  /** Made from the published diagnostics when first asked for. */
  readonly findings: PublishedFinding[];
}

export interface CheckerHost {
  getDocument(uri: string): TextDocument | undefined;
  getSettings(uri: string): Promise<Settings>;
  publish(uri: string, version: number, diagnostics: DiagnosticList): void;
  status(params: StatusParams): void;
  log(message: string): void;
  /** The cases of the open documents (none: each document is checked on its own). */
  cases?: CaseDocuments;
}

interface DocumentState {
  /** The findings last published (for code actions and hover). */
  checked?: CheckedDocument;
  /** Incremented per check, so a check that awaited settings gives way to a newer one. */
  generation: number;
  /** The case folder the document was last checked in, if any. */
  caseRoot?: string;
}

/** What a check gives to publish, and to keep for hover and code actions. */
interface CheckResult {
  diagnostics: DiagnosticList;
  /** The findings' own diagnostics (without those about the document as a whole), with their details. */
  findings: DiagnosticList;
  details: FindingDetails;
  errors: number;
  warnings: number;
}

const NO_FINDINGS = new DiagnosticList('[]');
const NO_DETAILS: FindingDetails = { rules: {}, expected: {} };

/** A document's format by core's file types (as the command line reads the file), else by the editor's language. */
export function formatOf(document: TextDocument): DocumentFormat {
  if (formatFromPath(document.uri) === 'markdown' || document.languageId === 'markdown' || document.languageId === 'mdx') return 'markdown';
  return 'text';
}

export class DocumentChecker {
  private readonly states = new Map<string, DocumentState>();
  readonly configs = new ConfigResolver();

  private readonly backend: LintBackend;
  private readonly recordLater = new KeyedDebouncer(CASE_DEBOUNCE_MS);

  /** A SafeLinter checks in this thread (tests); a LintBackend may check elsewhere (the server's worker). */
  constructor(
    linter: SafeLinter | LintBackend,
    private readonly host: CheckerHost,
  ) {
    this.backend = linter instanceof SafeLinter ? new InProcessBackend(linter) : linter;
  }

  /** The findings last published for a document, if it is open and was checked. */
  checked(uri: string): CheckedDocument | undefined {
    return this.states.get(uri)?.checked;
  }

  forget(uri: string): void {
    this.recordLater.cancel(uri);
    const root = this.states.get(uri)?.caseRoot;
    this.states.delete(uri);
    this.backend.forget(uri);
    const path = filePathOf(uri);
    if (root && path) this.host.cases?.closed(root, path, this.inCase(root).length > 0);
  }

  /** The open documents last checked in the case folder `root`. */
  inCase(root: string): string[] {
    return [...this.states].filter(([, state]) => state.caseRoot === root).map(([uri]) => uri);
  }

  dispose(): void {
    this.recordLater.cancelAll();
    this.backend.dispose();
  }

  /** Gathers what an open document of a case records (from the text it was checked with) and hands it to the case. */
  private async record(request: OpenDocumentRequest, cases: CaseDocuments, root: string, path: string): Promise<void> {
    const state = this.states.get(request.uri);
    const answer = await this.backend.lint(request);
    // A document closed meanwhile, or whose facts could not be gathered, keeps what the case had.
    if (answer.kind === 'checked' && answer.facts && state && this.states.get(request.uri) === state) cases.openFacts(root, path, answer.facts);
  }

  openUris(): string[] {
    return [...this.states.keys()];
  }

  async check(uri: string): Promise<void> {
    if (!this.host.getDocument(uri)) return; // never opened, or already closed: nothing to publish
    const state = this.stateFor(uri);
    const generation = ++state.generation;
    const settings = await this.host.getSettings(uri);
    // Settings may have taken a round trip: check the newest text, and only if no newer check started.
    const document = this.host.getDocument(uri);
    if (!document || generation !== state.generation || this.states.get(uri) !== state) return;

    const started = performance.now();
    const outcome = await this.run(document, settings, state);
    const lintMs = performance.now() - started;
    // A newer check started while this one ran (or the document closed): its answer is stale, not published.
    if (!outcome || generation !== state.generation || this.states.get(uri) !== state) return;
    const { diagnostics, findings, details, errors, warnings } = outcome;

    let published: PublishedFinding[] | undefined;
    state.checked = {
      version: document.version,
      get findings() {
        return (published ??= publishedFindings(findings.items, details, uri));
      },
    };
    this.host.publish(uri, document.version, diagnostics);
    this.host.status({ uri, version: document.version, errors, warnings, lintMs: Math.round(lintMs * 100) / 100 });
  }

  private stateFor(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { generation: 0 };
      this.states.set(uri, state);
    }
    return state;
  }

  /** The diagnostics for a document, or undefined when a newer check of it replaced this one before it ran. */
  private async run(document: TextDocument, settings: Settings, state: DocumentState): Promise<CheckResult | undefined> {
    const nothing = (...diagnostics: Diagnostic[]): CheckResult => ({ diagnostics: DiagnosticList.of(diagnostics), findings: NO_FINDINGS, details: NO_DETAILS, errors: 0, warnings: 0 });
    if (!settings.enable) return nothing();
    const text = document.getText();
    if (text.length > settings.maxDocumentSize) return nothing(oversizeDiagnostic(text.length, settings.maxDocumentSize));

    const { config, error } = this.configs.resolve(document.uri, settings);
    const path = filePathOf(document.uri);
    if (isPathIgnored(config, path)) return nothing();
    // Reading is cheap (the Markdown reader runs at tens of MB/s: about 3 ms for 150 KB); analysis is what the
    // per-block LintCache (kept by the backend) saves on each keystroke.
    const budgetMs = settings.maxCheckTime * 1000;
    // In a case, checked against what the other documents record, and giving what this one records to them.
    const cases = this.host.cases;
    const caseRoot = cases?.caseOf(path, config, settings);
    state.caseRoot = caseRoot;
    const inCase = cases && caseRoot && path ? { caseFacts: cases.factsFor(caseRoot, path, config, settings) } : {};
    const request: OpenDocumentRequest = { kind: 'check', uri: document.uri, text, format: formatOf(document), path, config, budgetMs, ...inCase };
    const answer = await this.backend.lint(request);
    if (answer.kind === 'stale') return undefined;
    // (Not after a check that ran out of time: gathering the facts would run out of time too.)
    if (cases && caseRoot && path && answer.kind === 'checked' && this.states.get(document.uri) === state) {
      cases.checked(caseRoot);
      // What this document records goes to the others once its edits pause: the keystroke's check does not wait for it.
      this.recordLater.schedule(document.uri, () => void this.record({ ...request, kind: 'record', caseFacts: undefined }, cases, caseRoot, path));
    }
    if (answer.kind === 'timeout') {
      this.host.log(`stopped checking a document (version ${document.version}) after ${settings.maxCheckTime} s`);
      return nothing(timeoutDiagnostic(settings.maxCheckTime));
    }
    const outcome = answer;
    // The findings' diagnostics come written; those about the document as a whole go before and after them.
    const before: Diagnostic[] = [];
    const after: Diagnostic[] = [];
    for (const problem of settings.problems ?? []) before.unshift(settingsProblemDiagnostic(problem));
    if (error) before.push(configErrorDiagnostic(error.message));
    for (const ruleId of outcome.failedRules) {
      after.push(ruleFailureDiagnostic(ruleId, outcome.othersRan !== false));
      this.host.log(`rule ${ruleId} threw while checking a document (version ${document.version}); its findings were skipped`);
    }
    if (outcome.readError) {
      this.host.log(`could not read a document (${outcome.readError})`);
      after.push(checkFailureDiagnostic(outcome.readError));
    }
    const findings = outcome.diagnostics === undefined ? NO_FINDINGS : new DiagnosticList(outcome.diagnostics);
    const diagnostics = findings.around(before, after);
    return { diagnostics, findings, details: outcome.details ?? NO_DETAILS, errors: outcome.errors ?? 0, warnings: outcome.warnings ?? 0 };
  }
}
