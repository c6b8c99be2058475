import type { Page } from '@playwright/test';
import { pageSettled, replicaState, scoreFill } from '../accuracy/score.mjs';
import { aliyunVariants } from '../fixtures/portals/variants.mjs';
import { test, expect, sampleBundle, inBackground, importThroughBackground, pageKind, popupFor, waitForClosedUi } from './fixtures';

// The canonical replica of Alibaba Cloud's 软著 console (Fusion Next, hash routes): the order list
// and an order in each status guided in a closed panel, the 填写资料 form in both of its modes filled
// from the popup with the tab in the background, judged on the React state the form would submit.

const HOST = 'https://copyright.console.aliyun.com';
const ID = 'swcopyright_swRegNormal_public_cn-';
const gen = aliyunVariants();
const bundle = gen.testBundle(sampleBundle());

test.beforeEach(async ({ openExtensionPage }) => {
  await importThroughBackground(openExtensionPage, bundle);
});

/** The popup's labels of the owner and work a variant was made for. */
function labelsFor(v: { suggested: { ownerId: string; workId: string } }) {
  const owner = bundle.owners.find((o: { id: string }) => o.id === v.suggested.ownerId);
  const work = bundle.works.find((w: { id: string }) => w.id === v.suggested.workId);
  return { owner: `${owner.name} · ${owner.idNumber.slice(-4)}`, work: `${work.fullName} ${work.version}` };
}

async function fillFromPopup(openExtensionPage: (p: string) => Promise<Page>, page: Page, labels: { owner: string; work: string }): Promise<Record<string, string>> {
  const popup = await popupFor(openExtensionPage, page.url());
  await popup.locator('#owner').selectOption({ label: labels.owner });
  await popup.locator('#work').selectOption({ label: labels.work });
  await popup.getByRole('button', { name: '填写本页' }).click();
  const region = popup.getByRole('region', { name: '填写结果' });
  await expect(region.getByRole('status')).toBeVisible();
  const reported = Object.fromEntries(await region.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-status')])));
  await popup.close();
  return reported;
}

test('填写资料 (手动填写) from the popup: the React state as the oracle says, every field reported, nothing clicked or uploaded', async ({ context, openExtensionPage, openPortal }) => {
  const page = await openPortal(`${HOST}/#/apply/${ID}7k2m9q1`);
  await expect.poll(() => pageKind(page)).toBe('aliyun.apply');
  await page.evaluate(pageSettled);
  await inBackground(context, page);
  const v = gen.canonical('aliyun.apply');
  const pristine = await page.evaluate(() => structuredClone((window as unknown as { __model: unknown }).__model));
  const reported = await fillFromPopup(openExtensionPage, page, labelsFor(v));
  await page.evaluate(pageSettled);
  const values = gen.fillValues(bundle, v.suggested.workId, v.suggested.ownerId);
  const expectation = gen.expected(v, values);
  const state = await page.evaluate(replicaState);
  const score = scoreFill(expectation, pristine, state.model, state.records);
  expect(expectation.fields.length).toBeGreaterThan(20);
  expect({ misses: score.misses, wrong: score.wrong }).toEqual({ misses: [], wrong: [] });
  const notFilled = expectation.fields.filter((f: { key: string; expect: string }) => f.expect === 'fill' && reported[f.key] !== 'filled').map((f: { key: string }) => f.key);
  expect(notFilled).toEqual([]);
});

test('填写资料 in 智能识别: a Word file to upload, nothing to type — nothing filled, the upload untouched', async ({ context, openExtensionPage, openPortal }) => {
  const page = await openPortal(`${HOST}/#/apply/${ID}7k2m9q1`);
  await expect.poll(() => pageKind(page)).toBe('aliyun.apply');
  await page.getByText('智能识别', { exact: true }).first().click();
  await page.evaluate(pageSettled);
  await inBackground(context, page);
  const before = await page.evaluate(replicaState);
  const reported = await fillFromPopup(openExtensionPage, page, labelsFor(gen.canonical('aliyun.apply')));
  expect(Object.values(reported).filter((s) => s === 'filled')).toEqual([]);
  const after = await page.evaluate(replicaState);
  expect(after.model).toEqual(before.model);
  expect(after.records.uploads).toEqual([]);
});

test('the order list and an order in each status: the guide names the status and what comes next; a status it does not know is shown as the page says it', async ({ openPortal }) => {
  const page = await openPortal(`${HOST}/#/order/list`);
  await expect.poll(() => pageKind(page)).toBe('aliyun.orders');
  const guide = await waitForClosedUi(page, 'ruanzhu-guide');
  await expect.poll(() => guide.text()).toContain('状态：预审核失败');
  expect(await guide.text()).toContain('状态：已撤回');
  expect(await guide.text()).toContain('软著助手不认识这个状态');

  for (const [id, status] of [['5p1x6c2', '预审核失败'], ['8n4v2b7', '待授权提交'], ['4g7u1i6', '补正'], ['1z5x3c9', '已撤回']]) {
    await page.evaluate((hash) => (location.hash = hash), `#/order/${ID}${id}`);
    await expect.poll(() => pageKind(page)).toBe('aliyun.order');
    await expect.poll(async () => (await waitForClosedUi(page, 'ruanzhu-guide')).text()).toContain(`状态：${status}`);
    const text = await (await waitForClosedUi(page, 'ruanzhu-guide')).text();
    if (status === '已撤回') expect(text).toContain('软著助手不认识这个状态');
    else expect(text).toContain('下一步');
  }
});

test('the choice made for the tab survives a reload and a route change: the guide’s 重新核对 checks that owner without a fill', async ({ context, openExtensionPage, openPortal }) => {
  const url = `${HOST}/#/order/list`;
  const page = await openPortal(url);
  const popup = await popupFor(openExtensionPage, url);
  await inBackground(context, page);
  const v = gen.canonical('aliyun.apply');
  const labels = labelsFor(v);
  await popup.locator('#owner').selectOption({ label: labels.owner });
  await popup.locator('#work').selectOption({ label: labels.work });
  const OWNER_CHECK = '著作权人的名称和证件号码与记录的实名认证信息逐字一致';
  await expect.poll(async () => (await waitForClosedUi(page, 'ruanzhu-guide')).text()).toContain(OWNER_CHECK);
  await popup.close();

  // Reloaded, and moved to an order by its route: the page holds no profile until the user asks.
  await page.reload();
  await page.evaluate((hash) => (location.hash = hash), `#/order/${ID}8n4v2b7`);
  await expect.poll(() => pageKind(page)).toBe('aliyun.order');
  await expect.poll(async () => (await waitForClosedUi(page, 'ruanzhu-guide')).text()).toContain('状态：待授权提交');
  expect(await (await waitForClosedUi(page, 'ruanzhu-guide')).text()).not.toContain(OWNER_CHECK);
  await (await waitForClosedUi(page, 'ruanzhu-guide')).click('button.recheck');
  await expect.poll(async () => (await waitForClosedUi(page, 'ruanzhu-guide')).text()).toContain(OWNER_CHECK);

  // The popup opened again shows the same choice for this tab.
  const again = await popupFor(openExtensionPage, page.url());
  await expect(again.locator('#owner option:checked')).toHaveText(labels.owner);
  await expect(again.locator('#work option:checked')).toHaveText(labels.work);
});
