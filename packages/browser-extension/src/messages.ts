// What the content script, the service worker and the popup say to each other (chrome.runtime messages).
import type { ManagedSettings, UserSettings } from './settings.js';

/** A finding as the page needs it to draw a mark and its card. */
export interface FindingView {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  phrase: string;
  /** Why it matters: the rule's lesson. */
  note?: string;
  /** How to fix it. */
  fix?: string;
  /** Suggested wording. */
  expected?: string[];
  /** What a finding refers to elsewhere in the text: the unmet areas a contradiction names. */
  related?: { message: string; start: number; end: number }[];
  start: number;
  end: number;
}

/** Content script -> service worker: check a field's text under the settings the content script read. */
export interface CheckRequest {
  kind: 'check';
  /** The field, unique within its document (the service worker keeps a block cache per field). */
  field: number;
  text: string;
  settings: { user: UserSettings; managed: ManagedSettings };
}
export interface CheckReply {
  findings: FindingView[];
  /** Set when the check failed; the error's kind only (its message could quote the text). */
  error?: string;
}

/** Content script -> service worker: a field now shows `count` findings (for the toolbar badge); -1: the field is gone. */
export interface CountMessage {
  kind: 'count';
  field: number;
  count: number;
}

/** Content script -> service worker: a new document in this frame; its earlier counts are gone. */
export interface HelloMessage {
  kind: 'hello';
}

export type ToWorker = CheckRequest | CountMessage | HelloMessage;

/** Popup -> the tab's top-frame content script: which site is this? */
export interface SiteQuery {
  kind: 'site';
}
export interface SiteReply {
  host: string;
}
