// The caselint language server: wires the protocol (documents, configuration, file watching, code
// actions, hover, commands) to the DocumentChecker. Diagnostics are published with the document version.
import { watch, type FSWatcher } from 'node:fs';
import { basename, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '@caselint/core';
import { isPathIgnored } from '@caselint/core/policy';
import { rules } from '@caselint/rules';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  PublishDiagnosticsNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCUMENT_EXTENSIONS } from '@caselint/core/file-types';
import { CaseDocuments } from './case-documents.js';
import { DISABLE_IN_WORKSPACE_COMMAND, codeActions } from './code-actions.js';
import { filePathOf } from './config-resolver.js';
import { DEFAULT_DEBOUNCE_MS, FIRST_EDIT_DEBOUNCE_MS, KeyedDebouncer } from './debounce.js';
import { DocumentChecker, STATUS_NOTIFICATION } from './document-checker.js';
import { EncodedJson } from './encoded-json.js';
import { hover } from './hover.js';
import { InProcessBackend, lintWorkerScript, WorkerBackend, type LintBackend } from './lint-backend.js';
import { SafeLinter, describeError } from './safe-lint.js';
import { SettingsStore } from './settings-store.js';
import { CONFIG_FILE_NAMES, disableRuleChange, writeChange } from './workspace-config.js';

export const SERVER_NAME = 'caselint';
export const SERVER_VERSION = '0.1.0';

const CONFIG_WATCH_PATTERNS = ['**/.caselintrc*', '**/package.json'];
/** The documents of a case, whose changes on disk the case reads again. */
const DOCUMENT_WATCH_PATTERN = `**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`;

function isConfigFileName(name: string): boolean {
  return name.startsWith('.caselintrc') || name === 'package.json' || CONFIG_FILE_NAMES.includes(name);
}

export interface ServerOptions {
  /** Override the connection (tests, or embedding); by default one is made from the command line (--stdio, --node-ipc). */
  connection?: Connection;
  debounceMs?: number;
  /** The delay for an edit after a quiet spell (the rest of a burst waits `debounceMs`). */
  firstEditDebounceMs?: number;
  /** Check in this thread rather than in a worker (embedding; the worker is the default). */
  inProcess?: boolean;
  /**
   * The connection writes EncodedJson as it is (main.ts's --stdio connection): diagnostics then go out as the checking
   * thread wrote them. Otherwise they are parsed to be written again.
   */
  writesEncodedJson?: boolean;
}

