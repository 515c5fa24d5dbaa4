// The caselint VS Code extension: starts the bundled caselint language server for plain text and
// Markdown, and shows the active document's finding count in the status bar.
import * as path from 'node:path';
import { StatusBarAlignment, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Mirrors the server's caselint/status notification. */
interface StatusParams {
  uri: string;
  version: number;
  errors: number;
  warnings: number;
  lintMs: number;
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.mjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['file', 'untitled'].flatMap((scheme) => [
      { scheme, language: 'plaintext' },
      { scheme, language: 'markdown' },
    ]),
  };
  client = new LanguageClient('caselint', 'caselint', serverOptions, clientOptions);

  const status = new FindingsStatus();
  context.subscriptions.push(status);
  context.subscriptions.push(client.onNotification('caselint/status', (params: StatusParams) => status.update(params)));
  context.subscriptions.push(workspace.onDidCloseTextDocument((document) => status.forget(document.uri.toString())));

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** "caselint: 1 error, 3 warnings" for the active editor's document; opens the Problems panel on click. */
class FindingsStatus {
  private readonly item: StatusBarItem;
  private readonly counts = new Map<string, StatusParams>();
  private readonly editorListener;

  constructor() {
    this.item = window.createStatusBarItem('caselint.findings', StatusBarAlignment.Left, 100);
    this.item.name = 'caselint findings';
    this.item.command = 'workbench.actions.view.problems';
    this.editorListener = window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(params: StatusParams): void {
    this.counts.set(params.uri, params);
    this.render();
  }

  forget(uri: string): void {
    this.counts.delete(uri);
    this.render();
  }

  private render(): void {
    const uri = window.activeTextEditor?.document.uri.toString();
    const counts = uri ? this.counts.get(uri) : undefined;
    if (!counts) {
      this.item.hide();
      return;
    }
    const total = counts.errors + counts.warnings;
    this.item.text = total === 0 ? '$(check) caselint' : `$(error) ${counts.errors} $(warning) ${counts.warnings} caselint`;
    this.item.tooltip = `caselint: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in this document. Click to open the Problems panel.`;
    this.item.show();
  }

  dispose(): void {
    this.editorListener.dispose();
    this.item.dispose();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
