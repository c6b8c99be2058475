import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, pageKind, sampleBundle } from './fixtures';

// The R11 application replica filled through the contract message, with the replica tab in the
// background: Playwright's focus emulation is switched off for it, so `el.blur()` fires nothing
// there, exactly as for a user who clicks in the popup. Assertions read the page's model
// (window.__model), what the page would submit, not the inputs.

const R11 = 'https://register.ccopyright.com.cn/r11.html';
// chrome.tabs.query matches URLs without their fragment: a tab is addressed by the page, not the step.
type Result = { key: string; status: string; value?: string; reason?: string };
type Fill = { results: Result[]; error?: string };

/** No focus emulation for this tab: with another tab in front it has no focus, as in real use. */
async function background(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
}

async function importBundle(openExtensionPage: (p: string) => Promise<Page>, bundle: unknown): Promise<void> {
  const page = await openExtensionPage('popup.html?tab=none');
  const res = await page.evaluate((b) => chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle: b }), bundle);
  expect(res).toMatchObject({ ok: true });
  await page.close();
}

const model = <T = any>(page: Page, path: string): Promise<T> =>
  page.evaluate((p) => p.split('.').reduce((o: any, k) => o?.[k], (window as any).__model), path);
const byKey = (res: Fill) => Object.fromEntries(res.results.map((r) => [r.key, r]));

test.describe('R11 replica, filled from the sample profile', () => {
  test('#/application: values reach the model, the hidden twin stays empty, nothing is clicked', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importBundle(openExtensionPage, sampleBundle());
    const url = `${R11}#/application`;
    const page = await openPortal(url);
    await background(context, page);
    expect(await pageKind(page)).toBe('ccopyright.r11.application');

    const detect = (await sendToTab(R11, { type: 'ruanzhu:detect' })) as { page: string; fields: { key: string; found: boolean }[] };
    expect(detect.page).toBe('ccopyright.r11.application');
    expect(detect.fields.every((f) => f.found)).toBe(true);
    // The sender tab is in front now: the replica is a background tab without focus.
    expect(await page.evaluate(() => document.hasFocus())).toBe(false);

    const res = (await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill;
    const r = byKey(res);
    expect(r['work.fullName']).toMatchObject({ status: 'filled', value: '云帆客户关系管理系统' });
    expect(await model(page, 'application')).toEqual({
      rightsAcquisition: '原始取得',
      softwareName: '云帆客户关系管理系统',
      softwareShortName: '云帆CRM',
      versionNumber: 'V1.0',
      rightsScope: '全部权利',
      softwareNameEn: '',
    });
    expect(res.results.every((x) => x.status === 'filled')).toBe(true);
    expect(await page.evaluate(() => (window as any).__clicks)).toEqual([]);
    expect(page.url()).toBe(url);
  });
});
