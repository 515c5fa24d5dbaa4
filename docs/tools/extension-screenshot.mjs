// Makes docs/browser-extension.png, the README's picture of the browser extension: a PAMS summary pasted into a
// case-recording form's rich-text field, with the card of the contradiction open. Run after `npm run build`:
//   node docs/tools/extension-screenshot.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIST, ROOT, launch, servePages } from '../../bench/chromium.mjs';

const report = readFileSync(join(ROOT, '../shared/corpus/reports/pams-summary-passed.md'), 'utf8');
const form = `<!doctype html><title>Case record</title>
<style>
  body { font: 14px/1.5 Arial, sans-serif; margin: 0; background: #f3f5f7; color: #222; }
  header { background: #1d4f91; color: #fff; padding: 10px 20px; font-weight: bold; }
  main { margin: 16px 20px; background: #fff; border: 1px solid #d0d5da; padding: 16px 20px; }
  label { display: block; font-weight: bold; margin-bottom: 6px; }
  #note { border: 1px solid #9aa4ad; padding: 8px 10px; height: 700px; overflow: auto; white-space: pre-wrap; }
</style>
<header>Children's Services case record · Assessment summary</header>
<main><label for="note">Assessment summary</label><div id="note" contenteditable="true"></div></main>`;

const server = await servePages({ '/': form });
const browser = await launch({ extension: EXTENSION_DIST });
try {
  const { page, context } = browser;
  await page.setViewportSize({ width: 1000, height: 840 });
  await page.goto(`${server.origin}/`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('#note');
  await page.evaluate((text) => navigator.clipboard.writeText(text), report);
  await page.keyboard.press('Control+V');
  const mark = () =>
    page.evaluate(() => {
      const found = document.querySelector('caselint-overlay')?.shadowRoot?.querySelector('[data-caselint-rule="outcome-contradicts-findings"]');
      const r = found?.getBoundingClientRect();
      return r && { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
  await page.waitForFunction(() => !!document.querySelector('caselint-overlay')?.shadowRoot?.querySelector('[data-caselint-rule="outcome-contradicts-findings"]'));
  // Scroll the verdict into view, then hover it.
  await page.evaluate(() => (document.getElementById('note').scrollTop = 10_000));
  await page.waitForTimeout(300);
  const at = await mark();
  await page.mouse.move(at.x, at.y);
  await page.waitForSelector('caselint-overlay [data-caselint-card]:not([hidden])');
  await page.screenshot({ path: join(ROOT, 'docs/browser-extension.png') });
  console.log('wrote docs/browser-extension.png');
} finally {
  await browser.close();
  await server.close();
}
