import type { Page } from '@playwright/test';
import { test, expect, sampleBundle, inBackground, importThroughBackground, popupFor } from './fixtures';

// The fills a user runs from the popup on the hd-* replicas: the popup is a page of its own aimed
// at the replica tab (popup.html?tab=ID), so the replica stays a background tab without focus.
// What is asserted is the page's model (window.__model: what it would submit) and its clicks.

const HOST = 'https://register.ccopyright.com.cn';
const ZHANG = '张三 · 2012';

const state = (page: Page) =>
  page.evaluate(() => JSON.parse(JSON.stringify({ model: (window as any).__model, clicks: (window as any).__clicks ?? [] })));

/** Fills from the popup with 张三 chosen; answers the report as key=status lines. */
/** The report's status per field (the report groups fields by status, so its order is not the page's). */
async function fillFromPopup(popup: Page): Promise<Record<string, string>> {
  await popup.locator('#owner').selectOption({ label: ZHANG });
  await popup.getByRole('button', { name: '填写本页' }).click();
  const report = popup.getByRole('region', { name: '填写结果' });
  await expect(report.getByRole('status')).toBeVisible();
  const entries = await report.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-key')!, li.getAttribute('data-status')!] as const));
  // Every field once: a key reported twice would hide in the record.
  expect(new Set(entries.map(([k]) => k)).size).toBe(entries.length);
  return Object.fromEntries(entries);
}

test.beforeEach(async ({ openExtensionPage }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
});

test('login from the popup: the account name only; password and captcha untouched, 登录 not clicked', async ({ context, openExtensionPage, openPortal }) => {
  const page = await openPortal(`${HOST}/login.html`);
  const popup = await popupFor(openExtensionPage, `${HOST}/login.html`);
  await inBackground(context, page);
  expect(await fillFromPopup(popup)).toEqual({ 'owner.kind': 'kept', 'owner.account': 'filled' });
  expect(await state(page)).toEqual({ model: { loginType: '1', username: 'zhangsan', password: '', captcha: '' }, clicks: [] });
});

test('sign-up: before the user agrees (we never agree) nothing is filled and the agreement stays unticked', async ({ context, openExtensionPage, openPortal }) => {
  const page = await openPortal(`${HOST}/register.html`);
  const popup = await popupFor(openExtensionPage, `${HOST}/register.html`);
  await inBackground(context, page);
  expect(await fillFromPopup(popup)).toEqual({ 'owner.account.phone': 'not-found', 'owner.account.email': 'not-found' });
  expect(await state(page)).toEqual({ model: { agreed: false, userType: '', phone: '', smsCode: '', password: '', confirmPassword: '' }, clicks: [] });
});

test('real-name (person) from the popup: identity and address filled, the region by code, the page’s locked phone and the photos untouched', async ({ context, openExtensionPage, openPortal }) => {
  const url = `${HOST}/account.html?current=certification#/person`;
  const page = await openPortal(url);
  const popup = await popupFor(openExtensionPage, url);
  await inBackground(context, page);
  const report = await fillFromPopup(popup);
  expect(report['owner.phone']).toBe('locked');
  expect(Object.entries(report).filter(([, status]) => status !== 'filled')).toEqual([['owner.phone', 'locked']]);
  expect(await state(page)).toEqual({
    model: {
      name: '张三', certType: '1', certNo: '110105199003072012', frontPhoto: '', backPhoto: '', handPhoto: '',
      country: '156', province: '110000', city: '110100', address: '北京市朝阳区建国路88号', postcode: '100022',
      mobile: '13800138000', email: 'zhangsan@example.com',
    },
    clicks: [],
  });
});
