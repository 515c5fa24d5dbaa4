// Council IT's managed settings in a real Chromium: Chromium reads extension policy from
// /etc/chromium/policies/managed/*.json ("3rdparty" -> "extensions" -> <id>) into chrome.storage.managed. The test
// loads a copy of the extension under a key of its own (so its policy file touches no other copy of caselint on this
// machine), writes that policy, and removes it afterwards. It needs write access to that folder (root, as in CI);
// without it, it is skipped, and test/browser/settings.test.ts still covers how managed values are merged.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT, EXTENSION_DIST, chromium, launch, markRules, servePages, type Browser, type PageServer } from './browser.js';

const POLICY_DIR = '/etc/chromium/policies/managed';

function policyWritable(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A copy of the extension with a new key, and the id Chromium gives it (from the key, as for a packed extension). */
function extensionCopy(): { dir: string; id: string } {
  const dir = mkdtempSync(join(tmpdir(), 'caselint-managed-'));
  cpSync(EXTENSION_DIST, dir, { recursive: true });
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: key.toString('base64') }));
  const id = [...createHash('sha256').update(key).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  return { dir, id };
}

const POLICY = {
  sites: ['127.0.0.1'],
  preset: 'strict',
  rules: { 'simplistic-outcome': 'off' },
  terms: { reassurances: ['tickety-boo'] },
};

const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 10_000 });

describe.skipIf(!chromium || !policyWritable())('managed settings (Chromium policy) in Chromium', () => {
  let browser: Browser;
  let server: PageServer;
  let copy: { dir: string; id: string };
  let policyFile: string;

  beforeAll(async () => {
    copy = extensionCopy();
    policyFile = join(POLICY_DIR, `caselint-test-${copy.id}.json`);
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [copy.id]: POLICY } } }));
    server = await servePages({ '/note': '<!doctype html><textarea id="note" rows="8" cols="80"></textarea>' });
    browser = await launch({ extension: copy.dir });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(policyFile, { force: true });
    rmSync(copy.dir, { recursive: true, force: true });
  });

  it('reads the policy into chrome.storage.managed', async () => {
    expect(browser.extensionId).toBe(copy.id);
    await poll(() => browser.worker!.evaluate(() => chrome.storage.managed.get())).toEqual(POLICY);
  });

  it('checks with the policy\'s rules and terms, which win over the user\'s', async () => {
    const { page, worker } = browser;
    await worker!.evaluate(() => chrome.storage.local.set({ settings: { preset: 'recommended', rules: { 'simplistic-outcome': 'error' } } }));
    await page.goto(`${server.origin}/note`);
    await page.fill('#note', 'The placement has been a success. Everything is tickety-boo.');
    await poll(() => page.getAttribute('#note', COUNT)).toBe('1');
    expect(await markRules(page)).toEqual(['unevidenced-reassurance']);
  });

  it('runs only on the sites the policy lists, and the popup\'s switch is locked there', async () => {
    const { page, context } = browser;
    const tab = await browser.worker!.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]!.id!);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html#tab=${tab}`);
    await poll(() => popup.locator('#status').innerText()).toBe('Your organisation decides where caselint runs.');
    expect(await popup.isDisabled('#site-enabled')).toBe(true);
    expect(await popup.isChecked('#site-enabled')).toBe(true);
    await popup.close();

    await page.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/note`);
    await page.fill('#note', 'The placement has been a success. Everything is tickety-boo.');
    await page.waitForTimeout(500);
    expect(await page.getAttribute('#note', COUNT)).toBe(null);
    expect(await markRules(page)).toEqual([]);
  });
});
