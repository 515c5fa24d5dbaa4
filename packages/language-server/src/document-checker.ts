// Checks open documents and publishes their diagnostics. Owns the per-document state: the LintCache that
// makes a re-lint reuse unchanged blocks, and the findings last published (for code actions and hover).
import { performance } from 'node:perf_hooks';
import { LintCache, parseDocument, type Finding, type ResolvedConfig } from '@caselint/core';
import type { Diagnostic } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigResolver, filePathOf } from './config-resolver.js';
import {
  configErrorDiagnostic,
  oversizeDiagnostic,
  rangeMapperFor,
  checkFailureDiagnostic,
  ruleFailureDiagnostic,
  toDiagnostic,
  type RangeMapper,
} from './diagnostics.js';
import { isIgnored } from './ignores.js';
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
  findings: Finding[];
  toRange: RangeMapper;
}

export interface CheckerHost {
  getDocument(uri: string): TextDocument | undefined;
  getSettings(uri: string): Promise<Settings>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  status(params: StatusParams): void;
  log(message: string): void;
}

interface DocumentState {
  cache: LintCache;
  cacheConfig?: ResolvedConfig;
  /** Rules that threw on this document under cacheConfig. */
  failingRules: Set<string>;
  /** Re-reads only the changed chunks of a Markdown document. */
  checked?: CheckedDocument;
  /** Incremented per check, so a check that awaited settings gives way to a newer one. */
  generation: number;
}

export function formatOf(document: TextDocument): DocumentFormat {
  if (document.languageId === 'markdown' || /\.(md|markdown|mdx)$/i.test(document.uri)) return 'markdown';
  return 'text';
}

export class DocumentChecker {
  private readonly states = new Map<string, DocumentState>();
  readonly configs = new ConfigResolver();

  constructor(
    private readonly linter: SafeLinter,
    private readonly host: CheckerHost,
  ) {}

  /** The findings last published for a document, if it is open and was checked. */
  checked(uri: string): CheckedDocument | undefined {
    return this.states.get(uri)?.checked;
  }

  forget(uri: string): void {
    this.states.delete(uri);
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
    const { diagnostics, findings, toRange } = this.run(document, settings, state);
    const lintMs = performance.now() - started;

    state.checked = { version: document.version, findings, toRange };
    this.host.publish(uri, document.version, diagnostics);
    let errors = 0;
    let warnings = 0;
    for (const finding of findings) {
      if (finding.severity === 2) errors++;
      else warnings++;
    }
    this.host.status({ uri, version: document.version, errors, warnings, lintMs: Math.round(lintMs * 100) / 100 });
  }

  private stateFor(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: new LintCache(), generation: 0, failingRules: new Set() };
      this.states.set(uri, state);
    }
    return state;
  }

  private run(document: TextDocument, settings: Settings, state: DocumentState): { diagnostics: Diagnostic[]; findings: Finding[]; toRange: RangeMapper } {
    const identity: RangeMapper = rangeMapperFor(document, document.getText());
    if (!settings.enable) return { diagnostics: [], findings: [], toRange: identity };
    const text = document.getText();
    if (text.length > settings.maxDocumentSize) {
      return { diagnostics: [oversizeDiagnostic(text.length, settings.maxDocumentSize)], findings: [], toRange: identity };
    }

    const { config, error } = this.configs.resolve(document.uri, settings);
    const path = filePathOf(document.uri);
    if (isIgnored(config, path)) return { diagnostics: [], findings: [], toRange: identity };
    if (state.cacheConfig !== config) {
      // Cached block results were computed under the old configuration.
      state.cache = new LintCache();
      state.cacheConfig = config;
      state.failingRules = new Set();
    }
    // Reading is cheap (the Markdown reader runs at tens of MB/s: about 3 ms for 150 KB); analysis is what the
    // per-block LintCache saves on each keystroke.
    const format = formatOf(document);
    const read = (t: string) => parseDocument(t, format, path);
    const outcome = this.linter.lint(text, read, config, state.cache, state.failingRules);
    const toRange = rangeMapperFor(document, outcome.text);
    const diagnostics = outcome.findings.map((finding) => toDiagnostic(finding, document.uri, toRange));
    if (error) diagnostics.unshift(configErrorDiagnostic(error.message));
    for (const ruleId of outcome.failedRules) {
      diagnostics.push(ruleFailureDiagnostic(ruleId, outcome.othersRan !== false));
      this.host.log(`rule ${ruleId} threw while checking a document (version ${document.version}); its findings were skipped`);
    }
    if (outcome.readError) {
      this.host.log(`could not read a document (${outcome.readError})`);
      diagnostics.push(checkFailureDiagnostic(outcome.readError));
    }
    return { diagnostics, findings: outcome.findings, toRange };
  }
}
