import { browser } from 'wxt/browser';
import { z } from 'zod';

/** The owner and work chosen for a tab; kept in session storage so it is gone with the browser. */
const Choice = z.object({ ownerId: z.string().optional(), workId: z.string().optional() });
export type Choice = z.infer<typeof Choice>;

const keyOf = (tabId: number) => `choice:tab:${tabId}`;

export async function loadChoice(tabId: number): Promise<Choice> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  const parsed = Choice.safeParse(stored[keyOf(tabId)]);
  return parsed.success ? parsed.data : {};
}

export async function saveChoice(tabId: number, choice: Choice): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: choice });
}

/**
 * The tab the popup acts on: the active tab, or `?tab=<id>` when the popup is opened as a page
 * (tests and keyboard users open it in a tab of its own; then the portal tab stays in the background).
 */
export async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
