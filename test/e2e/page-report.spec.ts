import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pageSettled } from '../accuracy/score.mjs';
import { aliyunVariants, ccopyrightVariants } from '../fixtures/portals/variants.mjs';
import { OWNER_FIELDS, WORK_FIELDS, type FieldSpec } from '@/utils/schema/fields';
import { test, expect, sampleBundle, importThroughBackground, inBackground, pageKind, popupFor, tabIdOf } from './fixtures';

/*
 * The page-structure report holds no profile value (SECURITY.md, "The page-structure report"). With
 * the built extension, on replica pages at their real URLs: an R11 step and the console's 填写资料
 * are filled from the popup with the sample profiles, then profile values are typed into fields by
 * hand and planted in the page — as text in non-label places, in hidden inputs, value, data-* and
 * title attributes, an editable block, a table's cells and the URL's query and hash query. The
 * report, asked for as the popup asks and saved through the popup's button, must hold none of the
 * sample's personal strings, while the page's headings, labels and placeholders and the fields
 * not found are in it.
 */

const CENTER = 'https://register.ccopyright.com.cn';
const CONSOLE = 'https://copyright.console.aliyun.com';
const sample = sampleBundle();

/** Places the portals pick from their own lists (a region): the page's vocabulary, shown as options. */
const PLACES = new Set(['country', 'province', 'city', 'firstPublishedCountry', 'firstPublishedCity']);
/** Fields whose values are the user's own words or numbers (not a choice among the page's options). */
const typedFields = (fields: readonly FieldSpec[]) => fields.filter((f) => ['text', 'textarea', 'number', 'date'].includes(f.input) && !PLACES.has(f.key));
const at = (record: unknown, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], record);

/** Every owner's and work's typed value in the sample bundle (names, ID numbers, phones, e-mails, addresses, the work's names, version and texts), 2 characters or more. */
function profileStrings(): string[] {
  const values = [
    ...sample.owners.flatMap((o: unknown) => typedFields(OWNER_FIELDS).map((f) => at(o, f.key))),
    ...sample.works.flatMap((w: unknown) => typedFields(WORK_FIELDS).map((f) => at(w, f.key))),
  ];
  return [...new Set(values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String))].filter((s) => [...s].length >= 2);
}
const PROFILE = profileStrings();

/** The form texts are compared in: width and case folded, no spaces or the usual separators (a masked or re-spaced copy still counts). */
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\-_./·,，、:：]+/g, '');
/** Every string of a report, keys and values, folded. */
const reportText = (report: unknown) => {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(k), walk(x);
  };
  walk(report);
  // Joined with a character fold keeps, so that two neighbouring options do not make one string.
  return out.map(fold).join('\u0001');
};
/** The profile strings found in a report, less those the page's own report held before anything was filled (its own words). */
const leaked = (report: unknown, own: readonly string[]) => PROFILE.filter((s) => !own.includes(s) && reportText(report).includes(fold(s)));

type Report = { page: string | null; url: { query: string[]; routeQuery: string[] }; fields: { key: string; found: boolean }[]; elements: { text?: string; placeholder?: string }[] };

/** The report as the popup asks for it: a message from an extension page to the tab. */
async function ask(openExtensionPage: (p: string) => Promise<Page>, tabId: number): Promise<Report> {
  const helper = await openExtensionPage('popup.html?tab=none');
  const report = await helper.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'ruanzhu:page-structure' }), tabId);
  await helper.close();
  return report as Report;
}

/** Profile values typed by hand into the page's visible fields, and planted where no label is. */
async function typeAndPlant(page: Page, strings: readonly string[]) {
  const editable = page.locator('input[type=text]:visible:not([readonly]):not([disabled]), input:not([type]):visible:not([readonly]):not([disabled]), textarea:visible:not([readonly]):not([disabled])');
  let typed = 0;
  // After what the fill put there, as a user adds to a field.
  for (const field of await editable.all()) {
    await field.press('End');
    await field.pressSequentially(strings[typed % strings.length].slice(0, 12));
    typed++;
  }
  await page.evaluate((strings) => {
    const box = document.createElement('div');
    for (const s of strings) {
      box.insertAdjacentHTML('beforeend', '<p></p><input type="hidden"><span class="tag"></span><div contenteditable="true"></div><table><tr><td></td></tr></table>');
      box.querySelector('p:last-of-type')!.textContent = s;
      box.querySelector<HTMLInputElement>('input[type=hidden]:last-of-type')!.value = s;
      const span = box.querySelector('span.tag:last-of-type')!;
      span.setAttribute('data-owner', s);
      span.setAttribute('title', s);
      box.querySelector('[contenteditable]:last-of-type')!.textContent = s;
      box.querySelector('table:last-of-type td')!.textContent = s;
    }
    document.body.append(box);
    for (const input of document.querySelectorAll('input:not([type=file])')) input.setAttribute('value', strings[0]);
    // The URL: query values and the hash route's query values.
    const q = new URLSearchParams(strings.slice(0, 6).map((s, i) => [`p${i}`, s]));
    history.replaceState(history.state, '', `${location.pathname}?${q}${location.hash.split('?')[0]}?${q}`);
  }, strings);
  return typed;
}

/** Fills from the popup with the chosen owner and work, as a user does. */
async function fillFromPopup(openExtensionPage: (p: string) => Promise<Page>, page: Page, owner: string, work: string) {
  const popup = await popupFor(openExtensionPage, page.url());
  await popup.locator('#owner').selectOption({ label: owner });
  await popup.locator('#work').selectOption({ label: work });
  await popup.getByRole('button', { name: '填写本页' }).click();
  await expect(popup.getByRole('region', { name: '填写结果' }).getByRole('status')).toBeVisible();
  await popup.close();
}

