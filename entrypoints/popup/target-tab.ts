import { browser } from 'wxt/browser';

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
