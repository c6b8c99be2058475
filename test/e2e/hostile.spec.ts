import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, sampleBundle, importThroughBackground, inBackground, popupFor, closedUi, waitForClosedUi } from './fixtures';

/*
 * The portal page is not a friend. Each page under test/fixtures/portals/register.ccopyright.com.cn/hostile/
 * runs recorder.js first, as a compromised portal script would: it records into `window.__stolen`
 * everything the page's JavaScript can read (every DOM mutation and attribute, every event and
 * what its target holds, every field, every shadow root it can reach — attachShadow forced open —,
 * storage, the selection) and keeps provoking the extension (fake and real hash changes, popstate,
 * WXT's location event, focus, synthetic edits, postMessage, synthetic PDF choices). With the
 * sample profiles loaded, the suite fails
 *  - if any profile string (every string of the sample's owners and works of two or more
 *    characters, compared in a normalised form) other than those the user just filled into visible
 *    fields of the page's true kind appears in what the page recorded, and
 *  - if a fill or a check starts without a user gesture: the background's messages are counted by
 *    a listener added in the service worker; a gesture is a message from an extension page (the
 *    popup at popup.html?tab=<id>).
 */

const HOST = 'https://register.ccopyright.com.cn';
const HOSTILE_DIR = new URL('../fixtures/portals/register.ccopyright.com.cn/hostile/', import.meta.url);
const hostileFile = (name: string) => readFileSync(fileURLToPath(new URL(name, HOSTILE_DIR)), 'utf8');
const PORTALS = new URL('../fixtures/portals/', import.meta.url);
const portalFile = (path: string) => readFileSync(fileURLToPath(new URL(path, PORTALS)), 'utf8');
const sample = sampleBundle();

/** The form in which texts are compared: width folded, case folded, without spaces and the usual separators. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\-_./·,，、:：]+/g, '');

/** Every string in the sample's owners and works. */
function profileStrings(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk([sample.owners, sample.works]);
  return [...out].filter((s) => [...fold(s)].length >= 2);
}

/** The documented marks the page can see: the kind on <html>, the filled marks on fields the user just filled. */
const MARKS = / data-ruanzhu-(page|filled)="[^"]*"/g;

interface Stolen {
  what: string;
  text: string;
}

/**
 * What the page learnt that it must not: the profile strings found in its record, except those it
 * knew already (its own files, `known`) and those the user just filled (`allowed`).
 */
function leaks(stolen: Stolen[], allowed: readonly string[], known: string): { value: string; where: string[] }[] {
  const knownText = fold(known);
  const allowedText = allowed.map(fold);
  const records = stolen.map((r) => ({ what: r.what, text: fold(r.what.startsWith('attribute data-ruanzhu-') ? '' : r.text.replace(MARKS, '')) }));
  return profileStrings()
    .filter((value) => !knownText.includes(fold(value)) && !allowedText.some((a) => a.includes(fold(value))))
    .flatMap((value) => {
      const where = records.filter((r) => r.text.includes(fold(value))).map((r) => r.what);
      return where.length ? [{ value, where: [...new Set(where)].slice(0, 5) }] : [];
    });
}

/**
 * The pieces of our closed UI's text that the page recorded: ten-character pieces of `shown`,
 * leaving out those the page knew or the user filled. Empty when nothing of the UI reached it.
 */
function uiPiecesRead(stolen: Stolen[], shown: string, allowed: readonly string[], known: string): string[] {
  const recorded = fold(stolen.map((r) => r.text).join('\n'));
  const text = fold(shown);
  const pieces: string[] = [];
  for (let i = 0; i + 10 <= text.length; i += 10) pieces.push(text.slice(i, i + 10));
  expect(pieces.length).toBeGreaterThan(0);
  return pieces.filter((p) => !fold(known).includes(p) && !allowed.some((a) => fold(a).includes(p)) && recorded.includes(p));
}

