import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { makeMaterialPdf } from '../fixtures/generate/material-pdf';
import { ccopyrightVariants } from '../fixtures/portals/variants.mjs';
import { FIXTURE_ROOT } from '../portal-router.mjs';
import { test, expect, sampleBundle, importThroughBackground, waitForClosedUi } from './fixtures';

// 程序鉴别材料制作 on the options page: a source folder chosen with the folder picker, the files the
// defaults and .gitignore leave out shown with why, one turned off by the user, the PDF made on this
// computer (nothing requested), downloaded under the work's name and version, 源程序量 and the
// languages written into the work.

/** A small source tree: two files of the program, a dependency, build output .gitignore names. */
function sourceTree(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'ruanzhu-studio-')), 'yunfan-crm');
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put('.gitignore', 'dist/\n');
  put('src/main.ts', Array.from({ length: 120 }, (_, i) => `export const value${i} = ${i}; // 客户 ${i}`).join('\n\n'));
  put('src/util/helper.ts', Array.from({ length: 40 }, (_, i) => `export function helper${i}(): number { return ${i}; }`).join('\n'));
  put('src/draft.ts', 'export const draft = 1;\n');
  put('node_modules/lib/index.js', 'module.exports = 1;\n');
  put('dist/bundle.js', 'console.log(1);\n');
  return root;
}

