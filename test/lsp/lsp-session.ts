// A minimal LSP client for tests and benchmarks: spawns the real server over stdio and speaks JSON-RPC
// with vscode-jsonrpc, recording what the server publishes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_BIN = process.env.CASELINT_LS_BIN ?? resolve(REPO_ROOT, 'packages/language-server/bin/caselint-language-server.js');

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
export interface Registration { id: string; method: string; registerOptions?: unknown }
export interface PublishDiagnosticsParams { uri: string; version?: number; diagnostics: Diagnostic[] }
export interface StatusParams { uri: string; version: number; errors: number; warnings: number; lintMs: number }

export interface SessionOptions {
  /** Settings answered to workspace/configuration, per document URI (falls back to `settings`). */
  settings?: Record<string, unknown>;
  settingsByUri?: Record<string, Record<string, unknown>>;
  capabilities?: Record<string, unknown>;
  rootUri?: string | null;
  initializationOptions?: unknown;
}

export const DEFAULT_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
};

export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** What the server registered dynamically (client/registerCapability). */
  readonly registrations: Registration[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    private readonly options: SessionOptions,
  ) {
    this.exited = new Promise((done) => process.on('exit', (code) => { this.exitCode = code; done(code); }));
    process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    connection.onNotification('caselint/status', (params: StatusParams) => {
      this.statuses.push(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => (item.scopeUri && this.options.settingsByUri?.[item.scopeUri]) ?? this.options.settings ?? {}),
    );
    connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  setSettings(settings: Record<string, unknown>, byUri?: Record<string, Record<string, unknown>>): void {
    this.options.settings = settings;
    if (byUri) this.options.settingsByUri = byUri;
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: this.options.rootUri ?? null,
      capabilities: this.options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: this.options.initializationOptions,
      workspaceFolders: this.options.rootUri ? [{ uri: this.options.rootUri, name: 'root' }] : null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: ({ range: Range; text: string } | { text: string })[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits for a publication for `uri` (after index `since`) that satisfies `accept`. */
  async waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.slice(since).find((params) => params.uri === uri && accept(params));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms (got ${this.published.length} publications; stderr: ${this.stderr.slice(0, 500)})`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 50);
        this.waiters.push(() => { clearTimeout(timer); done(); });
      });
    }
  }

  /** Waits for the caselint/status notification for a version of a document. */
  async waitForStatus(uri: string, version: number, timeoutMs = 15000): Promise<StatusParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.statuses.find((status) => status.uri === uri && status.version === version);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no caselint/status for ${uri} v${version} within ${timeoutMs} ms`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 50);
        this.waiters.push(() => { clearTimeout(timer); done(); });
      });
    }
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return this.exited;
  }

  dispose(): void {
    this.connection.dispose();
    if (this.exitCode === undefined) this.process.kill();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

export function startSession(options: SessionOptions = {}): LspSession {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const session = new LspSession(child, connection, options);
  connection.listen();
  return session;
}

/** The text covered by an LSP range in `text` (UTF-16 positions, LF or CRLF lines). */
export function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}
