import { pageSettled } from '../accuracy/score.mjs';
import { ccopyrightVariants } from '../fixtures/portals/variants.mjs';
import { test, expect, sampleBundle, inBackground, importThroughBackground, popupFor, replicaModel } from './fixtures';

// The plan before the fill, from the popup on the R11 application step: the user opens it, unticks
// one field by keyboard, fills; the replica's model shows the unticked field untouched and the
// others filled, and the report groups the fields by status with counts and a why.

const HOST = 'https://register.ccopyright.com.cn';
const bundle = ccopyrightVariants().testBundle(sampleBundle());

test('the plan on an R11 step: untick 版本号, fill, the model keeps it as it was, the report counts and says why', async ({ context, openExtensionPage, openPortal }) => {
  await importThroughBackground(openExtensionPage, bundle);
  const page = await openPortal(`${HOST}/r11.html#/identity`);
  await page.getByText('我是申请人', { exact: true }).click();
  await expect(page).toHaveURL(/#\/application$/);
  await page.evaluate(pageSettled);
  const pristine = await replicaModel<Record<string, unknown>>(page, 'application');

  const popup = await popupFor(openExtensionPage, page.url());
  await expect(popup.locator('[data-page-kind="ccopyright.r11.application"]')).toBeVisible();
  await inBackground(context, page);
  await popup.locator('#owner').selectOption({ label: '北京云帆科技有限公司 · KX5Q' });
  await popup.locator('#work').selectOption({ label: '云帆客户关系管理系统 V1.0' });
  await popup.getByRole('button', { name: '查看填写计划' }).click();

  const plan = popup.getByRole('region', { name: '填写计划' });
  const version = plan.getByRole('checkbox', { name: '版本号' });
  await expect(version).toBeChecked();
  await expect(plan.getByRole('checkbox', { name: '软件全称' })).toBeChecked();
  // The plan shows the value as the page will, where it comes from and why the control is the field.
  await expect(plan.locator('li[data-key="work.fullName"]')).toContainText('云帆客户关系管理系统');
  await expect(plan.locator('li[data-key="work.fullName"] .from')).toContainText('作品');
  await expect(plan.locator('li[data-key="work.fullName"] .why')).not.toBeEmpty();
  // Nothing is written by the plan.
  expect(await replicaModel(page, 'application')).toEqual(pristine);

  // By keyboard: focus the checkbox and untick it with Space.
  await version.focus();
  await popup.keyboard.press('Space');
  await expect(version).not.toBeChecked();
  await popup.getByRole('button', { name: '填写本页' }).click();

  const region = popup.getByRole('region', { name: '填写结果' });
  await expect(region.getByRole('status')).toBeVisible();
  await expect(region.locator('li[data-key="work.version"]')).toHaveAttribute('data-status', 'skipped');
  await page.evaluate(pageSettled);
  const model = await replicaModel<Record<string, unknown>>(page, 'application');
  expect(model.versionNo).toEqual(pristine.versionNo);
  expect(model.softwareFullName).toBe('云帆客户关系管理系统');

  const filled = await region.locator('li[data-status="filled"]').count();
  expect(filled).toBeGreaterThan(1);
  await expect(region.locator('[data-counts]')).toContainText(`填好 ${filled}`);
  await expect(region.locator('[data-counts]')).toContainText('已取消 1');
  await expect(region.locator('li[data-key="work.fullName"] .why')).toContainText('依据');
  // The plan was of the page before the fill: it is closed.
  await expect(plan).toHaveCount(0);
});
