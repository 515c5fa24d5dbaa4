// The content script, in every frame: finds the fields a user writes in (textareas, contenteditable elements, iframe
// editors' bodies), sends their text to the service worker to check (debounced, so typing never waits on a check),
// and draws the findings in the overlay. It never changes what the site saves: its only trace on a field is the
// data-caselint-count attribute the test contract asks for.
import type { CheckReply, CheckRequest, FindingView, SiteQuery, SiteReply, ToWorker } from '../messages.js';
import { USER_KEY, USER_DEFAULTS, lockedBy, normaliseManaged, normaliseUser, siteState, type ManagedSettings, type UserSettings } from '../settings.js';
import { fieldElementOf, fieldElementsIn, fieldFor, type Field } from './fields.js';
import { Overlay, type PlacedMark } from './overlay.js';

/** Quiet time after a keystroke before a check: short, as the check itself runs elsewhere. */
const DEBOUNCE_MS = 40;
/** How long the card stays once the pointer has left both the mark and the card. */
const CARD_GRACE_MS = 300;
export const COUNT_ATTRIBUTE = 'data-caselint-count';
/** Longer texts are not checked live (as the language server's maxDocumentSize): a field is a note, not a library. */
const MAX_TEXT_LENGTH = 1_000_000;

interface FieldState {
  id: number;
  field: Field;
  findings: FindingView[];
  /** rule id + phrase of findings the user ignored in this field (kept in memory only, for this page). */
  ignored: Set<string>;
  placed: PlacedMark[];
  timer?: ReturnType<typeof setTimeout>;
  inFlight: boolean;
  again: boolean;
  shownCount?: number;
}

let user: UserSettings = USER_DEFAULTS;
let managed: ManagedSettings = {};
let overlay: Overlay | undefined;
const states = new Map<HTMLElement, FieldState>();
let nextId = 1;
let observer: MutationObserver | undefined;

/** This document's site; an about:blank or srcdoc frame (an editor's iframe) belongs to its parent's. */
function host(): string {
  try {
    return self.origin === 'null' ? location.hostname : new URL(self.origin).hostname;
  } catch {
    return location.hostname;
  }
}

function send<T>(message: ToWorker): Promise<T | undefined> {
  return chrome.runtime.sendMessage<ToWorker, T>(message).catch(() => undefined); // the extension was reloaded or updated
}

function ignoreKey(finding: FindingView): string {
  return `${finding.ruleId}\u0000${finding.phrase}`;
}

function stateFor(element: HTMLElement): FieldState {
  let state = states.get(element);
  if (!state) {
    state = { id: nextId++, field: fieldFor(element, overlay!.root), findings: [], ignored: new Set(), placed: [], inFlight: false, again: false };
    states.set(element, state);
  }
  return state;
}

function schedule(element: HTMLElement, delay = DEBOUNCE_MS): void {
  if (!overlay) return;
  const state = stateFor(element);
  clearTimeout(state.timer);
  state.timer = setTimeout(() => void check(state), delay);
}

async function check(state: FieldState): Promise<void> {
  if (state.inFlight) {
    state.again = true; // one more check when this one returns, with the text as it is then
    return;
  }
  const text = state.field.read();
  if (text.length > MAX_TEXT_LENGTH) {
    // Not checked: no marks and no count (the count says a check happened).
    state.findings = [];
    render(state);
    state.field.element.removeAttribute(COUNT_ATTRIBUTE);
    return;
  }
  state.inFlight = true;
  const request: CheckRequest = { kind: 'check', field: state.id, text, settings: { user, managed } };
  const reply = await send<CheckReply>(request);
  state.inFlight = false;
  if (!overlay || states.get(state.field.element) !== state) return; // switched off, or the field went away meanwhile
  if (state.again) {
    state.again = false;
    void check(state);
    return;
  }
  state.findings = reply?.findings ?? [];
  render(state);
}

function clip(rect: DOMRect, box: DOMRect): DOMRect | undefined {
  const left = Math.max(rect.left, box.left);
  const top = Math.max(rect.top, box.top);
  const right = Math.min(rect.right, box.right);
  const bottom = Math.min(rect.bottom, box.bottom);
  return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : undefined;
}

/** Draws a field's findings where its text is now, and sets its count. */
function render(state: FieldState): void {
  if (!overlay) return;
  const element = state.field.element;
  if (!element.isConnected) {
    forget(element, state);
    return;
  }
  const shown = state.findings.filter((f) => !state.ignored.has(ignoreKey(f)));
  const box = state.field.visibleBox();
  const rects = state.field.rects(shown);
  state.placed = shown.map((finding, i) => ({ finding, rects: rects[i]!.flatMap((r) => clip(r, box) ?? []) }));
  overlay.draw(state, state.placed);
  element.setAttribute(COUNT_ATTRIBUTE, String(shown.length));
  if (state.shownCount !== shown.length) {
    state.shownCount = shown.length;
    void send({ kind: 'count', field: state.id, count: shown.length });
  }
}

