import { Refusal } from '@/utils/contract/dispatch';
import { correctionDeadline } from '@/utils/filings/deadline';
import { applyPatch, changedFrom, linkFiling, mergeReading } from '@/utils/filings/merge';
import type { Filing, FilingPatch, FilingReading } from '@/utils/schema/filing';
import type { RuanzhuDb } from './db';

/*
 * The filing tracker's table: what the center's pages showed of each filing (recorded by the
 * content script, `ruanzhu:record-filings`), linked to the stored work of the same name and
 * version, and the user's own entries (the 补正 notice's date, a link chosen by hand).
 */

export interface RecordResult {
  recorded: number;
  /** Filings that are new or whose values changed: only these are written. */
  changed: number;
}

/** Records what a page showed; a reading that shows nothing new writes nothing. */
export async function recordFilings(db: RuanzhuDb, readings: readonly FilingReading[], now = new Date()): Promise<RecordResult> {
  const at = now.toISOString();
  return db.transaction('rw', db.filings, db.works, async () => {
    const works = await db.works.toArray();
    const numbers = [...new Set(readings.map((r) => r.flowNumber))];
    const stored = new Map((await db.filings.bulkGet(numbers)).flatMap((f) => (f ? [[f.flowNumber, f] as const] : [])));
    const changed = new Map<string, Filing>();
    for (const reading of readings) {
      const before = changed.get(reading.flowNumber) ?? stored.get(reading.flowNumber);
      const after = linkFiling(mergeReading(before, reading, at), works);
      if (changedFrom(before, after)) changed.set(reading.flowNumber, { ...after, updatedAt: at });
    }
    await db.filings.bulkPut([...changed.values()]);
    return { recorded: numbers.length, changed: changed.size };
  });
}

/**
 * Links every filing again after works changed (saved, deleted, imported): a renamed work may now
 * be a filing's, a deleted one is no longer. Returns how many filings changed.
 */
export async function relinkFilings(db: RuanzhuDb, now = new Date()): Promise<number> {
  return db.transaction('rw', db.filings, db.works, async () => {
    const filings = await db.filings.toArray();
    // Without filings there is nothing to link, and reading every work (long texts) would be wasted.
    if (!filings.length) return 0;
    const works = await db.works.toArray();
    const changed = filings.flatMap((f) => {
      const linked = linkFiling(f, works);
      return changedFrom(f, linked) ? [{ ...linked, updatedAt: now.toISOString() }] : [];
    });
    await db.filings.bulkPut(changed);
    return changed.length;
  });
}

/**
 * The filings, most urgent first: open 补正 by deadline, then the rest by their last change.
 * `workId` keeps only that work's.
 */
export async function listFilings(db: RuanzhuDb, workId?: string): Promise<Filing[]> {
  const filings = workId ? await db.filings.where('workId').equals(workId).toArray() : await db.filings.toArray();
  const deadline = (f: Filing) => correctionDeadline(f)?.date ?? '9999-12-31';
  return filings.sort((a, b) => deadline(a).localeCompare(deadline(b)) || b.updatedAt.localeCompare(a.updatedAt));
}

const NOT_TRACKED = (flowNumber: string) => new Refusal('not-found', `登记进度中没有流水号 ${flowNumber} / no filing ${flowNumber} is tracked`);

/** The user's change of one filing: the notice's date, or the work it is of. */
export async function updateFiling(db: RuanzhuDb, flowNumber: string, patch: FilingPatch, now = new Date()): Promise<Filing> {
  return db.transaction('rw', db.filings, db.works, async () => {
    const filing = await db.filings.get(flowNumber);
    if (!filing) throw NOT_TRACKED(flowNumber);
    if (patch.workId && !(await db.works.get(patch.workId))) throw new Refusal('not-found', `软件 ${patch.workId} 不存在 / work ${patch.workId} does not exist`);
    const at = now.toISOString();
    const patched = linkFiling(applyPatch(filing, patch, at), await db.works.toArray());
    if (!changedFrom(filing, patched)) return filing;
    const next = { ...patched, updatedAt: at };
    await db.filings.put(next);
    return next;
  });
}

/** Forgets a filing (deleted on the center, or not the user's to follow). */
export async function deleteFiling(db: RuanzhuDb, flowNumber: string): Promise<void> {
  if (!(await db.filings.get(flowNumber))) throw NOT_TRACKED(flowNumber);
  await db.filings.delete(flowNumber);
}
