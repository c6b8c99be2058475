import type { z } from 'zod';
import { Owner, type OwnerInput } from '@/utils/schema/owner';
import { Work, type WorkInput } from '@/utils/schema/work';
import { newId } from '@/utils/schema/ids';
import type { RuanzhuDb } from './db';
import { plainCodec, type OwnerCodec } from './owner-codec';

/** A record failed its schema; `issues` lists the fields. */
export class RecordShapeError extends Error {
  readonly reason = 'invalid';
  constructor(
    readonly issues: { field: string; message: string }[],
  ) {
    super(`记录格式有误 / invalid record — ${issues.map((i) => `${i.field}：${i.message}`).join('；')}`);
  }
}


function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new RecordShapeError(r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  }
  return r.data;
}

/** Creates (empty or absent id) or replaces an owner; stamps createdAt/updatedAt. Returns the stored record. */
export async function saveOwner(db: RuanzhuDb, input: Partial<OwnerInput>, codec: OwnerCodec = plainCodec): Promise<Owner> {
  const now = new Date().toISOString();
  const id = input.id || newId('o');
  const existing = await db.owners.get(id);
  const owner = parseOrThrow(Owner, { ...input, id, createdAt: existing?.createdAt ?? now, updatedAt: now });
  // Sealing is WebCrypto work: done before the write, since awaiting it inside an IndexedDB
  // transaction would let the transaction commit early.
  await db.owners.put(await codec.toStored(owner));
  return owner;
}

/** Deletes an owner and unlinks it from every work; returns how many works were unlinked. */
export async function deleteOwner(db: RuanzhuDb, id: string): Promise<number> {
  return db.transaction('rw', db.owners, db.works, async () => {
    const linked = await db.works.where('ownerIds').equals(id).toArray();
    const now = new Date().toISOString();
    await db.works.bulkPut(linked.map((w) => ({ ...w, ownerIds: w.ownerIds.filter((o) => o !== id), updatedAt: now })));
    await db.owners.delete(id);
    return linked.length;
  });
}

export async function getOwner(db: RuanzhuDb, id: string, codec: OwnerCodec = plainCodec): Promise<Owner | undefined> {
  const stored = await db.owners.get(id);
  return stored && codec.fromStored(stored);
}


/** Creates (empty or absent id) or replaces a work; every owner it names must exist. */
export async function saveWork(db: RuanzhuDb, input: Partial<WorkInput>): Promise<Work> {
  const now = new Date().toISOString();
  const id = input.id || newId('w');
  return db.transaction('rw', db.owners, db.works, async () => {
    const existing = await db.works.get(id);
    const work = parseOrThrow(Work, { ...input, id, createdAt: existing?.createdAt ?? now, updatedAt: now });
    const owners = await db.owners.bulkGet(work.ownerIds);
    const missing = work.ownerIds.filter((_, i) => !owners[i]);
    if (missing.length) {
      throw new RecordShapeError(missing.map((m) => ({ field: 'ownerIds', message: `著作权人 ${m} 不存在 / owner ${m} does not exist` })));
    }
    await db.works.put(work);
    return work;
  });
}

export async function deleteWork(db: RuanzhuDb, id: string): Promise<void> {
  await db.works.delete(id);
}


