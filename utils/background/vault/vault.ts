import { z } from 'zod';
import { deriveKey, newKdfParams, PBKDF2_ITERATIONS, seal, unseal, WrongPassphraseError } from '@/utils/background/crypto/crypto';
import type { MetaEntry, RuanzhuDb } from '@/utils/background/store/db';
import { plainCodec, sealedTheOldWay, sealingCodec, type OwnerCodec } from '@/utils/background/store/owner-codec';
import type { ProfileStore } from '@/utils/background/store/profile-store';
import type { LockStatus } from '@/utils/contract/messages';
import { KdfParams, Sealed } from '@/utils/schema/encrypted';

const LOCK_KEY = 'lock';
const AUTO_LOCK_KEY = 'autoLockMinutes';
/** Encrypted with the key so a passphrase can be checked without touching any record. */
const CHECK_TEXT = 'ruanzhu-lock-check';
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const MIN_PASSPHRASE_LENGTH = 8;

const LockRecord = z.object({ kdf: KdfParams, check: Sealed });
type LockRecord = z.infer<typeof LockRecord>;

export class LockedError extends Error {
  readonly reason = 'locked';
  constructor() {
    super('资料已锁定，请先输入口令解锁 / profiles are locked: unlock them with your passphrase first');
  }
}

/**
 * The optional passphrase lock. The key is derived with PBKDF2 and kept only in this object's
 * memory (the background's) while unlocked; it is dropped after `autoLockMinutes` without use,
 * on `lock()`, and whenever the browser unloads the background. Turning the lock on or off and
 * changing the passphrase write a new database (ProfileStore.replace): no copy of the records as
 * they were stays behind.
 */
export class Vault {
  private key: CryptoKey | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: ProfileStore,
    /** Told whenever the key comes or goes, and after every re-encoding. */
    private readonly onChange: () => void = () => {},
    /** PBKDF2 rounds for new keys; tests lower it to keep their many derivations quick. */
    private readonly iterations = PBKDF2_ITERATIONS,
  ) {}

  private lockRecord(db: RuanzhuDb): Promise<LockRecord | null> {
    return db.meta.get(LOCK_KEY).then((entry) => {
      const parsed = LockRecord.safeParse(entry?.value);
      return parsed.success ? parsed.data : null;
    });
  }

  private async autoLockMinutes(db: RuanzhuDb): Promise<number> {
    const v = (await db.meta.get(AUTO_LOCK_KEY))?.value;
    return typeof v === 'number' && v > 0 ? v : DEFAULT_AUTO_LOCK_MINUTES;
  }

  status(): Promise<LockStatus> {
    return this.store.use(async (db) => {
      const enabled = (await this.lockRecord(db)) !== null;
      return { enabled, locked: enabled && this.key === null, autoLockMinutes: await this.autoLockMinutes(db) };
    });
  }

  /** How owners are read and written now; throws LockedError while locked. Counts as use. */
  codec(): Promise<OwnerCodec> {
    return this.store.use(async (db) => {
      if (!(await this.lockRecord(db))) return plainCodec;
      if (!this.key) throw new LockedError();
      await this.touch(db);
      return sealingCodec(this.key);
    });
  }

  private async touch(db: RuanzhuDb) {
    clearTimeout(this.timer);
    const minutes = await this.autoLockMinutes(db);
    this.timer = setTimeout(() => this.lock(), minutes * 60_000);
  }

  get unlocked(): boolean {
    return this.key !== null;
  }

  lock(): void {
    clearTimeout(this.timer);
    if (this.key) {
      this.key = null;
      this.onChange();
    }
  }

  private async keyFor(passphrase: string, record: LockRecord): Promise<CryptoKey> {
    const key = await deriveKey(passphrase, record.kdf);
    if ((await unseal(key, record.check)) !== CHECK_TEXT) throw new WrongPassphraseError();
    return key;
  }

  async unlock(passphrase: string): Promise<void> {
    const record = await this.store.use((db) => this.lockRecord(db));
    if (!record) return;
    const key = await this.keyFor(passphrase, record);
    // Records sealed by an earlier version (names and region in clear, not bound to their id) are sealed anew.
    if (await this.store.use(async (db) => (await db.owners.toArray()).some(sealedTheOldWay))) await this.rewrite(sealingCodec(key), sealingCodec(key), record);
    this.key = key;
    await this.store.use((db) => this.touch(db));
    this.onChange();
  }

  async enable(passphrase: string): Promise<void> {
    if (await this.store.use((db) => this.lockRecord(db))) throw new Error('口令锁已开启 / the lock is already on');
    checkPassphrase(passphrase);
    const kdf = newKdfParams(this.iterations);
    const key = await deriveKey(passphrase, kdf);
    await this.rewrite(plainCodec, sealingCodec(key), { kdf, check: await seal(key, CHECK_TEXT) });
    this.key = key;
    await this.store.use((db) => this.touch(db));
    this.onChange();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const record = await this.store.use((db) => this.lockRecord(db));
    if (!record) throw new Error('口令锁未开启 / the lock is off');
    checkPassphrase(next);
    const oldKey = await this.keyFor(current, record);
    const kdf = newKdfParams(this.iterations);
    const newKey = await deriveKey(next, kdf);
    await this.rewrite(sealingCodec(oldKey), sealingCodec(newKey), { kdf, check: await seal(newKey, CHECK_TEXT) });
    this.key = newKey;
    await this.store.use((db) => this.touch(db));
    this.onChange();
  }

  async disable(passphrase: string): Promise<void> {
    const record = await this.store.use((db) => this.lockRecord(db));
    if (!record) return;
    const key = await this.keyFor(passphrase, record);
    await this.rewrite(sealingCodec(key), plainCodec, null);
    this.lock();
    this.onChange();
  }

  setAutoLockMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) return Promise.reject(new Error('自动锁定时间应为 1–1440 分钟 / auto-lock must be 1–1440 minutes'));
    return this.store.use(async (db) => {
      await db.meta.put({ key: AUTO_LOCK_KEY, value: minutes });
      if (this.key) await this.touch(db);
    });
  }

  /**
   * Writes every record into a new database, owners re-encoded from `from` to `to`, with the new
   * lock record, and leaves the old database behind only to delete it. Everything or nothing:
   * before the switch the old database is the one in use.
   */
  private async rewrite(from: OwnerCodec, to: OwnerCodec, lock: LockRecord | null): Promise<void> {
    await this.store.replace(async (old, next) => {
      const [stored, works, filings, meta] = await old.transaction('r', old.owners, old.works, old.filings, old.meta, () =>
        Promise.all([old.owners.toArray(), old.works.toArray(), old.filings.toArray(), old.meta.toArray()]),
      );
      // WebCrypto before the write: awaiting it inside an IndexedDB transaction would end it early.
      const owners = await Promise.all((await Promise.all(stored.map((o) => from.fromStored(o)))).map((o) => to.toStored(o)));
      const entries: MetaEntry[] = [...meta.filter((m) => m.key !== LOCK_KEY), ...(lock ? [{ key: LOCK_KEY, value: lock }] : [])];
      await next.transaction('rw', next.owners, next.works, next.filings, next.meta, async () => {
        await next.owners.bulkPut(owners);
        await next.works.bulkPut(works);
        await next.filings.bulkPut(filings);
        await next.meta.bulkPut(entries);
      });
    });
  }
}

function checkPassphrase(passphrase: string) {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(`口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符 / the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}