test('a source folder becomes the program material: files chosen with reasons, the PDF made here, checked, downloaded, its 源程序量 written into the work', async ({ openExtensionPage, extensionRequests }) => {
  test.setTimeout(120_000);
  await importThroughBackground(openExtensionPage, sampleBundle());
  const options = await openExtensionPage('options.html#materials');
  const studio = options.getByRole('region', { name: '程序鉴别材料制作' });
  await studio.getByLabel('对照的软件').selectOption({ label: '云帆客户关系管理系统 V1.0' });
  await studio.getByLabel('选择源代码文件夹').setInputFiles(sourceTree());

  // .gitignore and the defaults leave out the build output, the dependency and .gitignore itself, each with its reason.
  await expect(studio.getByRole('status')).toHaveText('已选 3 / 6 个文件，共 161 行（不含空行）');
  const files = studio.getByRole('table', { name: '源代码文件' });
  await expect(files.locator('tr.excluded')).toHaveCount(3);
  for (const path of ['.gitignore', 'dist/bundle.js', 'node_modules/lib/index.js']) await expect(files.getByRole('checkbox', { name: path })).not.toBeChecked();
  // The user leaves a draft out.
  await files.getByRole('checkbox', { name: 'src/draft.ts' }).uncheck();
  await expect(studio.getByRole('status')).toHaveText('已选 2 / 6 个文件，共 160 行（不含空行）');

  // Entry points print first; the user puts the helper before them.
  const order = () => files.locator('tbody tr.included').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
  expect(await order()).toEqual(['src/main.ts', 'src/util/helper.ts']);
  await files.getByRole('button', { name: '上移 src/util/helper.ts' }).click();
  expect(await order()).toEqual(['src/util/helper.ts', 'src/main.ts']);

  await studio.getByRole('button', { name: '生成 PDF' }).click();
  const link = studio.getByRole('link', { name: /下载 云帆客户关系管理系统V1\.0-程序鉴别材料\.pdf/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(studio).toContainText('源程序量 160 行');
  // The page map: page 1 begins with the helper, as ordered.
  await expect(studio.locator('ol.page-map li').first()).toHaveText(/^src\/util\/helper\.ts 1–40；src\/main\.ts/);
  // The name the browser is given (a browser without a UTF-8 file system may still save it as "download").
  await expect(link).toHaveAttribute('download', '云帆客户关系管理系统V1.0-程序鉴别材料.pdf');
  const download = options.waitForEvent('download');
  await link.click();
  const saved = await download;
  const pdf = await PDFDocument.load(readFileSync((await saved.path())!));
  // 160 printed lines at 50 a page: the whole program, 4 pages.
  expect(pdf.getPageCount()).toBe(4);
  // The check ran on the PDF made: a 4-page material against a work that declares 32 000 lines is flagged.
  await expect(studio.locator('li[data-rule="materials.source.pages"]')).toBeVisible();
  // …while its headers, page numbers and 50 printed lines a page pass the same checker.
  for (const rule of ['materials.header', 'materials.source.lines', 'materials.consistency']) await expect(studio.locator(`li[data-rule="${rule}"]`)).toHaveCount(0);

  await studio.getByRole('button', { name: '把源程序量和编程语言写入软件资料' }).click();
  await expect(studio.getByRole('button', { name: '已写入软件资料' })).toBeDisabled();
  const works = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:works', query: {} }))) as { id: string; sourceLines?: number; languages?: string }[];
  expect(works.find((w) => w.id === 'w-yunfan-crm')).toMatchObject({ sourceLines: 160, languages: 'TypeScript' });
  expect(extensionRequests).toEqual([]);
});

test('a 100-page manual becomes the documentation material: 60 pages stamped with the name, version and page numbers, checked; and a Word manual skeleton to start from', async ({ openExtensionPage, extensionRequests }) => {
  test.setTimeout(120_000);
  await importThroughBackground(openExtensionPage, sampleBundle());
  const options = await openExtensionPage('options.html#materials');
  const studio = options.getByRole('region', { name: '文档鉴别材料制作' });
  await studio.getByLabel('对照的软件').selectOption({ label: '云帆客户关系管理系统 V1.0' });
  // The manual as its author exported it: no header, no page numbers of its own.
  const manual = await makeMaterialPdf({ pages: 100, lines: () => 35, header: () => '', footer: () => '' });
  await studio.getByLabel('选择用户手册 PDF').setInputFiles({ name: 'manual.pdf', mimeType: 'application/pdf', buffer: Buffer.from(manual) });
  const link = studio.getByRole('link', { name: /下载 云帆客户关系管理系统V1\.0-文档鉴别材料\.pdf/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(studio).toContainText('60 页（手册共 100 页）');
  // Nothing wrong; it says which pages of the manual it took.
  await expect(studio.locator('li.finding.error, li.finding.warning')).toHaveCount(0);
  await expect(studio.locator('li[data-rule="materials.doc.pages"]')).toContainText('材料取前 30 页和后 30 页（第 71–100 页）');
  const download = options.waitForEvent('download');
  await link.click();
  const pdf = await PDFDocument.load(readFileSync((await (await download).path())!));
  expect(pdf.getPageCount()).toBe(60);

  await studio.getByRole('button', { name: '生成 Word 手册模板' }).click();
  await expect(studio.getByRole('link', { name: /下载 云帆客户关系管理系统V1\.0-用户手册\.docx/ })).toHaveAttribute('download', '云帆客户关系管理系统V1.0-用户手册.docx');
  expect(extensionRequests).toEqual([]);
});

test('on R11 #/features, beside the program-material upload with nothing chosen, a click opens the studio; the page gets nothing', async ({ context, openExtensionPage }) => {
  await openExtensionPage('popup.html?tab=none');
  const v = ccopyrightVariants().canonical('ccopyright.r11.features');
  await context.route(
    (url) => url.href.split('#')[0] === v.url.split('#')[0],
    (route) => route.fulfill({ path: join(FIXTURE_ROOT, '_kit', 'variant-shell.html'), headers: { 'content-type': 'text/html; charset=utf-8' } }),
  );
  const page = await context.newPage();
  await page.addInitScript((variant) => ((window as unknown as { __variant: unknown }).__variant = variant), v);
  await page.goto(v.url);
  const offer = await waitForClosedUi(page, 'ruanzhu-material-offer', 15_000);
  expect(await offer.text()).toContain('在本机制作程序鉴别材料');
  // The page cannot read it, and a script's click is not the user's: nothing opens.
  expect(await page.evaluate(() => document.querySelector('ruanzhu-material-offer')?.shadowRoot ?? null)).toBeNull();
  const before = context.pages().length;
  await page.evaluate(() => document.querySelector('ruanzhu-material-offer')?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
  await page.waitForTimeout(500);
  expect(context.pages()).toHaveLength(before);
  const opened = context.waitForEvent('page');
  await offer.click('button');
  const studio = await opened;
  await studio.waitForLoadState();
  expect(studio.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/options\.html#materials$/);
  await expect(studio.getByRole('region', { name: '程序鉴别材料制作' })).toBeVisible();
});
