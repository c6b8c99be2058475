import { FillResponse } from '@/utils/contract/messages';
import type { TabState } from '@/utils/background/tabs/tab-state';

export interface ShortcutDeps {
  activeTabId(): Promise<number | undefined>;
  loadTabState(tabId: number): Promise<TabState>;
  fill(tabId: number, ownerId: string, workId: string | undefined): Promise<unknown>;
  saveReport(tabId: number, report: FillResponse): Promise<unknown>;
  badge(tabId: number, text: string, color?: string): Promise<unknown>;
}

const GREEN = '#1a7f37';
const RED = '#b3261e';

/**
 * The keyboard shortcut: fill the active tab with the owner and work chosen for it in the popup.
 * The badge tells the outcome: the number filled (red when something needs attention), `?` when
 * nothing is chosen for the tab yet, nothing when the tab is not a portal page.
 */
export async function fillFromShortcut(deps: ShortcutDeps): Promise<void> {
  const tabId = await deps.activeTabId();
  if (tabId === undefined) return;
  const { ownerId, workId } = await deps.loadTabState(tabId);
  if (!ownerId) {
    await deps.badge(tabId, '?');
    return;
  }
  const answer = FillResponse.safeParse(await deps.fill(tabId, ownerId, workId).catch(() => null));
  if (!answer.success) {
    await deps.badge(tabId, '');
    return;
  }
  await deps.saveReport(tabId, answer.data);
  const filled = answer.data.results.filter((r) => r.status === 'filled').length;
  const attention = answer.data.error !== undefined || answer.data.results.some((r) => ['too-long', 'ambiguous', 'rejected'].includes(r.status));
  await deps.badge(tabId, String(filled), attention ? RED : GREEN);
}
