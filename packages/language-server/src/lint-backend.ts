// Where documents are checked. By default in a worker thread (lint-worker.ts), so that the thread that answers the
// editor (hover, code actions, other documents, shutdown) never waits for a check, and so that a check that runs
// past its time budget can be ended: only ending its thread can stop it. In this thread (InProcessBackend) when the
// worker cannot start, and in tests that hand the checker a SafeLinter of their own.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LintCache, parseDocument, type CaseFact, type Finding, type ResolvedConfig } from '@caselint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineColumnRange, rangeMapperOf, toDiagnostic } from './diagnostics.js';
import type { FindingDetails } from './published-findings.js';
import { SafeLinter, type DocumentFormat, type LintOutcome } from './safe-lint.js';

/** Check the editor's text of an open document ('check'), or only gather what it records for its case ('record'). */
export interface OpenDocumentRequest {
  kind: 'check' | 'record';
  uri: string;
  text: string;
  format: DocumentFormat;
  path: string | undefined;
  config: ResolvedConfig;
  /** Milliseconds the check may take (0: no limit; only a worker can enforce one). */
  budgetMs: number;
  /** What the other documents of its case record (plain data: it crosses to the worker as it is). */
  caseFacts?: readonly CaseFact[];
}

/** Read a document of a case that is not open from its file, and give only what it records (no rule runs). */
export interface RecordFileRequest {
  kind: 'record-file';
  uri: string;
  path: string;
  config: ResolvedConfig;
  maxFileSize: number;
  budgetMs: number;
}

export type LintRequest = OpenDocumentRequest | RecordFileRequest;

/**
 * A request's outcome as it crosses back from the checking thread. A check's findings come as LSP diagnostics in one
 * JSON array, with the little that hover and code actions need beyond them: copying a thousand rich findings between
 * threads took about as long as the check itself.
 */
export interface CrossingOutcome {
  failedRules: string[];
  readError?: string;
  othersRan?: boolean;
  facts?: CaseFact[];
  /** A check's diagnostics for its findings: one JSON array. */
  diagnostics?: string;
  details?: FindingDetails;
  errors?: number;
  warnings?: number;
}

export type LintAnswer =
  | (CrossingOutcome & { kind: 'checked' })
  /** A newer request for the same document came before this one started: it was not run. */
  | { kind: 'stale' }
  /** The check ran past its budget and was ended. */
  | { kind: 'timeout' };

export interface LintBackend {
  lint(request: LintRequest): Promise<LintAnswer>;
  /** The document was closed: drop what is kept for it. */
  forget(uri: string): void;
  dispose(): void;
}

interface DocumentCache {
  cache: LintCache;
  /** The configuration the cached block results were computed under. */
  configKey: unknown;
  /** Rules that threw on this document under that configuration. */
  failingRules: Set<string>;
}

/** Per-document block caches, kept while the configuration stays the same. */
export class DocumentCaches {
  private readonly byUri = new Map<string, DocumentCache>();

  for(uri: string, configKey: unknown): DocumentCache {
    let entry = this.byUri.get(uri);
    if (!entry || entry.configKey !== configKey) {
      entry = { cache: new LintCache(), configKey, failingRules: new Set() };
      this.byUri.set(uri, entry);
    }
    return entry;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

/** Runs one request, in whichever thread holds the linter and the caches (this one, or the worker's). */
export async function runLintRequest(
  linter: SafeLinter,
  caches: DocumentCaches,
  request: DistributiveOmit<LintRequest, 'budgetMs'>,
  configKey: unknown,
): Promise<CrossingOutcome> {
  if (request.kind === 'record-file') return withoutFindings(await linter.recordFile(request.path, request.config, request.maxFileSize));
  const state = caches.for(request.uri, configKey);
  const read = (t: string) => parseDocument(t, request.format, request.path);
  if (request.kind === 'record') return withoutFindings(await linter.recordText(request.text, read, request.config, state.cache));
  const outcome = linter.lint(request.text, read, request.config, state.cache, state.failingRules, request.caseFacts);
  // Offsets are the editor's when the reader kept its text; otherwise the reader's lines and columns serve. Without
  // carriage returns the editor's positions are the engine's own lines and columns (less one), with no need to index
  // the text's lines again; with them, TextDocument's rules for a position inside \r\n apply.
  const exactOffsets = outcome.text === request.text;
  const toRange = exactOffsets && request.text.includes('\r') ? rangeMapperOf(TextDocument.create(request.uri, '', 0, request.text), true) : lineColumnRange;
  const diagnostics = JSON.stringify(outcome.findings.map((finding) => toDiagnostic(finding, request.uri, toRange)));
  return { ...withoutFindings(outcome), diagnostics, details: detailsOf(outcome.findings), ...counts(outcome.findings) };
}

function withoutFindings({ text: _text, findings: _findings, ...rest }: LintOutcome): CrossingOutcome {
  return rest;
}

function detailsOf(findings: Finding[]): FindingDetails {
  const details: FindingDetails = { rules: {}, expected: {} };
  findings.forEach((finding, index) => {
    details.rules[finding.ruleId] ??= { note: finding.note, fix: finding.fix };
    if (finding.expected) details.expected[index] = finding.expected;
  });
  return details;
}

function counts(findings: Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 2) errors++;
  return { errors, warnings: findings.length - errors };
}

/** Omit from each member of a union (a plain Omit would merge the members). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An answer for a request that could not be run at all (the checking thread died or cannot start). */
function failedAnswer(reason: string): LintAnswer {
  return { kind: 'checked', failedRules: [], readError: reason };
}

/** Checks in this thread, as the server did before it had a worker. */
export class InProcessBackend implements LintBackend {
  private readonly caches = new DocumentCaches();

