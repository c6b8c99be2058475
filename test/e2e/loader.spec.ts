import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, popupFor } from './fixtures';

// The content script in two parts (docs/ARCHITECTURE.md, "The content script: a loader and an
// engine"): every portal page runs the small loader; the engine comes only when the page needs it.
// What a page's renderer parses is read from the DevTools protocol: no code of ours is touched.

const HOST = 'https://register.ccopyright.com.cn';

/** A portal page opened with every script its renderer parses recorded (the isolated world's too). */
async function openRecorded(context: BrowserContext, url: string, { recognised = true } = {}): Promise<{ page: Page; parsed: () => string[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => urls.push(e.url));
  await cdp.send('Debugger.enable');
  await page.goto(url);
  if (recognised) await page.waitForFunction(() => document.documentElement.dataset.ruanzhuPage !== undefined);
  const ours = (file: string) => urls.filter((u) => u.startsWith('chrome-extension://') && u.endsWith(file));
  return { page, parsed: () => [...ours('/content-scripts/portal.js'), ...ours('/portal-engine.js')].map((u) => u.replace(/^chrome-extension:\/\/[^/]+/, '')) };
}

test('a page that needs nothing on sight runs the loader only; the popup’s first question brings the engine, once', async ({ context, openExtensionPage }) => {
  const { page, parsed } = await openRecorded(context, `${HOST}/login.html`);
  await page.waitForTimeout(500);
  expect(parsed()).toEqual(['/content-scripts/portal.js']);
  const popup = await popupFor(openExtensionPage, `${HOST}/login.html`);
  await expect(popup.locator('[data-page-kind]')).toHaveAttribute('data-page-kind', 'ccopyright.login');
  await expect.poll(parsed).toEqual(['/content-scripts/portal.js', '/portal-engine.js']);
  // Asked again (a second popup), the engine is not injected again.
  await (await popupFor(openExtensionPage, `${HOST}/login.html`)).locator('[data-page-kind]').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  expect(parsed()).toEqual(['/content-scripts/portal.js', '/portal-engine.js']);
});

test('a page that shows something unprompted gets the engine as soon as it is recognised: the filing list’s guide', async ({ context }) => {
  const { page, parsed } = await openRecorded(context, `${HOST}/account.html?current=soft_register`);
  await expect.poll(parsed).toEqual(['/content-scripts/portal.js', '/portal-engine.js']);
  // …and what it shows is there without the popup: the status guide's closed host.
  await expect(page.locator('ruanzhu-guide')).toHaveCount(1);
});

test('a portal page of no kind we know runs the loader only', async ({ context }) => {
  // The message centre [seen], not in the replica: a page of the official host that no kind claims.
  const { page, parsed } = await openRecorded(context, `${HOST}/msgcenter.html`, { recognised: false });
  await page.waitForTimeout(800);
  expect(parsed()).toEqual(['/content-scripts/portal.js']);
  expect(await page.evaluate(() => document.documentElement.dataset.ruanzhuPage ?? null)).toBeNull();
});
