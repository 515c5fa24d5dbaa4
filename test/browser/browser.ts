// Drives Debian's Chromium (never a downloaded one) with playwright-core: a throwaway profile, optionally with the
// unpacked extension, pages served from 127.0.0.1, and every request the pages make recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromium } from '../batch/chromium.js';

export { chromium };
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIST = join(ROOT, 'packages/browser-extension/dist');
export const COUNT = 'data-caselint-count';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** The extension's service worker, when launched with it. */
  worker?: Worker;
  extensionId?: string;
  /** Every URL a page asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch(options: { extension?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'caselint-browser-'));
  const extension = options.extension;
  const args = extension ? [...FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [...FLAGS, '--disable-extensions'];
  const context = await playwright.launchPersistentContext(profile, { executablePath: chromium!, headless: true, args, viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  let worker: Worker | undefined;
  if (extension) worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
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

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `pages` (path -> HTML) and, under /files/, whatever `files` returns, from 127.0.0.1. */
export async function servePages(pages: Record<string, string>, files?: (path: string) => { body: Buffer; type: string } | undefined): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const page = pages[path];
    const file = page === undefined && path.startsWith('/files/') ? files?.(path.slice('/files/'.length)) : undefined;
    if (page === undefined && !file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file?.type ?? 'text/html; charset=utf-8' });
    response.end(file?.body ?? page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The rule ids of the marks drawn in a frame (the overlay's open shadow root, or the page itself). */
export function markRules(frame: { evaluate: Page['evaluate'] }): Promise<string[]> {
  return frame.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
    return roots.flatMap((root) => [...root.querySelectorAll('[data-caselint-rule]')].map((e) => e.getAttribute('data-caselint-rule')!));
  });
}
