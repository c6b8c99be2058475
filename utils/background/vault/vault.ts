import { z } from 'zod';
import type { Owner } from '@/utils/schema/owner';
import { deriveKey, newKdfParams, PBKDF2_ITERATIONS, seal, unseal, WrongPassphraseError } from '@/utils/background/crypto/crypto';
import { KdfParams, Sealed } from '@/utils/schema/encrypted';
import type { RuanzhuDb } from '@/utils/background/store/db';
import { plainCodec, sealingCodec, type OwnerCodec, type StoredOwner } from '@/utils/background/store/owner-codec';

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

export interface LockStatus {
  enabled: boolean;
  locked: boolean;
  autoLockMinutes: number;
}

/**
 * The optional passphrase lock. The key is derived with PBKDF2 and kept only in this object's
 * memory (the background's) while unlocked; it is dropped after `autoLockMinutes` without use,
 * on `lock()`, and whenever the browser unloads the background.
 */
export class Vault {
  private key: CryptoKey | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: RuanzhuDb,
    private readonly onChange: () => void = () => {},
    /** PBKDF2 rounds for new keys; tests lower it to keep their many derivations quick. */
    private readonly iterations = PBKDF2_ITERATIONS,
  ) {}

  private async lockRecord(): Promise<LockRecord | null> {
    const parsed = LockRecord.safeParse((await this.db.meta.get(LOCK_KEY))?.value);
    return parsed.success ? parsed.data : null;
  }

  private async autoLockMinutes(): Promise<number> {
    const v = (await this.db.meta.get(AUTO_LOCK_KEY))?.value;
    return typeof v === 'number' && v > 0 ? v : DEFAULT_AUTO_LOCK_MINUTES;
  }

  async status(): Promise<LockStatus> {
    const enabled = (await this.lockRecord()) !== null;
    return { enabled, locked: enabled && this.key === null, autoLockMinutes: await this.autoLockMinutes() };
  }

  /** How owners are read and written now; throws LockedError while locked. Counts as use. */
  async codec(): Promise<OwnerCodec> {
    if (!(await this.lockRecord())) return plainCodec;
    if (!this.key) throw new LockedError();
    await this.touch();
    return sealingCodec(this.key);
  }

  private async touch() {
    clearTimeout(this.timer);
    const minutes = await this.autoLockMinutes();
    this.timer = setTimeout(() => this.lock(), minutes * 60_000);
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
    const record = await this.lockRecord();
    if (!record) return;
    this.key = await this.keyFor(passphrase, record);
    await this.touch();
    this.onChange();
  }

  async enable(passphrase: string): Promise<void> {
    if (await this.lockRecord()) throw new Error('口令锁已开启 / the lock is already on');
    checkPassphrase(passphrase);
    const kdf = newKdfParams(this.iterations);
    const key = await deriveKey(passphrase, kdf);
    await this.rewriteOwners(plainCodec, sealingCodec(key), { kdf, check: await seal(key, CHECK_TEXT) });
    this.key = key;
    await this.touch();
    this.onChange();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const record = await this.lockRecord();
    if (!record) throw new Error('口令锁未开启 / the lock is off');
    checkPassphrase(next);
    const oldKey = await this.keyFor(current, record);
    const kdf = newKdfParams(this.iterations);
    const newKey = await deriveKey(next, kdf);
    await this.rewriteOwners(sealingCodec(oldKey), sealingCodec(newKey), { kdf, check: await seal(newKey, CHECK_TEXT) });
    this.key = newKey;
    await this.touch();
    this.onChange();
  }

  async disable(passphrase: string): Promise<void> {
    const record = await this.lockRecord();
    if (!record) return;
    const key = await this.keyFor(passphrase, record);
    await this.rewriteOwners(sealingCodec(key), plainCodec, null);
    this.lock();
    this.onChange();
  }

  async setAutoLockMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) throw new Error('自动锁定时间应为 1–1440 分钟 / auto-lock must be 1–1440 minutes');
    await this.db.meta.put({ key: AUTO_LOCK_KEY, value: minutes });
    if (this.key) await this.touch();
  }

  /**
   * Re-encodes every owner and switches the lock record in ONE transaction: either all records
   * and the record change, or nothing does. The crypto runs before the transaction; a record
   * edited meanwhile aborts the switch instead of being overwritten with its older version.
   */
  private async rewriteOwners(from: OwnerCodec, to: OwnerCodec, lock: LockRecord | null): Promise<void> {
    const before = await this.db.owners.toArray();
    const owners: Owner[] = await Promise.all(before.map((o) => from.fromStored(o)));
    const after: StoredOwner[] = await Promise.all(owners.map((o) => to.toStored(o)));
    await this.db.transaction('rw', this.db.owners, this.db.meta, async () => {
      const now = await this.db.owners.toArray();
      const stamp = (list: StoredOwner[]) => list.map((o) => `${o.id}@${o.updatedAt ?? ''}`).sort().join('|');
      if (stamp(now) !== stamp(before)) throw new Error('资料在加密过程中被修改，请重试 / profiles changed meanwhile; try again');
      await this.db.owners.bulkPut(after);
      if (lock) await this.db.meta.put({ key: LOCK_KEY, value: lock });
      else await this.db.meta.delete(LOCK_KEY);
    });
  }
}

function checkPassphrase(passphrase: string) {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(`口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符 / the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}
