import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { test, expect, sampleBundle, importThroughBackground } from './fixtures';

// The 智能识别 Word data sheet through the options page: export an owner's software as .docx,
// import it back (an update), import a client's edited copy, refuse a broken one.

test('Word data sheet: export, re-import as an update, import an edited copy, refuse a broken file without writing', async ({ openExtensionPage }) => {
  const bundle = sampleBundle();
  await importThroughBackground(openExtensionPage, bundle);
  const page = await openExtensionPage('options.html#data');
  const word = page.locator('section.word-transfer');
  const stored = () => page.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:export' })) as Promise<typeof bundle>;

  await page.selectOption('#word-owner', 'o-yunfan');
  await expect(page.locator('#word-work option')).toHaveCount(2);
  await page.selectOption('#word-work', 'w-yunfan-crm');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
  // The file name is wordFileName's (unit-tested): this headless Chromium reports any non-ASCII
  // download name as "download", whatever the page asked for.
  const path = await download.path();
  const bytes = await readFile(path);

  // The same file back: both records are recognised and updated, nothing is duplicated.
  await page.setInputFiles('#word-file', { name: 'back.docx', mimeType: 'application/octet-stream', buffer: bytes });
  const preview = word.getByRole('table', { name: '预览' });
  await expect(preview).toContainText('北京云帆科技有限公司');
  await expect(preview.locator('tr')).toHaveText([/91110108MA01C3KX5Q\s*更新/, /云帆客户关系管理系统\s*V1\.0\s*更新/]);
  await word.getByRole('button', { name: '导入', exact: true }).click();
  await expect(word.getByRole('status')).toHaveText('已导入 1 位著作权人、1 个软件（新增 0，更新 2）。');
  const after = await stored();
  expect(after.owners).toHaveLength(2);
  expect(after.works).toEqual(bundle.works.map((w: Record<string, unknown>) => expect.objectContaining(w)));

  // The client edits the purpose in Word (Word splits the text into runs as it likes).
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const purpose = bundle.works[0].purpose as string;
  expect(xml).toContain(purpose);
  zip.file('word/document.xml', xml.replace(purpose, '统一管理</w:t></w:r><w:r><w:t>客户与销售过程'));
  const edited = await zip.generateAsync({ type: 'nodebuffer' });
  await page.setInputFiles('#word-file', { name: 'edited.docx', mimeType: 'application/octet-stream', buffer: edited });
  // A new file clears the last outcome; the preview shows before anything is written.
  await expect(word.getByRole('status')).toHaveCount(0);
  await expect(preview.locator('tr')).toHaveCount(2);
  await word.getByRole('button', { name: '导入', exact: true }).click();
  await expect(word.getByRole('status')).toHaveText('已导入 1 位著作权人、1 个软件（新增 0，更新 2）。');
  expect((await stored()).works[0]).toMatchObject({ id: 'w-yunfan-crm', purpose: '统一管理客户与销售过程', mainFunctions: bundle.works[0].mainFunctions });

  // A broken edit: a date nobody can read. Errors name the part and the label; nothing is written.
  zip.file('word/document.xml', xml.replace('2026-06-30', '六月底'));
  await page.setInputFiles('#word-file', { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: await zip.generateAsync({ type: 'nodebuffer' }) });
  await expect(word.getByRole('alert')).toContainText('软件 · 开发完成日期：日期“六月底”无法识别');
  await expect(word.getByRole('button', { name: '导入', exact: true })).toHaveCount(0);
  expect((await stored()).works[0]).toMatchObject({ completionDate: '2026-06-30', purpose: '统一管理客户与销售过程' });
});
