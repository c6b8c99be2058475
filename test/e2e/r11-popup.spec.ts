import type { Page } from '@playwright/test';
import { pageSettled, replicaState, scoreFill } from '../accuracy/score.mjs';
import { ccopyrightVariants } from '../fixtures/portals/variants.mjs';
import { test, expect, sampleBundle, inBackground, importThroughBackground, pageKind, popupFor } from './fixtures';

// The R11 wizard and the organisation's real-name page, filled from the popup as a user does it:
// the user chooses the identity and clicks 下一步; the popup fills each step with the portal tab in
// the background. Each step's model is judged field by field by the replica's oracle (the same one
// the held-out run uses, on the canonical page), and the popup's report must say of each field what
// the oracle expects (filled, kept, locked, no-value, too-long).

const HOST = 'https://register.ccopyright.com.cn';
const OWNER = '北京云帆科技有限公司 · KX5Q';
const WORK = '云帆客户关系管理系统 V1.0';
const gen = ccopyrightVariants();
const bundle = gen.testBundle(sampleBundle());

/** The report status each oracle verdict allows. */
const REPORTED: Record<string, readonly string[]> = { fill: ['filled'], kept: ['kept'], locked: ['locked'], 'too-long': ['too-long'], capped: ['too-long'], 'no-value': ['no-value', 'not-found', 'locked'] };

test.beforeEach(async ({ openExtensionPage }) => {
  await importThroughBackground(openExtensionPage, bundle);
});

/** The popup's findings as rule@key, once its check has answered. */
async function findingsOf(popup: Page): Promise<string[]> {
  await expect(popup.locator('section.checks [role=status]')).toBeVisible();
  await expect(popup.getByRole('button', { name: '检查本页' })).toBeEnabled();
  return popup.locator('section.checks li.finding').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule')}@${li.getAttribute('data-finding-key') ?? ''}`));
}

/** What the popup finds on the page as it is now, with the tab's remembered choice (opening it runs the check). */
async function checkFromPopup(openExtensionPage: (p: string) => Promise<Page>, page: Page): Promise<string[]> {
  const popup = await popupFor(openExtensionPage, page.url());
  await expect(popup.locator('#owner')).toHaveValue(/.+/);
  const found = await findingsOf(popup);
  await popup.close();
  return found;
}

