import type { Runtime } from 'webextension-polyfill';
import { failure } from '@/utils/contract/messages';
import { Refusal, type Handler, type Handlers, type Sender } from '@/utils/contract/dispatch';
import { isPortalUrl } from '@/utils/pages/hosts';
import { candidateKinds } from '@/utils/pages/registry';
import { scopeValues } from '@/utils/pages/scope';
import { isEncryptedBundle } from '@/utils/schema/encrypted';
import { backupOverdue, noteChange, UNEXPORTED_SINCE_KEY } from '@/utils/background/store/backup-reminder';
import { exportBundle, importBundle, LAST_EXPORT_KEY } from '@/utils/background/store/bundle-io';
import type { RuanzhuDb } from '@/utils/background/store/db';
import { deleteFiling, listFilings, recordFilings, relinkFilings, updateFiling } from '@/utils/background/store/filings';
import { ProfileCache } from '@/utils/background/store/profile-cache';
import type { ProfileStore } from '@/utils/background/store/profile-store';
import { deleteOwner, deleteWork, getOwner, saveOwner, saveWork } from '@/utils/background/store/repository';
import { listTags, ownerQuery, workQuery } from '@/utils/background/store/search';
import { ownerRow, workRow } from '@/utils/schema/summary';
import { loadTabState, updateTabState } from '@/utils/background/tabs/tab-state';
import { noteOwnerChosen, recentOwners } from '@/utils/background/store/recent';
import { decryptBundle, encryptBundle } from '@/utils/background/vault/bundle-crypto';
import { PBKDF2_ITERATIONS } from '@/utils/background/crypto/crypto';
import { Vault } from '@/utils/background/vault/vault';

export interface BackgroundContext {
  store: ProfileStore;
  /** Reads a material PDF with pdf.js (files/inspect-material.ts); tests give a fake. */
  inspectMaterial?: Handler<'ruanzhu:inspect-material'>;
  /** Reads a 签章页 with pdf.js (files/inspect-material.ts); tests give a fake. */
  inspectSignature?: Handler<'ruanzhu:inspect-signature'>;
  /** Opens the options page at its materials tab (the content script's offer beside an upload). */
  openMaterials?: () => Promise<unknown>;
  /** Injects the content script's engine into the sender's page (its tab and frame). */
  injectEngine?: (target: { tabId: number; frameId: number }) => Promise<unknown>;
  /** Told when tracked filings changed (recorded, edited, imported): the deadline badge follows. */
  onFilingsChange?: () => void;
  vault: Vault;
  cache: ProfileCache;
  /** Told after every write and every change of the lock, so open pages can refresh. */
  onChange: () => void;
  /** Told when the lock locks: portal tabs forget the values they received, tab reports are dropped. */
  onLock?: () => void;
}

/**
 * The background's state: the database, the lock, and the cache of decoded profiles, which the
 * lock empties whenever it locks or re-encrypts (the decrypted copies go with the key).
 */
export function createBackgroundContext(store: ProfileStore, onChange: () => void, iterations = PBKDF2_ITERATIONS, onLock?: () => void): BackgroundContext {
  const cache = new ProfileCache();
  let vault: Vault;
  vault = new Vault(
    store,
    () => {
      cache.invalidate();
      if (!vault.unlocked) onLock?.();
      onChange();
    },
    iterations,
  );
  return { store, vault, cache, onChange, onLock };
}

/**
 * Who sent a message: one of our own pages, our content script on an official host, or nobody we
 * answer (another extension, a web page, a content script somewhere unexpected).
 */
export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  const tabId = sender.tab?.id;
  if (sender.url?.startsWith(extensionOrigin)) return { party: 'extension-page', url: sender.url, ...(tabId === undefined ? {} : { tabId }) };
  if (sender.tab && isPortalUrl(sender.url)) return { party: 'content-script', url: sender.url, ...(tabId === undefined ? {} : { tabId }), ...(sender.frameId === undefined ? {} : { frameId: sender.frameId }) };
  return null;
}

/** Whether a content script's page is the center's filing list or detail, the only pages whose filings are recorded. */
function onFilingPage(url: string | undefined): boolean {
  try {
    const parsed = new URL(url ?? '');
    return isPortalUrl(parsed.href) && candidateKinds('ccopyright', parsed).some((k) => k === 'ccopyright.filings' || k === 'ccopyright.filings.detail');
  } catch {
    return false;
  }
}

