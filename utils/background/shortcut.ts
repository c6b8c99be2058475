import type { FillResponse, TabState } from '@/utils/contract/messages';
import { MessageFailure } from '@/utils/platform/messaging';

export interface ShortcutDeps {
  activeTabId(): Promise<number | undefined>;
  loadTabState(tabId: number): Promise<TabState>;
  /** `ruanzhu:fill` to the tab: rejects with a MessageFailure when the page cannot be filled. */
  fill(tabId: number, ownerId: string, workId: string | undefined): Promise<FillResponse>;
  saveReport(tabId: number, report: FillResponse): Promise<unknown>;
  badge(tabId: number, text: string, color?: string): Promise<unknown>;
}

const GREEN = '#1a7f37';
const RED = '#b3261e';

/**
 * The keyboard shortcut: fill the active tab with the owner and work chosen for it in the popup.
 * The badge tells the outcome: the number filled (red when something needs attention), `?` when
 * nothing is chosen for the tab yet, a red `!` when the page could not be filled (a locked store,
 * a page not recognised), nothing when the tab is not a portal page.
 */
export async function fillFromShortcut(deps: ShortcutDeps): Promise<void> {
  const tabId = await deps.activeTabId();
  if (tabId === undefined) return;
  const { ownerId, workId } = await deps.loadTabState(tabId);
  if (!ownerId) {
    await deps.badge(tabId, '?');
    return;
  }
  let report: FillResponse;
  try {
    report = await deps.fill(tabId, ownerId, workId);
  } catch (e) {
    await deps.badge(tabId, e instanceof MessageFailure ? '!' : '', e instanceof MessageFailure ? RED : undefined);
    return;
  }
  await deps.saveReport(tabId, report);
  const filled = report.results.filter((r) => r.status === 'filled').length;
  const attention = report.results.some((r) => ['too-long', 'ambiguous', 'rejected'].includes(r.status));
  await deps.badge(tabId, String(filled), attention ? RED : GREEN);
}
