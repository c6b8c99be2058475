import type { Page } from '@playwright/test';
import { test, expect, pageKind, sampleBundle, importThroughBackground, replicaClicks, tabIdOf } from './fixtures';

// The status guide on the console replica's order pages: a shadow-root panel whose text is
// asserted as the user reads it. The profile it checks is the one the popup sends to the tab.

const CONSOLE = 'https://copyright.console.aliyun.com/';
const P = 'swcopyright_swRegNormal_public_cn-';
/** Every order of the replica, by status (test/fixtures/portals/copyright.console.aliyun.com). */
const ORDERS: [string, string, RegExp][] = [
  ['7k2m9q1', '待填写资料', /登记资料还没有交给阿里云[\s\S]*智能识别/],
  ['3f8d2w4', '阿里云初审', /阿里云正在初审[\s\S]*待授权提交/],
  ['5p1x6c2', '预审核失败', /初审没有通过[\s\S]*预审核失败原因/],
  ['8n4v2b7', '待授权提交', /一键获取授权码要求著作权人的名称和证件号码与版权中心实名认证的信息逐字一致/],
  ['2h6j8k3', '待邮寄材料', /打印申请表并邮寄纸质材料[\s\S]*邮寄清单[\s\S]*申请表：在控制台下载并打印/],
  ['9r3t5y1', '版权中心审查中', /版权保护中心正在审查/],
  ['4g7u1i6', '补正', /要求补正[\s\S]*补正原因/],
  ['6d2s9a8', '已完成', /登记已完成[\s\S]*电子证书/],
  ['1z5x3c9', '已关闭', /不认识这个状态/],
];
const panel = (page: Page) => page.locator('ruanzhu-guide .guide');
const panelText = (page: Page) => panel(page).innerText();
const openOrder = async (page: Page, id: string) => {
  await page.evaluate((h) => (location.hash = h), `#/order/${P}${id}`);
  await expect.poll(() => page.evaluate(() => document.querySelector('.ant-descriptions-item-content .ant-tag')?.textContent ?? null)).not.toBeNull();
};
/** What the popup does when it opens on a tab with a chosen profile. */
const choose = (sendToTab: (url: string, m: unknown) => Promise<unknown>, ownerId = 'o-yunfan', workId = 'w-yunfan-crm') => sendToTab(CONSOLE, { type: 'ruanzhu:check', ownerId, workId });

