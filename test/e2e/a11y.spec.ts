import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { generateBundle } from '../bench/data.mjs';
import { test, expect, importThroughBackground, inBackground, popupFor, replicaModel, sampleBundle } from './fixtures';

// The agent's desk: the popup and the options page pass axe's WCAG 2.1 A/AA rules in both UI
// languages, the owner search works at agency scale (10 000 owners), and a fill runs on the
// keyboard alone.

const HOST = 'https://register.ccopyright.com.cn';
const OWNER = '北京云帆科技有限公司 · KX5Q';
const WORK = '云帆客户关系管理系统 V1.0';
const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; fails on any serious or critical violation, each listed with its elements. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG21).analyze();
  const describe = (v: (typeof violations)[number]) =>
    `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')}`;
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) test.info().annotations.push({ type: `axe, below serious: ${where}`, description: minor.map(describe).join('\n') });
  expect(violations.filter((v) => !minor.includes(v)).map(describe), `axe on ${where}`).toEqual([]);
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, at most `max` times: a keyboard user's way there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 12 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
}

/** Presses `key` until the select's chosen option reads `label`, at most `max` times. */
async function arrowTo(page: Page, select: Locator, label: string, { key = 'ArrowDown', max = 20 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)) === label) return;
    await page.keyboard.press(key);
  }
  await expect(select.locator('option:checked')).toHaveText(label);
}

for (const uiLanguage of ['zh-CN', 'en'] as const) {
  test.describe(`axe, WCAG 2.1 A/AA, UI in ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    test.beforeEach(async ({ openExtensionPage }) => {
      await importThroughBackground(openExtensionPage, sampleBundle());
    });

    test('the popup: on a portal page with an owner and a work chosen and filled, and on a page of no portal', async ({ context, openExtensionPage, openPortal }) => {
      const page = await openPortal(`${HOST}/r11.html#/identity`);
      await page.getByText('我是申请人', { exact: true }).click();
      await expect(page).toHaveURL(/#\/application$/);
      const popup = await popupFor(openExtensionPage, page.url());
      // The page's language is the one its strings are in.
      await expect(popup.locator('html')).toHaveAttribute('lang', uiLanguage);
      await expect(popup.locator('[data-page-kind="ccopyright.r11.application"]')).toBeVisible();
      await inBackground(context, page);
      await popup.locator('#owner').selectOption({ label: OWNER });
      await popup.locator('#work').selectOption({ label: WORK });
      await expect(popup.locator('.filing-line')).toBeVisible();
      // The fill plan, open before the fill.
      await popup.locator('button', { hasText: uiLanguage === 'en' ? 'Review the plan' : '查看填写计划' }).click();
      await expect(popup.locator('section.plan input[type=checkbox]').first()).toBeVisible();
      await expectAccessible(popup, `the popup's fill plan on R11 #/application (${uiLanguage})`);
      await popup.locator('button.primary').click();
      await expect(popup.locator('.report [role=status]')).toBeVisible();
      await expect(popup.locator('section.checks [role=status]')).toBeVisible();
      await expectAccessible(popup, `the popup on R11 #/application, filled (${uiLanguage})`);

      const elsewhere = await openExtensionPage('popup.html?tab=none');
      await expect(elsewhere.locator('[data-page-kind=""]')).toBeVisible();
      await expect(elsewhere.locator('#owner option')).toHaveCount(3);
      await expectAccessible(elsewhere, `the popup on no portal page (${uiLanguage})`);
    });

    test('the popup and the options page locked', async ({ openExtensionPage }) => {
      const helper = await openExtensionPage('popup.html?tab=none');
      await helper.evaluate(async () => {
        await chrome.runtime.sendMessage({ type: 'ruanzhu:lock-enable', passphrase: 'a passphrase of mine' });
        await chrome.runtime.sendMessage({ type: 'ruanzhu:lock' });
      });
      await helper.close();
      for (const path of ['popup.html?tab=none', 'options.html']) {
        const page = await openExtensionPage(path);
        await expect(page.locator('#unlock-passphrase')).toBeVisible();
        // Locked or not, one main landmark and one top heading.
        await expect(page.getByRole('main')).toHaveCount(1);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expectAccessible(page, `${path} locked (${uiLanguage})`);
      }
    });

    test('the options page, tab by tab: owners, an owner open, works, a work open, filings, materials, data, security', async ({ openExtensionPage }) => {
      const options = await openExtensionPage('options.html');
      await expect(options.locator('html')).toHaveAttribute('lang', uiLanguage);
      // One main landmark holding the tab panel (axe's WCAG rules do not ask for it; a screen reader's user does).
      await expect(options.getByRole('main').getByRole('tabpanel')).toHaveCount(1);
      const list = options.locator('.records .list');
      await expect(list.getByRole('button', { name: /北京云帆科技有限公司/ })).toBeVisible();
      await expectAccessible(options, `options, owners (${uiLanguage})`);
      await list.getByRole('button', { name: /北京云帆科技有限公司/ }).click();
      await expect(options.locator('form.editor h2')).toHaveText('北京云帆科技有限公司');
      await expectAccessible(options, `options, an owner open (${uiLanguage})`);

      await options.locator('#tab-works').click();
      await list.getByRole('button', { name: /云帆客户关系管理系统/ }).click();
      await expect(options.locator('form.editor h2')).toHaveText(/云帆客户关系管理系统/);
      await expectAccessible(options, `options, a work open (${uiLanguage})`);

      for (const tab of ['filings', 'materials', 'data', 'security']) {
        await options.locator(`#tab-${tab}`).click();
        await expect(options.locator(`#panel-${tab} h2`).first()).toBeVisible();
        await expectAccessible(options, `options, ${tab} (${uiLanguage})`);
      }
    });
  });
}

