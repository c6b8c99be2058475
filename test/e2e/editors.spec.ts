import { test, expect } from './fixtures';

// The owner editor in the portal's words, in the built extension: the kind → 著作权人类别 → 证件类型
// chain clears what no longer fits and says so; the province → city picker; the saved owner as the
// background stores it.

test('a new owner through the dependent choices and the region picker is stored in the portal\'s words', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#owners');
  await options.getByRole('button', { name: '新建著作权人' }).click();
  const field = (key: string) => options.locator(`[data-field="${key}"]`);

  await field('name').fill('常州龙城智能科技有限公司');
  await field('category').selectOption('自然人');
  await field('idType').selectOption('居民身份证');
  // An organisation: the person's category and document are cleared, each with a note.
  await field('kind').selectOption('organization');
  await expect(options.getByText('已清除“自然人”')).toBeVisible();
  await expect(options.getByText('已清除“居民身份证”')).toBeVisible();
  await expect(field('idType')).toHaveValue('');
  await field('category').selectOption('企业法人');
  await expect(field('idType').locator('option')).toHaveText(['—', '统一社会信用代码证书']);
  await field('idType').selectOption('统一社会信用代码证书');
  await field('idNumber').fill('91320411MA1X8Y2K3M');

  await field('province').selectOption('江苏省');
  await field('city').selectOption('常州市');
  await options.getByRole('button', { name: '保存' }).click();
  await expect(options.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  const owners = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:owners' }))) as Record<string, unknown>[];
  expect(owners).toHaveLength(1);
  expect(owners[0]).toMatchObject({ kind: 'organization', category: '企业法人', idType: '统一社会信用代码证书', idNumber: '91320411MA1X8Y2K3M', country: '中国', province: '江苏省', city: '常州市' });

  // A municipality is its own one city, as the portal shows 北京 / 北京.
  await field('province').selectOption('北京市');
  await expect(options.getByText('已清除“常州市”')).toBeVisible();
  await expect(field('city').locator('option')).toHaveText(['—', '北京市']);
  await field('city').selectOption('北京市');
  await options.getByRole('button', { name: '保存' }).click();
  await expect(options.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  const again = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:owners' }))) as Record<string, unknown>[];
  expect(again[0]).toMatchObject({ province: '北京市', city: '北京市' });
});
