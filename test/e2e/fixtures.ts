import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { extensionLaunchOptions } from '../chromium.mjs';
import { routeReplicas } from '../portal-router.mjs';

// The extension pages' own `chrome` API, as used inside page.evaluate callbacks.
declare global {
  var chrome: {
    tabs: {
      query(q: { url?: string }): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (`options.html`, `popup.html?tab=3` …) in a tab of its own. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Opens a replica page at its real URL and waits until the content script marked it. */
  openPortal: (url: string) => Promise<Page>;
  /** Sends a contract message to the content script of the tab showing `url`, from an extension page. */
  sendToTab: (url: string, message: unknown) => Promise<unknown>;
  /** Every request the extension's own pages and service worker made. */
  extensionRequests: string[];
}

interface ExtensionOptions {
  /** The browser's UI language, which chrome.i18n follows: `test.use({ uiLanguage: 'en' })` for an English run. */
  uiLanguage: 'zh-CN' | 'en';
}

export const test = base.extend<ExtensionFixtures & ExtensionOptions>({
  uiLanguage: ['zh-CN', { option: true }],
  context: async ({ uiLanguage }, use) => {
    const context = await chromium.launchPersistentContext('', extensionLaunchOptions({ language: uiLanguage }));
    await routeReplicas(context);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    let [worker]: Worker[] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    await use(new URL(worker.url()).host);
  },
  extensionRequests: async ({ context, extensionId }, use) => {
    const seen: string[] = [];
    const origin = `chrome-extension://${extensionId}`;
    context.on('request', (r) => {
      if (r.url().startsWith('chrome-extension://')) return;
      let from = '';
      try {
        from = r.serviceWorker()?.url() ?? r.frame().url();
      } catch {
        // A request of a worker without a frame: attributed by its worker URL above, if any.
      }
      if (from.startsWith(origin)) seen.push(r.url());
    });
    await use(seen);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
  openPortal: async ({ context }, use) => {
    await use(async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ruanzhuPage !== undefined);
      return page;
    });
  },
  sendToTab: async ({ openExtensionPage }, use) => {
    let sender: Page | undefined;
    await use(async (url, message) => {
      sender ??= await openExtensionPage('popup.html?tab=none');
      return sender.evaluate(
        async ({ url, message }) => {
          const [tab] = await chrome.tabs.query({ url });
          if (!tab?.id) throw new Error(`no tab shows ${url}`);
          return chrome.tabs.sendMessage(tab.id, message);
        },
        { url, message },
      );
    });
  },
});

export const expect = test.expect;

/** The page kind the content script wrote on <html> (a locator would also see shadow-root UIs). */
export const pageKind = (page: Page) => page.evaluate(() => document.documentElement.dataset.ruanzhuPage ?? null);

/** The tab id of a page, as the extension sees it. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id ?? -1;
  }, url);
}

/**
 * The popup for the tab showing `url`, once it has named the page (or said it is no portal page):
 * a user chooses after seeing that, and the popup checks the page only once it knows it.
 */
export async function popupFor(openExtensionPage: (p: string) => Promise<Page>, url: string): Promise<Page> {
  const helper = await openExtensionPage('popup.html?tab=none');
  const tabId = await tabIdOf(helper, url.split('#')[0]);
  await helper.close();
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.locator('[data-page-kind]').waitFor({ state: 'attached' });
  return popup;
}

/** The sample bundle of test/fixtures: two owners and one work with real check digits. */
export const SAMPLE_BUNDLE_PATH = fileURLToPath(new URL('../fixtures/sample.ruanzhu.json', import.meta.url));
export const sampleBundle = (): any => JSON.parse(readFileSync(SAMPLE_BUNDLE_PATH, 'utf8'));

export type FillResult = { key: string; status: string; value?: string; reason?: string };
export type Fill = { results: FillResult[]; error?: string };

/**
 * Switches off Playwright's focus emulation for a tab: with another tab in front it has no focus,
 * as a portal tab has when the user clicks in the popup, so `el.blur()` fires nothing there.
 */
export async function inBackground(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
}

/** Imports a bundle through the background, as the options page does, and expects success. */
export async function importThroughBackground(openExtensionPage: (p: string) => Promise<Page>, bundle: unknown): Promise<void> {
  const page = await openExtensionPage('popup.html?tab=none');
  const res = await page.evaluate((b) => chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle: b }), bundle);
  test.expect(res).toMatchObject({ ok: true });
  await page.close();
}

