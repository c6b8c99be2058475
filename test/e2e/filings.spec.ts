import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeMaterialPdf } from '../fixtures/generate/material-pdf';
import { scene, toJpeg } from '../unit/rules/photo-images';
import { test, expect, importThroughBackground, replicaClicks, sampleBundle, popupFor } from './fixtures';

// The filing's life after submission on the center's replicas (test/fixtures/portals,
// kinds ccopyright.filings and ccopyright.filings.detail): the pages are recorded as they show,
// the options page's 登记进度 lists every filing with its history, deadline and next step, the
// popup has a line for the chosen work's filing, and the 签章页 upload is checked when chosen.

const HOST = 'https://register.ccopyright.com.cn';
const LIST = `${HOST}/account.html?current=soft_register`;
const detail = (flowNumber: string) => `${HOST}/accountDetails.html?flowNumber=${flowNumber}&current=soft_register`;
const CORRECTION = '2026R11L0108874';
const SIGNATURE = '2026R11L0125852';

type Filing = { flowNumber: string; status: string; workId?: string; ownerIds: string[]; progress?: { step: string; done: boolean; date?: string }[]; correction?: { pageNoticeDate?: string; reasons: string[] } };

/** The sample profiles plus the software of the replica's 待补正 filing, shared by 云帆 and 张三. */
function bundle() {
  const b = sampleBundle();
  b.works.push({ ...b.works[0], id: 'w-yunfan-oa', fullName: '云帆协同办公平台', shortName: '', version: 'V2.0', ownerIds: ['o-yunfan', 'o-zhang-san'] });
  return b;
}

/** What the background tracks, asked as the options page asks. */
async function tracked(openExtensionPage: (p: string) => Promise<Page>): Promise<Filing[]> {
  const page = await openExtensionPage('popup.html?tab=none');
  const filings = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:filings' }))) as Filing[];
  await page.close();
  return filings;
}

/**
 * The text of our UIs under `host` elements (closed shadow roots, which Playwright's locators do not
 * enter and the page's scripts cannot read): through the DevTools protocol, as a person sees it.
 */
async function closedText(page: Page, host: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  type DomNode = { nodeType: number; nodeName: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const out: string[] = [];
  const walk = (n: DomNode, inside: boolean) => {
    const within = inside || n.nodeName === host.toUpperCase();
    if (n.nodeName === 'STYLE') return;
    if (within && n.nodeType === 3 && n.nodeValue?.trim()) out.push(n.nodeValue.trim());
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, within);
  };
  walk(root, false);
  return out.join(' ');
}

/**
 * A file chosen as the user chooses it: from disk. Playwright sets files given as buffers with a
 * script and an untrusted `change`, which the upload checks ignore; a path goes through the
 * browser's own file chooser machinery, with a trusted one.
 */
async function onDisk(name: string, bytes: Uint8Array): Promise<string> {
  // An ASCII path: Chromium here sets no file at all from a path with Chinese characters in it.
  const path = join(await mkdtemp(join(tmpdir(), 'ruanzhu-')), name);
  await writeFile(path, bytes);
  return path;
}

const localDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the filing list and a detail are recorded; 登记进度 shows each filing with its history, deadline and next step; the popup has its line', async ({ openExtensionPage, openPortal, extensionRequests }) => {
  await importThroughBackground(openExtensionPage, bundle());

  const list = await openPortal(LIST);
  await expect.poll(async () => (await tracked(openExtensionPage)).length).toBe(5);
  // The page's guide: what each status means and what to do next.
  await expect.poll(() => closedText(list, 'ruanzhu-guide')).toContain('软著助手 · 登记状态说明');
  const listGuide = await closedText(list, 'ruanzhu-guide');
  expect(listGuide).toMatch(/状态：待上传签章页[\s\S]*登记：云帆客户关系管理系统 V1\.0 · 2026R11L0125852[\s\S]*扫描成 PDF/);
  expect(listGuide).toMatch(/状态：待补正[\s\S]*须在 30 日内补正/);
  expect(listGuide).toContain('本页显示的登记已记入“登记进度”');
  const filings = await tracked(openExtensionPage);
  expect(filings.map((f) => [f.flowNumber, f.status])).toEqual(
    expect.arrayContaining([[SIGNATURE, '待上传签章页'], ['2026R11L0119307', '待受理'], ['2025R11L0873411', '已发放'], ['2026R11L0130021', '草稿'], [CORRECTION, '待补正']]),
  );
  expect(filings.find((f) => f.flowNumber === SIGNATURE)).toMatchObject({ workId: 'w-yunfan-crm', ownerIds: ['o-yunfan'] });
  expect(filings.find((f) => f.flowNumber === CORRECTION)).toMatchObject({ workId: 'w-yunfan-oa', ownerIds: ['o-yunfan', 'o-zhang-san'] });

  // The detail of the 待补正 filing: its progress with dates and the notice's date and reasons.
  const notice = await openPortal(detail(CORRECTION));
  await expect.poll(() => closedText(notice, 'ruanzhu-guide')).toContain('补正通知日期 2026-11-20，须在 2026-12-20 前补正');
  // Each reason with the fields and materials it concerns; no profile value, the page has none loaded.
  expect(await closedText(notice, 'ruanzhu-guide')).toMatch(/软件名称与程序鉴别材料页眉中的名称不一致[\s\S]*软件全称[\s\S]*程序鉴别材料（材料）[\s\S]*申请表中著作权人名称与身份证明文件不一致[\s\S]*名称（姓名）/);
  await expect.poll(async () => (await tracked(openExtensionPage)).find((f) => f.flowNumber === CORRECTION)?.correction?.pageNoticeDate).toBe('2026-11-20');
  const corrected = (await tracked(openExtensionPage)).find((f) => f.flowNumber === CORRECTION)!;
  expect(corrected.progress?.filter((p) => p.done).map((p) => `${p.step} ${p.date}`)).toEqual(['提交 2026-10-12', '受理 2026-10-15']);
  expect(corrected.correction?.reasons).toHaveLength(3);

  const options = await openExtensionPage('options.html#filings');
  const cards = options.locator('li.filing');
  await expect(cards).toHaveCount(5);
  // The open 补正 comes first, in the overview and in the cards.
  const summary = options.locator('.filings-summary tbody tr');
  await expect(summary).toHaveCount(5);
  await expect(summary.first()).toHaveAttribute('data-flow-number', CORRECTION);
  await expect(summary.first()).toContainText('待补正按补正原因改正，在期限前去补正2026-12-20');
  await expect(options.locator(`.filings-summary tr[data-flow-number="${SIGNATURE}"]`)).toContainText('打印签章页，签字或盖章后扫描成 PDF 上传');
  await expect(cards.first()).toHaveAttribute('data-flow-number', CORRECTION);
  const due = cards.first();
  await expect(due.locator('.filing-status')).toHaveText('待补正');
  await expect(due.locator('.due')).toHaveAttribute('data-deadline', '2026-12-20');
  await expect(due.locator('.deadline')).toContainText('按页面显示的补正通知日期 2026-11-20 计算');
  await expect(due.locator('.owners')).toHaveText('著作权人：北京云帆科技有限公司、张三');
  await expect(due.locator('.link')).toContainText('按软件名称和版本号自动关联');
  await expect(due.locator('.reasons li').first()).toContainText('→ 软件全称、程序鉴别材料（材料）');
  await expect(due.locator('.next .steps')).toContainText('去补正');
  await expect(due.locator('.next .duration')).toContainText('须在 30 日内补正，逾期未补正的视为撤回申请');
  await expect(due.locator('.progress')).toHaveText('进度：✓ 提交 2026-10-12 → ✓ 受理 2026-10-15 → ○ 审查 → ○ 发放');
  await expect(due.locator('.history li')).toHaveCount(1);

  const signature = options.locator(`li.filing[data-flow-number="${SIGNATURE}"]`);
  await expect(signature.locator('.next .steps')).toContainText('扫描成 PDF。不要上传照片或 JPG');
  await expect(options.locator('li.filing[data-flow-number="2026R11L0119307"] .duration')).toContainText('通常几个工作日');
  await expect(options.locator('li.filing[data-flow-number="2025R11L0873411"] .steps')).toContainText('下载电子证书');

  // The notice arrived 25 days ago, says the user: 5 days are left, and the toolbar badge says so.
  await due.locator('input[type=date]').fill(localDay(-25));
  await due.getByRole('button', { name: '保存日期' }).click();
  await expect(due.locator('.due')).toHaveAttribute('data-deadline', localDay(5));
  await expect(due.locator('.due')).toContainText('还剩 5 天');
  await expect(due.locator('.deadline')).toContainText(`按你填写的补正通知日期 ${localDay(-25)} 计算`);
  const badge = () => options.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
  await expect.poll(badge).toBe('5天');

  // The popup on the list's tab: the chosen work's filing in one line.
  const popup = await popupFor(openExtensionPage, LIST);
  await popup.locator('#owner').selectOption({ label: '北京云帆科技有限公司 · KX5Q' });
  await popup.locator('#work').selectOption({ label: '云帆客户关系管理系统 V1.0' });
  await expect(popup.locator('.filing-line')).toHaveText(`登记进度：待上传签章页 · ${SIGNATURE} · 打印签章页，签字或盖章后扫描成 PDF 上传`);
  await popup.locator('#work').selectOption({ label: '云帆协同办公平台 V2.0' });
  await expect(popup.locator('.filing-line')).toContainText(`待补正 · ${CORRECTION} · 按补正原因改正，在期限前去补正 · 补正期限 ${localDay(5)}（还剩 5 天）`);

  // Forgetting a filing asks first.
  await options.locator(`li.filing[data-flow-number="2026R11L0130021"]`).getByRole('button', { name: '不再跟踪' }).click();
  await options.getByRole('alertdialog').getByRole('button', { name: '不再跟踪' }).click();
  await expect(cards).toHaveCount(4);
  await expect(summary).toHaveCount(4);

  // Nothing was clicked on the portal for the user, and the extension made no request of its own.
  expect(await replicaClicks(list)).toEqual([]);
  expect(extensionRequests).toEqual([]);
});

