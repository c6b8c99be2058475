import type { RuanzhuDb } from './db';

const DAY = 86_400_000;
/** How long a change may stay without an export before the options page reminds the user. */
export const BACKUP_AFTER_DAYS = 7;
/** meta key: when the oldest change not yet in any export was made. Cleared by an export. */
export const UNEXPORTED_SINCE_KEY = 'unexportedSince';

/** Notes a write; only the first one after an export counts, so the clock is not reset by later edits. */
export async function noteChange(db: RuanzhuDb, now = new Date()): Promise<void> {
  if (!(await db.meta.get(UNEXPORTED_SINCE_KEY))) await db.meta.put({ key: UNEXPORTED_SINCE_KEY, value: now.toISOString() });
}

export async function noteExport(db: RuanzhuDb): Promise<void> {
  await db.meta.delete(UNEXPORTED_SINCE_KEY);
}

/** The date since which changes wait for a backup, when that is longer than BACKUP_AFTER_DAYS. */
export function backupOverdue(unexportedSince: unknown, now = new Date()): string | null {
  if (typeof unexportedSince !== 'string') return null;
  return now.getTime() - Date.parse(unexportedSince) > BACKUP_AFTER_DAYS * DAY ? unexportedSince : null;
}
