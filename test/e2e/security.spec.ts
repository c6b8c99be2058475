import { test, expect, sampleBundle, importThroughBackground, inBackground, SAMPLE_BUNDLE_PATH } from './fixtures';
import { PORTAL_MATCHES } from '@/utils/pages/hosts';
import { REPLICA_HOSTS, fixturePath } from '../portal-router.mjs';

const R11 = 'https://register.ccopyright.com.cn/r11.html';
const LOGIN = 'https://register.ccopyright.com.cn/login.html';
const PASS = '我的口令 correct horse';

test('the built manifest asks for no more than the official hosts, storage, alarms and scripting', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html?tab=none');
  const manifest = (await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest())) as Record<string, any>;
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting']);
  // The engine is injected by the background: no site can load a file of ours.
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.host_permissions).toEqual(PORTAL_MATCHES);
  for (const script of manifest.content_scripts) expect(script.matches.every((m: string) => PORTAL_MATCHES.includes(m))).toBe(true);
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"http:\/\/|\*:\/\//);
  expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'self'");
});

test('nothing leaves the machine: import, fill and check make no request of the extension’s own', async ({ context, openExtensionPage, openPortal, sendToTab, extensionRequests }) => {
  const seen: string[] = [];
  context.on('request', (r) => seen.push(r.url()));

  const options = await openExtensionPage('options.html#data');
  await options.locator('#bundle-file').setInputFiles(SAMPLE_BUNDLE_PATH);
  await expect(options.getByRole('status')).toContainText('已导入');
  for (const step of ['application', 'development', 'features']) {
    const page = await openPortal(`${R11}#/${step}`);
    await inBackground(context, page);
    await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    await sendToTab(R11, { type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    await page.close();
  }
  // Sanity: the recorder does see requests made from a portal page's context.
  const probe = await openPortal(`${R11}#/application`);
  await probe.evaluate(() => fetch('/__replica/hd.js?probe').then((r) => r.text()));
  expect(seen.some((u) => u.endsWith('/__replica/hd.js?probe'))).toBe(true);

  expect(extensionRequests).toEqual([]);
  const outside = seen.filter((u) => !u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:'));
  for (const url of outside) {
    expect(REPLICA_HOSTS).toContain(new URL(url).hostname);
    // Every request to the portal host is a replica file: a page load or the replica's own script.
    expect(fixturePath(url), url).not.toBeNull();
  }
});

test('with the lock on: sensitive fields are sealed, a locked store fills nothing, a wrong passphrase is refused', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const options = await openExtensionPage('options.html#security');
  await expect(options.getByRole('status').first()).toContainText('口令锁未开启');
  await options.getByLabel('新口令（至少 8 个字符）').fill(PASS);
  await options.getByLabel('再次输入新口令').fill(PASS);
  await options.getByRole('button', { name: '开启口令锁' }).click();
  await expect(options.getByText('口令锁已开启')).toBeVisible();

  // What IndexedDB holds no longer shows the ID number or the phone: every database of the
  // extension is read, since the lock writes each new state into a database of its own.
  const raw = await options.evaluate(async () => {
    // Each database lives in a storage bucket of its own where the browser has them (places.ts).
    const buckets = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]>; open(n: string): Promise<{ indexedDB: IDBFactory }> } }).storageBuckets;
    const factory = async (name: string) => ((await buckets?.keys())?.includes(name) ? (await buckets!.open(name)).indexedDB : indexedDB);
    const read = async (name: string) => {
      const idb = await factory(name);
      return new Promise<string>((resolve) => {
        const open = idb.open(name);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('owners')) return resolve('');
          const all = db.transaction('owners').objectStore('owners').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
        };
      });
    };
    const names = [...(await indexedDB.databases()).map((d) => d.name ?? ''), ...((await buckets?.keys()) ?? [])].filter((n) => n.startsWith('ruanzhu'));
    return (await Promise.all(names.map(read))).join('\n');
  });
  expect(raw).not.toContain('110105199003072012');
  expect(raw).not.toContain('13800138000');
  // All of an owner but its id, kind and timestamps is sealed (vault.ts): the name too.
  expect(raw).not.toContain('张三');
  expect(raw).toContain('o-zhang-san');

  await options.getByRole('button', { name: '立即锁定' }).click();
  await expect(options.getByRole('form', { name: '资料已锁定' })).toBeVisible();

  // The login page fills from a profile at once (the R11 wizard opens on its identity chooser).
  const page = await openPortal(LOGIN);
  await inBackground(context, page);
  const res = await sendToTab(LOGIN, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', page: 'ccopyright.login' });
  expect(res).toEqual({ failed: true, reason: 'locked', error: expect.stringContaining('资料已锁定') });

  await options.getByLabel('口令').fill('not my passphrase');
  await options.getByRole('button', { name: '解锁' }).click();
  await expect(options.getByRole('alert')).toContainText('口令不正确');
  await options.getByLabel('口令').fill(PASS);
  await options.getByRole('button', { name: '解锁' }).click();
  await options.getByRole('tab', { name: '著作权人' }).click();
  await options.getByRole('list', { name: '著作权人' }).getByRole('button', { name: /张三/ }).click();
  await expect(options.locator('[data-field="idNumber"]')).toHaveValue('110105199003072012');
});