/** The marks the page could see are the two documented ones, holding page kinds and fill keys, never values. */
function expectOnlyDocumentedMarks(stolen: Stolen[]) {
  const names = new Set(stolen.flatMap((r) => [...(r.what + ' ' + r.text).matchAll(/data-ruanzhu-[a-z-]+/g)].map((m) => m[0])));
  expect([...names].filter((n) => n !== 'data-ruanzhu-page' && n !== 'data-ruanzhu-filled')).toEqual([]);
  for (const r of stolen.filter((x) => x.what === 'attribute data-ruanzhu-page')) expect(r.text).toMatch(/^(ccopyright|aliyun)\.[a-z.]+$/);
  for (const r of stolen.filter((x) => x.what === 'attribute data-ruanzhu-filled')) expect(r.text).toMatch(/^(owner|owners\.\d+|work)\.[A-Za-z.]+$/);
}

/** Counts the requests content scripts make to the background, from a listener added in the service worker. */
async function watchBackground(context: BrowserContext) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __heard: unknown[]; chrome: { runtime: { onMessage: { addListener(f: (m: unknown, s: { tab?: { id?: number } }) => void): void } } } };
    g.__heard = [];
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      const m = message as { type?: string; page?: string };
      g.__heard.push({ type: m?.type, page: m?.page, tab: sender.tab?.id });
    });
  });
  const heard = async () => {
    const all = await worker.evaluate(() => (globalThis as unknown as { __heard?: { type: string; page?: string; tab?: number }[] }).__heard);
    if (!all) throw new Error('the service worker restarted: its listener is gone');
    return all;
  };
  return {
    /** The profile requests (`ruanzhu:plan-values`) and PDF reads (`ruanzhu:inspect-material`) so far. */
    counts: async () => {
      const all = await heard();
      return { planValues: all.filter((m) => m.type === 'ruanzhu:plan-values').length, inspectMaterial: all.filter((m) => m.type === 'ruanzhu:inspect-material').length };
    },
    planValues: async () => (await heard()).filter((m) => m.type === 'ruanzhu:plan-values'),
  };
}

/**
 * Opens a hostile page and lets it provoke for a while. Returns the page and what it shows of its
 * own before the user does anything (its text nodes, the order ids it renders …): no profile has
 * reached it yet, so nothing of that can be a leak.
 */
async function openHostile(context: BrowserContext, url: string, sources: readonly string[]): Promise<{ page: Page; known: string }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __hostile: { rounds(): number } }).__hostile.rounds() >= 15);
  const shown = await page.evaluate(() => {
    const walk = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) parts.push(n.nodeValue ?? '');
    return parts.join('\n');
  });
  return { page, known: [...sources, hostileFile('recorder.js'), shown].join('\n') };
}

const kindOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.ruanzhuPage ?? null);
const values = (page: Page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('input:not([type=file])')].map((i) => [i.id, (i as HTMLInputElement).value])));
const record = (page: Page): Promise<Stolen[]> => page.evaluate(() => (window as unknown as { __hostile: { sweep(): Stolen[] } }).__hostile.sweep());

/** Lets the page provoke for `ms` more. */
const provokeFor = (page: Page, ms: number) => page.waitForTimeout(ms);

test('the judge finds a profile value however the page holds it, and passes what the user filled and what the page knew', () => {
  const stolen = [
    { what: 'value #phone', text: '138 0013 8000' },
    { what: 'html', text: '<p data-ruanzhu-page="ccopyright.realname.person">１１０１０５１９９００３０７２０１２</p>' },
    { what: 'event input', text: '{"value":"ZhangSan@Example.com"}' },
  ];
  // The account name is in the email too: both are found.
  expect(leaks(stolen, [], '').map((l) => l.value).sort()).toEqual(['110105199003072012', '13800138000', 'zhangsan', 'zhangsan@example.com']);
  expect(leaks(stolen, ['110105199003072012', '13800138000'], '<p>zhangsan@example.com</p>')).toEqual([]);
});

