import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleInspectMaterial } from '@/utils/background/files/inspect-material';
import { classifySender, createBackgroundContext, handleBackgroundMessage } from '@/utils/background/service';
import { CHANGED } from '@/utils/contract/messages';
import { fillFromShortcut } from '@/utils/background/shortcut';
import { toTab } from '@/utils/platform/messaging';
import { getDb } from '@/utils/background/store/db';
import { forgetTab, loadTabState, updateTabState } from '@/utils/background/tabs/tab-state';

/** Tells open extension pages that profiles changed; nobody listening is fine. */
function announceChange() {
  browser.runtime.sendMessage(CHANGED).catch(() => undefined);
}

async function fillActiveTab() {
  const action = browser.action ?? browser.browserAction;
  await fillFromShortcut({
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    loadTabState,
    fill: (tabId, ownerId, workId) => toTab(tabId, { type: 'ruanzhu:fill', ownerId, workId }),
    saveReport: (tabId, lastFill) => updateTabState(tabId, { lastFill }),
    badge: async (tabId, text, color) => {
      if (color) await action.setBadgeBackgroundColor({ tabId, color });
      await action.setBadgeText({ tabId, text });
    },
  });
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  const db = getDb();
  // The lock's key and the decoded profiles live in this context only, in the background's memory.
  const context = createBackgroundContext(db, announceChange);
  // Returning undefined lets other listeners answer; a Promise is the response.
  browser.runtime.onMessage.addListener((message, sender) => {
    const kind = classifySender(sender, browser.runtime.id, origin);
    if (!kind) return undefined;
    // Material PDFs chosen on a portal page are read here, off the page, and never stored.
    return handleInspectMaterial(message) ?? handleBackgroundMessage(context, message, kind);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-page') void fillActiveTab();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
