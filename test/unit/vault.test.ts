import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundContext, type BackgroundContext } from '@/utils/background/service';
import { importBundle } from '@/utils/background/store/bundle-io';
import type { StoredOwner } from '@/utils/background/store/owner-codec';
import { PBKDF2_ITERATIONS, WrongPassphraseError } from '@/utils/background/crypto/crypto';
import { decryptBundle, encryptBundle } from '@/utils/background/vault/bundle-crypto';
import { backupOverdue, noteChange, noteExport, UNEXPORTED_SINCE_KEY } from '@/utils/background/store/backup-reminder';
import { LockedError, Vault } from '@/utils/background/vault/vault';
import { makeBundle } from '@/utils/schema/bundle';
import type { Owner } from '@/utils/schema/owner';
import { askBackground, freshDb, freshStore, sampleBundle } from './helpers';

const FAST = 100_000;
const PASS = '正确的口令 correct horse';

/** A background with the sample imported and the lock turned on (and so unlocked). */
async function lockedStore() {
  const fresh = freshStore();
  await fresh.store.use((db) => importBundle(db, sampleBundle()));
  const ctx = createBackgroundContext(fresh.store, () => {}, FAST);
  await ctx.vault.enable(PASS);
  return { ...ctx, ...fresh };
}
const ask = (ctx: BackgroundContext, message: { type: string; [k: string]: unknown }) => askBackground(ctx, message);
const stored = async (db: () => Promise<{ owners: { toArray(): Promise<StoredOwner[]> } }>) => (await db()).owners.toArray();

afterEach(() => {
  vi.useRealTimers();
});