/** The replica's framework model (what the page would submit), or a dotted part of it. */
export const replicaModel = <T = any>(page: Page, path = ''): Promise<T> =>
  page.evaluate((p) => p.split('.').filter(Boolean).reduce((o: any, k) => o?.[k], (window as any).__model), path);

/** Buttons the replica saw clicked (it records them so tests can prove nothing was submitted). */
export const replicaClicks = (page: Page) => page.evaluate(() => (window as any).__clicks);

export const byKey = (res: Fill) => Object.fromEntries(res.results.map((r) => [r.key, r]));

/** One CDP session per page for reading our closed UIs. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();

type CdpNode = { nodeId: number; backendNodeId: number; localName?: string; children?: CdpNode[]; shadowRoots?: (CdpNode & { shadowRootType?: string })[]; contentDocument?: CdpNode };

/** Our UI in a closed shadow root, reached through CDP (locators and page scripts cannot). */
export interface ClosedUi {
  /** Runs `fn` on the shadow root in an isolated world, out of reach of the page's scripts and patches. */
  evaluate<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T>;
  /** The text the root shows (its stylesheets left out). */
  text(): Promise<string>;
  /** Clicks the first element matching `selector` inside the root with the mouse: a real, trusted click. */
  click(selector: string): Promise<void>;
}

/**
 * The closed shadow root of the first `<host>` element (`ruanzhu-findings`, `ruanzhu-guide`,
 * `ruanzhu-file-verdict`, `ruanzhu-outlines`), or null while there is none. CDP's DOM.getDocument
 * with `pierce` lists closed roots too; each call looks again, so the handle follows re-renders.
 */
export async function closedUi(page: Page, host: string): Promise<ClosedUi | null> {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  const cdp = await session;
  const findRoot = async (): Promise<CdpNode | null> => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const pending = [root];
    while (pending.length) {
      const node = pending.pop()!;
      if (node.localName === host && node.shadowRoots?.length) return node.shadowRoots[0];
      pending.push(...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []));
    }
    return null;
  };
  if (!(await findRoot())) return null;
  const evaluate = async <T, A>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> => {
    const shadow = await findRoot();
    if (!shadow) throw new Error(`<${host}> is gone from the page`);
    // A world of the test's own, made for the document as it is now.
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'ruanzhu-test' })) as { executionContextId: number };
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId })) as { object: { objectId: string } };
    const result = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value;
  };
  return {
    evaluate,
    text: () =>
      evaluate((root) => {
        const parts: string[] = [];
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) if (!n.parentElement?.closest('style, script')) parts.push(n.nodeValue ?? '');
        return parts.join('');
      }),
    click: async (selector) => {
      const box = await evaluate((root, s: string) => {
        const el = root.querySelector(s);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, selector);
      if (!box) throw new Error(`nothing matches ${selector} in <${host}>`);
      await page.mouse.click(box.x, box.y);
    },
  };
}

/** Waits until `<host>`'s closed shadow root exists and returns it. */
export async function waitForClosedUi(page: Page, host: string, timeout = 5000): Promise<ClosedUi> {
  const until = Date.now() + timeout;
  for (;;) {
    const ui = await closedUi(page, host);
    if (ui) return ui;
    if (Date.now() > until) throw new Error(`no <${host}> with a shadow root within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}