test.describe('Alibaba Cloud console: what each order status means and the next step', () => {
  test('the list: one block per status, each with its meaning; an unknown status is not guessed', async ({ openPortal }) => {
    const page = await openPortal(`${CONSOLE}#/order/list`);
    expect(await pageKind(page)).toBe('aliyun.orders');
    await expect(panel(page)).toBeVisible();
    const text = await panelText(page);
    for (const [id, status] of ORDERS) expect(text).toContain(`状态：${status}`), expect(text).toContain(`${P}${id}`);
    expect(text).toContain('未选择资料');
    expect(await panel(page).locator('article.block').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.stage))).toEqual([
      'fill', 'aliyun-review', 'prereview-failed', 'authorize', 'mail', 'center-review', 'correction', 'done', 'unknown',
    ]);
  });

  test('every status on its own order page: meaning and next step; the panel follows the route', async ({ openPortal }) => {
    const page = await openPortal(`${CONSOLE}#/order/list`);
    for (const [id, status, says] of ORDERS) {
      await openOrder(page, id);
      await expect.poll(() => pageKind(page)).toBe('aliyun.order');
      await expect.poll(() => panelText(page)).toContain(`状态：${status}`);
      expect(await panelText(page)).toMatch(says);
      expect(await panel(page).locator('article.block').count()).toBe(1);
    }
    // Off the order pages the panel goes away.
    await page.evaluate((h) => (location.hash = h), `#/apply/${P}7k2m9q1`);
    await expect.poll(() => pageKind(page)).toBe('aliyun.apply');
    await expect(page.locator('ruanzhu-guide')).toHaveCount(0);
    expect(await replicaClicks(page)).toEqual([]);
  });

  test('待授权提交: the chosen profile is checked against its real-name authentication and the owner the order shows', async ({ openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${CONSOLE}#/order/${P}8n4v2b7`);
    await expect.poll(() => panelText(page)).toContain('选择著作权人后，这里逐字核对');
    await choose(sendToTab);
    await expect.poll(() => panelText(page)).toContain('“北京云帆科技有限公司”的名称和证件号码与记录的实名认证信息逐字一致');
    expect(await panelText(page)).toContain('按所选资料核对：北京云帆科技有限公司 · 云帆客户关系管理系统');
    expect(await panel(page).locator('.tone-error').count()).toBe(0);

    // The profile is edited (options page): the name got a half-width bracket the authentication
    // does not have. Back on the page, the panel checks again.
    const bundle = sampleBundle();
    bundle.owners[1].realName.name = '北京云帆科技有限公司（北京）';
    bundle.owners[1].name = '北京云帆科技有限公司(北京)';
    await importThroughBackground(openExtensionPage, bundle);
    await panel(page).locator('button.recheck').click();
    await expect.poll(() => panel(page).locator('.tone-error').count()).toBe(2);
    const errors = await panel(page).locator('.tone-error').allInnerTexts();
    expect(errors[0]).toMatch(/^名称与实名认证的不一致：第 11 个字符是“\(”，应为“（”（全角）/);
    // The order shows the owner's name without the suffix the profile now carries.
    expect(errors[1]).toMatch(/^页面上的名称与资料不一致：第 11 个字符是（无），应为“\(”，少了字符/);
  });

  test('the profile chosen in the popup for the tab is the one the panel checks', async ({ openExtensionPage, openPortal }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${CONSOLE}#/order/${P}8n4v2b7`);
    await expect.poll(() => panelText(page)).toContain('未选择资料');
    const helper = await openExtensionPage('popup.html?tab=none');
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(helper, CONSOLE)}`);
    await popup.locator('#owner').selectOption({ label: '北京云帆科技有限公司 · KX5Q' });
    await popup.locator('#work').selectOption({ label: '云帆客户关系管理系统 V1.0' });
    await expect.poll(() => panelText(page)).toContain('按所选资料核对：北京云帆科技有限公司 · 云帆客户关系管理系统');
    expect(await panelText(page)).toContain('逐字一致');
  });

  test('预审核失败 and 补正: the reasons on the page, the fields they concern and the profile\'s values', async ({ openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${CONSOLE}#/order/${P}5p1x6c2`);
    await choose(sendToTab);
    await expect.poll(() => panelText(page)).toContain('资料中：云帆客户关系管理系统');
    const reasons = panel(page).locator('li.reason');
    expect(await reasons.count()).toBe(3);
    expect(await reasons.nth(0).innerText()).toMatch(/软件全称与程序鉴别材料页眉中的软件名称不一致[\s\S]*软件全称[\s\S]*资料中：云帆客户关系管理系统[\s\S]*程序鉴别材料（材料）/);
    expect(await reasons.nth(1).innerText()).toMatch(/证件号码[\s\S]*资料中：91110108MA01C3KX5Q/);
    expect(await reasons.nth(2).innerText()).toMatch(/开发完成日期[\s\S]*资料中：2026-06-30[\s\S]*首次发表日期[\s\S]*资料中：2026-08-01/);

    await openOrder(page, '4g7u1i6');
    await expect.poll(() => panelText(page)).toContain('补正原因');
    expect(await panel(page).locator('li.reason').allInnerTexts()).toEqual([
      expect.stringMatching(/^文档鉴别材料的页眉未标注版本号[\s\S]*版本号[\s\S]*资料中：V1\.0[\s\S]*文档鉴别材料（材料）/),
      expect.stringMatching(/^软件的主要功能过于简单[\s\S]*软件的主要功能[\s\S]*资料中：云帆客户关系管理系统面向中小企业/),
      expect.stringMatching(/^编程语言与源程序不一致[\s\S]*编程语言[\s\S]*资料中：Java、JavaScript[\s\S]*程序鉴别材料（材料）/),
    ]);
  });

  test('page text reaches the panel as text only, and the panel follows late changes', async ({ openPortal }) => {
    const page = await openPortal(`${CONSOLE}#/order/${P}4g7u1i6`);
    await expect.poll(() => panel(page).locator('li.reason').count()).toBe(3);
    // A reason arrives later, written to look like markup.
    await page.evaluate(() => {
      const li = document.createElement('li');
      li.textContent = '<img src=x onerror="window.__pwned=1">软件简称有误';
      document.querySelector('.ant-alert-description ol')!.append(li);
    });
    await expect.poll(() => panel(page).locator('li.reason').count()).toBe(4);
    expect(await panel(page).locator('li.reason').nth(3).innerText()).toContain('<img src=x onerror="window.__pwned=1">软件简称有误');
    expect(await panel(page).locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel(page).locator('li.reason').nth(3).innerText()).toContain('软件简称');
  });

  test('邮寄: the checklist names each owner\'s identity document', async ({ openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    bundle.works[0].ownerIds = ['o-yunfan', 'o-zhang-san'];
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(`${CONSOLE}#/order/${P}2h6j8k3`);
    await choose(sendToTab);
    await expect.poll(() => panel(page).locator('.checklist li').allInnerTexts()).toEqual([
      expect.stringContaining('申请表：在控制台下载并打印'),
      expect.stringContaining('北京云帆科技有限公司：统一社会信用代码证书复印件'),
      expect.stringContaining('张三：居民身份证复印件（正反面）'),
    ]);
    // Collapsing keeps only the header; expanding brings the guide back.
    await panel(page).locator('button.toggle').click();
    await expect(panel(page).locator('.checklist')).toHaveCount(0);
    await panel(page).locator('button.toggle').click();
    await expect(panel(page).locator('.checklist li')).toHaveCount(3);
  });
});
