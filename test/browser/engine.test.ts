// The engine bundle (packages/browser-extension/dist/engine/caselint.js): no Node built-in in it, and in a real
// Chromium page it checks a PAMS summary and finds the contradiction, naming the unachieved areas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_BUNDLE as BUNDLE, ROOT, chromium, launch, servePages, type Browser, type PageServer } from './browser.js';

const PAMS = readFileSync(join(ROOT, '../shared/corpus/reports/pams-summary-passed.md'), 'utf8');

describe('engine bundle', () => {
  it('imports no Node built-in and nothing else: it is one self-contained file', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toMatch(/\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\s*\(\s*["']node:/);
    expect(code).not.toMatch(/^\s*import[\s{*"']/m); // esbuild writes a bundle's imports as statements of their own: there are none
    expect(code).not.toMatch(/\brequire\s*\(\s*["'](?:fs|path|module|zlib|crypto|url)["']/);
  });
});

describe.skipIf(!chromium)('engine bundle in Chromium', () => {
  let browser: Browser;
  let server: PageServer;
  beforeAll(async () => {
    server = await servePages(
      { '/': '<!doctype html><title>engine</title><script type="module">import * as caselint from "/files/caselint.js"; window.caselint = caselint;</script>' },
      (file) => (file === 'caselint.js' ? { body: readFileSync(BUNDLE), type: 'text/javascript' } : undefined),
    );
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks a PAMS summary in the page: "passed" contradicts the unachieved areas', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'caselint' in window);
    const findings = await page.evaluate((text) => {
      const { checkText } = (window as unknown as { caselint: typeof import('../../packages/browser-extension/src/engine/index.js') }).caselint;
      return checkText(text, { format: 'markdown' }).map((f) => ({ ruleId: f.ruleId, phrase: f.phrase, related: f.related?.map((r) => r.message) }));
    }, PAMS);
    const passed = findings.find((f) => f.ruleId === 'outcome-contradicts-findings' && f.phrase === 'passed');
    expect(passed?.related).toEqual(expect.arrayContaining(['Health and illness: Unachieved', 'Safety in the home: Unachieved', 'Safe sleeping: Unachieved', 'Budgeting: Unachieved']));
    expect(findings.map((f) => f.ruleId)).toContain('co-sleeping-plan');
    expect(browser.requests.every((url) => url.startsWith(`${server.origin}/`))).toBe(true);
  });
});
