import type { Page } from '@playwright/test';
import { test, expect, sampleBundle, inBackground, importThroughBackground, pageKind, tabIdOf } from './fixtures';

// ruanzhu:check on the replicas (docs/RULES.md): findings keyed by the fill keys, the findings panel in
// its shadow root with links to the fields, field outlines, consistency across the R11 steps the
// tab visited, and the panel re-rendered after a hash change.

const R11 = 'https://register.ccopyright.com.cn/r11.html';

type Finding = { rule: string; severity: string; key?: string; message: string };
type Check = { findings: Finding[]; error?: string };

const find = (res: Check, rule: string, key: string) => res.findings.filter((f) => f.rule === rule && f.key === key);

/** Types into the replica like a user (trusted events) and leaves the field, which commits it. */
async function typeInto(page: Page, placeholder: string, text: string) {
  const input = page.locator(`input[placeholder="${placeholder}"]`).first();
  await input.fill(text);
  await input.press('Tab');
}

/** The findings panel (Playwright's CSS pierces the open shadow root). */
const panelOf = (page: Page) => page.locator('ruanzhu-findings .rz-panel');

/** A bundle whose profiles break rules: a wrong check digit, a name unlike its authentication, a co-owner not authenticated. */
function brokenBundle() {
  const bundle = sampleBundle();
  const [zhang, yunfan] = bundle.owners;
  // docs/RULES.md id.resident: 110105199003072012 is valid; the last digit changed breaks the check digit.
  zhang.idNumber = '110105199003072013';
  zhang.realName = { status: 'pending', name: '张三', idNumber: '110105199003072012' };
  // realname.match: the profile has a half-width bracket where the certificate has a full-width one.
  yunfan.name = '北京云帆科技有限公司(北京)';
  yunfan.realName = { status: 'verified', name: '北京云帆科技有限公司（北京）', idNumber: yunfan.idNumber };
  Object.assign(bundle.works[0], { ownerIds: ['o-yunfan', 'o-zhang-san'], developmentMode: '合作开发' });
  return bundle;
}

