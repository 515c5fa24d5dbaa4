// The browser tests' Chromium (bench/chromium.mjs, shared with `npm run bench -- browser`), typed, and what the
// tests read from pages.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import * as shared from '../../bench/chromium.mjs';

export const ROOT: string = shared.ROOT;
export const EXTENSION_DIST: string = shared.EXTENSION_DIST;
export const ENGINE_BUNDLE: string = shared.ENGINE_BUNDLE;
export const chromium: string | undefined = shared.chromiumPath;
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
export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export const launch: (options?: { extension?: string }) => Promise<Browser> = shared.launch;
export const servePages: (pages: Record<string, string>, files?: (name: string) => { body: Buffer; type: string } | undefined) => Promise<PageServer> = shared.servePages;

/** The rule ids of the marks drawn in a frame (the overlay's open shadow root, or the page itself). */
export function markRules(frame: { evaluate: Page['evaluate'] }): Promise<string[]> {
  return frame.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
    return roots.flatMap((root) => [...root.querySelectorAll('[data-caselint-rule]')].map((e) => e.getAttribute('data-caselint-rule')!));
  });
}

/** The middle of the first mark of a rule, in viewport coordinates (where to point the mouse to open its card). */
export function centreOf(page: Page, ruleId: string): Promise<[number, number]> {
  return page.evaluate((id) => {
    const r = document.querySelector('caselint-overlay')!.shadowRoot!.querySelector(`[data-caselint-rule="${id}"]`)!.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
  }, ruleId);
}