export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  // A lone edit is checked almost at once; a burst of keystrokes is still checked once, when it pauses.
  const debouncer = new KeyedDebouncer(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, options.firstEditDebounceMs ?? FIRST_EDIT_DEBOUNCE_MS);
  const log = (message: string) => connection.console.log(message);

  let settings = new SettingsStore(undefined, undefined);
  let canCreateFiles = false;
  let workspaceFolders: string[] = [];
  const fallbackWatchers: FSWatcher[] = [];

  // Checks run in a worker thread, so this thread answers the editor at once while a document is being checked.
  const script = options.inProcess ? undefined : lintWorkerScript();
  if (!options.inProcess && !script) log('the checking thread script is missing; checking in the main thread');
  const backend = script ? new WorkerBackend(script, log) : new SafeLinter(rules);
  // The documents of a case that are not open are read on a thread of their own, so that the open documents'
  // checks never wait behind them; it starts with the first case.
  let caseReader: LintBackend | undefined;
  const cases: CaseDocuments = new CaseDocuments({
    reader: () => (caseReader ??= script ? new WorkerBackend(script, log) : new InProcessBackend(new SafeLinter(rules))),
    configFor: (path, fileSettings): ResolvedConfig | undefined => {
      const { config } = checker.configs.resolve(pathToFileURL(path).href, fileSettings);
      return isPathIgnored(config, path) ? undefined : config;
    },
    workspaceRootOf: (path) => workspaceRootOf(pathToFileURL(path).href),
    // By path: the editor's URI for a file may be encoded otherwise than pathToFileURL would.
    isOpen: (path) => documents.all().some((document) => filePathOf(document.uri) === path),
    recheck: (root, except) => {
      for (const uri of checker.inCase(root)) if (filePathOf(uri) !== except) check(uri);
    },
    get watchFolders() {
      return !dynamicWatchers;
    },
    log,
  });
  const checker: DocumentChecker = new DocumentChecker(backend, {
    getDocument: (uri) => documents.get(uri),
    getSettings: (uri) => settings.get(uri),
    publish: (uri, version, diagnostics) =>
      void (options.writesEncodedJson
        ? connection.sendNotification(PublishDiagnosticsNotification.type, { uri, version, diagnostics: new EncodedJson(diagnostics.json) as unknown as Diagnostic[] })
        : connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.items })),
    status: (params) => void connection.sendNotification(STATUS_NOTIFICATION, params),
    log,
    cases,
  });

  const check = (uri: string) => {
    checker.check(uri).catch((error: unknown) => log(`check failed (${describeError(error)})`));
  };
  const recheckAll = () => {
    for (const document of documents.all()) check(document.uri);
  };
  const configFilesChanged = () => {
    checker.configs.clear();
    cases.clear(); // a case may have been declared or undeclared: the checks find the cases again
    recheckAll();
  };
  const workspaceRootOf = (uri: string): string | undefined => {
    const path = filePathOf(uri);
    if (!path) return undefined;
    return workspaceFolders.filter((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)).sort((a, b) => b.length - a.length)[0];
  };

  let dynamicWatchers = false;
  let dynamicConfiguration = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const canFetch = capabilities.workspace?.configuration === true;
    settings = new SettingsStore(
      canFetch ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'caselint' }) : undefined,
      params.initializationOptions,
    );
    canCreateFiles =
      capabilities.workspace?.workspaceEdit?.documentChanges === true &&
      (capabilities.workspace.workspaceEdit.resourceOperations ?? []).includes('create');
    dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspaceFolders = foldersOf(params);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        executeCommandProvider: { commands: [DISABLE_IN_WORKSPACE_COMMAND] },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'caselint' });
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...CONFIG_WATCH_PATTERNS, DOCUMENT_WATCH_PATTERN].map((globPattern) => ({ globPattern })),
      });
    } else {
      // Clients without file watching (Neovim 0.7, Helix): watch the workspace roots ourselves.
      for (const root of workspaceFolders) {
        try {
          const watcher = watch(root, { persistent: false }, (_event, name) => {
            if (name && isConfigFileName(name.toString())) configFilesChanged();
          });
          watcher.on('error', () => watcher.close());
          fallbackWatchers.push(watcher);
        } catch {
          // an unwatchable root only loses live config reloads
        }
      }
    }
  });

  // onDidChangeContent also fires on open; the open is checked at once, edits after the burst settles.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    debouncer.cancel(document.uri);
    check(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    debouncer.schedule(document.uri, () => check(document.uri));
  });
  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    debouncer.forget(document.uri);
    checker.forget(document.uri);
    settings.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    cases.clear(); // the case documents were read with the settings of before
    recheckAll();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      const path = filePathOf(change.uri);
      if (!path || isConfigFileName(basename(path))) configChanged = true;
      else cases.fileChanged(path, change.type === FileChangeType.Deleted);
    }
    if (configChanged) configFilesChanged();
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActions(document, checker.checked(document.uri), params, {
      canCreateFiles,
      workspaceRoot: workspaceRootOf(document.uri),
    });
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return hover(document, checker.checked(document.uri), params.position);
  });

  connection.onExecuteCommand((params) => {
    if (params.command !== DISABLE_IN_WORKSPACE_COMMAND) return null;
    const [uri, ruleId] = params.arguments ?? [];
    const path = typeof uri === 'string' ? filePathOf(uri) : undefined;
    if (!path || typeof ruleId !== 'string') return null;
    const change = disableRuleChange(path, workspaceRootOf(uri as string), ruleId);
    if (change) {
      writeChange(change);
      configFilesChanged();
    }
    return null;
  });

  connection.onShutdown(() => {
    debouncer.cancelAll();
    cases.dispose();
    checker.dispose();
    caseReader?.dispose();
    for (const watcher of fallbackWatchers) watcher.close();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function foldersOf(params: InitializeParams): string[] {
  const folders: WorkspaceFolder[] = params.workspaceFolders ?? [];
  const uris = folders.length > 0 ? folders.map((folder) => folder.uri) : params.rootUri ? [params.rootUri] : [];
  const paths: string[] = [];
  for (const uri of uris) {
    try {
      paths.push(fileURLToPath(uri));
    } catch {
      // non-file workspace: no config files to find
    }
  }
  return paths;
}
