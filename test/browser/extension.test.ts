// The browser extension in a real Chromium (Debian's, driven by playwright-core), loaded unpacked from
// packages/browser-extension/dist, on pages served from 127.0.0.1: marks and counts on a textarea, a contenteditable
// element and an iframe editor, the finding card, the toolbar badge, the per-site switch, the options page, and no
// request leaving the page. One browser for the whole file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT, EXTENSION_DIST, ROOT, centreOf, chromium, launch, markRules, servePages, type Browser, type PageServer } from './browser.js';

const PAMS = readFileSync(join(ROOT, '../shared/corpus/reports/pams-summary-passed.md'), 'utf8');

const PAGES = {
  '/textarea': '<!doctype html><title>note</title><textarea id="note" rows="12" cols="80"></textarea>',
  // A note field that keeps line breaks as typed (white-space: pre-wrap): pasted text arrives as text with line feeds.
  '/editable': '<!doctype html><title>report</title><div id="report" contenteditable="true" style="min-height:300px;border:1px solid #999;white-space:pre-wrap"></div>',
  // The browser's default: white space collapses, and pasted lines become <div>s and <br>s.
  '/editable-default': '<!doctype html><title>report</title><div id="report" contenteditable="true" style="min-height:300px;border:1px solid #999"></div>',
  '/srcdoc': `<!doctype html><title>srcdoc editor</title><iframe id="editor" style="width:800px;height:300px" srcdoc="<body contenteditable='true'><p>Home visit.</p></body>"></iframe>`,
  // An iframe editor as CKEditor 4 and TinyMCE build one: an about:blank iframe whose body is contenteditable.
  '/iframe': `<!doctype html><title>iframe editor</title><iframe id="editor" style="width:800px;height:400px"></iframe>
<script>
  const doc = document.getElementById('editor').contentDocument;
  doc.open(); doc.write('<!doctype html><html><body contenteditable="true"><p>Home visit.</p></body></html>'); doc.close();
</script>`,
};

/** The first check waits for the service worker to start; later ones take milliseconds. */
const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 10_000 });

let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages(PAGES);
  browser = await launch({ extension: EXTENSION_DIST });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function count(selector: string): Promise<string | null> {
  return browser.page.getAttribute(selector, COUNT);
}

async function tabId(): Promise<number> {
  return browser.worker!.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]!.id!);
}

