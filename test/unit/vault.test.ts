import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundContext, type BackgroundContext } from '@/utils/background/service';
import { importBundle } from '@/utils/background/store/bundle-io';
import { PBKDF2_ITERATIONS, WrongPassphraseError } from '@/utils/background/crypto/crypto';
import { decryptBundle, encryptBundle } from '@/utils/background/vault/bundle-crypto';
import { backupOverdue, noteChange, noteExport, UNEXPORTED_SINCE_KEY } from '@/utils/background/store/backup-reminder';
import { LockedError, Vault } from '@/utils/background/vault/vault';
import { makeBundle } from '@/utils/schema/bundle';
import { askBackground, freshDb, sampleBundle } from './helpers';

const FAST = 100_000;
const PASS = '正确的口令 correct horse';

/** A background with the sample imported and the lock turned on (and so unlocked). */
async function lockedStore() {
  const { db } = freshDb();
  await importBundle(db, sampleBundle());
  const ctx = createBackgroundContext(db, () => {}, FAST);
  await ctx.vault.enable(PASS);
  return ctx;
}
const ask = (ctx: BackgroundContext, message: { type: string; [k: string]: unknown }) => askBackground(ctx, message);

afterEach(() => {
  vi.useRealTimers();
});

describe('passphrase lock', () => {
  it('is off by default: records are stored as they are', async () => {
    const { db } = freshDb();
    const vault = new Vault(db);
    expect(await vault.status()).toEqual({ enabled: false, locked: false, autoLockMinutes: 15 });
    await importBundle(db, sampleBundle(), await vault.codec());
    expect((await db.owners.get('o-zhang-san'))?.idNumber).toBe('110105199003072012');
  });

  it('new keys use PBKDF2-SHA256 with 600 000 iterations', async () => {
    const { db } = freshDb();
    await new Vault(db).enable(PASS);
    expect(((await db.meta.get('lock'))?.value as { kdf: { iterations: number } }).kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('seals every sensitive field at rest and nothing of it remains readable', async () => {
    const { db } = await lockedStore();
    const raw = JSON.stringify(await db.owners.toArray());
    for (const secret of ['110105199003072012', '13800138000', 'zhangsan@example.com', '建国路88号', '91110108MA01C3KX5Q', '100022']) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toContain('张三');
  });

  it('while unlocked, pages and fills see the full records', async () => {
    const ctx = await lockedStore();
    const owners = (await ask(ctx, { type: 'ruanzhu:owners', query: { text: '110105' } })) as { name: string; realName: { idNumber: string } }[];
    expect(owners.map((o) => o.name)).toEqual(['张三']);
    expect(owners[0].realName.idNumber).toBe('110105199003072012');
    const values = (await ask(ctx, { type: 'ruanzhu:plan-values', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', page: 'ccopyright.r11.development' })) as { owner: { idNumber: string } };
    expect(values.owner.idNumber).toBe('91110108MA01C3KX5Q');
  });

  it('once locked, nothing sensitive is answered: reads, fills and exports fail with "locked"', async () => {
    const ctx = await lockedStore();
    const { vault } = ctx;
    vault.lock();
    await expect(vault.codec()).rejects.toBeInstanceOf(LockedError);
    for (const message of [
      { type: 'ruanzhu:owners', query: {} },
      { type: 'ruanzhu:plan-values', ownerId: 'o-zhang-san', page: 'ccopyright.realname.person' },
      { type: 'ruanzhu:export' },
    ]) {
      expect(await ask(ctx, message)).toMatchObject({ failed: true, reason: 'locked', error: expect.stringContaining('锁定') });
    }
  });

  it('a wrong passphrase is a clear error and changes nothing', async () => {
    const ctx = await lockedStore();
    const { db, vault } = ctx;
    vault.lock();
    const before = await db.owners.toArray();
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await ask(ctx, { type: 'ruanzhu:unlock', passphrase: 'nope nope' })).toEqual({ failed: true, reason: 'wrong-passphrase', error: expect.stringMatching(/口令不正确.*wrong passphrase/) });
    expect((await vault.status()).locked).toBe(true);
    expect(await db.owners.toArray()).toEqual(before);
    await vault.unlock(PASS);
    expect((await vault.status()).locked).toBe(false);
  });

  it('changing the passphrase re-encrypts everything; a failure midway leaves the old state intact', async () => {
    const ctx = await lockedStore();
    const { db, vault } = ctx;
    const before = await db.owners.toArray();
    const put = db.owners.bulkPut.bind(db.owners);
    db.owners.bulkPut = (() => Promise.reject(new Error('disk'))) as never;
    await expect(vault.changePassphrase(PASS, 'a brand new passphrase')).rejects.toThrow('disk');
    db.owners.bulkPut = put;
    expect(await db.owners.toArray()).toEqual(before);
    vault.lock();
    await vault.unlock(PASS);

    await vault.changePassphrase(PASS, 'a brand new passphrase');
    vault.lock();
    await expect(vault.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await vault.unlock('a brand new passphrase');
    const owner = (await ask(ctx, { type: 'ruanzhu:owner', id: 'o-zhang-san' })) as { phone: string };
    expect(owner.phone).toBe('13800138000');
  });

  it('refuses short passphrases, and turning the lock off restores plain records', async () => {
    const { db } = freshDb();
    await importBundle(db, sampleBundle());
    const vault = new Vault(db, () => {}, FAST);
    await expect(vault.enable('short')).rejects.toThrow(/至少 8 个字符/);
    await vault.enable(PASS);
    await expect(vault.disable('wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await vault.disable(PASS);
    expect(await vault.status()).toMatchObject({ enabled: false, locked: false });
    expect((await db.owners.get('o-zhang-san'))?.idNumber).toBe('110105199003072012');
  });

  it('locks itself after the idle time', async () => {
    const { vault } = await lockedStore();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await vault.setAutoLockMinutes(5);
    await vault.codec();
    vi.advanceTimersByTime(4 * 60_000);
    expect((await vault.status()).locked).toBe(false);
    await vault.codec(); // use resets the clock
    vi.advanceTimersByTime(4 * 60_000);
    expect((await vault.status()).locked).toBe(false);
    vi.advanceTimersByTime(60_001);
    expect((await vault.status()).locked).toBe(true);
  });
});

describe('encrypted export files', () => {
  it('round-trip with their own passphrase; a wrong one is refused and nothing is written', async () => {
    const ctx = await lockedStore();
    const sealed = (await ask(ctx, { type: 'ruanzhu:export', passphrase: 'file passphrase' })) as object;
    expect(JSON.stringify(sealed)).not.toContain('110105199003072012');

    const { db: other } = freshDb();
    const otherCtx = createBackgroundContext(other, () => {});
    expect(await ask(otherCtx, { type: 'ruanzhu:import', bundle: sealed })).toMatchObject({ ok: false, needsPassphrase: true });
    expect(await ask(otherCtx, { type: 'ruanzhu:import', bundle: sealed, passphrase: 'wrong wrong' })).toMatchObject({ failed: true, reason: 'wrong-passphrase', error: expect.stringContaining('口令不正确') });
    expect(await other.owners.count()).toBe(0);
    expect(await ask(otherCtx, { type: 'ruanzhu:import', bundle: sealed, passphrase: 'file passphrase' })).toMatchObject({ ok: true, owners: 2, works: 1 });
    expect((await other.owners.get('o-zhang-san'))?.idNumber).toBe('110105199003072012');
  });

  it('a damaged file says so', async () => {
    const sealed = await encryptBundle(makeBundle([], []), 'file passphrase');
    await expect(decryptBundle({ ...sealed, payload: { iv: 'x' } }, 'file passphrase')).rejects.toThrow(/已损坏/);
  });
});

describe('backup reminder', () => {
  it('counts from the first change after an export, and an export clears it', async () => {
    const { db } = freshDb();
    await noteChange(db, new Date('2026-11-01T00:00:00Z'));
    await noteChange(db, new Date('2026-11-20T00:00:00Z'));
    const since = (await db.meta.get(UNEXPORTED_SINCE_KEY))?.value;
    expect(backupOverdue(since, new Date('2026-11-05T00:00:00Z'))).toBeNull();
    expect(backupOverdue(since, new Date('2026-11-09T00:00:00Z'))).toBe('2026-11-01T00:00:00.000Z');
    await noteExport(db);
    expect(backupOverdue((await db.meta.get(UNEXPORTED_SINCE_KEY))?.value, new Date('2026-12-31T00:00:00Z'))).toBeNull();
  });
});