test.describe('with the sample profiles loaded', () => {
  test.beforeEach(async ({ openExtensionPage }) => {
    await importThroughBackground(openExtensionPage, sample);
  });

  test('a login page dressed as real-name authentication receives the account name only, and only when the user fills', async ({ context, openExtensionPage }) => {
    const background = await watchBackground(context);
    // /login.html is the login's place: whatever the page shows, it is the login page.
    await context.route(`${HOST}/login.html`, (route) => route.fulfill({ body: hostileFile('login-as-realname.html'), contentType: 'text/html; charset=utf-8' }));
    const { page, known } = await openHostile(context, `${HOST}/login.html`, [hostileFile('login-as-realname.html')]);
    await expect.poll(() => kindOf(page)).toBe('ccopyright.login');
    expect(await background.counts()).toEqual({ planValues: 0, inspectMaterial: 0 });

    const popup = await popupFor(openExtensionPage, `${HOST}/login.html`);
    await inBackground(context, page);
    await expect(popup.locator('[data-page-kind]')).toHaveAttribute('data-page-kind', 'ccopyright.login');
    // Opening the popup checks the page alone: no owner chosen, no profile asked for.
    await provokeFor(page, 500);
    expect((await background.counts()).planValues).toBe(0);

    await popup.locator('#owner').selectOption({ label: '张三 · 2012' });
    await expect.poll(async () => (await background.counts()).planValues).toBe(1);
    await popup.getByRole('button', { name: '填写本页' }).click();
    await expect(popup.getByRole('region', { name: '填写结果' })).toContainText('已填写 1');
    expect(await values(page)).toEqual({ userName: 'zhangsan', password: '', name: '', idNumber: '', phone: '', email: '', address: '' });

    await provokeFor(page, 1500);
    expect(await background.counts()).toEqual({ planValues: 2, inspectMaterial: 0 });
    expect((await background.planValues()).map((m) => m.page)).toEqual(['ccopyright.login', 'ccopyright.login']);

    // Our findings panel is on the page (read here through CDP); the page's script saw none of it.
    const panel = await (await waitForClosedUi(page, 'ruanzhu-findings')).text();
    const stolen = await record(page);
    expect(stolen.some((r) => r.text.includes('zhangsan'))).toBe(true);
    expect(stolen.filter((r) => /shadow root/.test(r.what))).toEqual([]);
    expect(uiPiecesRead(stolen, panel, ['zhangsan'], known)).toEqual([]);
    expectOnlyDocumentedMarks(stolen);
    expect(leaks(stolen, ['zhangsan'], known)).toEqual([]);
  });

  test('fields planted on a real-name page stay empty: only the visible name, ID number and (down a scrolling box) postcode are filled', async ({ context, openExtensionPage }) => {
    const background = await watchBackground(context);
    const url = `${HOST}/hostile/realname-planted.html`;
    const { page, known } = await openHostile(context, url, [hostileFile('realname-planted.html')]);
    await expect.poll(() => kindOf(page)).toBe('ccopyright.realname.person');

    const popup = await popupFor(openExtensionPage, url);
    await inBackground(context, page);
    await popup.locator('#owner').selectOption({ label: '张三 · 2012' });
    await popup.getByRole('button', { name: '填写本页' }).click();
    await expect(popup.getByRole('region', { name: '填写结果' })).toContainText('已填写 3');
    expect(await values(page)).toEqual({
      name: '张三',
      idNumber: '110105199003072012',
      'postcode-scrolled': '100022',
      ...Object.fromEntries(['phone', 'email', 'address', 'postcode', 'country', 'province', 'city', 'name-twin', 'id-twin', 'phone-right', 'email-below', 'address-far'].map((id) => [id, ''])),
    });
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-ruanzhu-filled]')].map((e) => e.id))).toEqual(['name', 'idNumber', 'postcode-scrolled']);

    // The page puts PDFs in its uploads and fires change a hundred times: none is read.
    await provokeFor(page, 1500);
    const afterFill = await background.counts();
    expect(afterFill).toEqual({ planValues: 2, inspectMaterial: 0 });
    // The user choosing a PDF is read (the counter counts): once. A file on disk (an ASCII path: this
    // Chromium sets none for another), so that the browser itself sets it and fires a trusted change;
    // from a buffer, Playwright fires its own, untrusted one.
    const pdf = join(test.info().outputPath(), 'source.pdf');
    mkdirSync(dirname(pdf), { recursive: true });
    writeFileSync(pdf, await materialPdf());
    await page.setInputFiles('input[accept=".pdf"]', pdf);
    await expect.poll(async () => (await background.counts()).inspectMaterial).toBe(1);
    await provokeFor(page, 1000);
    expect(await background.counts()).toEqual({ planValues: 2, inspectMaterial: 1 });

    const shown = (await (await waitForClosedUi(page, 'ruanzhu-findings')).text()) + (await (await waitForClosedUi(page, 'ruanzhu-file-verdict')).text());
    const stolen = await record(page);
    const filled = ['张三', '110105199003072012', '100022'];
    expect(stolen.some((r) => r.text.includes('110105199003072012'))).toBe(true);
    expect(stolen.filter((r) => /shadow root/.test(r.what))).toEqual([]);
    expect(uiPiecesRead(stolen, shown, filled, known)).toEqual([]);
    expectOnlyDocumentedMarks(stolen);
    expect(leaks(stolen, filled, known)).toEqual([]);
  });

  test('a kind claimed only where no one can see it is no kind: nothing is fetched, nothing filled', async ({ context, openExtensionPage, sendToTab }) => {
    const background = await watchBackground(context);
    const url = `${HOST}/hostile/hidden-text.html`;
    const { page, known } = await openHostile(context, url, [hostileFile('hidden-text.html')]);
    expect(await kindOf(page)).toBeNull();

    const popup = await popupFor(openExtensionPage, url);
    await expect(popup.locator('[data-page-kind]')).toHaveAttribute('data-page-kind', '');
    await expect(popup.getByRole('button', { name: '填写本页' })).toHaveCount(0);
    expect(await sendToTab(url, { type: 'ruanzhu:fill', ownerId: 'o-zhang-san' })).toMatchObject({ failed: true, reason: 'page-unknown' });
    await provokeFor(page, 1500);
    expect(await background.counts()).toEqual({ planValues: 0, inspectMaterial: 0 });
    expect(await values(page)).toEqual({ name: '', idNumber: '', phone: '' });

    const stolen = await record(page);
    expect(leaks(stolen, [], known)).toEqual([]);
  });

  test('the kind the user saw is the kind that is filled: a page that moves to a real-name URL between look and click gets nothing', async ({ context, openExtensionPage }) => {
    const background = await watchBackground(context);
    await context.route(`${HOST}/login.html`, (route) => route.fulfill({ body: hostileFile('login-as-realname.html'), contentType: 'text/html; charset=utf-8' }));
    const claimed = '/account.html?current=certification#/person';
    const { page, known } = await openHostile(context, `${HOST}/login.html`, [hostileFile('login-as-realname.html'), claimed]);
    const popup = await popupFor(openExtensionPage, `${HOST}/login.html`);
    await inBackground(context, page);
    await expect(popup.locator('[data-page-kind]')).toHaveAttribute('data-page-kind', 'ccopyright.login');
    await popup.locator('#owner').selectOption({ label: '张三 · 2012' });
    await expect.poll(async () => (await background.counts()).planValues).toBe(1);

    await page.evaluate((path) => {
      (window as unknown as { __hostile: { claim(p: string): void } }).__hostile.claim(path);
      document.getElementById('password')!.closest('.row')!.remove();
    }, claimed);
    await expect.poll(() => kindOf(page)).toBe('ccopyright.realname.person');
    await popup.getByRole('button', { name: '填写本页' }).click();
    await expect(popup.getByRole('status').filter({ hasText: '与您操作时看到的不同' })).toBeVisible();
    await provokeFor(page, 1500);
    expect((await background.counts()).planValues).toBe(1);
    expect(Object.values(await values(page)).every((v) => v === '')).toBe(true);

    const stolen = await record(page);
    expectOnlyDocumentedMarks(stolen);
    expect(leaks(stolen, [], known)).toEqual([]);
  });

  test('locking reaches the page and the tab: the panel empties, the fill report with its values goes, nothing more is asked for', async ({ context, openExtensionPage }) => {
    const background = await watchBackground(context);
    const url = `${HOST}/hostile/realname-planted.html`;
    const { page } = await openHostile(context, url, []);
    const popup = await popupFor(openExtensionPage, url);
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    await inBackground(context, page);
    await popup.locator('#owner').selectOption({ label: '张三 · 2012' });
    await popup.getByRole('button', { name: '填写本页' }).click();
    await expect(popup.getByRole('region', { name: '填写结果' })).toContainText('已填写 3');
    await waitForClosedUi(page, 'ruanzhu-findings');
    const report = () => popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'ruanzhu:tab-state', tabId: id }), tabId) as Promise<{ ownerId?: string; lastFill?: unknown }>;
    await expect.poll(async () => JSON.stringify((await report()).lastFill)).toContain('110105199003072012');

    const options = await openExtensionPage('options.html#security');
    await options.getByLabel('新口令（至少 8 个字符）').fill('我的口令 correct horse');
    await options.getByLabel('再次输入新口令').fill('我的口令 correct horse');
    await options.getByRole('button', { name: '开启口令锁' }).click();
    await expect(options.getByText('口令锁已开启')).toBeVisible();
    await options.getByRole('button', { name: '立即锁定' }).click();
    // The panel's host stays, emptied: nothing of the check is left in it.
    await expect.poll(async () => (await closedUi(page, 'ruanzhu-findings'))?.text()).toBe('');
    await expect.poll(async () => (await report()).lastFill).toBeUndefined();
    expect((await report()).ownerId).toBe('o-zhang-san');
    const before = await background.counts();
    await provokeFor(page, 1500);
    expect(await background.counts()).toEqual(before);
  });

  test('the console\'s status guide checks the chosen owner in a closed panel: the page reads nothing of it, and locking takes the check away', async ({ context, openExtensionPage }) => {
    const background = await watchBackground(context);
    const url = 'https://copyright.console.aliyun.com/hostile/order.html#/order/list';
    const { page, known } = await openHostile(context, url, [portalFile('copyright.console.aliyun.com/hostile/order.html'), portalFile('_kit/fusion.js'), portalFile('_kit/variants-aliyun.js')]);
    await expect.poll(() => kindOf(page)).toBe('aliyun.orders');
    const popup = await popupFor(openExtensionPage, url);
    await inBackground(context, page);
    await popup.locator('#owner').selectOption({ label: '北京云帆科技有限公司 · KX5Q' });
    await popup.locator('#work').selectOption({ label: '云帆客户关系管理系统 V1.0' });
    await expect.poll(async () => (await background.counts()).planValues).toBe(2);
    const guide = await waitForClosedUi(page, 'ruanzhu-guide');
    const OWNER_CHECK = '著作权人的名称和证件号码与记录的实名认证信息逐字一致';
    await expect.poll(() => guide.text()).toContain(OWNER_CHECK);
    // Synthetic focus, visibility and navigation events refresh nothing.
    await provokeFor(page, 1500);
    expect(await background.counts()).toEqual({ planValues: 2, inspectMaterial: 0 });

    const stolen = await record(page);
    expect(stolen.filter((r) => /shadow root/.test(r.what))).toEqual([]);
    expect(uiPiecesRead(stolen, await guide.text(), [], known)).toEqual([]);
    expectOnlyDocumentedMarks(stolen);
    expect(leaks(stolen, [], known)).toEqual([]);

    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:lock-enable', passphrase: '我的口令 correct horse' }));
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:lock' }));
    await expect.poll(() => guide.text()).not.toContain(OWNER_CHECK);
  });

});

/** A one-page PDF such as a user chooses (the content script's first checks pass it on to the background). */
async function materialPdf(): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  doc.addPage().drawText('int main() { return 0; }', { x: 50, y: 700, size: 10, font });
  return doc.save();
}
