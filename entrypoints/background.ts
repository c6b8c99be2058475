import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { classifySender, handleBackgroundMessage } from '@/utils/messages/background-handler';
import { CHANGED, FillResponse } from '@/utils/messages/contract';
import { toTab } from '@/utils/messages/send';
import { getDb } from '@/utils/storage/db';
import { forgetTab, loadTabState, updateTabState } from '@/utils/storage/tab-state';

/** Tells open extension pages that profiles changed; nobody listening is fine. */
function announceChange() {
  browser.runtime.sendMessage(CHANGED).catch(() => undefined);
}

/** The keyboard shortcut: fill the active tab with its chosen profile; the badge tells the outcome. */
async function fillActiveTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const tabId = tab.id;
  const action = browser.action ?? browser.browserAction;
  const { ownerId, workId } = await loadTabState(tabId);
  if (!ownerId) {
    // Nothing chosen for this tab yet: the popup is where that happens.
    await action.setBadgeText({ tabId, text: '?' });
    return;
  }
  const answer = FillResponse.safeParse(await toTab(tabId, { type: 'ruanzhu:fill', ownerId, workId }).catch(() => null));
  if (!answer.success) return action.setBadgeText({ tabId, text: '' });
  await updateTabState(tabId, { lastFill: answer.data });
  const filled = answer.data.results.filter((r) => r.status === 'filled').length;
  const problems = answer.data.results.some((r) => ['too-long', 'ambiguous', 'rejected'].includes(r.status));
  await action.setBadgeBackgroundColor({ tabId, color: problems ? '#b3261e' : '#1a7f37' });
  await action.setBadgeText({ tabId, text: String(filled) });
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  // Returning undefined lets other listeners answer; a Promise is the response.
  browser.runtime.onMessage.addListener((message, sender) => {
    const kind = classifySender(sender, browser.runtime.id, origin);
    if (!kind) return undefined;
    return handleBackgroundMessage(getDb(), message, kind, announceChange);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-page') void fillActiveTab();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
