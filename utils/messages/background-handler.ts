import type { Runtime } from 'webextension-polyfill';
import { isPortalUrl } from '../portals/hosts';
import type { RuanzhuDb } from '../storage/db';
import { exportBundle, importBundle } from '../storage/bundle-io';
import { BackgroundRequest, FROM_CONTENT_SCRIPTS, type PlanValuesResponse } from './contract';

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
export async function handleBackgroundMessage(db: RuanzhuDb, message: unknown, sender: SenderKind | null): Promise<unknown> {
  if (!sender) return undefined;
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  if (sender === 'content-script' && !FROM_CONTENT_SCRIPTS.has(msg.type)) return undefined;

  switch (msg.type) {
    case 'ruanzhu:import':
      return importBundle(db, msg.bundle);
    case 'ruanzhu:export':
      return exportBundle(db);
    case 'ruanzhu:plan-values': {
      const work = msg.workId ? ((await db.works.get(msg.workId)) ?? null) : null;
      const owner = (await db.owners.get(msg.ownerId)) ?? null;
      const others = (work?.ownerIds ?? []).filter((id) => id !== msg.ownerId);
      const coOwners = (await db.owners.bulkGet(others)).filter((o) => o !== undefined);
      return { owner, work, coOwners } satisfies PlanValuesResponse;
    }
  }
}
