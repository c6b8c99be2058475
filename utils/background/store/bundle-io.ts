import { makeBundle, parseBundle, type Bundle } from '@/utils/schema/bundle';
import type { DataError } from '@/utils/schema/errors';
import type { RuanzhuDb } from './db';
import { plainCodec, type OwnerCodec } from './owner-codec';
import { noteExport } from './backup-reminder';

export type ImportResult =
  | { ok: true; owners: number; works: number; created: number; updated: number }
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

/**
 * Imports a bundle all or nothing. Records with ids already stored are replaced (agents re-import
 * the same file), so re-importing never duplicates. Works may name owners from the bundle or the store.
 */
export async function importBundle(db: RuanzhuDb, input: unknown, codec: OwnerCodec = plainCodec): Promise<ImportResult> {
  const parsed = parseBundle(input);
  if (!parsed.ok) return parsed;
  const { owners, works } = parsed.value;
  try {
    // Sealed (when the lock is on) before the transaction: WebCrypto inside it would end it early.
    const toWrite = await Promise.all(owners.map(codec.toStored));
    return await db.transaction('rw', db.owners, db.works, async () => {
      const bundleOwnerIds = new Set(owners.map((o) => o.id));
      const referenced = [...new Set(works.flatMap((w) => w.ownerIds))].filter((id) => !bundleOwnerIds.has(id));
      const known = await db.owners.bulkGet(referenced);
      const unknown = new Set(referenced.filter((_, i) => !known[i]));
      const errors: DataError[] = [];
      works.forEach((w, i) =>
        w.ownerIds.forEach((id, j) => {
          if (unknown.has(id)) {
            errors.push({
              path: `works[${i}].ownerIds[${j}]`,
              record: `works[${i}]（${w.fullName ? `${w.fullName}，` : ''}id ${w.id}）`,
              field: `ownerIds[${j}]`,
              message: `引用的著作权人 ${id} 既不在文件中也不在本机 / refers to owner ${id}, found neither in the file nor stored`,
            });
          }
        }),
      );
      if (errors.length) return { ok: false, errors } as ImportResult;

      const [oldOwners, oldWorks] = await Promise.all([
        db.owners.bulkGet(owners.map((o) => o.id)),
        db.works.bulkGet(works.map((w) => w.id)),
      ]);
      const updated = [...oldOwners, ...oldWorks].filter(Boolean).length;
      await db.owners.bulkPut(toWrite);
      await db.works.bulkPut(works);
      return { ok: true, owners: owners.length, works: works.length, created: owners.length + works.length - updated, updated };
    });
  } catch (e) {
    // The transaction rolled back: nothing was written. Say why instead of crashing the caller.
    return fail(describeStorageError(e));
  }
}

export const LAST_EXPORT_KEY = 'lastExportAt';

/** Every owner and work as a bundle; remembers when, for the backup reminder. */
export async function exportBundle(db: RuanzhuDb, now = new Date(), codec: OwnerCodec = plainCodec): Promise<Bundle> {
  const [stored, works] = await db.transaction('r', db.owners, db.works, () =>
    Promise.all([db.owners.toArray(), db.works.toArray()]),
  );
  const owners = await Promise.all(stored.map(codec.fromStored));
  await db.meta.put({ key: LAST_EXPORT_KEY, value: now.toISOString() });
  await noteExport(db);
  return makeBundle(owners, works, now);
}