  constructor(private readonly linter: SafeLinter) {}

  async lint(request: LintRequest): Promise<LintAnswer> {
    return { kind: 'checked', ...(await runLintRequest(this.linter, this.caches, request, request.config)) };
  }

  forget(uri: string): void {
    this.caches.forget(uri);
  }

  dispose(): void {}
}

/** Messages to and from lint-worker.ts. */
export type WorkerRequest =
  /** `sameCaseFacts`: the case facts are those last sent for the document (kept by the worker, not copied again). */
  | { kind: 'lint'; id: number; request: DistributiveOmit<LintRequest, 'budgetMs'>; sameCaseFacts?: boolean }
  | { kind: 'forget'; uri: string };
export type WorkerReply = { id: number; started: true } | { id: number; outcome: CrossingOutcome };

interface Pending {
  id: number;
  request: LintRequest;
  resolve: (answer: LintAnswer) => void;
  timer?: NodeJS.Timeout;
}

/** The worker's script: beside this module once built (lint-worker.js), or beside the bundled server (lint-worker.mjs). */
export function lintWorkerScript(): URL | undefined {
  for (const name of ['lint-worker.js', 'lint-worker.mjs']) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/**
 * Checks in one worker thread, one document at a time. A request for a document that already has one waiting
 * replaces it (the waiting one answers 'stale'): only the newest text is worth checking. A check that runs past
 * its budget ends the worker, answers 'timeout', and a new worker takes the next request (the block caches are
 * lost with the old one; they fill again).
 */
export class WorkerBackend implements LintBackend {
  private worker!: Worker;
  private readonly waiting: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 0;
  private disposed = false;
  /** Workers that died without finishing a check: past a few, the install is broken and checks fail at once. */
  private failedStarts = 0;
  private proven = false;
  /**
   * The case facts the worker holds, per document: the same array (unchanged since the last check, as CaseDocuments
   * keeps it) is not sent again, since copying a case's facts to the worker on each keystroke costs milliseconds.
   */
  private readonly sentCaseFacts = new Map<string, readonly CaseFact[]>();

  constructor(
    private readonly script: URL,
    private readonly log: (message: string) => void,
  ) {
    this.spawn();
  }

  lint(request: LintRequest): Promise<LintAnswer> {
    return new Promise((resolve) => {
      const queued = this.waiting.findIndex((p) => p.request.uri === request.uri && p.request.kind === request.kind);
      if (queued >= 0) this.waiting.splice(queued, 1)[0]!.resolve({ kind: 'stale' });
      this.waiting.push({ id: this.nextId++, request, resolve });
      this.pump();
    });
  }

  forget(uri: string): void {
    this.sentCaseFacts.delete(uri);
    this.worker.postMessage({ kind: 'forget', uri } satisfies WorkerRequest);
  }

  dispose(): void {
    this.disposed = true;
    void this.worker.terminate();
  }

  private spawn(): void {
    const worker = new Worker(this.script);
    this.worker = worker;
    this.sentCaseFacts.clear(); // a new worker holds none
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.running;
      if (worker !== this.worker || !pending || reply.id !== pending.id) return;
      if ('started' in reply) {
        // The clock starts when the worker starts this check (not while it loads the engine or finishes the last one).
        if (pending.request.budgetMs > 0) pending.timer = setTimeout(() => this.abandon(pending), pending.request.budgetMs);
        return;
      }
      clearTimeout(pending.timer);
      this.running = undefined;
      this.proven = true;
      pending.resolve({ kind: 'checked', ...reply.outcome });
      this.pump();
    });
    const died = (reason: string) => {
      if (worker !== this.worker || this.disposed) return;
      this.log(`the checking thread stopped (${reason}); starting another`);
      const pending = this.running;
      this.running = undefined;
      if (pending) {
        clearTimeout(pending.timer);
        pending.resolve(failedAnswer(reason));
      }
      if (!this.proven && ++this.failedStarts >= 3) {
        for (const p of this.waiting.splice(0)) p.resolve(failedAnswer('the checking thread cannot start'));
        return;
      }
      this.spawn();
      this.pump();
    };
    worker.on('error', (error) => died(error.name));
    worker.on('exit', (code) => died(`exit code ${code}`));
  }

  /** The running check is past its budget: end its thread (nothing else stops it) and go on with a new one. */
  private abandon(pending: Pending): void {
    if (this.running !== pending) return;
    this.running = undefined;
    const old = this.worker;
    this.spawn(); // before terminating, so the old worker's exit is not taken for a crash
    void old.terminate();
    pending.resolve({ kind: 'timeout' });
    this.pump();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.waiting.shift();
    if (!next) return;
    if (!this.proven && this.failedStarts >= 3) {
      next.resolve(failedAnswer('the checking thread cannot start'));
      return this.pump();
    }
    this.running = next;
    const { budgetMs: _budget, ...request } = next.request;
    let sameCaseFacts = false;
    if (request.kind === 'check') {
      sameCaseFacts = request.caseFacts !== undefined && this.sentCaseFacts.get(request.uri) === request.caseFacts;
      if (sameCaseFacts) delete request.caseFacts;
      else if (request.caseFacts) this.sentCaseFacts.set(request.uri, request.caseFacts);
      else this.sentCaseFacts.delete(request.uri);
    }
    this.worker.postMessage({ kind: 'lint', id: next.id, request, sameCaseFacts } satisfies WorkerRequest);
  }
}
