// One Chromium with the extension, as the e2e fixtures start it (test/e2e/fixtures.ts): the
// replicas routed at their real URLs, contract messages sent from an extension page, the replica
// tab put in the background. Plus a page probe (init script) and the service worker's heap.
import { chromium } from '@playwright/test';
import { routeReplicas } from '../portal-router.mjs';
import { launchOptions } from './setup.mjs';

export const HOST = 'https://register.ccopyright.com.cn';
export const ALIYUN = 'https://copyright.console.aliyun.com';
/** A host of the bench's own pages (the photo fallback); no content script runs there. */
export const BENCH_HOST = 'https://bench.ruanzhu.invalid';
/** The built manifest shown as a page: extension origin, chrome.runtime, no script of ours. */
export const QUIET_SENDER = 'manifest.json';

/**
 * Runs in every replica page before its own scripts (page.addInitScript): records the page kind
 * marker's changes, when the replica renders its content, long tasks, file choices, and (after a
 * file choice) every DOM change, all in performance.now() of the page. No code of the extension
 * is touched; it sees only what a user would see.
 */
function pageProbe(hosts) {
  if (!hosts.includes(location.origin)) return;
  const now = () => performance.now();
  const b = (window.__bench = { dcl: null, renders: [], marks: [], longtasks: [], changes: [], watching: false, mutations: [] });
  document.addEventListener('DOMContentLoaded', () => (b.dcl = now()), { once: true, capture: true });
  const describe = (node) => {
    if (node.nodeType === 3) return `#text ${node.textContent.trim().slice(0, 80)}`;
    if (node.nodeType !== 1) return '';
    const text = ((node.shadowRoot ? node.shadowRoot.textContent : '') + node.textContent).trim().replace(/\s+/g, ' ');
    return `<${node.localName}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}> ${text.slice(0, 120)}`;
  };
  const observed = new WeakSet();
  const observer = new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-ruanzhu-page' && r.target === document.documentElement) {
        b.marks.push({ t, kind: document.documentElement.getAttribute('data-ruanzhu-page') });
        continue;
      }
      if (r.type === 'childList') {
        for (const n of r.addedNodes) {
          // The replicas render their content late, into #app (Kit.renderLate replaces #view or
          // #step) or #root (the console's createRoot): the first element added there after
          // DOMContentLoaded (or after a route change) is when the content arrived.
          if (n.nodeType === 1 && b.dcl !== null && (n.id === 'view' || n.id === 'step' || r.target.closest?.('#app, #root'))) b.renders.push({ t, id: n.id || n.className || n.localName });
          // Shadow-root UIs: their insides are watched too once a file was chosen.
          if (b.watching && n.nodeType === 1 && n.shadowRoot && !observed.has(n.shadowRoot)) {
            observed.add(n.shadowRoot);
            observer.observe(n.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
          }
        }
      }
      if (b.watching && b.mutations.length < 200) {
        const what = r.type === 'childList' ? [...r.addedNodes].map(describe).filter(Boolean).join(' | ') || `removed ${r.removedNodes.length}` : r.type === 'attributes' ? `@${r.attributeName} on ${describe(r.target).slice(0, 60)}` : `text ${String(r.target.textContent).slice(0, 80)}`;
        b.mutations.push({ t, type: r.type, what });
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ruanzhu-page'] });
  b.watch = () => {
    b.watching = true;
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  };
  window.addEventListener(
    'change',
    (e) => {
      if (e.target?.type !== 'file') return;
      b.changes.push({ t: now(), files: [...(e.target.files ?? [])].map((f) => ({ name: f.name, size: f.size })) });
      b.watch();
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    b.longtasks = null; // not supported: reported as unmeasured
  }
}

export async function launchBrowser(ext) {
  const context = await chromium.launchPersistentContext('', launchOptions(ext));
  await routeReplicas(context);
  await context.addInitScript(pageProbe, [HOST, ALIYUN, BENCH_HOST]);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  const browserVersion = context.browser()?.version() ?? null;

  const senders = new Map();
  /**
   * An extension page that sends contract messages: popup.html?tab=none as in the e2e tests, or
   * (QUIET_SENDER) a page of the extension's origin without any UI code, where nothing else talks
   * to the background meanwhile (the popup reloads its owner list on every change broadcast).
   */
  const getSender = async (path = 'popup.html?tab=none') => {
    let page = senders.get(path);
    if (!page || page.isClosed()) {
      page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      senders.set(path, page);
    }
    return page;
  };

  /** No focus emulation for the replica tab and the sender in front: a background tab, as in real use. */
  const toBackground = async (page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await (await getSender()).bringToFront();
    return cdp;
  };

  /** A command to the service worker through a browser-level CDP session attached to its target. */
  let swSession = null;
  const swCommand = async (method, params = {}) => {
    if (!swSession) {
      const cdp = await context.browser().newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (!target) throw new Error('the service worker target is gone');
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      const pending = new Map();
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        if (e.sessionId !== sessionId) return;
        const msg = JSON.parse(e.message);
        const waiter = pending.get(msg.id);
        if (!waiter) return;
        pending.delete(msg.id);
        if (msg.error) waiter.reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else waiter.resolve(msg.result);
      });
      swSession = { cdp, sessionId, pending, nextId: 1 };
    }
    const { cdp, sessionId, pending } = swSession;
    const id = swSession.nextId++;
    const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return Promise.race([answer, new Promise((_, reject) => setTimeout(() => reject(new Error(`${method}: no answer in 30 s`)), 30_000))]);
  };
  const heapUsage = async ({ gc = false } = {}) => {
    if (gc) await swCommand('HeapProfiler.collectGarbage');
    return swCommand('Runtime.getHeapUsage');
  };

  return { context, extensionId, extensionDir: ext, browserVersion, getSender, toBackground, heapUsage, swCommand, close: () => context.close() };
}

/** Waits until the page's <html> carries the page kind marker (or `kind` exactly). */
export function waitForMarker(page, kind, timeout = 15_000) {
  return page.waitForFunction((k) => (k ? document.documentElement.dataset.ruanzhuPage === k : document.documentElement.dataset.ruanzhuPage !== undefined), kind ?? null, { timeout });
}

export const probeOf = (page) => page.evaluate(() => window.__bench);

/**
 * An R11 step as the user reaches it: a fresh visit shows the identity chooser whatever the hash
 * says [seen], so choose 我是申请人, 下一步, then move to `step` by its hash.
 */
export async function openR11Step(page, step) {
  await page.goto(`${HOST}/r11.html#/identity`);
  await waitForMarker(page, 'ccopyright.r11.identity');
  await page.getByText('我是申请人', { exact: true }).click();
  await page.getByText('下一步', { exact: true }).click();
  await waitForMarker(page, 'ccopyright.r11.application');
  if (step === 'application') return;
  await page.evaluate((s) => (location.hash = `#/${s}`), step);
  await waitForMarker(page, `ccopyright.r11.${step}`);
}