test.describe('at agency scale and on the keyboard alone', () => {
  test('10 000 owners: the popup\'s search and the options page\'s list find one and choose it by keyboard', async ({ openExtensionPage }) => {
    test.setTimeout(120_000);
    const bundle = generateBundle();
    await importThroughBackground(openExtensionPage, bundle);
    // An organisation: its name ends in its index, so exactly one owner has it.
    const target = bundle.owners[4321];
    const work = bundle.works.find((w: { ownerIds: string[] }) => w.ownerIds[0] === target.id);

    const popup = await openExtensionPage('popup.html?tab=none');
    const search = popup.locator('#owner-search');
    const owners = popup.locator('#owner');
    // A page of matches, never 10 000 options.
    await expect(owners.locator('option')).not.toHaveCount(1);
    expect(await owners.locator('option').count()).toBeLessThan(200);
    await tabTo(popup, search);
    await popup.keyboard.type(target.name);
    await expect(owners.locator('option', { hasText: target.name })).toHaveCount(1);
    await tabTo(popup, owners);
    await arrowTo(popup, owners, `${target.name} · ${target.idNumber.slice(-4)}`);
    // Chosen: the work list is the owner's.
    const works = popup.locator('#work');
    await expect(works).toBeEnabled();
    await expect(works.locator('option', { hasText: work.fullName })).toHaveCount(1);

    const options = await openExtensionPage('options.html');
    const rows = options.locator('.records .list li');
    await expect(rows.first().locator('button')).toBeVisible();
    // Virtualised: a screenful of rows in the DOM, each telling its place among 10 000.
    expect(await rows.count()).toBeLessThan(60);
    await expect(rows.first()).toHaveAttribute('aria-setsize', '10000');
    const recordSearch = options.locator('#record-search');
    await tabTo(options, recordSearch);
    await options.keyboard.type(target.name);
    // The name and the owners whose phone holds its digits (4321): a handful, the one named among them.
    const named = rows.filter({ hasText: target.name });
    await expect(named).toHaveCount(1);
    await expect(rows.first()).not.toHaveAttribute('aria-setsize', '10000');
    const matches = Number(await rows.first().getAttribute('aria-setsize'));
    expect(matches).toBeLessThan(20);
    await expect(rows).toHaveCount(matches);
    // ArrowDown leaves the search for the first match, then walks the list to the one named.
    await options.keyboard.press('ArrowDown');
    await expect(rows.first().locator('button')).toBeFocused();
    for (let i = 0; i < matches && !(await named.locator('button').evaluate((b) => b === document.activeElement)); i++) await options.keyboard.press('ArrowDown');
    await expect(named.locator('button')).toBeFocused();
    await options.keyboard.press('Enter');
    await expect(options.locator('form.editor h2')).toHaveText(target.name);
  });

  test('an R11 step filled from the popup with Tab, Shift+Tab, the arrows and Enter only', async ({ context, openExtensionPage, openPortal }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${HOST}/r11.html#/identity`);
    await page.getByText('我是申请人', { exact: true }).click();
    await expect(page).toHaveURL(/#\/application$/);
    const popup = await popupFor(openExtensionPage, page.url());
    await expect(popup.locator('[data-page-kind="ccopyright.r11.application"]')).toBeVisible();
    await inBackground(context, page);

    const owner = popup.locator('#owner');
    const work = popup.locator('#work');
    await tabTo(popup, owner);
    await arrowTo(popup, owner, OWNER);
    await expect(work).toBeEnabled();
    await tabTo(popup, work);
    await arrowTo(popup, work, WORK);
    // Past the fill button and back: Shift+Tab reaches it as well.
    const fill = popup.locator('button.primary');
    await tabTo(popup, popup.locator('footer button'));
    await tabTo(popup, fill, { back: true });
    await popup.keyboard.press('Enter');
    await expect(popup.locator('.report [role=status]')).toBeVisible();
    expect(await replicaModel(page, 'application')).toMatchObject({ softwareFullName: '云帆客户关系管理系统', versionNo: 'V1.0' });
  });
});
