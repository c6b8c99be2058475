import { browser } from 'wxt/browser';
import { TabState, type TabStatePatch } from '@/utils/contract/messages';

/**
 * What the extension remembers per tab, in session storage: gone when the browser closes, never
 * written to disk. Only the background reads and writes it; the popup asks by message.
 */

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function loadTabState(tabId: number): Promise<TabState> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  const parsed = TabState.safeParse(stored[keyOf(tabId)]);
  return parsed.success ? parsed.data : {};
}

/** Sets the fields given; a null forgets that field (messages carry no `undefined`). */
export async function updateTabState(tabId: number, patch: TabStatePatch): Promise<TabState> {
  const next: Record<string, unknown> = { ...(await loadTabState(tabId)) };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  await browser.storage.session.set({ [keyOf(tabId)]: next });
  return next as TabState;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** Drops every tab's last fill report (it holds the values filled): what the lock does when it locks. */
export async function forgetReports(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const next = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('tab:')).map(([k, v]) => [k, { ...(v as object), lastFill: undefined }]));
  if (Object.keys(next).length) await browser.storage.session.set(next);
}
