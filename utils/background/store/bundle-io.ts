import { mergeCopies } from '@/utils/filings/merge';
import { makeBundle, parseBundle, type Bundle } from '@/utils/schema/bundle';
import type { DataError } from '@/utils/schema/errors';
import type { RuanzhuDb } from './db';
import { plainCodec, type OwnerCodec } from './owner-codec';
import { noteExport } from './backup-reminder';
import { relinkFilings } from './filings';

export type ImportResult =
  | { ok: true; owners: number; works: number; filings: number; created: number; updated: number }
  | { ok: false; errors: DataError[] };

const fail = (message: string): ImportResult => ({ ok: false, errors: [{ path: '', record: '', field: '', message }] });

/** Bilingual wording for storage failures, so a full disk is not reported as "unknown error". */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return '浏览器存储空间不足，未写入任何数据；请清理空间后重试 / browser storage is full; nothing was written — free some space and retry';
  }
  return `保存失败，未写入任何数据：${(e as Error)?.message ?? String(e)} / saving failed; nothing was written`;
}

/** The primary keys a table holds: keys only, no record is read (Dexie's getAllKeys). */
async function storedKeys(table: { toCollection(): { primaryKeys(): Promise<string[]> } }): Promise<Set<string>> {
  return new Set(await table.toCollection().primaryKeys());
}

/** The ids of `referenced` that are neither in the file (`inFile`) nor stored. */
function missingIds(stored: ReadonlySet<string>, referenced: Iterable<string>, inFile: ReadonlySet<string>): Set<string> {
  return new Set([...referenced].filter((id) => !inFile.has(id) && !stored.has(id)));
}

/**
 * Imports a bundle all or nothing. Records with ids already stored are replaced (agents re-import
 * the same file), so re-importing never duplicates. Works may name owners, and filings works and
 * owners, from the bundle or the store. A filing already tracked keeps both histories, with the
 * values of the copy updated last.
 */
export async function importBundle(db: RuanzhuDb, input: unknown, codec: OwnerCodec = plainCodec): Promise<ImportResult> {
  const parsed = parseBundle(input);
  if (!parsed.ok) return parsed;
  const { owners, works, filings } = parsed.value;
  try {
    // Sealed (when the lock is on) before the transaction: WebCrypto inside it would end it early.
    const toWrite = await Promise.all(owners.map(codec.toStored));
    return await db.transaction('rw', db.owners, db.works, db.filings, async () => {
      const [storedOwners, storedWorks] = await Promise.all([storedKeys(db.owners), storedKeys(db.works)]);
      const ownerIds = new Set(owners.map((o) => o.id));
      const unknownOwners = missingIds(storedOwners, [...works, ...filings].flatMap((r) => r.ownerIds), ownerIds);
      const unknownWorks = missingIds(storedWorks, filings.flatMap((f) => (f.workId ? [f.workId] : [])), new Set(works.map((w) => w.id)));
      const errors: DataError[] = [];
      const refers = (collection: string, i: number, label: string, field: string, what: string, id: string) =>
        errors.push({
          path: `${collection}[${i}].${field}`,
          record: `${collection}[${i}]（${label}）`,
          field,
          message: `引用的${what === 'owner' ? '著作权人' : '软件'} ${id} 既不在文件中也不在本机 / refers to ${what} ${id}, found neither in the file nor stored`,
        });
      works.forEach((w, i) => w.ownerIds.forEach((id, j) => unknownOwners.has(id) && refers('works', i, `${w.fullName ? `${w.fullName}，` : ''}id ${w.id}`, `ownerIds[${j}]`, 'owner', id)));
      filings.forEach((f, i) => {
        const label = `流水号 ${f.flowNumber}`;
        if (f.workId && unknownWorks.has(f.workId)) refers('filings', i, label, 'workId', 'work', f.workId);
        f.ownerIds.forEach((id, j) => unknownOwners.has(id) && refers('filings', i, label, `ownerIds[${j}]`, 'owner', id));
      });
      if (errors.length) return { ok: false, errors } as ImportResult;

      // Filings are merged with the stored copy, so those are read; owners and works are replaced
      // whole, so their keys are enough to count the updates.
      const oldFilings = await db.filings.bulkGet(filings.map((f) => f.flowNumber));
      const updated = owners.filter((o) => storedOwners.has(o.id)).length + works.filter((w) => storedWorks.has(w.id)).length + oldFilings.filter(Boolean).length;
      const total = owners.length + works.length + filings.length;
      await db.owners.bulkPut(toWrite);
      await db.works.bulkPut(works);
      await db.filings.bulkPut(filings.map((f, i) => (oldFilings[i] ? mergeCopies(oldFilings[i]!, f) : f)));
      await relinkFilings(db);
      return { ok: true, owners: owners.length, works: works.length, filings: filings.length, created: total - updated, updated };
    });
  } catch (e) {
    // The transaction rolled back: nothing was written. Say why instead of crashing the caller.
    return fail(describeStorageError(e));
  }
}

export const LAST_EXPORT_KEY = 'lastExportAt';

/** Every owner, work and filing as a bundle; remembers when, for the backup reminder. */
export async function exportBundle(db: RuanzhuDb, now = new Date(), codec: OwnerCodec = plainCodec): Promise<Bundle> {
  const [stored, works, filings] = await db.transaction('r', db.owners, db.works, db.filings, () =>
    Promise.all([db.owners.toArray(), db.works.toArray(), db.filings.toArray()]),
  );
  const owners = await Promise.all(stored.map(codec.fromStored));
  await db.meta.put({ key: LAST_EXPORT_KEY, value: now.toISOString() });
  await noteExport(db);
  return makeBundle(owners, works, { filings, now });
}
