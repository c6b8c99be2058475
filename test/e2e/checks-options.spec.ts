import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { makeMaterialPdf } from '../fixtures/generate/material-pdf';
import { test, expect, sampleBundle, importThroughBackground } from './fixtures';
import { scene, toJpeg } from '../unit/rules/photo-images';

// The options page's 材料检查 tab (a material PDF read with pdf.js whose worker is a file of the
// extension, an ID photo, the watermark tool) and the cross-record findings of the profile editors.

const file = (name: string, mimeType: string, bytes: Uint8Array) => ({ name, mimeType, buffer: Buffer.from(bytes) });


function latinBundle() {
  const bundle = sampleBundle();
  // pdf-lib's standard fonts have no Chinese: the work carries a Latin name here.
  Object.assign(bundle.works[0], { fullName: 'Yunfan CRM System', shortName: 'Yunfan CRM', version: 'V1.0' });
  return bundle;
}

test('材料检查: a generated PDF judged against the chosen work, with pdf.js in a worker of the extension', async ({ openExtensionPage, extensionRequests }) => {
  await importThroughBackground(openExtensionPage, latinBundle());
  const options = await openExtensionPage('options.html#materials');
  await expect(options.getByRole('tab', { name: '材料检查' })).toHaveAttribute('aria-selected', 'true');
  const section = options.getByRole('region', { name: '鉴别材料（PDF）' });
  await section.getByLabel('材料类型').selectOption({ label: '程序鉴别材料' });
  await section.getByLabel('对照的软件').selectOption({ label: 'Yunfan CRM System V1.0' });

  // Right: 60 pages, the name and version in every header, a page number on each.
  const workers: string[] = [];
  options.on('worker', (w) => workers.push(w.url()));
  await section.getByLabel('选择 PDF 文件').setInputFiles(file('good.pdf', 'application/pdf', await makeMaterialPdf({ pages: 60, lines: (n) => (n === 60 ? 20 : 55) })));
  await expect(section.getByText('共 60 页')).toBeVisible({ timeout: 20_000 });
  await expect(section.getByText('未发现问题。')).toBeVisible();
  expect(workers.some((u) => /^chrome-extension:\/\/[a-p]{32}\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(u))).toBe(true);

  // Wrong: 3 pages and another version in the headers.
  await section.getByLabel('选择 PDF 文件').setInputFiles(file('bad.pdf', 'application/pdf', await makeMaterialPdf({ pages: 3, lines: (n) => (n === 3 ? 20 : 55), header: () => 'Yunfan CRM System V2.0' })));
  await expect(section.getByText('共 3 页')).toBeVisible();
  await expect(section.locator('li[data-rule="materials.header"]')).toContainText('页眉没有版本号 V1.0（页眉写的是 V2.0）');
  await expect(section.locator('li[data-rule="materials.source.pages"]')).toContainText('只有 3 页，而源程序有 32000 行');
  // The same file as 文档鉴别材料: judged again without reading it again.
  await section.getByLabel('材料类型').selectOption({ label: '文档鉴别材料' });
  await expect(section.locator('li[data-rule="materials.doc.pages"]')).toContainText('文档鉴别材料只有 3 页');
  expect(extensionRequests).toEqual([]);
});

test('材料检查: an ID photo checked, and the watermark tool saves a new file in the format of the photo', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html#materials');
  const photo = options.getByRole('region', { name: '证件照' });
  await photo.getByLabel('选择照片').setInputFiles(file('card.jpg', 'image/jpeg', toJpeg(scene({ blur: 6 }))));
  await expect(photo.locator('li[data-rule="realname.photo.quality"]')).toContainText('照片模糊');
  await expect(photo.getByText('1200×900 像素')).toBeVisible();

  const tool = options.getByRole('region', { name: '加水印' });
  await expect(tool).toContainText('仅供办理中国版权保护中心各项申请使用');
  // A photo comes back in its own format under a new name.
  const save = async (name: string, mimeType: string, bytes: Uint8Array) => {
    await tool.getByLabel('选择要加水印的照片').setInputFiles(file(name, mimeType, bytes));
    const [download] = await Promise.all([options.waitForEvent('download'), tool.getByRole('link', { name: '保存加水印的照片' }).click()]);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) };
  };
  const photoOut = await save('card.jpg', 'image/jpeg', toJpeg(scene()));
  expect(photoOut.name).toBe('card-watermark.jpg');
  expect([...photoOut.bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  expect(jpeg.decode(photoOut.bytes)).toMatchObject({ width: 1200, height: 900 });
  // On a white PNG (lossless, so nothing but the watermark can change a pixel) the text covers the whole picture.
  const white = new PNG({ width: 800, height: 600 });
  white.data.fill(255);
  const pngOut = await save('white.png', 'image/png', new Uint8Array(PNG.sync.write(white)));
  expect(pngOut.name).toBe('white-watermark.png');
  const marked = PNG.sync.read(Buffer.from(pngOut.bytes));
  expect([marked.width, marked.height]).toEqual([800, 600]);
  const inked = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (marked.data[(y * 800 + x) * 4] < 250) n++;
    return n;
  };
  // Every quarter of the picture carries some of the repeated text.
  for (const [x, y] of [[0, 0], [400, 0], [0, 300], [400, 300]]) expect(inked(x, y, x + 400, y + 300)).toBeGreaterThan(400);
});

test('profile editors: a phone shared by two owners, and a work whose co-owner is not authenticated', async ({ openExtensionPage }) => {
  const bundle = sampleBundle();
  const [zhang, yunfan] = bundle.owners;
  // account.unique-phone: the company's contact phone is Zhang San's, and neither records an account phone.
  delete zhang.account;
  yunfan.phone = zhang.phone;
  zhang.realName = { status: 'none', name: '', idNumber: '' };
  bundle.works[0].ownerIds = ['o-yunfan', 'o-zhang-san'];
  await importThroughBackground(openExtensionPage, bundle);
  const options = await openExtensionPage('options.html#owners');
  await options.getByRole('list', { name: '著作权人' }).getByRole('button', { name: /北京云帆科技有限公司/ }).click();
  const phone = options.locator('.field', { has: options.locator('[data-field="phone"]') });
  await expect(phone).toContainText('手机号 13800138000 被多个资料共用（张三、北京云帆科技有限公司）');

  await options.getByRole('tab', { name: '软件' }).click();
  await options.getByRole('list', { name: '软件' }).getByRole('button', { name: /云帆客户关系管理系统/ }).click();
  await expect(options.locator('li[data-rule="realname.required"]')).toContainText('第 2 著作权人“张三”尚未实名认证');
});