test('an R11 step filled, typed into and planted with profile values: its report holds none of them, and its structure', async ({ context, openExtensionPage, openPortal }) => {
  const gen = ccopyrightVariants();
  await importThroughBackground(openExtensionPage, gen.testBundle(sample));
  const page = await openPortal(`${CENTER}/r11.html#/identity`);
  await page.getByText('我是申请人', { exact: true }).click();
  await expect.poll(() => pageKind(page)).toBe('ccopyright.r11.application');
  await page.evaluate(pageSettled);
  const tabId = await tabIdOf(await openExtensionPage('popup.html?tab=none'), page.url().split('#')[0]);
  const before = await ask(openExtensionPage, tabId);
  const own = PROFILE.filter((s) => reportText(before).includes(fold(s)));
  expect(own).toEqual([]);

  await inBackground(context, page);
  await fillFromPopup(openExtensionPage, page, '北京云帆科技有限公司 · KX5Q', '云帆客户关系管理系统 V1.0');
  expect(await page.evaluate(() => JSON.stringify((window as unknown as { __model: unknown }).__model))).toContain('云帆客户关系管理系统');
  expect(await typeAndPlant(page, PROFILE)).toBeGreaterThan(0);
  expect(page.url()).toContain('?p0=');

  const report = await ask(openExtensionPage, tabId);
  expect(leaked(report, own)).toEqual([]);
  expect(report.page).toBe('ccopyright.r11.application');
  expect(report.url.query).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  expect(report.url.routeQuery).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  const words = report.elements.flatMap((e) => [e.text, e.placeholder]);
  expect(words).toEqual(expect.arrayContaining(['软件申请信息', '权利取得方式', '软件名称', '权利范围', '请输入软件全称', '请输入版本号', '下一步']));
  expect(report.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['work.fullName', 'work.version']));
});

test('the console\'s 填写资料 filled, typed into and planted: the report the popup saves holds no profile value, lists the fields not found', async ({ context, openExtensionPage, openPortal }) => {
  const gen = aliyunVariants();
  const bundle = gen.testBundle(sample);
  await importThroughBackground(openExtensionPage, bundle);
  const page = await openPortal(`${CONSOLE}/#/apply/swcopyright_swRegNormal_public_cn-7k2m9q1`);
  await expect.poll(() => pageKind(page)).toBe('aliyun.apply');
  await page.evaluate(pageSettled);
  const tabId = await tabIdOf(await openExtensionPage('popup.html?tab=none'), page.url().split('#')[0]);
  const before = await ask(openExtensionPage, tabId);
  const own = PROFILE.filter((s) => reportText(before).includes(fold(s)));
  // The console's own words that happen to be a profile value: the version's example in a placeholder (如：V1.0).
  expect(own).toEqual(['V1.0']);

  await inBackground(context, page);
  const v = gen.canonical('aliyun.apply');
  const owner = bundle.owners.find((o: { id: string }) => o.id === v.suggested.ownerId);
  const work = bundle.works.find((w: { id: string }) => w.id === v.suggested.workId);
  await fillFromPopup(openExtensionPage, page, `${owner.name} · ${owner.idNumber.slice(-4)}`, `${work.fullName} ${work.version}`);
  expect(await typeAndPlant(page, PROFILE)).toBeGreaterThan(0);

  // Saved from the popup, as the user sends it.
  // The URL carries the planted query now: the popup is opened for the tab itself.
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  const offer = popup.getByRole('region', { name: '页面结构说明' });
  await expect(offer).toContainText('不含任何填写的内容或个人信息');
  const [download] = await Promise.all([popup.waitForEvent('download'), offer.getByRole('button', { name: '保存为文件' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ruanzhu-page-\d{4}-\d{2}-\d{2}-aliyun\.apply\.json$/);
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Report;
  await expect(offer.getByRole('status')).toHaveText('已保存为文件。');

  expect(leaked(saved, own)).toEqual([]);
  expect(saved.page).toBe('aliyun.apply');
  expect(saved.elements.flatMap((e) => [e.text, e.placeholder])).toEqual(expect.arrayContaining(['填写资料', '软件基本信息', '软件全称', '请输入软件全称']));
  expect(saved.fields.filter((f) => !f.found).map((f) => f.key)).toEqual(expect.arrayContaining(['owner.name']));
});

test('a portal page the assistant does not know: the popup offers the report, by keyboard too, and copies it', async ({ context, openExtensionPage }) => {
  const page = await context.newPage();
  await page.goto(`${CENTER}/a-new-place.html?flowNumber=2026R11L0125852`);
  const popup = await popupFor(openExtensionPage, page.url());
  await expect(popup.locator('[data-page-kind=""]')).toBeVisible();
  // What reaches the clipboard, recorded on its way (reading it back needs a permission an extension page cannot be granted here).
  await popup.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => ((window as unknown as { __copied: string }).__copied = text, write(text));
  });
  const copy = popup.getByRole('button', { name: '复制页面结构说明' });
  await copy.focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('region', { name: '页面结构说明' }).getByRole('status')).toHaveText('已复制到剪贴板。');
  const copied = JSON.parse(await popup.evaluate(() => (window as unknown as { __copied: string }).__copied));
  expect(copied).toMatchObject({ format: 'ruanzhu-page-structure', page: null, fields: [], url: { path: '/a-new-place.html', query: ['flowNumber'] } });
  expect(JSON.stringify(copied)).not.toContain('0125852');
});