/** Fills the page from the popup with OWNER (and WORK, when given) and judges it by the oracle of `kind`'s canonical page. */
async function fillAndJudge(context: Parameters<typeof inBackground>[0], openExtensionPage: (p: string) => Promise<Page>, page: Page, kind: string, { work = true, judge = true } = {}) {
  await page.evaluate(pageSettled);
  await expect.poll(() => pageKind(page)).toBe(kind);
  const pristine = await page.evaluate(() => structuredClone((window as unknown as { __model: unknown }).__model));
  // The user's own clicks so far (the identity, 下一步) are theirs; the fill must add none.
  const userClicks = (await page.evaluate(replicaState)).records.clicks.length;
  const popup = await popupFor(openExtensionPage, page.url());
  await expect(popup.locator(`[data-page-kind="${kind}"]`)).toBeVisible();
  await inBackground(context, page);
  await popup.locator('#owner').selectOption({ label: OWNER });
  if (work) await popup.locator('#work').selectOption({ label: WORK });
  await popup.getByRole('button', { name: '填写本页' }).click();
  const region = popup.getByRole('region', { name: '填写结果' });
  await expect(region.getByRole('status')).toBeVisible();
  const reported = Object.fromEntries(await region.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-status')])));
  await page.evaluate(pageSettled);
  const v = gen.canonical(kind);
  const values = gen.fillValues(bundle, v.suggested.workId, v.suggested.ownerId);
  const expectation = gen.expected(v, values);
  const state = await page.evaluate(replicaState);
  const findings = await findingsOf(popup);
  await popup.close();
  if (!judge) return { findings, judged: 0, reported, model: state.model as Record<string, Record<string, unknown>> };
  const score = scoreFill(expectation, pristine, state.model, { ...state.records, clicks: state.records.clicks.slice(userClicks) });
  expect({ misses: score.misses, wrong: score.wrong }).toEqual({ misses: [], wrong: [] });
  const disagreements = expectation.fields.filter((f: { key: string; expect: string }) => !REPORTED[f.expect].includes(reported[f.key])).map((f: { key: string; expect: string }) => `${f.key}: ${f.expect}, reported ${reported[f.key]}`);
  expect(disagreements).toEqual([]);
  return { findings, judged: expectation.fields.length, reported, model: state.model as Record<string, Record<string, unknown>> };
}

test('R11 from the popup, step by step: each step as the oracle says, the applicant\'s own row locked, nothing clicked or submitted', async ({ context, openExtensionPage, openPortal }) => {
  test.setTimeout(120_000);
  const page = await openPortal(`${HOST}/r11.html#/identity`);
  // The identity is the user's choice; so is every 下一步.
  await page.getByText('我是申请人', { exact: true }).click();
  await expect(page).toHaveURL(/#\/application$/);

  const application = await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.application');
  expect(application.judged).toBe(5);
  expect(application.model.application).toMatchObject({ softwareFullName: '云帆客户关系管理系统', versionNo: 'V1.0' });
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page).toHaveURL(/#\/development$/);

  const development = await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.development');
  expect(development.judged).toBeGreaterThan(10);
  // The first owner row is the account's, locked by 我是申请人: reported locked, never touched.
  expect(Object.entries(development.reported).filter(([k]) => k.startsWith('owners.0.')).every(([, s]) => s === 'locked')).toBe(true);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page).toHaveURL(/#\/features$/);

  expect((await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.features')).judged).toBeGreaterThan(10);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page).toHaveURL(/#\/confirm$/);

  // The address dialog is closed: the address is the user's to choose or add; 保存 buttons are never pressed.
  const confirm = await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.confirm');
  expect(Object.values(confirm.reported)).toEqual(Array(9).fill('not-found'));
  // The page comes with its first address chosen: nothing to say.
  expect(confirm.findings).not.toContain('filing.address@address.chosen');
  expect(await page.evaluate(() => (window as unknown as { __clicks: string[] }).__clicks)).toEqual(['我是申请人', '下一步', '下一步', '下一步']);
});

test('organisation real-name from the popup, at a URL the engine is not told: identity, contact and address as the oracle says', async ({ context, openExtensionPage, openPortal }) => {
  const page = await openPortal(`${HOST}/account.html?current=certification#/organization`);
  const { model, judged } = await fillAndJudge(context, openExtensionPage, page, 'ccopyright.realname.org', { work: false });
  expect(judged).toBeGreaterThan(8);
  expect(JSON.stringify(model)).toContain('91110108MA01C3KX5Q');
});

test('checks read the steps as the user changes them: a mistyped ID in a label-less owner row and an undeclared language become findings keyed to their control', async ({ context, openExtensionPage, openPortal }) => {
  test.setTimeout(120_000);
  const page = await openPortal(`${HOST}/r11.html#/identity`);
  // As an agent the owner rows are the user's to fill: none is locked.
  await page.getByText('我是代理人', { exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(/#\/application$/);
  await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.application');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page).toHaveURL(/#\/development$/);

  // The canonical page's oracle has the applicant's locked row: the agent's row is checked here.
  const development = await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.development', { judge: false });
  expect(development.reported['owners.0.idNumber']).toBe('filled');
  expect((development.model.development.copyrightOwners as Record<string, unknown>[])[0]).toMatchObject({ name: '北京云帆科技有限公司', certNo: '91110108MA01C3KX5Q' });
  expect(development.findings.filter((f) => f.endsWith('@owners.0.idNumber'))).toEqual([]);
  // The user mistypes one character of the certificate number in the row (its only label is a placeholder).
  const idBox = page.locator('input').and(page.locator('[placeholder*="证件号码"]')).first();
  await idBox.fill('91110108MA01C3KX5R');
  expect((await checkFromPopup(openExtensionPage, page)).filter((f) => f.endsWith('@owners.0.idNumber'))).not.toEqual([]);
  await idBox.fill('91110108MA01C3KX5Q');
  expect((await checkFromPopup(openExtensionPage, page)).filter((f) => f.endsWith('@owners.0.idNumber'))).toEqual([]);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page).toHaveURL(/#\/features$/);

  const features = await fillAndJudge(context, openExtensionPage, page, 'ccopyright.r11.features');
  expect(features.findings.filter((f) => f.startsWith('work.languages@'))).toEqual([]);
  // The user unticks JavaScript, a language the program is written in.
  await page.getByText('JavaScript', { exact: true }).click();
  expect(await checkFromPopup(openExtensionPage, page)).toContain('work.languages@work.languages');
});
