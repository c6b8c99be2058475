import type { Owner } from '@/utils/schema/owner';
import { describe, expect, it } from 'vitest';
import { deleteOwner, deleteWork, RecordShapeError, saveOwner, saveWork } from '@/utils/background/store/repository';
import { listTags, ownerIndex, ownerQuery, workIndex, workQuery } from '@/utils/background/store/search';
import type { OwnerQuery, WorkQuery } from '@/utils/contract/messages';
import type { RuanzhuDb } from '@/utils/background/store/db';

// What the background answers a search with: the stored records, indexed, filtered and sorted.
const listOwners = async (db: RuanzhuDb, q: OwnerQuery) => ownerIndex((await db.owners.toArray()) as Owner[]).find(ownerQuery(q), 0, q.limit).records;
const listWorks = async (db: RuanzhuDb, q: WorkQuery) => workIndex(await db.works.toArray()).find(workQuery(q), 0, q.limit).records;
import { freshDb } from './helpers';

async function seeded() {
  const { db } = freshDb();
  const zhang = await saveOwner(db, { kind: 'person', name: '张三', idNumber: '110105199003072012', phone: '+86 138 0013 8000', tags: ['个人客户'] });
  const yunfan = await saveOwner(db, { kind: 'organization', name: '北京云帆科技有限公司', idNumber: '91110108MA01C3KX5Q', phone: '13900139000', tags: ['企业客户'] });
  const crm = await saveWork(db, { fullName: '云帆客户关系管理系统', version: 'V1.0', ownerIds: [yunfan.id, zhang.id], tags: ['2026'] });
  return { db, zhang, yunfan, crm };
}

describe('repository', () => {
  it('creates with an id and timestamps, updates keep createdAt', async () => {
    const { db, zhang } = await seeded();
    expect(zhang.id).toMatch(/^o-/);
    expect(zhang.createdAt).toBe(zhang.updatedAt);
    await new Promise((r) => setTimeout(r, 2));
    const again = await saveOwner(db, { ...zhang, name: '张叁' });
    expect(again.createdAt).toBe(zhang.createdAt);
    expect(again.updatedAt! > zhang.updatedAt!).toBe(true);
    expect(((await db.owners.get(zhang.id)) as Owner | undefined)?.name).toBe('张叁');
    expect(await db.owners.count()).toBe(2);
  });

  it('refuses a record of the wrong shape and writes nothing', async () => {
    const { db } = freshDb();
    await expect(saveOwner(db, { kind: 'alien' as 'person', name: 'x' })).rejects.toBeInstanceOf(RecordShapeError);
    expect(await db.owners.count()).toBe(0);
  });

  it('refuses a work that names an unknown owner', async () => {
    const { db } = freshDb();
    await expect(saveWork(db, { fullName: 'x', ownerIds: ['o-missing'] })).rejects.toThrow(/o-missing/);
    expect(await db.works.count()).toBe(0);
  });

  it.each([
    ['name', '张', ['张三']],
    ['full-width name query', '云帆', ['北京云帆科技有限公司']],
    ['ID number, any case', '91110108ma01', ['北京云帆科技有限公司']],
    ['phone digits with spaces', '138 0013', ['张三']],
    ['phone with country code stored', '13800138000', ['张三']],
    ['tag', '企业', ['北京云帆科技有限公司']],
    ['nothing', '王五', []],
  ])('searches owners by %s', async (_what, text, names) => {
    const { db } = await seeded();
    expect((await listOwners(db, { text })).map((o) => o.name)).toEqual(names);
  });

  it('returns at most `limit` matches, newest first', async () => {
    const { db } = await seeded();
    expect((await listOwners(db, { limit: 1 })).map((o) => o.name)).toEqual(['北京云帆科技有限公司']);
  });

  it('filters by exact tag and lists tags', async () => {
    const { db } = await seeded();
    expect((await listOwners(db, { tag: '个人客户' })).map((o) => o.name)).toEqual(['张三']);
    expect(listTags((await db.owners.toArray()) as Owner[], await db.works.toArray())).toEqual({ owners: ['个人客户', '企业客户'], works: ['2026'] });
  });

  it('finds works by name, version and owner', async () => {
    const { db, zhang } = await seeded();
    expect(await listWorks(db, { text: 'crm' })).toEqual([]);
    expect((await listWorks(db, { text: '客户关系' })).length).toBe(1);
    expect((await listWorks(db, { text: 'v1.0' })).length).toBe(1);
    expect((await listWorks(db, { ownerId: zhang.id })).length).toBe(1);
  });

  it('deleting an owner unlinks it from its works, keeping the order of the others', async () => {
    const { db, zhang, yunfan, crm } = await seeded();
    expect(await deleteOwner(db, zhang.id)).toBe(1);
    expect((await db.works.get(crm.id))?.ownerIds).toEqual([yunfan.id]);
    expect(await db.owners.get(zhang.id)).toBeUndefined();
  });

  it('deletes a work', async () => {
    const { db, crm } = await seeded();
    await deleteWork(db, crm.id);
    expect(await db.works.count()).toBe(0);
  });
});
