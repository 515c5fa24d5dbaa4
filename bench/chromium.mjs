// Debian's Chromium (never a downloaded one) driven by playwright-core, for the browser bench and the browser tests:
// a throwaway profile, optionally with the unpacked extension, pages served from 127.0.0.1, every request recorded.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXTENSION_DIST = join(ROOT, 'packages/browser-extension/dist');
export const ENGINE_BUNDLE = join(EXTENSION_DIST, 'engine/caselint.js');
/** The Chromium .ci/run installs, or undefined. */
export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A browser with one page; with `extension` (an unpacked extension's folder), its service worker and id too. */
export async function launch({ extension } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'caselint-browser-'));
  const args = extension ? [...FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [...FLAGS, '--disable-extensions'];
  const context = await playwright.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args, viewport: { width: 1100, height: 900 } });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const worker = extension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }))) : undefined;
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    worker,
    extensionId: worker && new URL(worker.url()).host,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `pages` (path -> HTML) and, under /files/, whatever `files(name)` returns ({ body, type }), from 127.0.0.1. */
export async function servePages(pages, files) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const page = pages[path];
    const file = page === undefined && path.startsWith('/files/') ? files?.(decodeURIComponent(path.slice('/files/'.length))) : undefined;
    if (page === undefined && !file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file?.type ?? 'text/html; charset=utf-8' });
    response.end(file?.body ?? page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
