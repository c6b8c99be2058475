import type { Page } from '@playwright/test';
import { makeMaterialPdf } from '../fixtures/generate/material-pdf';
import { test, expect, sampleBundle, importThroughBackground } from './fixtures';
import { scene, toJpeg, toPng } from '../unit/rules/photo-images';

// Files chosen on the replicas' upload controls are checked where they are chosen and the verdict
// appears beside the control (docs/RULES.md realname.photo.*, materials.*): photos generated here (sharp,
// blurred, a PDF named .jpg, a PNG over the page's stated limit), material PDFs made with pdf-lib.
// Nothing is uploaded: the extension makes no request of its own.

const HOST = 'https://register.ccopyright.com.cn';
const REALNAME = `${HOST}/account.html?current=realname_person`;
const R11 = `${HOST}/r11.html`;

type Finding = { rule: string; severity: string; key?: string; message: string };

/** The upload box with this caption, its hidden file input, and the verdict the extension puts right after the box. */
function upload(page: Page, caption: string) {
  const box = page.locator('.upload-box', { has: page.locator('.upload-caption', { hasText: caption }) });
  return { box, input: box.locator('input[type=file]'), verdict: box.locator('xpath=following-sibling::*[1][self::ruanzhu-file-verdict]').locator('.rz-verdict') };
}

const file = (name: string, mimeType: string, bytes: Uint8Array) => ({ name, mimeType, buffer: Buffer.from(bytes) });


test.describe('ID photos on the real-name replica', () => {
  test('sharp, blurred and disguised photos get their verdict beside the control; nothing is uploaded', async ({ openPortal, extensionRequests }) => {
    const page = await openPortal(REALNAME);

    const front = upload(page, '上传证件照正面');
    await front.input.setInputFiles(file('front.jpg', 'image/jpeg', toJpeg(scene())));
    await expect(front.verdict).toHaveAttribute('data-worst', 'none');
    await expect(front.verdict).toContainText('未发现问题');
    await expect(front.verdict).toContainText('1200×900 像素');
    await expect(front.verdict).toContainText('只在本机检查，不上传、不保存。');

    const back = upload(page, '上传证件照反面');
    await back.input.setInputFiles(file('back.jpg', 'image/jpeg', toJpeg(scene({ blur: 6 }))));
    await expect(back.verdict.locator('li[data-rule="realname.photo.quality"]')).toContainText('照片模糊');
    await expect(back.verdict).toHaveAttribute('data-worst', 'warning');

    // A PDF renamed to .jpg: judged by its bytes, not its name.
    const held = upload(page, '上传手持证件照片');
    await held.input.setInputFiles(file('hand.jpg', 'image/jpeg', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')));
    await expect(held.verdict.locator('li[data-rule="realname.photo.format"]')).toContainText('文件实际是 PDF 格式（文件名为 .jpg）');
    await expect(held.verdict).toHaveAttribute('data-worst', 'error');

    // One verdict per control, however many files were chosen.
    await front.input.setInputFiles(file('front.jpg', 'image/jpeg', toJpeg(scene({ blur: 6 }))));
    await expect(front.verdict.locator('li[data-rule="realname.photo.quality"]')).toContainText('照片模糊');
    expect(await page.evaluate(() => document.querySelectorAll('ruanzhu-file-verdict').length)).toBe(3);
    expect(extensionRequests).toEqual([]);
  });

  test('the size limit the page states is the one applied', async ({ openPortal, sendToTab }) => {
    const page = await openPortal(REALNAME);
    const front = upload(page, '上传证件照正面');
    // This replica states no limit (5 MB applies); a page that says 大小不超过2M gets 2 MB.
    await front.box.locator('.upload-tip').evaluate((tip) => (tip.textContent = '请上传jpg、png、jpeg格式，大小不超过2M'));
    const png = toPng(scene({ width: 1600, height: 1200 }));
    expect(png.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(png.length).toBeLessThan(5 * 1024 * 1024);
    await front.input.setInputFiles(file('front.png', 'image/png', png));
    await expect(front.verdict.locator('li[data-rule="realname.photo.size"]')).toContainText('超过 2.0 MB 的限制');

    const res = (await sendToTab(REALNAME, { type: 'ruanzhu:check' })) as { findings: Finding[] };
    expect(res.findings.filter((f) => f.key === 'upload.上传证件照正面').map((f) => f.rule)).toEqual(['realname.photo.size']);
  });
});

test.describe('identification materials on the R11 replica', () => {
  test('a PDF chosen for 程序鉴别材料 is read in the background and judged against the form; a Word file at once', async ({ openExtensionPage, openPortal, sendToTab, extensionRequests }) => {
    const bundle = sampleBundle();
    // pdf-lib's standard fonts have no Chinese: the work carries a Latin name for this test.
    Object.assign(bundle.works[0], { fullName: 'Yunfan CRM System', shortName: 'Yunfan CRM', version: 'V1.0' });
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(`${R11}#/features`);
    // The chosen work is what the headers are compared with.
    await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });

    const source = upload(page, '上传程序鉴别材料');
    await source.input.setInputFiles(file('source.pdf', 'application/pdf', await makeMaterialPdf({ pages: 3, header: () => 'Yunfan CRM System V2.0' })));
    await expect(source.verdict).toContainText('共 3 页');
    const header = source.verdict.locator('li[data-rule="materials.header"]');
    await expect(header).toContainText('页眉没有版本号 V1.0（页眉写的是 V2.0）');
    // 32 000 source lines need 60 pages.
    await expect(source.verdict.locator('li[data-rule="materials.source.pages"]')).toContainText('只有 3 页，而源程序有 32000 行');

    // A .docx saved under a .pdf name: the magic bytes tell, before any pdf.js.
    const doc = upload(page, '上传文档鉴别材料');
    await doc.input.setInputFiles(file('manual.pdf', 'application/pdf', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)])));
    await expect(doc.verdict.locator('li[data-rule="materials.doc.pages"]')).toContainText('不是 PDF，而是Word 或 ZIP 文件');

    const res = (await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as { findings: Finding[] };
    expect(res.findings.some((f) => f.key === 'upload.上传程序鉴别材料' && f.rule === 'materials.header')).toBe(true);
    expect(res.findings.some((f) => f.key === 'upload.上传文档鉴别材料' && f.rule === 'materials.doc.pages')).toBe(true);
    expect(extensionRequests).toEqual([]);
  });
});