describe.skipIf(!chromium)('browser extension in Chromium', () => {
  it('marks a verdict typed into a textarea, and keeps the count attribute up to date', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/textarea`);
    await page.click('#note');
    await page.keyboard.type('Ms Carter attended every session. ');
    await poll(() => count('#note')).toBe('0');
    await page.keyboard.type('The placement has been a success.');
    await poll(() => count('#note')).toBe('1');
    expect(await markRules(page)).toEqual(['simplistic-outcome']);
    // The text the site saves is the text typed: the extension changed nothing in the field.
    expect(await page.inputValue('#note')).toBe('Ms Carter attended every session. The placement has been a success.');
    await poll(async () => browser.worker!.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), await tabId())).toBe('1');
    // The mark lies over the textarea's text (measured from an invisible copy of it), and hovering it opens its card.
    const mark = await page.evaluate(() => {
      const r = document.querySelector('caselint-overlay')!.shadowRoot!.querySelector('[data-caselint-rule]')!.getBoundingClientRect();
      const t = document.querySelector('#note')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, inside: r.left >= t.left && r.right <= t.right && r.top >= t.top && r.bottom <= t.bottom, width: r.width };
    });
    expect(mark.inside).toBe(true);
    expect(mark.width).toBeGreaterThan(20);
    await page.mouse.move(mark.x, mark.y);
    await poll(() => page.locator('caselint-overlay [data-caselint-card] h2').innerText()).toBe('caselint · simplistic-outcome');
    await page.keyboard.press('Escape');
    await page.fill('#note', 'Ms Carter attended every session.');
    await poll(() => count('#note')).toBe('0');
    expect(await markRules(page)).toEqual([]);
  });

  it('places marks on the right line of a textarea of many lines, and after an edit above them', async () => {
    const { page } = browser;
    const top = () => page.evaluate(() => document.querySelector('caselint-overlay')!.shadowRoot!.querySelector('[data-caselint-rule]')!.getBoundingClientRect().top);
    const lineHeight = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#note')!).lineHeight) || 15);
    await page.fill('#note', 'Home visit.\n\nMs Carter was at home.\nThe placement has been a success.');
    await poll(() => count('#note')).toBe('1');
    const before = await top();
    const first = await page.evaluate(() => document.querySelector('#note')!.getBoundingClientRect().top);
    expect(before - first).toBeGreaterThan(2.5 * lineHeight); // on the fourth line, not the first
    await page.click('#note');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await poll(() => top()).toBeGreaterThan(before + lineHeight / 2); // one line lower
    await page.fill('#note', '');
    await poll(() => count('#note')).toBe('0');
  });

  it('pasting a PAMS report into a contenteditable marks the contradiction, and its card names the unmet areas', async () => {
    const { page, context } = browser;
    await page.goto(`${server.origin}/editable`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.click('#report');
    await page.evaluate((text) => navigator.clipboard.writeText(text), PAMS);
    await page.keyboard.press('Control+V');
    await poll(() => markRules(page)).toContain('outcome-contradicts-findings');
    expect(Number(await count('#report'))).toBeGreaterThanOrEqual(3);
    // One mark per finding, however many lines its phrase wraps over.
    expect((await markRules(page)).length).toBe(Number(await count('#report')));
    // The page's own markup holds the pasted text and nothing of caselint's.
    expect(await page.innerHTML('#report')).not.toContain('caselint');

    await page.mouse.move(...(await centreOf(page, 'outcome-contradicts-findings')));
    const card = page.locator('caselint-overlay [data-caselint-card]');
    await poll(() => card.isVisible()).toBe(true);
    const related = await card.locator('[data-caselint-related]').innerText();
    for (const area of ['Health and illness: Unachieved', 'Safety in the home: Unachieved', 'Safe sleeping: Unachieved', 'Budgeting: Unachieved']) {
      expect(related).toContain(area);
    }
    expect(await card.locator('[data-caselint-message]').innerText()).toContain('passed');
    expect(await card.locator('[data-caselint-why]').innerText()).not.toBe('');
    expect(await card.locator('[data-caselint-fix]').innerText()).not.toBe('');
    expect(await card.locator('[data-caselint-ignore]').innerText()).toBe('Ignore here');
    expect(await card.locator('[data-caselint-rule-off]').innerText()).toBe('Turn this rule off');
  });

  it('pasting into a contenteditable with the browser\'s default white space reads the table as a table too', async () => {
    const { page, context } = browser;
    await page.goto(`${server.origin}/editable-default`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.click('#report');
    await page.evaluate((text) => navigator.clipboard.writeText(text), PAMS);
    await page.keyboard.press('Control+V');
    await poll(() => markRules(page)).toContain('outcome-contradicts-findings');
    expect((await markRules(page)).length).toBe(Number(await count('#report')));
    await page.mouse.move(...(await centreOf(page, 'outcome-contradicts-findings')));
    await poll(() => page.locator('caselint-overlay [data-caselint-related]').innerText()).toContain('Budgeting: Unachieved');
    await page.keyboard.press('Escape');
    await page.goto(`${server.origin}/editable`); // back to the page the next test works on
    await page.click('#report');
    await page.evaluate((text) => navigator.clipboard.writeText(text), PAMS);
    await page.keyboard.press('Control+V');
    await poll(() => markRules(page)).toContain('outcome-contradicts-findings');
  });

  it('"Ignore here" hides that finding in the field; "Turn this rule off" turns the rule off everywhere', async () => {
    const { page } = browser;
    const before = Number(await count('#report'));
    const marksOf = async (rule: string) => (await markRules(page)).filter((r) => r === rule).length;
    const card = page.locator('caselint-overlay [data-caselint-card]');
    await page.mouse.move(...(await centreOf(page, 'outcome-contradicts-findings')));
    await poll(() => card.locator('h2').innerText()).toBe('caselint · outcome-contradicts-findings');
    await card.locator('[data-caselint-ignore]').click();
    await poll(async () => Number(await count('#report'))).toBe(before - 1);

    await page.mouse.move(...(await centreOf(page, 'co-sleeping-plan')));
    await poll(() => card.locator('h2').innerText()).toContain('co-sleeping-plan');
    await card.locator('[data-caselint-rule-off]').click();
    await poll(() => marksOf('co-sleeping-plan')).toBe(0);
    expect(await marksOf('outcome-contradicts-findings')).toBeGreaterThan(0);
    const stored = await browser.worker!.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings.rules).toEqual({ 'co-sleeping-plan': 'off' });
    await browser.worker!.evaluate(() => chrome.storage.local.clear());
    await poll(() => marksOf('co-sleeping-plan')).toBe(1);
  });

  it('checks an iframe editor\'s body (CKEditor 4, TinyMCE), marking inside the frame', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/iframe`);
    const frame = page.frameLocator('#editor');
    await frame.locator('body').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' No concerns.');
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    await poll(() => inner.getAttribute('body', COUNT)).toBe('1');
    expect(await markRules(inner)).toEqual(['unevidenced-reassurance']);
    expect(await inner.innerHTML('body')).toBe('<p>Home visit. No concerns.</p>');
  });

  it('checks a srcdoc iframe editor too', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/srcdoc`);
    await page.frameLocator('#editor').locator('body').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' The placement has been a success.');
    const inner = (await (await page.$('#editor'))!.contentFrame())!;
    await poll(() => inner.getAttribute('body', COUNT)).toBe('1');
    expect(await markRules(inner)).toEqual(['simplistic-outcome']);
  });

  it('the popup switches caselint off and on for the site', async () => {
    const { page, context } = browser;
    await page.goto(`${server.origin}/textarea`);
    await page.fill('#note', 'The placement has been a success.');
    await poll(() => count('#note')).toBe('1');
    const tab = await tabId(); // before the popup's own tab becomes the active one
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html#tab=${tab}`);
    await poll(() => popup.locator('#site').innerText()).toBe('127.0.0.1');
    expect(await popup.isChecked('#site-enabled')).toBe(true);
    await popup.click('#site-enabled');
    await poll(() => count('#note')).toBe(null);
    expect(await markRules(page)).toEqual([]);
    await page.fill('#note', 'The placement has been a success. No concerns.');
    await page.waitForTimeout(300);
    expect(await count('#note')).toBe(null);
    await popup.click('#site-enabled');
    await poll(() => count('#note')).toBe('2');
    await popup.close();
  });

  it('the options page imports a .caselintrc.json and sets terms', async () => {
    const { page, context } = browser;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.setInputFiles('#import', { name: '.caselintrc.json', mimeType: 'application/json', buffer: Buffer.from('{ "extends": "strict", "rules": { "unevidenced-reassurance": "off" } }') });
    await poll(() => options.locator('#import-status').innerText()).toBe('Imported .caselintrc.json.');
    expect(await options.inputValue('select[data-rule="unevidenced-reassurance"]')).toBe('off');
    await options.setInputFiles('#import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "rules": { "no-such-rule": "off" } }') });
    await poll(() => options.locator('#import-status').innerText()).toContain('"rules.no-such-rule" is not a caselint rule');
    await options.fill('#terms-verdicts', 'signed off as complete');
    await options.locator('#terms-verdicts').blur();
    await poll(async () => (await browser.worker!.evaluate(() => chrome.storage.local.get('settings'))).settings?.terms).toEqual({ verdicts: ['signed off as complete'] });
    await page.fill('#note', 'The plan was signed off as complete.');
    await poll(() => markRules(page)).toEqual(['simplistic-outcome']);
    await browser.worker!.evaluate(() => chrome.storage.local.clear());
    await options.close();
  });

  it('no request leaves the page: only the pages from 127.0.0.1 and the extension\'s own files', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    const foreign = browser.requests.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith(`chrome-extension://${browser.extensionId}/`) && url !== 'about:blank');
    expect(foreign).toEqual([]);
  });
});
