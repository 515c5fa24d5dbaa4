// The extension's service worker: checks text off the page's main thread, and keeps the toolbar badge (findings on
// the tab, over all its frames and fields). It makes no network request and logs no text.
import { LintCache, Linter, parseDocument, type Finding, type ResolvedConfig } from '@caselint/core/browser';
import { rules } from '@caselint/rules';
import type { CheckReply, CheckRequest, FindingView, ToWorker } from '../messages.js';
import { effectiveConfig } from '../config.js';

const linter = new Linter(rules);

/** One config per settings seen (settings rarely change; this keeps the engine's per-config caches warm). */
let configMemo: { key: string; config: ResolvedConfig } | undefined;
function configFor(settings: CheckRequest['settings']): ResolvedConfig {
  const key = JSON.stringify(settings);
  if (configMemo?.key !== key) configMemo = { key, config: effectiveConfig(settings.user, settings.managed) };
  return configMemo.config;
}

/** Block caches per field, so a keystroke re-analyses only the paragraph it changed. Bounded: fields come and go. */
const MAX_CACHES = 64;
const caches = new Map<string, LintCache>();
function cacheFor(key: string): LintCache {
  let cache = caches.get(key);
  if (cache) caches.delete(key);
  else cache = new LintCache();
  caches.set(key, cache); // most recent last
  if (caches.size > MAX_CACHES) caches.delete(caches.keys().next().value!);
  return cache;
}

function view(finding: Finding): FindingView {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    phrase: finding.phrase,
    note: finding.note,
    fix: finding.fix,
    expected: finding.expected,
    related: finding.related?.map((r) => ({ message: r.message, start: r.start, end: r.end })),
    start: finding.start,
    end: finding.end,
  };
}

export function check(request: CheckRequest, fieldKey: string): CheckReply {
  try {
    const doc = parseDocument(request.text, 'text');
    const findings = linter.lint(doc, configFor(request.settings), cacheFor(fieldKey));
    return { findings: findings.filter((f) => f.messageId !== 'rule-failed').map(view) };
  } catch (error) {
    return { findings: [], error: error instanceof Error ? error.name : typeof error };
  }
}

/**
 * Findings shown per tab, by frame document and field. Kept in storage.session (memory only, never on disk; numbers,
 * no text), because the browser stops an idle service worker and the badge must still add up every field afterwards.
 * Updates are chained so that two frames reporting at once do not overwrite each other.
 */
let countsUpdate: Promise<void> = Promise.resolve();
function updateCounts(tabId: number, change: (tab: Record<string, number>) => void): void {
  const key = `counts:${tabId}`;
  countsUpdate = countsUpdate
    .then(async () => {
      const tab = ((await chrome.storage.session.get(key))[key] as Record<string, number> | undefined) ?? {};
      change(tab);
      await chrome.storage.session.set({ [key]: tab });
      const total = Object.values(tab).reduce((sum, n) => sum + n, 0);
      await chrome.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
    })
    .catch(() => undefined); // the tab is gone
}

chrome.action.setBadgeBackgroundColor({ color: '#b3261e' }).catch(() => undefined);

chrome.runtime.onMessage.addListener((message: ToWorker, sender, reply) => {
  const tabId = sender.tab?.id;
  const frame = `${sender.frameId ?? 0}:${sender.documentId ?? ''}`;
  if (message.kind === 'check') {
    reply(check(message, `${tabId}:${frame}:${message.field}`));
    return false;
  }
  if (tabId === undefined) return false;
  updateCounts(tabId, (tab) => {
    if (message.kind === 'hello') {
      // A new top-level document: every count on the tab belonged to the page before.
      if (sender.frameId === 0) for (const field of Object.keys(tab)) delete tab[field];
    } else if (message.count < 0) {
      delete tab[`${frame}:${message.field}`];
    } else {
      tab[`${frame}:${message.field}`] = message.count;
    }
  });
  return false;
});

chrome.tabs.onRemoved.addListener((tabId) => void chrome.storage.session.remove(`counts:${tabId}`));