test('the 签章页 check refuses a JPG named .pdf when it is chosen, and reads a real PDF in the background', async ({ openPortal, sendToTab, extensionRequests }) => {
  const page = await openPortal(LIST);
  const row = page.locator('.list-table tbody tr', { hasText: SIGNATURE });
  await row.getByRole('link', { name: '上传签章页' }).click();
  const input = page.locator('.dialog_container .upLoadBox input[type=file]');

  await input.setInputFiles(await onDisk('signature-page.pdf', toJpeg(scene({ width: 400, height: 560 }))));
  const uploadFindings = async () => ((await sendToTab(LIST, { type: 'ruanzhu:check' })) as { findings: { rule: string; severity: string; key?: string; message: string }[] }).findings.filter((f) => f.key === 'upload.签章页');
  await expect.poll(async () => (await uploadFindings()).map((f) => [f.rule, f.severity])).toEqual([['filing.signature-pdf', 'error']]);
  expect((await uploadFindings())[0].message).toContain('签章页（文件名为 .pdf）不是 PDF，而是JPEG 图片');
  // The verdict stands beside the upload, in words.
  await expect(page.locator('.dialog_container ruanzhu-file-verdict')).toHaveCount(1);
  expect(await closedText(page, 'ruanzhu-file-verdict')).toContain('签章页（文件名为 .pdf）不是 PDF，而是JPEG 图片，请另存为 PDF。门户会照收这个文件而不报错，但申请不会进入“待受理”');

  // A PDF whose text names another software: read by pdf.js in the background, the name missing.
  const pdf = await makeMaterialPdf({ pages: 1, header: () => 'Signature page', footer: () => null, extra: () => ['Software: Lingxi Notes V2.1.3'], lines: () => 1 });
  await input.setInputFiles(await onDisk('scan.pdf', pdf));
  await expect.poll(async () => (await uploadFindings()).map((f) => [f.severity, f.message.split(' / ')[0]])).toEqual([
    ['warning', '签章页上的文字中没有软件名称“云帆客户关系管理系统”：是否是另一件申请的签章页？（扫描件的文字识别也可能认错字）'],
  ]);
  await expect.poll(() => closedText(page, 'ruanzhu-file-verdict')).toContain('共 1 页');

  // The page took both files as the real one does; the user alone clicked, nothing was submitted.
  expect((await page.evaluate(() => (window as unknown as { __uploads: { files: string[] }[] }).__uploads)).map((u) => u.files)).toEqual([['signature-page.pdf'], ['scan.pdf']]);
  expect(await replicaClicks(page)).toEqual(['上传签章页']);
  expect(extensionRequests).toEqual([]);
});