describe('passphrase lock', () => {
  it('is off by default: records are stored as they are', async () => {
    const { store, db } = freshStore();
    const vault = new Vault(store);
    expect(await vault.status()).toEqual({ enabled: false, locked: false, autoLockMinutes: 15 });
    const codec = await vault.codec();
    await store.use((d) => importBundle(d, sampleBundle(), codec));
    expect(((await (await db()).owners.get('o-zhang-san')) as Owner).idNumber).toBe('110105199003072012');
  });

  it('new keys use PBKDF2-SHA256 with 600 000 iterations', async () => {
    const { store, db } = freshStore();
    await new Vault(store).enable(PASS);
    expect(((await (await db()).meta.get('lock'))?.value as { kdf: { iterations: number } }).kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('seals everything but the id, the kind and the timestamps — names, tags, notes and unknown keys too', async () => {
    const fresh = freshStore();
    const bundle = sampleBundle();
    bundle.owners[0] = { ...bundle.owners[0], notes: '客户备注：周五回电', tags: ['重点客户'], contactName: '王联系', futureKey: '新版本字段' };
    await fresh.store.use((db) => importBundle(db, bundle));
    const ctx = createBackgroundContext(fresh.store, () => {}, FAST);
    await ctx.vault.enable(PASS);
    const rows = await stored(fresh.db);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'kind', 'sealed']);
    const raw = JSON.stringify(rows);
    for (const secret of ['110105199003072012', '13800138000', 'zhangsan@example.com', '建国路88号', '91110108MA01C3KX5Q', '100022', '张三', '北京市', '重点客户', '周五回电', '王联系', '新版本字段']) {
      expect(raw).not.toContain(secret);
    }
    // Everything comes back when unlocked.
    expect(await ask(ctx, { type: 'ruanzhu:owner', id: 'o-zhang-san' })).toMatchObject({ name: '张三', notes: '客户备注：周五回电', tags: ['重点客户'], futureKey: '新版本字段' });
  });

  it('turning the lock on writes a new database and deletes the old one, so no plaintext copy stays behind', async () => {
    const fresh = freshStore();
    await fresh.store.use((db) => importBundle(db, sampleBundle()));
    const before = (await fresh.db()).name;
    expect(await fresh.names()).toEqual([before]);
    await createBackgroundContext(fresh.store, () => {}, FAST).vault.enable(PASS);
    const after = (await fresh.db()).name;
    expect(after).not.toBe(before);
    expect(await fresh.names()).toEqual([after]);
  });

  it('sealed data moved into another record does not open: it is bound to its record\'s id', async () => {
    const ctx = await lockedStore();
    const db = await ctx.db();
    const [a, b] = (await db.owners.toArray()) as (StoredOwner & { sealed: unknown })[];
    await db.owners.put({ ...b, sealed: a.sealed } as StoredOwner);
    expect(await ask(ctx, { type: 'ruanzhu:owner', id: b.id })).toMatchObject({ failed: true, reason: 'wrong-passphrase' });
    expect(await ask(ctx, { type: 'ruanzhu:owner', id: a.id })).toMatchObject({ id: a.id });
  });

  it('records sealed by an earlier version (names in clear, unbound) are sealed anew on unlock', async () => {
    const ctx = await lockedStore();
    const db = await ctx.db();
    // The old shape: sensitive fields blank beside a sealed part that is not bound to the id.
    const { seal } = await import('@/utils/background/crypto/crypto');
    const key = (ctx.vault as unknown as { key: CryptoKey }).key;
    await db.owners.put({ id: 'o-old', kind: 'person', name: '旧记录', idNumber: '', phone: '', tags: ['旧'], sealed: await seal(key, { idNumber: '110105199003072012' }) } as unknown as StoredOwner);
    ctx.vault.lock();
    await ctx.vault.unlock(PASS);
    const row = (await (await ctx.db()).owners.get('o-old')) as StoredOwner & { sealed: { bound?: boolean } };
    expect(Object.keys(row).sort()).toEqual(['id', 'kind', 'sealed']);
    expect(row.sealed.bound).toBe(true);
    expect(await ask(ctx, { type: 'ruanzhu:owner', id: 'o-old' })).toMatchObject({ name: '旧记录', idNumber: '110105199003072012', tags: ['旧'] });
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
    const { vault } = ctx;
    vault.lock();
    const before = await stored(ctx.db);
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await ask(ctx, { type: 'ruanzhu:unlock', passphrase: 'nope nope' })).toEqual({ failed: true, reason: 'wrong-passphrase', error: expect.stringMatching(/口令不正确.*wrong passphrase/) });
    expect((await vault.status()).locked).toBe(true);
    expect(await stored(ctx.db)).toEqual(before);
    await vault.unlock(PASS);
    expect((await vault.status()).locked).toBe(false);
  });

  it('changing the passphrase re-encrypts everything; a failure midway leaves the old state intact', async () => {
    const ctx = await lockedStore();
    const { vault } = ctx;
    const before = await stored(ctx.db);
    const names = await ctx.names();
    // The new database cannot be written: the old one stays in use, the half-written one goes.
    const { default: Dexie } = await import('dexie');
    const transaction = Dexie.prototype.transaction;
    const failing = vi.spyOn(Dexie.prototype, 'transaction').mockImplementation(function (this: InstanceType<typeof Dexie>, mode: string, ...rest: unknown[]) {
      if (mode === 'rw') return Promise.reject(new Error('disk'));
      return (transaction as (...a: unknown[]) => unknown).call(this, mode, ...rest);
    } as never);
    await expect(vault.changePassphrase(PASS, 'a brand new passphrase')).rejects.toThrow('disk');
    failing.mockRestore();
    expect(await stored(ctx.db)).toEqual(before);
    expect(await ctx.names()).toEqual(names);
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
    const { store, db } = freshStore();
    await store.use((d) => importBundle(d, sampleBundle()));
    const vault = new Vault(store, () => {}, FAST);
    await expect(vault.enable('short')).rejects.toThrow(/至少 8 个字符/);
    await vault.enable(PASS);
    await expect(vault.disable('wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await vault.disable(PASS);
    expect(await vault.status()).toMatchObject({ enabled: false, locked: false });
    expect(((await (await db()).owners.get('o-zhang-san')) as Owner).idNumber).toBe('110105199003072012');
  });

  it('locking is told (portal tabs forget their values); unlocking and re-encoding are not locking', async () => {
    const fresh = freshStore();
    await fresh.store.use((db) => importBundle(db, sampleBundle()));
    const locks: string[] = [];
    const ctx = createBackgroundContext(fresh.store, () => {}, FAST, () => locks.push('locked'));
    await ctx.vault.enable(PASS);
    expect(locks).toEqual([]);
    ctx.vault.lock();
    expect(locks).toEqual(['locked']);
    await ctx.vault.unlock(PASS);
    expect(locks).toEqual(['locked']);
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

    const other = freshStore();
    const otherCtx = createBackgroundContext(other.store, () => {});
    expect(await ask(otherCtx, { type: 'ruanzhu:import', bundle: sealed })).toMatchObject({ ok: false, needsPassphrase: true });
    expect(await ask(otherCtx, { type: 'ruanzhu:import', bundle: sealed, passphrase: 'wrong wrong' })).toMatchObject({ failed: true, reason: 'wrong-passphrase', error: expect.stringContaining('口令不正确') });
    expect(await (await other.db()).owners.count()).toBe(0);
    expect(await ask(otherCtx, { type: 'ruanzhu:import', bundle: sealed, passphrase: 'file passphrase' })).toMatchObject({ ok: true, owners: 2, works: 1 });
    expect(((await (await other.db()).owners.get('o-zhang-san')) as Owner).idNumber).toBe('110105199003072012');
  });

  it('a file asking for more key derivation rounds than any export uses is refused before deriving', async () => {
    const sealed = await encryptBundle(makeBundle([], []), 'file passphrase');
    const started = Date.now();
    await expect(decryptBundle({ ...sealed, kdf: { ...sealed.kdf, iterations: 2_000_000_000 } }, 'file passphrase')).rejects.toThrow(/已损坏/);
    expect(Date.now() - started).toBeLessThan(2000);
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
