// The VS Code extension packages into a .vsix that ships the two bundles and no sources or node_modules.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lsp-session.js';

const VSIX = resolve(REPO_ROOT, 'extension/caselint.vsix');

describe('extension packaging', () => {
  it('type-checks the extension against the VS Code API it declares (engines.vscode)', () => {
    execFileSync(process.execPath, [resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', resolve(REPO_ROOT, 'extension/tsconfig.json')], { cwd: REPO_ROOT, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(resolve(REPO_ROOT, 'extension/package.json'), 'utf8')) as { engines: { vscode: string } };
    const clientManifest = ['extension/node_modules', 'node_modules'].map((dir) => resolve(REPO_ROOT, dir, 'vscode-languageclient/package.json')).find((file) => existsSync(file))!;
    const client = JSON.parse(readFileSync(clientManifest, 'utf8')) as { engines: { vscode: string } };
    // The client library must not need a newer VS Code than the extension promises to run on.
    const minor = (range: string) => Number(/\d+\.(\d+)/.exec(range)![1]);
    expect(minor(client.engines.vscode)).toBeLessThanOrEqual(minor(manifest.engines.vscode));
  }, 120_000);

  it('builds caselint.vsix with the bundled extension and server only', () => {
    rmSync(VSIX, { force: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['run', 'package', '--workspace', 'extension'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 180_000 });
    const files = Object.keys(unzipSync(readFileSync(VSIX)));

    expect(files).toContain('extension/dist/extension.js');
    expect(files).toContain('extension/dist/server.mjs');
    expect(files).toContain('extension/dist/lint-worker.mjs');
    expect(files).toContain('extension/package.json');
    expect(files.filter((file) => /\.(ts|tsx|map)$/.test(file) || file.endsWith('tsconfig.json'))).toEqual([]);
    expect(files.filter((file) => file.includes('node_modules/'))).toEqual([]);

    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(VSIX))['extension/package.json'])) as {
      main: string;
      activationEvents: string[];
      contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } };
    };
    expect(manifest.main).toBe('dist/extension.js');
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:plaintext', 'onLanguage:markdown']));
    for (const key of ['caselint.enable', 'caselint.preset', 'caselint.rules', 'caselint.maxDocumentSize']) {
      const property = manifest.contributes.configuration.properties[key];
      expect(property?.description ?? property?.markdownDescription, key).toBeTruthy();
    }
  }, 200_000);
});
