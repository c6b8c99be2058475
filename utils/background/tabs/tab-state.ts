import { browser } from 'wxt/browser';
import { z } from 'zod';
import { FillResponse } from '@/utils/contract/messages';

/**
 * What the extension remembers per tab, in session storage: gone when the browser closes, never
 * written to disk. The popup and the keyboard shortcut share it.
 */
const TabState = z.object({
  ownerId: z.string().optional(),
  workId: z.string().optional(),
  /** The last fill's report, so reopening the popup still shows it. */
  lastFill: FillResponse.optional(),
});
export type TabState = z.infer<typeof TabState>;

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function loadTabState(tabId: number): Promise<TabState> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  const parsed = TabState.safeParse(stored[keyOf(tabId)]);
  return parsed.success ? parsed.data : {};
}

export async function updateTabState(tabId: number, patch: Partial<TabState>): Promise<TabState> {
  const next = { ...(await loadTabState(tabId)), ...patch };
  await browser.storage.session.set({ [keyOf(tabId)]: next });
  return next;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
