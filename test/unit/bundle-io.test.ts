import type { Owner } from '@/utils/schema/owner';
import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle, LAST_EXPORT_KEY } from '@/utils/background/store/bundle-io';
import { freshDb, sampleBundle } from './helpers';

describe('importBundle', () => {
  it('imports a good bundle and reports counts', async () => {
    const { db } = freshDb();
    const r = await importBundle(db, sampleBundle());
    expect(r).toMatchObject({ ok: true, owners: 2, works: 1, created: 3, updated: 0 });
    expect(((await db.owners.get('o-zhang-san')) as Owner | undefined)?.name).toBe('张三');
  });

  it('re-importing the same ids updates instead of duplicating', async () => {
    const { db } = freshDb();
    await importBundle(db, sampleBundle());
    const b = sampleBundle();
    b.owners[0].phone = '13600136000';
    const r = await importBundle(db, b);
    expect(r).toMatchObject({ ok: true, created: 0, updated: 3 });
    expect(await db.owners.count()).toBe(2);
    expect(((await db.owners.get('o-zhang-san')) as Owner | undefined)?.phone).toBe('13600136000');
  });

  it('writes nothing when one record of many is invalid', async () => {
    const { db } = freshDb();
    const b = sampleBundle();
    b.works[0].sourceLines = '三万行';
    const r = await importBundle(db, b);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['works[0].sourceLines']);
    expect(await db.owners.count()).toBe(0);
    expect(await db.works.count()).toBe(0);
  });

  it('rejects malformed input without throwing', async () => {
    const { db } = freshDb();
    for (const bad of [null, 'text', 42, [], { format: 'ruanzhu-bundle' }]) {
      const r = await importBundle(db, bad);
      expect(r.ok).toBe(false);
    }
    expect(await db.owners.count()).toBe(0);
  });

  it('rejects a work naming an owner that is nowhere, writing nothing', async () => {
    const { db } = freshDb();
    const b = sampleBundle();
    b.works[0].ownerIds = ['o-yunfan', 'o-ghost'];
    const r = await importBundle(db, b);
    expect(r.ok ? null : r.errors[0]).toMatchObject({ path: 'works[0].ownerIds[1]', field: 'ownerIds[1]' });
    expect(r.ok ? '' : r.errors[0].message).toContain('o-ghost');
    expect(await db.owners.count()).toBe(0);
  });

  it('accepts a work naming an owner that is already stored', async () => {
    const { db } = freshDb();
    await importBundle(db, sampleBundle());
    const b = sampleBundle();
    b.owners = [];
    expect((await importBundle(db, b)).ok).toBe(true);
  });

  it('a storage failure mid-transaction leaves the old data and says why', async () => {
    const { db } = freshDb();
    await importBundle(db, sampleBundle());
    const b = sampleBundle();
    b.owners[0].name = '张三丰';
    const original = db.works.bulkPut.bind(db.works);
    db.works.bulkPut = (() => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as never;
    const r = await importBundle(db, b);
    db.works.bulkPut = original;
    expect(r.ok ? '' : r.errors[0].message).toMatch(/存储空间不足.*storage is full/);
    expect(((await db.owners.get('o-zhang-san')) as Owner | undefined)?.name).toBe('张三');
  });
});

describe('exportBundle', () => {
  it('round-trips: export → wipe → import → export is equal, unknown keys included', async () => {
    const { db } = freshDb();
    const b = sampleBundle();
    b.owners[0].fromTheFuture = { nested: [1, 2] };
    await importBundle(db, b);
    const first = await exportBundle(db, new Date('2026-11-23T00:00:00Z'));
    expect(first.owners.find((o) => o.id === 'o-zhang-san')).toMatchObject({ fromTheFuture: { nested: [1, 2] } });

    const { db: other } = freshDb();
    expect((await importBundle(other, JSON.parse(JSON.stringify(first)))).ok).toBe(true);
    const second = await exportBundle(other, new Date('2026-11-23T00:00:00Z'));
    const byId = (a: { id: string }, c: { id: string }) => a.id.localeCompare(c.id);
    expect({ ...second, owners: second.owners.sort(byId), works: second.works.sort(byId) }).toEqual({
      ...first,
      owners: first.owners.sort(byId),
      works: first.works.sort(byId),
    });
  });

  it('remembers when the last export was made', async () => {
    const { db } = freshDb();
    await exportBundle(db, new Date('2026-11-23T01:02:03Z'));
    expect((await db.meta.get(LAST_EXPORT_KEY))?.value).toBe('2026-11-23T01:02:03.000Z');
  });
});
