import type { Runtime } from 'webextension-polyfill';
import { isPortalUrl } from '@/utils/pages/hosts';
import type { RuanzhuDb } from '@/utils/background/store/db';
import { exportBundle, importBundle, LAST_EXPORT_KEY } from '@/utils/background/store/bundle-io';
import { decryptBundle, encryptBundle, isEncryptedBundle } from '@/utils/background/vault/bundle-crypto';
import { backupOverdue, noteChange, UNEXPORTED_SINCE_KEY } from '@/utils/background/store/backup-reminder';
import { deleteOwner, deleteWork, getOwner, listTags, saveOwner, saveWork } from '@/utils/background/store/repository';
import { ProfileCache } from '@/utils/background/store/profile-cache';
import { PBKDF2_ITERATIONS } from '@/utils/background/vault/crypto';
import { searchOwners, searchWorks } from '@/utils/background/store/search';
import { scopeValues } from '@/utils/pages/scope';
import { LockedError, Vault } from '@/utils/background/vault/vault';
import {
  BackgroundRequest,
  FROM_CONTENT_SCRIPTS,
  type Failure,
  type LockAnswer,
  type LockRequest,
  type PlanValuesResponse,
  type SaveResult,
  type StoreRequest,
} from '@/utils/contract/messages';

export type SenderKind = 'extension-page' | 'content-script';

export interface BackgroundContext {
  db: RuanzhuDb;
  vault: Vault;
  cache: ProfileCache;
  /** Told after every write, so open pages can refresh. */
  onChange: () => void;
}

/**
 * The background's state: the database, the lock, and the cache of decoded profiles, which the
 * lock empties whenever it locks or re-encrypts (the decrypted copies go with the key).
 */
export function createBackgroundContext(db: RuanzhuDb, onChange: () => void, iterations = PBKDF2_ITERATIONS): BackgroundContext {
  const cache = new ProfileCache(db);
  const vault = new Vault(
    db,
    () => {
      cache.invalidate();
      onChange();
    },
    iterations,
  );
  return { db, vault, cache, onChange };
}

/**
 * Who sent a message: one of our own pages, our content script on an official host, or nobody we
 * answer (another extension, a web page, a content script somewhere unexpected).
 */
export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && isPortalUrl(sender.url)) return 'content-script';
  return null;
}

const failure = (e: unknown): Failure => ({ failed: true, locked: e instanceof LockedError, error: (e as Error)?.message ?? String(e) });

/**
 * Answers one background message, or returns undefined for anything that is not ours to answer
 * (unknown shape, wrong sender). Kept free of `browser` so tests drive it with a fake sender.
 */
export async function handleBackgroundMessage(ctx: BackgroundContext, message: unknown, sender: SenderKind | null): Promise<unknown> {
  if (!sender) return undefined;
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  if (sender === 'content-script' && !FROM_CONTENT_SCRIPTS.has(msg.type)) return undefined;
  const { db, vault } = ctx;
  const changed = async () => {
    ctx.cache.invalidate();
    await noteChange(db);
    ctx.onChange();
  };

  try {
    switch (msg.type) {
      case 'ruanzhu:import': {
        let bundle = msg.bundle;
        if (isEncryptedBundle(bundle)) {
          if (!msg.passphrase) return { ok: false, needsPassphrase: true, errors: [{ path: '', record: '', field: '', message: '此文件已加密，请输入导出时设置的口令 / this file is encrypted: enter the passphrase it was exported with' }] };
          bundle = await decryptBundle(bundle, msg.passphrase);
        }
        const result = await importBundle(db, bundle, await vault.codec());
        if (result.ok) await changed();
        return result;
      }
      case 'ruanzhu:export': {
        const bundle = await exportBundle(db, new Date(), await vault.codec());
        return msg.passphrase ? encryptBundle(bundle, msg.passphrase) : bundle;
      }
      case 'ruanzhu:plan-values': {
        const codec = await vault.codec();
        const work = msg.workId ? ((await db.works.get(msg.workId)) ?? null) : null;
        const owner = (await getOwner(db, msg.ownerId, codec)) ?? null;
        const others = (work?.ownerIds ?? []).filter((id) => id !== msg.ownerId);
        const coOwners = (await Promise.all(others.map((id) => getOwner(db, id, codec)))).filter((o) => o !== undefined);
        return scopeValues(msg.page, { owner, work, coOwners }) satisfies PlanValuesResponse;
      }
      case 'ruanzhu:store':
        return await handleStore(ctx, msg, changed);
      case 'ruanzhu:lock':
        return await handleLock(vault, msg);
    }
  } catch (e) {
    return failure(e);
  }
}

async function saved<T>(write: Promise<T>, changed: () => Promise<void>): Promise<SaveResult<T>> {
  try {
    const record = await write;
    await changed();
    return { ok: true, record };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

async function handleStore({ db, vault, cache }: BackgroundContext, msg: StoreRequest, changed: () => Promise<void>): Promise<unknown> {
  switch (msg.op) {
    case 'owners':
      return searchOwners(await cache.allOwners(await vault.codec()), msg.query);
    case 'works':
      return searchWorks(await cache.allWorks(), msg.query);
    case 'owner':
      return (await getOwner(db, msg.id, await vault.codec())) ?? null;
    case 'tags':
      return listTags(db);
    case 'count':
      return { owners: await db.owners.count(), works: await db.works.count() };
    case 'backup': {
      const [since, last] = await Promise.all([db.meta.get(UNEXPORTED_SINCE_KEY), db.meta.get(LAST_EXPORT_KEY)]);
      return { overdueSince: backupOverdue(since?.value), lastExportAt: typeof last?.value === 'string' ? last.value : null };
    }
    case 'linked-works':
      return db.works.where('ownerIds').equals(msg.ownerId).count();
    case 'save-owner':
      return saved(vault.codec().then((codec) => saveOwner(db, msg.record, codec)), changed);
    case 'save-work':
      return saved(saveWork(db, msg.record), changed);
    case 'delete-owner':
      return saved(deleteOwner(db, msg.id), changed);
    case 'delete-work':
      return saved(deleteWork(db, msg.id), changed);
  }
}

async function handleLock(vault: Vault, msg: LockRequest): Promise<LockAnswer> {
  try {
    switch (msg.op) {
      case 'status':
        break;
      case 'unlock':
        await vault.unlock(msg.passphrase);
        break;
      case 'lock':
        vault.lock();
        break;
      case 'enable':
        await vault.enable(msg.passphrase);
        break;
      case 'change':
        await vault.changePassphrase(msg.current, msg.next);
        break;
      case 'disable':
        await vault.disable(msg.passphrase);
        break;
      case 'auto-lock':
        await vault.setAutoLockMinutes(msg.minutes);
        break;
    }
    return { ok: true, status: await vault.status() };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