function forget(element: HTMLElement, state: FieldState): void {
  clearTimeout(state.timer);
  state.field.dispose();
  overlay?.clear(state);
  states.delete(element);
  void send({ kind: 'count', field: state.id, count: -1 });
}

let repositionQueued = false;
/** After a scroll or resize: the same findings, drawn where the text has moved to (once per frame). */
function reposition(): void {
  if (repositionQueued) return;
  repositionQueued = true;
  requestAnimationFrame(() => {
    repositionQueued = false;
    overlay?.hideCard();
    for (const state of states.values()) render(state);
  });
}

function markAt(x: number, y: number): { finding: FindingView; rect: DOMRect } | undefined {
  for (const state of states.values()) {
    for (const { finding, rects } of state.placed) {
      const rect = rects.find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (rect) return { finding, rect };
    }
  }
  return undefined;
}

let hideTimer: ReturnType<typeof setTimeout> | undefined;
/** Hover or click: the card for the mark under the pointer; away from marks and card, it closes after a moment. */
function pointAt(event: MouseEvent): void {
  if (!overlay) return;
  const hit = markAt(event.clientX, event.clientY);
  if (hit) {
    clearTimeout(hideTimer);
    hideTimer = undefined;
    overlay.showCard(hit.finding, hit.rect);
  } else if (overlay.openFinding && !overlay.overCard(event.clientX, event.clientY) && hideTimer === undefined) {
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      overlay?.hideCard();
    }, CARD_GRACE_MS);
  } else if (overlay.overCard(event.clientX, event.clientY)) {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  }
}

function onInput(event: Event): void {
  const element = fieldElementOf(event.target as Node);
  if (element) schedule(element);
}

function onMutations(records: MutationRecord[]): void {
  let added = false;
  const changed = new Set<HTMLElement>();
  for (const record of records) {
    const element = fieldElementOf(record.target);
    if (element) changed.add(element);
    else if (record.addedNodes.length > 0) added = true;
  }
  for (const element of changed) schedule(element);
  if (added) scheduleScan();
}

let scanTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleScan(): void {
  clearTimeout(scanTimer);
  scanTimer = setTimeout(scan, 200);
}
/** Checks fields the page has added (an editor that loaded late) or had from the start. */
function scan(): void {
  if (!overlay) return;
  for (const element of fieldElementsIn(document)) if (!states.has(element)) schedule(element, 0);
  for (const [element, state] of states) if (!element.isConnected) forget(element, state);
}

const listeners: [EventTarget, string, (event: never) => void, AddEventListenerOptions][] = [
  [document, 'input', onInput, { capture: true }],
  [document, 'focusin', onInput, { capture: true }],
  [document, 'scroll', reposition, { capture: true, passive: true }],
  [window, 'resize', reposition, { passive: true }],
  [document, 'mousemove', pointAt, { capture: true, passive: true }],
  [document, 'click', pointAt, { capture: true, passive: true }],
  [document, 'keydown', (event: KeyboardEvent) => event.key === 'Escape' && overlay?.hideCard(), { capture: true, passive: true }],
];

function switchOn(): void {
  if (overlay) return;
  overlay = new Overlay(document, {
    ignore(finding) {
      for (const state of states.values()) {
        if (!state.findings.includes(finding)) continue;
        state.ignored.add(ignoreKey(finding));
        render(state);
      }
    },
    turnOff(finding) {
      const next: UserSettings = { ...user, rules: { ...user.rules, [finding.ruleId]: 'off' } };
      void chrome.storage.local.set({ [USER_KEY]: next });
    },
    ruleLocked: (ruleId) => lockedBy(managed).rules.has(ruleId),
  });
  void send({ kind: 'hello' });
  for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener as EventListener, options);
  observer = new MutationObserver(onMutations);
  observer.observe(document, { childList: true, characterData: true, subtree: true });
  scan();
}

function switchOff(): void {
  if (!overlay) return;
  observer?.disconnect();
  for (const [target, type, listener, options] of listeners) target.removeEventListener(type, listener as EventListener, options);
  for (const [element, state] of states) {
    forget(element, state);
    element.removeAttribute(COUNT_ATTRIBUTE);
  }
  overlay.host.remove();
  overlay = undefined;
}

async function loadSettings(): Promise<void> {
  const [local, policy] = await Promise.all([
    chrome.storage.local.get(USER_KEY),
    chrome.storage.managed.get().catch(() => ({})), // no policy, or a browser without managed storage
  ]);
  user = normaliseUser(local[USER_KEY]);
  managed = normaliseManaged(policy);
}

async function apply(): Promise<void> {
  await loadSettings();
  if (!siteState(host(), user, managed).enabled) {
    switchOff();
    return;
  }
  switchOn();
  for (const element of states.keys()) schedule(element, 0); // the rules or terms may have changed
}

chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local' || area === 'managed') void apply();
});

chrome.runtime.onMessage.addListener((message: SiteQuery, _sender, reply: (r: SiteReply) => void) => {
  if (message.kind !== 'site' || window !== window.top) return false;
  reply({ host: host() });
  return false;
});

void apply();
