// The popup's and the options page's access to settings: the user's (storage.local, never synced: synced settings
// would leave the machine) and the organisation's (storage.managed, read-only).
import { USER_KEY, normaliseManaged, normaliseUser, type ManagedSettings, type RuleCheck, type UserSettings } from '../settings.js';

export async function readSettings(problems: string[] = [], checkRule?: RuleCheck): Promise<{ user: UserSettings; managed: ManagedSettings }> {
  const [local, policy] = await Promise.all([chrome.storage.local.get(USER_KEY), chrome.storage.managed.get().catch(() => ({}))]);
  return { user: normaliseUser(local[USER_KEY], problems, checkRule), managed: normaliseManaged(policy, problems, checkRule) };
}

export function saveUser(user: UserSettings): Promise<void> {
  return chrome.storage.local.set({ [USER_KEY]: user });
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}
