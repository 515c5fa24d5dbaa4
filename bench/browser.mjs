// caselint in headless Chromium: (1) the engine bundle's speed in a page, in MB/s on the language-server bench's
// report text (~150 KB); (2) the extension's latency: in a 20 KB note in a textarea, the time from the keystroke that
// completes a verdict to its mark (timed in the page: the last input event, then the count attribute that the same
// render sets with the marks). Usage: node bench/browser.mjs, or `npm run bench -- browser`.
import { readFileSync } from 'node:fs';
import { ENGINE_BUNDLE, EXTENSION_DIST, chromiumPath, launch, servePages } from './chromium.mjs';
import { generateReport } from './lsp.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value) => Math.round(value * 10) / 10;

async function engineSpeed(server, { rounds = 8 } = {}) {
  const browser = await launch();
  try {
    const { page } = browser;
    await page.goto(`${server.origin}/engine`);
    await page.waitForFunction(() => 'caselint' in window);
    const text = generateReport(150_000);
    return await page.evaluate(({ text, rounds }) => {
      const { checkText } = window.caselint;
      const t0 = performance.now();
      checkText(text, { format: 'markdown' }); // the first check compiles the rules' expressions
      const firstMs = performance.now() - t0;
      const times = [];
      for (let r = 0; r < rounds; r++) {
        const start = performance.now();
        checkText(text, { format: 'markdown' });
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const steadyMs = times[Math.floor(times.length / 2)];
      const bytes = new TextEncoder().encode(text).length;
      return { bytes, firstMs, steadyMs, mbPerSecond: bytes / 1e6 / (steadyMs / 1000) };
    }, { text, rounds });
  } finally {
    await browser.close();
  }
}

async function extensionLatency(server, { edits = 15 } = {}) {
  const browser = await launch({ extension: EXTENSION_DIST });
  try {
    const { page } = browser;
    await page.goto(`${server.origin}/note`);
    const note = generateReport(20_000).replace(/\bpassed\b|\bpositive\b|engaging well/g, 'completed');
    const latencies = [];
    // Main-thread tasks over 50 ms while typing (the content script runs on the page's thread): a stutter. Pasting the
    // whole note (page.fill) between edits is left out: laying out 20 KB of new text is the browser's own work.
    await page.evaluate(() => {
      window.longTasks = [];
      window.typing = false;
      new PerformanceObserver((list) => {
        if (window.typing) window.longTasks.push(...list.getEntries().map((e) => e.duration));
      }).observe({ type: 'longtask' });
    });
    for (let i = 0; i < edits; i++) {
      await page.fill('#note', note);
      await page.waitForFunction(() => document.querySelector('#note').hasAttribute('data-caselint-count'));
      await page.waitForTimeout(400); // let the check of the pasted note land, and the browser lay it out
      const before = Number(await page.getAttribute('#note', 'data-caselint-count'));
      await page.evaluate((expected) => {
        const note = document.querySelector('#note');
        window.lastInput = 0;
        window.marked = new Promise((resolve) => {
          note.addEventListener('input', () => (window.lastInput = performance.now()));
          new MutationObserver(() => {
            if (note.getAttribute('data-caselint-count') === String(expected)) resolve(performance.now() - window.lastInput);
          }).observe(note, { attributes: true, attributeFilter: ['data-caselint-count'] });
        });
      }, before + 1);
      await page.click('#note');
      await page.keyboard.press('Control+End');
      await page.evaluate(() => (window.typing = true));
      // The verdict is complete only at its last keystroke ("a succes" is no verdict).
      await page.keyboard.type('\n\nOverall the placement has been a success', { delay: 20 });
      latencies.push(await page.evaluate(() => window.marked));
      await page.evaluate(() => (window.typing = false));
    }
    return { bytes: note.length, latencies, longTasks: await page.evaluate(() => window.longTasks) };
  } finally {
    await browser.close();
  }
}

export async function benchBrowser({ log = console.log } = {}) {
  if (!chromiumPath) {
    log('browser: no /usr/bin/chromium; skipped');
    return undefined;
  }
  const bundle = readFileSync(ENGINE_BUNDLE);
  const { gzipSync } = await import('node:zlib');
  const server = await servePages(
    {
      '/engine': '<!doctype html><script type="module">import * as caselint from "/files/caselint.js"; window.caselint = caselint;</script>',
      '/note': '<!doctype html><textarea id="note" rows="30" cols="100"></textarea>',
    },
    (name) => (name === 'caselint.js' ? { body: bundle, type: 'text/javascript' } : undefined),
  );
  try {
    const engine = await engineSpeed(server);
    const extension = await extensionLatency(server);
    const summary = {
      bundleBytes: bundle.length,
      bundleGzipBytes: gzipSync(bundle).length,
      engineMBps: round(engine.mbPerSecond),
      engineFirstCheckMs: round(engine.firstMs),
      keystrokeToMarkMedianMs: round(median(extension.latencies)),
      keystrokeToMarkWorstMs: round(Math.max(...extension.latencies)),
      longTasksWhileTyping: extension.longTasks.length,
      longestTaskMs: round(Math.max(0, ...extension.longTasks)),
    };
    log(
      `  engine bundle: ${(summary.bundleBytes / 1024).toFixed(0)} KB, ${(summary.bundleGzipBytes / 1024).toFixed(0)} KB gzipped\n` +
        `  engine in a page: ${summary.engineMBps} MB/s on a ${(engine.bytes / 1000).toFixed(0)} KB report (steady state; first check ${summary.engineFirstCheckMs} ms)\n` +
        `  extension, ${(extension.bytes / 1000).toFixed(0)} KB note in a textarea: keystroke to mark median ${summary.keystrokeToMarkMedianMs} ms, ` +
        `worst ${summary.keystrokeToMarkWorstMs} ms over ${extension.latencies.length} edits (target median <= 150 ms)\n` +
        `  page main thread while typing: ${summary.longTasksWhileTyping} tasks over 50 ms, longest ${summary.longestTaskMs} ms`,
    );
    return summary;
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBrowser();
