// The toolbar popup: caselint on or off for the current site. The site comes from the tab's content script, so the
// extension needs no "tabs" permission to read the tab's address.
import type { SiteQuery, SiteReply } from '../messages.js';
import { siteState, withSite } from '../settings.js';
import { byId, readSettings, saveUser } from './storage.js';

async function currentTab(): Promise<number | undefined> {
  // #tab=<id> names the tab explicitly (the tests open the popup as a page of its own).
  const named = /^#tab=(\d+)$/.exec(location.hash);
  if (named) return Number(named[1]);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function main(): Promise<void> {
  const toggle = byId<HTMLInputElement>('site-enabled');
  const siteName = byId('site');
  const status = byId('status');
  const tabId = await currentTab();
  const reply = tabId === undefined ? undefined : await chrome.tabs.sendMessage<SiteQuery, SiteReply>(tabId, { kind: 'site' }).catch(() => undefined);
  if (!reply?.host) {
    siteName.textContent = 'this page';
    status.textContent = 'caselint does not run on this page.';
    toggle.disabled = true;
    return;
  }
  const host = reply.host;
  siteName.textContent = host;
  const show = async () => {
    const { user, managed } = await readSettings();
    const state = siteState(host, user, managed);
    toggle.checked = state.enabled;
    toggle.disabled = state.managed;
    status.textContent = state.managed ? 'Your organisation decides where caselint runs.' : state.enabled ? 'Checking text fields on this site.' : 'Switched off on this site.';
  };
  toggle.addEventListener('change', async () => {
    const { user } = await readSettings();
    await saveUser(withSite(user, host, toggle.checked));
    await show();
  });
  await show();
}

void main();
