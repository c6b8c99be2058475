import type { Page } from '@playwright/test';
import { test, expect, sampleBundle, inBackground, importThroughBackground, replicaModel, replicaClicks, tabIdOf } from './fixtures';

// The same fills a user runs from the popup: the popup is a page of its own aimed at the replica
// tab (popup.html?tab=ID), so the replica stays a background tab without focus.

const HOST = 'https://register.ccopyright.com.cn';

async function popupFor(openExtensionPage: (p: string) => Promise<Page>, url: string): Promise<Page> {
  const helper = await openExtensionPage('popup.html?tab=none');
  const tabId = await tabIdOf(helper, url.split('#')[0]);
  await helper.close();
  return openExtensionPage(`popup.html?tab=${tabId}`);
}

async function choose(popup: Page, owner: string, work?: string) {
  await popup.locator('#owner').selectOption({ label: owner });
  if (work) await popup.locator('#work').selectOption({ label: work });
}

const PAGES: { path: string; owner: string; work?: string; expectModel: (m: any) => void }[] = [
  { path: '/login.html', owner: '张三 · 2012', expectModel: (m) => expect(m).toMatchObject({ userName: 'zhangsan', password: '' }) },
  { path: '/register.html', owner: '张三 · 2012', expectModel: (m) => expect(m).toMatchObject({ userName: 'zhangsan', email: 'zhangsan@example.com' }) },
  { path: '/account.html?current=realname_person', owner: '张三 · 2012', expectModel: (m) => expect(m).toMatchObject({ name: '张三', idNumber: '110105199003072012' }) },
  { path: '/account.html?current=realname_org', owner: '北京云帆科技有限公司 · KX5Q', expectModel: (m) => expect(JSON.stringify(m)).toContain('91110108MA01C3KX5Q') },
  { path: '/r11.html#/application', owner: '北京云帆科技有限公司 · KX5Q', work: '云帆客户关系管理系统 V1.0', expectModel: (m) => expect(m.application).toMatchObject({ softwareName: '云帆客户关系管理系统', versionNumber: 'V1.0' }) },
  { path: '/r11.html#/development', owner: '北京云帆科技有限公司 · KX5Q', work: '云帆客户关系管理系统 V1.0', expectModel: (m) => expect(m.development).toMatchObject({ developmentMode: '单独开发', completionDate: '2026-06-30' }) },
  { path: '/r11.html#/features', owner: '北京云帆科技有限公司 · KX5Q', work: '云帆客户关系管理系统 V1.0', expectModel: (m) => expect(m.features).toMatchObject({ devOs: 'Windows 11', sourceLines: '32000' }) },
];

for (const p of PAGES) {
  test(`popup fills ${p.path} and reports every field`, async ({ context, openExtensionPage, openPortal }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(HOST + p.path);
    const popup = await popupFor(openExtensionPage, HOST + p.path);
    await inBackground(context, page);
    await choose(popup, p.owner, p.work);
    await popup.getByRole('button', { name: '填写本页' }).click();
    const report = popup.getByRole('region', { name: '填写结果' });
    await expect(report.getByRole('status')).toContainText(/^已填写 [1-9]\d*，/);
    const statuses = await report.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('rejected');
    p.expectModel(await replicaModel(page));
    expect(await replicaClicks(page)).toEqual([]);
  });
}

test('from the popup: a result links to its field, the report survives reopening, undo restores', async ({ context, openExtensionPage, openPortal }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/r11.html#/application`;
  const page = await openPortal(url);
  const popup = await popupFor(openExtensionPage, url);
  await inBackground(context, page);
  await choose(popup, '北京云帆科技有限公司 · KX5Q', '云帆客户关系管理系统 V1.0');
  await popup.getByRole('button', { name: '填写本页' }).click();
  const version = popup.locator('li[data-key="work.version"]');
  await expect(version).toHaveAttribute('data-status', 'filled');
  await version.getByRole('button', { name: '版本号' }).click();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.placeholder)).toBe('请输入版本号');

  const url2 = popup.url();
  await popup.close();
  const again = await openExtensionPage(url2.split('/').pop()!);
  await expect(again.locator('li[data-key="work.version"]')).toHaveAttribute('data-status', 'filled');
  await again.getByRole('button', { name: '撤销' }).click();
  await expect(again.getByRole('status').filter({ hasText: '已恢复' })).toBeVisible();
  expect(await replicaModel(page, 'application')).toMatchObject({ softwareName: '', versionNumber: '' });
});

test('the popup keeps what the user typed unless asked to replace it', async ({ context, openExtensionPage, openPortal }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/r11.html#/application`;
  const page = await openPortal(url);
  // The replica also has a hidden twin with the same placeholder: the user types in the visible one.
  const name = page.locator('input[placeholder="请输入软件全称"]:visible');
  await name.fill('我自己写的名字');
  await name.press('Tab');
  const popup = await popupFor(openExtensionPage, url);
  await inBackground(context, page);
  await choose(popup, '北京云帆科技有限公司 · KX5Q', '云帆客户关系管理系统 V1.0');
  await popup.getByRole('button', { name: '填写本页' }).click();
  await expect(popup.locator('li[data-key="work.fullName"]')).toHaveAttribute('data-status', 'kept');
  expect(await replicaModel(page, 'application.softwareName')).toBe('我自己写的名字');

  await popup.getByLabel('也覆盖我已填写的内容').check();
  await popup.getByRole('button', { name: '填写本页' }).click();
  await expect(popup.locator('li[data-key="work.fullName"]')).toHaveAttribute('data-status', 'filled');
  expect(await replicaModel(page, 'application.softwareName')).toBe('云帆客户关系管理系统');
});
