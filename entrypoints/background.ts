import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { inspectMaterial } from '@/utils/background/files/inspect-material';
import { backgroundHandlers, classifySender, createBackgroundContext } from '@/utils/background/service';
import { fillFromShortcut } from '@/utils/background/shortcut';
import { getDb } from '@/utils/background/store/db';
import { forgetTab, loadTabState, updateTabState } from '@/utils/background/tabs/tab-state';
import { serve, toPages, toTab } from '@/utils/platform/messaging';

async function fillActiveTab() {
  const action = browser.action ?? browser.browserAction;
  await fillFromShortcut({
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    loadTabState,
    fill: (tabId, ownerId, workId) => toTab(tabId, 'ruanzhu:fill', { ownerId, workId }),
    saveReport: (tabId, lastFill) => updateTabState(tabId, { lastFill }),
    badge: async (tabId, text, color) => {
      if (color) await action.setBadgeBackgroundColor({ tabId, color });
      await action.setBadgeText({ tabId, text });
    },
  });
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  // The lock's key and the decoded profiles live in this context only, in the background's memory.
  const context = { ...createBackgroundContext(getDb(), () => toPages('ruanzhu:changed')), inspectMaterial };
  serve('background', backgroundHandlers(context), (sender) => classifySender(sender, browser.runtime.id, origin));
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-page') void fillActiveTab();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
