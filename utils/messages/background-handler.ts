import type { Runtime } from 'webextension-polyfill';
import { isPortalUrl } from '../portals/hosts';
import type { RuanzhuDb } from '../storage/db';
import { exportBundle, importBundle } from '../storage/bundle-io';
import { deleteOwner, deleteWork, listOwners, listTags, listWorks, saveOwner, saveWork } from '../storage/repository';
import { BackgroundRequest, FROM_CONTENT_SCRIPTS, type PlanValuesResponse, type SaveResult, type StoreRequest } from './contract';

export type SenderKind = 'extension-page' | 'content-script';

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

/**
 * Answers one background message, or returns undefined for anything that is not ours to answer
 * (unknown shape, wrong sender). Kept free of `browser` so tests drive it with a fake sender.
 */
export async function handleBackgroundMessage(
  db: RuanzhuDb,
  message: unknown,
  sender: SenderKind | null,
  /** Told after every write, so open pages can refresh. */
  onChange: () => void = () => {},
): Promise<unknown> {
  if (!sender) return undefined;
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  if (sender === 'content-script' && !FROM_CONTENT_SCRIPTS.has(msg.type)) return undefined;

  switch (msg.type) {
    case 'ruanzhu:import': {
      const result = await importBundle(db, msg.bundle);
      if (result.ok) onChange();
      return result;
    }
    case 'ruanzhu:export':
      return exportBundle(db);
    case 'ruanzhu:plan-values': {
      const work = msg.workId ? ((await db.works.get(msg.workId)) ?? null) : null;
      const owner = (await db.owners.get(msg.ownerId)) ?? null;
      const others = (work?.ownerIds ?? []).filter((id) => id !== msg.ownerId);
      const coOwners = (await db.owners.bulkGet(others)).filter((o) => o !== undefined);
      return { owner, work, coOwners } satisfies PlanValuesResponse;
    }
    case 'ruanzhu:store':
      return handleStore(db, msg, onChange);
  }
}

async function saved<T>(write: Promise<T>, onChange: () => void): Promise<SaveResult<T>> {
  try {
    const record = await write;
    onChange();
    return { ok: true, record };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function handleStore(db: RuanzhuDb, msg: StoreRequest, onChange: () => void): Promise<unknown> {
  switch (msg.op) {
    case 'owners':
      return listOwners(db, msg.query);
    case 'works':
      return listWorks(db, msg.query);
    case 'owner':
      return db.owners.get(msg.id).then((o) => o ?? null);
    case 'tags':
      return listTags(db);
    case 'count':
      return Promise.all([db.owners.count(), db.works.count()]).then(([owners, works]) => ({ owners, works }));
    case 'linked-works':
      return db.works.where('ownerIds').equals(msg.ownerId).count();
    case 'save-owner':
      return saved(saveOwner(db, msg.record), onChange);
    case 'save-work':
      return saved(saveWork(db, msg.record), onChange);
    case 'delete-owner':
      return saved(deleteOwner(db, msg.id), onChange);
    case 'delete-work':
      return saved(deleteWork(db, msg.id), onChange);
  }
}