/**
 * The background's answer to every message addressed to it (utils/contract/messages.ts). Free of
 * `browser` apart from the tab state, so tests drive it with fake senders.
 */
export function backgroundHandlers(ctx: BackgroundContext): Handlers<'background'> {
  const { store, vault, cache } = ctx;
  const use = <T>(task: (db: RuanzhuDb) => Promise<T>) => store.use(task);
  /**
   * After a write: the cache follows it (by default it is dropped), the backup reminder notes it,
   * open pages refresh.
   */
  const announce = async <T>(db: RuanzhuDb, result: T, follow: (cache: ProfileCache, result: T) => void = (c) => c.invalidate()) => {
    follow(cache, result);
    await noteChange(db);
    ctx.onChange();
  };
  const write = <T>(task: (db: RuanzhuDb) => Promise<T>, follow?: (cache: ProfileCache, result: T) => void): Promise<T> =>
    use(async (db) => {
      const result = await task(db);
      await announce(db, result, follow);
      return result;
    });
  /** Filings are not in the cache: a write of filings only leaves it as it is. */
  const filingsOnly = () => {};
  const status = () => vault.status();
  /** A write that changed works or owners: filings follow their works. */
  const relinking = <T>(task: (db: RuanzhuDb) => Promise<T>, follow?: (cache: ProfileCache, result: T) => void) =>
    write(async (db) => {
      const result = await task(db);
      await relinkFilings(db);
      return result;
    }, follow);
  const filingsChanged = <T>(result: T): T => {
    ctx.onFilingsChange?.();
    return result;
  };

  return {
    'ruanzhu:import': async ({ bundle, passphrase }) => {
      let plain = bundle;
      if (isEncryptedBundle(plain)) {
        if (!passphrase) return { ok: false, needsPassphrase: true, errors: [{ path: '', record: '', field: '', message: '此文件已加密，请输入导出时设置的口令 / this file is encrypted: enter the passphrase it was exported with' }] };
        plain = await decryptBundle(plain, passphrase);
      }
      const codec = await vault.codec();
      return use(async (db) => {
        const result = await importBundle(db, plain, codec);
        if (result.ok) {
          await announce(db, result);
          if (result.filings) filingsChanged(null);
        }
        return result;
      });
    },
    'ruanzhu:export': async ({ passphrase }) => {
      const codec = await vault.codec();
      const bundle = await use((db) => exportBundle(db, new Date(), codec));
      return passphrase ? encryptBundle(bundle, passphrase) : bundle;
    },
    'ruanzhu:plan-values': async ({ ownerId, workId, page }) => {
      const codec = await vault.codec();
      return use(async (db) => {
        const work = workId ? ((await db.works.get(workId)) ?? null) : null;
        const owner = (await getOwner(db, ownerId, codec)) ?? null;
        const others = (work?.ownerIds ?? []).filter((id) => id !== ownerId);
        const coOwners = (await Promise.all(others.map((id) => getOwner(db, id, codec)))).filter((o) => o !== undefined);
        return scopeValues(page, { owner, work, coOwners });
      });
    },
    'ruanzhu:inspect-material': (request, sender) => ctx.inspectMaterial?.(request, sender) ?? failure('error', '无法读取 PDF / the PDF reader is not available'),
    'ruanzhu:inspect-signature': (request, sender) => ctx.inspectSignature?.(request, sender) ?? failure('error', '无法读取 PDF / the PDF reader is not available'),
    'ruanzhu:open-materials': async () => {
      await ctx.openMaterials?.();
      return null;
    },
    'ruanzhu:tab-choice': async (_, { tabId }) => {
      const { ownerId, workId } = tabId === undefined ? {} : await loadTabState(tabId);
      return ownerId ? { ownerId, ...(workId ? { workId } : {}) } : null;
    },
    // Only into the frame that asked: a content script on an official host over https (the table's `from`).
    'ruanzhu:load-engine': async (_, { tabId, frameId }) => {
      if (tabId === undefined || !ctx.injectEngine) throw new Refusal('page-unknown', '无法在此页启动助手 / the assistant cannot start on this page');
      await ctx.injectEngine({ tabId, frameId: frameId ?? 0 });
      return null;
    },
    'ruanzhu:record-filings': ({ filings }, sender) => {
      if (!onFilingPage(sender.url)) throw new Refusal('page-unknown', '只记录版权中心“我的登记”和登记详情页显示的登记 / filings are recorded from the center’s filing list and detail pages only');
      return use(async (db) => {
        const result = await recordFilings(db, filings);
        if (result.changed) {
          await announce(db, result, filingsOnly);
          filingsChanged(null);
        }
        return result;
      });
    },
    'ruanzhu:filings': ({ workId }) => use((db) => listFilings(db, workId)),
    'ruanzhu:update-filing': async ({ flowNumber, patch }) => filingsChanged(await write((db) => updateFiling(db, flowNumber, patch), filingsOnly)),
    'ruanzhu:delete-filing': async ({ flowNumber }) => filingsChanged(await write(async (db) => (await deleteFiling(db, flowNumber), null), filingsOnly)),
    'ruanzhu:owners': async ({ query }) => {
      const codec = await vault.codec();
      return use(async (db) => (await cache.owners(db, codec)).find(ownerQuery(query), 0, query.limit).records);
    },
    'ruanzhu:works': ({ query }) => use(async (db) => (await cache.works(db)).find(workQuery(query), 0, query.limit).records),
    'ruanzhu:owner-rows': async ({ query, offset, limit }) => {
      const codec = await vault.codec();
      return use(async (db) => {
        const first = query.recentFirst ? await recentOwners(db) : [];
        const { total, records } = (await cache.owners(db, codec)).find(ownerQuery(query), offset, limit, first);
        return { total, rows: records.map(ownerRow) };
      });
    },
    'ruanzhu:work-rows': async ({ query, offset, limit }) => {
      const codec = await vault.codec();
      return use(async (db) => {
        const [owners, works] = await Promise.all([cache.owners(db, codec), cache.works(db)]);
        const { total, records } = works.find(workQuery(query), offset, limit);
        return { total, rows: records.map((w) => workRow(w, (id) => owners.get(id)?.name ?? '')) };
      });
    },
    'ruanzhu:owner': async ({ id }) => {
      const codec = await vault.codec();
      return use(async (db) => (await getOwner(db, id, codec)) ?? null);
    },
    'ruanzhu:work': ({ id }) => use(async (db) => (await db.works.get(id)) ?? null),
    'ruanzhu:tags': async () => {
      const codec = await vault.codec();
      return use(async (db) => listTags((await cache.owners(db, codec)).records, (await cache.works(db)).records));
    },
    'ruanzhu:count': () => use(async (db) => ({ owners: await db.owners.count(), works: await db.works.count() })),
    'ruanzhu:backup': () =>
      use(async (db) => {
        const [since, last] = await Promise.all([db.meta.get(UNEXPORTED_SINCE_KEY), db.meta.get(LAST_EXPORT_KEY)]);
        return { overdueSince: backupOverdue(since?.value), lastExportAt: typeof last?.value === 'string' ? last.value : null };
      }),
    'ruanzhu:linked-works': ({ ownerId }) => use((db) => db.works.where('ownerIds').equals(ownerId).count()),
    'ruanzhu:save-owner': async ({ record }) => {
      const codec = await vault.codec();
      return write((db) => saveOwner(db, record, codec), (c, owner) => c.ownerSaved(owner));
    },
    'ruanzhu:save-work': ({ record }) => relinking((db) => saveWork(db, record), (c, work) => c.workSaved(work)),
    'ruanzhu:delete-owner': ({ id }) => relinking((db) => deleteOwner(db, id)),
    'ruanzhu:delete-work': ({ id }) => relinking(async (db) => (await deleteWork(db, id), null), (c) => c.workDeleted(id)),
    'ruanzhu:lock-status': status,
    'ruanzhu:unlock': async ({ passphrase }) => (await vault.unlock(passphrase), status()),
    'ruanzhu:lock': () => (vault.lock(), status()),
    'ruanzhu:lock-enable': async ({ passphrase }) => (await vault.enable(passphrase), status()),
    'ruanzhu:lock-change': async ({ current, next }) => (await vault.changePassphrase(current, next), status()),
    'ruanzhu:lock-disable': async ({ passphrase }) => (await vault.disable(passphrase), status()),
    'ruanzhu:auto-lock': async ({ minutes }) => (await vault.setAutoLockMinutes(minutes), status()),
    'ruanzhu:tab-state': ({ tabId }) => loadTabState(tabId),
    'ruanzhu:update-tab-state': async ({ tabId, patch }) => {
      // An owner chosen for a tab is one the user works with now: it leads the popup's list next time.
      if (patch.ownerId) await use((db) => noteOwnerChosen(db, patch.ownerId!));
      return updateTabState(tabId, patch);
    },
  };
}

