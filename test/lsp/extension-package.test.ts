// The VS Code extension packages into a .vsix that ships the two bundles and no sources or node_modules.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lsp-session.js';

const VSIX = resolve(REPO_ROOT, 'extension/caselint.vsix');

describe('extension packaging', () => {
  it('builds caselint.vsix with the bundled extension and server only', () => {
    rmSync(VSIX, { force: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['run', 'package', '--workspace', 'extension'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 180_000 });
    const files = Object.keys(unzipSync(readFileSync(VSIX)));

    expect(files).toContain('extension/dist/extension.js');
    expect(files).toContain('extension/dist/server.mjs');
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
