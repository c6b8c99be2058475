import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { DEADLINE_ALARM, updateDeadlineBadge } from '@/utils/background/filings/deadline-badge';
import { inspectMaterial, inspectSignature } from '@/utils/background/files/inspect-material';
import { backgroundHandlers, classifySender, createBackgroundContext } from '@/utils/background/service';
import { listFilings } from '@/utils/background/store/filings';
import { fillFromShortcut } from '@/utils/background/shortcut';
import { browserPlaces, type BucketManager } from '@/utils/background/store/places';
import { ProfileStore } from '@/utils/background/store/profile-store';
import { PBKDF2_ITERATIONS } from '@/utils/background/crypto/crypto';
import { forgetReports, forgetTab, loadTabState, updateTabState } from '@/utils/background/tabs/tab-state';
import { PORTAL_MATCHES } from '@/utils/pages/hosts';
import { toPages, toTab } from '@/utils/platform/messaging';
import { serve } from '@/utils/platform/serve';
import { serveBundleBytes } from '@/utils/platform/bundle-transfer';
import { dispatch } from '@/utils/contract/dispatch';

/** Where the name of the database in use is kept: it changes whenever the lock rewrites the data. */
const DB_POINTER = 'db';

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

/** The 补正 reminder on the toolbar icon, from the filings in `store`. */
function deadlineBadge(store: ProfileStore) {
  const action = browser.action ?? browser.browserAction;
  return () =>
    updateDeadlineBadge({
      filings: () => store.use((db) => listFilings(db)),
      show: async (text, color, title) => {
        await action.setBadgeBackgroundColor({ color });
        await action.setBadgeText({ text });
        await action.setTitle({ title });
      },
      alarm: async (needed) => {
        if (!needed) await browser.alarms.clear(DEADLINE_ALARM);
        else if (!(await browser.alarms.get(DEADLINE_ALARM))) await browser.alarms.create(DEADLINE_ALARM, { periodInMinutes: 60 });
      },
    }).catch(() => undefined);
}

/** The lock locked: every portal tab forgets the values it received, and the tab reports (which hold filled values) go. */
async function reachTabsOnLock() {
  await forgetReports();
  const tabs = await browser.tabs.query({ url: PORTAL_MATCHES });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : toTab(tab.id, 'ruanzhu:locked').catch(() => undefined))));
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  // Each database in a storage bucket of its own where the browser has them (Chromium): removing one removes its files.
  const buckets = (navigator as Navigator & { storageBuckets?: BucketManager }).storageBuckets;
  const store = new ProfileStore(
    browserPlaces(indexedDB, buckets, IDBKeyRange),
    {
      read: async () => {
        const value = (await browser.storage.local.get(DB_POINTER))[DB_POINTER];
        return typeof value === 'string' ? value : undefined;
      },
      write: (name) => browser.storage.local.set({ [DB_POINTER]: name }),
    },
  );
  const updateBadge = deadlineBadge(store);
  // The lock's key and the decoded profiles live in this context only, in the background's memory.
  const context = { ...createBackgroundContext(store, () => toPages('ruanzhu:changed'), PBKDF2_ITERATIONS, () => void reachTabsOnLock()), inspectMaterial, inspectSignature, onFilingsChange: () => void updateBadge(), openMaterials: () => browser.tabs.create({ url: browser.runtime.getURL('/options.html#materials') }),
    // Not web-accessible: no site can load the engine's code; only this injection runs it, in the isolated world.
    injectEngine: ({ tabId, frameId }: { tabId: number; frameId: number }) => browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/portal-engine.js'] }),
  };
  const handlers = backgroundHandlers(context);
  serve('background', handlers, (sender) => classifySender(sender, browser.runtime.id, origin));
  // A bundle file's bytes, transferred from the options page: the same import, without messaging's JSON round trip.
  serveBundleBytes((request, url) => dispatch('background', handlers, { ...request, type: 'ruanzhu:import' }, { party: 'extension-page', url }) ?? Promise.resolve(undefined));
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-page') void fillActiveTab();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // The days left change with the date, whether or not anything is recorded.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) void updateBadge();
  });
  void updateBadge();
});
