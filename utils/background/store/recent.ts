import type { RuanzhuDb } from './db';

/** meta key: the owners most recently chosen for a tab, most recent first (ids only). */
export const RECENT_OWNERS_KEY = 'recentOwners';
/** An agent's clients in progress: a day's worth of them leads the popup's list. */
export const RECENT_OWNERS_MAX = 20;

/** The owners chosen lately, most recent first. */
export async function recentOwners(db: RuanzhuDb): Promise<string[]> {
  const value = (await db.meta.get(RECENT_OWNERS_KEY))?.value;
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Notes that `ownerId` was chosen now: it moves to the front. */
export async function noteOwnerChosen(db: RuanzhuDb, ownerId: string): Promise<void> {
  const next = [ownerId, ...(await recentOwners(db)).filter((id) => id !== ownerId)].slice(0, RECENT_OWNERS_MAX);
  await db.meta.put({ key: RECENT_OWNERS_KEY, value: next });
}
