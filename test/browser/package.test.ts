// `npm run package -w @caselint/browser-extension`: the unpacked extension as a zip for the store or for IT.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIST, ROOT } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'caselint-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extension package', () => {
  it('zips dist/ (without the engine bundle for web pages), leaving no temporary file', () => {
    const zip = join(dir, 'caselint.zip');
    execFileSync(process.execPath, [join(ROOT, 'packages/browser-extension/package.mjs'), zip]);
    const files = unzipSync(readFileSync(zip));
    expect(Object.keys(files).sort()).toEqual(['background.js', 'content.js', 'managed_schema.json', 'manifest.json', 'options.html', 'options.js', 'popup.html', 'popup.js', 'ui.css']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({ manifest_version: 3, permissions: ['storage'], host_permissions: [], storage: { managed_schema: 'managed_schema.json' } });
    expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'none'");
    expect(manifest.content_scripts[0]).toMatchObject({ all_frames: true, match_about_blank: true });
    // No code that could talk to a network, in any of the extension's scripts.
    for (const script of ['background.js', 'content.js', 'popup.js', 'options.js']) {
      expect(new TextDecoder().decode(files[script])).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts/);
    }
    expect(readdirSync(dir)).toEqual(['caselint.zip']);
    expect(existsSync(join(EXTENSION_DIST, 'manifest.json'))).toBe(true);
  });
});