test.describe('ruanzhu:check on the R11 replica', () => {
  test('#/development: findings keyed by owner rows; the panel links to the field and outlines it', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, brokenBundle());
    const page = await openPortal(`${R11}#/development`);
    await inBackground(context, page);
    // Fill both rows first: the check then judges what the page will submit.
    await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', addOwnerRows: true });
    const res = (await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Check;

    const digit = find(res, 'id.resident', 'owners.1.idNumber');
    expect(digit).toHaveLength(1);
    expect(digit[0]).toMatchObject({ severity: 'error' });
    const name = find(res, 'realname.match', 'owners.0.name');
    expect(name).toHaveLength(1);
    expect(name[0].message).toContain('全角与半角不同');
    // The co-owner's authentication is still under review: an error on the co-owner's row.
    expect(find(res, 'realname.required', 'owners.1.name')).toHaveLength(1);
    expect(find(res, 'realname.required', 'owners.0.name')).toHaveLength(0);
    // Every message is Chinese first, English after.
    for (const f of res.findings) expect(f.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ [A-Za-z"(]/);

    // The panel shows the same findings, grouped by step, the current step first.
    const panel = panelOf(page);
    await expect(panel).toBeVisible();
    await expect(panel.locator('.rz-counts')).toHaveText(`错误 ${res.findings.filter((f) => f.severity === 'error').length} · 警告 ${res.findings.filter((f) => f.severity === 'warning').length} · 提示 ${res.findings.filter((f) => f.severity === 'info').length}`);
    await expect(panel.locator('.rz-group').first().locator('h3')).toHaveText('本页 · R11 · 软件开发信息 / Development information');
    await expect(panel.locator('.rz-item')).toHaveCount(res.findings.length);

    // Fields with an error are outlined; the link focuses the field.
    const secondId = page.locator('.owner-row').nth(1).locator('input[placeholder="请输入证件号码"]');
    await expect(secondId).toHaveAttribute('data-ruanzhu-finding', 'error');
    await panel.locator('.rz-item[data-finding-key="owners.1.idNumber"][data-rule="id.resident"] .rz-link').click();
    expect(await page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement;
      return [active.placeholder, [...document.querySelectorAll('.owner-row')].findIndex((r) => r.contains(active))];
    })).toEqual(['请输入证件号码', 1]);
    // ruanzhu:focus reaches the same field for the popup's links.
    expect(await sendToTab(R11, { type: 'ruanzhu:focus', key: 'owners.0.name' })).toEqual({ found: true });
  });

  test('name and version compared across the steps the tab visited; the panel follows the hash route', async ({ openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${R11}#/application`);
    await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    // The user changes the version on the page: the materials and the profile still say V1.0.
    await typeInto(page, '请输入版本号', 'V1.0.1');
    await page.evaluate(() => (location.hash = '#/features'));
    await expect.poll(() => pageKind(page)).toBe('ccopyright.r11.features');

    const res = (await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Check;
    const version = find(res, 'materials.consistency', 'work.version');
    expect(version).toHaveLength(1);
    expect(version[0].message).toContain('“软件申请信息”页的版本号 “V1.0.1” 与资料的 “V1.0” 不一致');
    // On #/features the version is another step's field: grouped there, without a link.
    const panel = panelOf(page);
    const item = panel.locator('.rz-item[data-finding-key="work.version"]');
    await expect(item.locator('.rz-link')).toHaveCount(0);
    await expect(item.locator('xpath=ancestor::section[1]/h3')).toHaveText('R11 · 软件申请信息 / Application information');

    // Back on #/application the panel is checked again once the step renders: the finding is on this page now.
    await page.evaluate(() => (location.hash = '#/application'));
    await expect(panel.locator('.rz-group').first().locator('h3')).toHaveText('本页 · R11 · 软件申请信息 / Application information');
    await expect(panel.locator('.rz-item[data-finding-key="work.version"] .rz-link')).toHaveCount(1);
    await expect(page.locator('input[placeholder="请输入版本号"]')).toHaveAttribute('data-ruanzhu-finding', 'error');

    // A version the portal refuses (work.version) is judged as the page shows it.
    await typeInto(page, '请输入版本号', 'v1.0');
    const again = (await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Check;
    expect(find(again, 'work.version', 'work.version')[0]?.message).toContain('可改为 V1.0');
  });

  test('the panel collapses, closes until the next check, and never covers the page\'s buttons', async ({ openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, brokenBundle());
    const page = await openPortal(`${R11}#/development`);
    // Narrow: the panel spans most of the width, so only the heights between the buttons are free.
    await page.setViewportSize({ width: 520, height: 700 });
    await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', addOwnerRows: true });
    await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    const panel = panelOf(page);
    await expect(panel).toBeVisible();
    // The user scrolls the page in front (a tab behind others renders no frames, so it gets no scroll events).
    await page.bringToFront();

    const covered = () =>
      page.evaluate(() => {
        const host = document.querySelector('ruanzhu-findings')!;
        const p = host.shadowRoot!.querySelector('.rz-panel')!.getBoundingClientRect();
        return [...document.querySelectorAll('button')].filter((b) => {
          const r = b.getBoundingClientRect();
          const visible = r.width > 0 && r.bottom > 0 && r.top < innerHeight;
          return visible && r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top;
        }).map((b) => b.textContent);
      });
    // At the top, in the middle and at the bottom, where the footer's 上一步 / 保存 / 下一步 are.
    for (const y of [0, 400, 100000]) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await page.waitForTimeout(100);
      expect(await covered()).toEqual([]);
    }
    expect(await page.locator('#btn-next').isVisible()).toBe(true);

    await panel.locator('.rz-toggle').click();
    await expect(panel).toHaveAttribute('data-state', 'collapsed');
    await expect(panel.locator('.rz-body')).toBeHidden();
    await panel.locator('.rz-toggle').click();
    await expect(panel.locator('.rz-body')).toBeVisible();

    await panel.locator('.rz-close').click();
    await expect(panel).toBeHidden();
    await expect(page.locator('[data-ruanzhu-finding]')).toHaveCount(0);
    await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    await expect(panel).toBeVisible();
  });

  test('page text never becomes markup in the panel', async ({ openPortal, sendToTab }) => {
    const page = await openPortal(`${R11}#/application`);
    // No profile chosen: the page alone is checked, and the name the page shows is quoted back.
    await typeInto(page, '请输入软件全称', '<img src=x onerror="window.__owned=1">系统');
    const res = (await sendToTab(R11, { type: 'ruanzhu:check' })) as Check;
    const name = find(res, 'work.fullname', 'work.fullName');
    expect(name.length).toBeGreaterThan(0);
    const panel = panelOf(page);
    await expect(panel.locator('.rz-item[data-finding-key="work.fullName"]').first()).toContainText('<');
    expect(await page.evaluate(() => document.querySelector('ruanzhu-findings')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  });

  test('the popup shows the tab\'s findings when it opens, links to their fields, and checks again on request', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, brokenBundle());
    const page = await openPortal(`${R11}#/development`);
    await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', addOwnerRows: true });
    const helper = await openExtensionPage('popup.html?tab=none');
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(helper, R11)}`);
    await inBackground(context, page);
    await popup.locator('#owner').selectOption({ label: '北京云帆科技有限公司(北京) · KX5Q' });
    await popup.locator('#work').selectOption({ label: '云帆客户关系管理系统 V1.0' });

    // Choosing the profiles runs the check: the count and the list are the page's findings.
    const expected = (await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Check;
    const errors = expected.findings.filter((f) => f.severity === 'error').length;
    const checks = popup.getByRole('region', { name: '检查结果' });
    await expect(checks.getByRole('status')).toHaveText(new RegExp(`^错误 ${errors} · 警告 \\d+ · 提示 \\d+$`));
    await expect(checks.locator('li.finding')).toHaveCount(expected.findings.length);
    const digit = checks.locator('li[data-finding-key="owners.1.idNumber"][data-rule="id.resident"]');
    await digit.getByRole('button', { name: '著作权人 2 · 证件号码' }).click();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('.owner-row')].findIndex((r) => r.contains(document.activeElement)))).toBe(1);

    // The user corrects the number on the page; 检查本页 shows the page as it is now.
    await page.bringToFront();
    const id = page.locator('.owner-row').nth(1).locator('input[placeholder="请输入证件号码"]');
    await id.fill('110105199003072012');
    await id.press('Tab');
    await popup.bringToFront();
    await checks.getByRole('button', { name: '检查本页' }).click();
    // The page's number is valid now; the profile still holds the wrong digit, so the row differs from it instead.
    await expect(checks.locator('li[data-finding-key="owners.1.idNumber"][data-rule="realname.match"]').filter({ hasText: '页面上的证件号码与资料不一致' })).toHaveCount(1);
    await expect(checks.locator('li[data-finding-key="owners.1.idNumber"][data-rule="id.resident"]')).toHaveCount(0);
  });
});
