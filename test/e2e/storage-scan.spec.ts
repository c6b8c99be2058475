import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { extensionLaunchOptions } from '../chromium.mjs';
import { test, expect, sampleBundle, SAMPLE_BUNDLE_PATH } from './fixtures';
import { findSecrets } from './profile-files';

/*
 * What someone with the disk finds: the browser profile's files, read byte for byte (and as
 * LevelDB reads its compressed tables and logs), searched for the sample owners' ID numbers,
 * phones, emails, addresses and landlines.
 * The browser runs on a profile directory of its own and is closed before each scan, so every
 * file is complete.
 */

const PASS = '我的口令 correct horse';
const sample = sampleBundle();
const SECRETS: string[] = [...new Set<string>(sample.owners.flatMap((o: Record<string, string>) => ['idNumber', 'phone', 'email', 'address', 'landline'].map((k) => o[k]).filter(Boolean)))];

async function launch(dir: string): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(dir, extensionLaunchOptions());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, id: new URL(worker.url()).host };
}

test('after the lock is turned on and locked, no file of the browser profile holds an ID number, a phone, an email or an address', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruanzhu-profile-'));
  try {
    let { context, id } = await launch(dir);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html#data`);
    await options.locator('#bundle-file').setInputFiles(SAMPLE_BUNDLE_PATH);
    await expect(options.getByRole('status')).toContainText('已导入');
    await context.close();

    // Without the lock the records are stored as they are: the scan finds every one of them.
    expect(SECRETS).toEqual(expect.arrayContaining(['110105199003072012', '91110108MA01C3KX5Q', '13800138000', '13900139000']));
    expect(new Set(findSecrets(dir, SECRETS).map((h) => h.secret))).toEqual(new Set(SECRETS));

    ({ context, id } = await launch(dir));
    // An owner open in the editor while the lock goes on: its values are on screen, not on disk.
    const editor = await context.newPage();
    await editor.goto(`chrome-extension://${id}/options.html#owners`);
    await editor.getByRole('list', { name: '著作权人' }).getByRole('button', { name: /张三/ }).click();
    await expect(editor.locator('[data-field="idNumber"]')).toHaveValue('110105199003072012');
    const security = await context.newPage();
    await security.goto(`chrome-extension://${id}/options.html#security`);
    await security.getByLabel('新口令（至少 8 个字符）').fill(PASS);
    await security.getByLabel('再次输入新口令').fill(PASS);
    await security.getByRole('button', { name: '开启口令锁' }).click();
    await expect(security.getByText('口令锁已开启')).toBeVisible();
    await security.getByRole('button', { name: '立即锁定' }).click();
    await expect(security.getByRole('form', { name: '资料已锁定' })).toBeVisible();
    await context.close();

    expect(findSecrets(dir, SECRETS)).toEqual([]);

    // The records are still there, sealed: unlocking shows them again.
    ({ context, id } = await launch(dir));
    const again = await context.newPage();
    await again.goto(`chrome-extension://${id}/options.html#owners`);
    await again.getByLabel('口令').fill(PASS);
    await again.getByRole('button', { name: '解锁' }).click();
    await again.getByRole('list', { name: '著作权人' }).getByRole('button', { name: /张三/ }).click();
    await expect(again.locator('[data-field="idNumber"]')).toHaveValue('110105199003072012');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
