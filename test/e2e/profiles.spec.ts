import { readFileSync } from 'node:fs';
import { test, expect, tabIdOf, SAMPLE_BUNDLE_PATH as SAMPLE, sampleBundle as sample } from './fixtures';

test('import through the file picker, edit an owner, export, and the export round-trips', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#data');
  await options.locator('#bundle-file').setInputFiles(SAMPLE);
  await expect(options.getByRole('status')).toContainText('已导入 2 位著作权人、1 个软件（新增 3，更新 0）');

  // Edit 张三's phone: an invalid number is flagged as you type, a valid one saves.
  await options.getByRole('tab', { name: '著作权人' }).click();
  await options.getByRole('searchbox').fill('张');
  await options.getByRole('list', { name: '著作权人' }).getByRole('button', { name: /张三/ }).click();
  const phone = options.locator('[data-field="phone"]');
  await phone.fill('1380013800');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await phone.fill('13700137000');
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await options.getByRole('button', { name: '保存' }).click();
  await expect(options.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  // Export: the file holds the edit, everything else as imported (unknown keys included).
  await options.getByRole('tab', { name: '导入与导出' }).click();
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出全部数据' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ruanzhu-\d{8}\.ruanzhu\.json$/);
  const exportedPath = await download.path();
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8'));
  const expected = sample();
  expected.owners[0].phone = '13700137000';
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const strip = (o: Record<string, unknown>) => {
    const { createdAt: _c, updatedAt: _u, ...rest } = o;
    return rest;
  };
  expect(exported.owners.map(strip).sort(byId)).toEqual(expected.owners.sort(byId));
  expect(exported.works).toEqual(expected.works);

  // Re-import the export: every record updates, none duplicates, and a second export is equal.
  await options.locator('#bundle-file').setInputFiles(exportedPath);
  await expect(options.getByRole('status')).toContainText('（新增 0，更新 3）');
  const [again] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出全部数据' }).click()]);
  const second = JSON.parse(readFileSync(await again.path(), 'utf8'));
  expect({ ...second, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
});

test('a partly invalid bundle is refused whole, naming the record and field', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#data');
  const bad = sample();
  bad.owners[1].idNumber = 91110108;
  await options.locator('#bundle-file').setInputFiles({ name: 'bad.ruanzhu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const alert = options.getByRole('alert');
  await expect(alert).toContainText('导入失败，未写入任何数据');
  await expect(alert).toContainText('owners[1]（北京云帆科技有限公司，id o-yunfan） · idNumber：类型错误');
  await options.getByRole('tab', { name: '著作权人' }).click();
  await expect(options.getByText('没有记录')).toBeVisible();
});

test('a bundle file reaches the background as transferred bytes, read there as the message would be: a broken file is named, nothing written', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#data');
  // The transport the options page uses (utils/platform/bundle-transfer.ts), asked directly.
  const answer = await options.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker?.scriptURL.endsWith('/background.js')) return 'no service worker';
    const bytes = new TextEncoder().encode('{"format": "ruanzhu-bundle", oops').buffer;
    const { port1, port2 } = new MessageChannel();
    const reply = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    worker.postMessage({ type: 'ruanzhu:import-bytes', bytes }, [port2, bytes]);
    return { reply: await reply, transferred: bytes.byteLength === 0 };
  });
  expect(answer).toMatchObject({ transferred: true, reply: { ok: false, errors: [{ message: expect.stringMatching(/^文件不是有效的 JSON：.* \/ the file is not valid JSON$/) }] } });
  // And the file picker's import goes the same way: the sample lands whole.
  await options.locator('#bundle-file').setInputFiles(SAMPLE);
  await expect(options.getByRole('status')).toContainText('已导入');
});

test('a bundle exported with a passphrase asks for it on import: nothing is said before, a blank one is refused in words, the right one imports', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#data');
  await options.locator('#bundle-file').setInputFiles(SAMPLE);
  await expect(options.getByRole('status')).toContainText('已导入');
  await options.locator('#export-pass').fill('口令 of eight+');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出全部数据' }).click()]);
  const sealed = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(sealed).format).toBe('ruanzhu-bundle-encrypted');

  await options.reload();
  await options.locator('#bundle-file').setInputFiles({ name: 'sealed.ruanzhu.json', mimeType: 'application/json', buffer: Buffer.from(sealed) });
  await expect(options.locator('#import-pass')).toBeVisible();
  await expect(options.getByRole('alert')).toHaveCount(0);
  await options.getByRole('button', { name: '导入', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText('此文件已加密，请输入导出时设置的口令');
  await options.locator('#import-pass').fill('口令 of eight+');
  await options.getByRole('button', { name: '导入', exact: true }).click();
  await expect(options.getByRole('status')).toContainText('已导入');
  await expect(options.locator('#import-pass')).toHaveCount(0);
});

test('owners import from a CSV with a column mapping step', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#data');
  const csv = '客户名称,证件号码,手机,邮箱,分组\n张三,110105199003072012,13800138000,zhangsan@example.com,个人客户\n王五,440306198512153020,13700137000,wangwu@example.com,老客户\n';
  await options.locator('#sheet-file').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // 客户名称 and 分组 are not known titles: the user maps them.
  await options.getByLabel('名称（姓名）').selectOption({ label: '客户名称' });
  await options.getByLabel('标签 Tags').selectOption({ label: '分组' });
  await expect(options.getByRole('table', { name: '预览' })).toContainText('王五');
  await options.getByRole('button', { name: '导入 2 位著作权人' }).click();
  await expect(options.getByRole('status')).toContainText('已导入 2 位著作权人');
  await options.getByRole('tab', { name: '著作权人' }).click();
  await expect(options.getByRole('list', { name: '著作权人' }).getByRole('button')).toHaveCount(2);
});

test('the popup names the portal page, remembers the choice per tab, and says when a tab is not a portal', async ({ openExtensionPage, openPortal, context }) => {
  const options = await openExtensionPage('options.html');
  await options.evaluate((b) => chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle: b }), sample());
  const portal = await openPortal('https://register.ccopyright.com.cn/login.html');
  const tabId = await tabIdOf(options, portal.url());

  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.locator('[data-page-kind="ccopyright.login"]')).toHaveText('登录 / Sign in');
  await popup.locator('#owner-search').fill('云帆');
  await popup.locator('#owner').selectOption({ label: '北京云帆科技有限公司 · KX5Q' });
  await popup.locator('#work').selectOption({ label: '云帆客户关系管理系统 V1.0' });
  await popup.close();

  const again = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(again.locator('#owner')).toHaveValue('o-yunfan');
  await expect(again.locator('#work')).toHaveValue('w-yunfan-crm');

  const other = await context.newPage();
  await other.goto('about:blank');
  const elsewhere = await openExtensionPage(`popup.html?tab=${await tabIdOf(options, 'about:blank')}`);
  await expect(elsewhere.locator('[data-page-kind=""]')).toHaveText('当前页面不是版权登记页面');
});
