import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBackgroundContext } from '@/utils/background/service';
import { importBundle } from '@/utils/background/store/bundle-io';
import { plainCodec } from '@/utils/background/store/owner-codec';
import { ProfileCache } from '@/utils/background/store/profile-cache';
import { byRecency, ownerIndex, ownerQuery, SearchIndex, workIndex, workQuery } from '@/utils/background/store/search';
import type { OwnerQuery, WorkQuery } from '@/utils/contract/messages';
import { makeBundle } from '@/utils/schema/bundle';
import { Owner } from '@/utils/schema/owner';
import { maskIdNumber } from '@/utils/schema/summary';
import { Work } from '@/utils/schema/work';
import { foldPhone, foldText } from '@/utils/text/normalize';
import { askBackground, freshDb, freshStore } from './helpers';

// The search's meaning, spelled out naively: fold every field of every record per query.
const naiveOwners = (all: Owner[], query: OwnerQuery) => {
  const q = foldText(query.text ?? '');
  const digits = foldPhone(q);
  return all
    .filter((o) => !query.tag || o.tags.includes(query.tag))
    .filter((o) => !q || [o.name, o.idNumber, ...o.tags].some((s) => foldText(s).includes(q)) || (digits.length >= 3 && [o.phone, o.landline ?? '', o.account?.phone ?? ''].some((p) => foldPhone(p).includes(digits))))
    .sort(byRecency((o) => o.name));
};
const naiveWorks = (all: Work[], query: WorkQuery) => {
  const q = foldText(query.text ?? '');
  return all
    .filter((w) => (!query.tag || w.tags.includes(query.tag)) && (!query.ownerId || w.ownerIds.includes(query.ownerId)))
    .filter((w) => !q || [w.fullName, w.shortName, w.version, ...w.tags].some((s) => foldText(s).includes(q)))
    .sort(byRecency((w) => w.fullName));
};

// Small alphabets, so that queries often hit: full-width digits and letters fold to their plain forms.
const piece = fc.constantFrom('张', '三', '云', '帆', 'Ａ', 'a', 'V', '1', '１', '.', ' ', '8', '0', '+86', '科技');
const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
const tag = fc.constantFrom('VIP', '渠道', '2026', 'ｖｉｐ');
const stamp = fc.constantFrom(undefined, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
const ids = (prefix: string) => fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 40 }).map((ns) => ns.map((n) => `${prefix}-${n}`));
const owners = ids('o').chain((list) =>
  fc.tuple(...list.map((id) => fc.record({ name: text, idNumber: text, phone: text, landline: text, tags: fc.uniqueArray(tag, { maxLength: 2 }), updatedAt: stamp }).map((o) => Owner.parse({ id, kind: 'person', ...o, updatedAt: o.updatedAt })))),
);
const works = ids('w').chain((list) =>
  fc.tuple(...list.map((id) => fc.record({ fullName: text, shortName: text, version: text, tags: fc.uniqueArray(tag, { maxLength: 2 }), ownerIds: fc.uniqueArray(fc.constantFrom('o-1', 'o-2', 'o-3'), { maxLength: 2 }), updatedAt: stamp }).map((w) => Work.parse({ id, ...w })))),
);
const query = fc.record({ text, tag: fc.option(tag, { nil: undefined }) });

describe('search index', () => {
  it('finds what the naive filter finds, in the same order, on random owners', () => {
    fc.assert(
      fc.property(owners, query, (all, q) => {
        expect(ownerIndex(all).find(ownerQuery(q)).records).toEqual(naiveOwners(all, q));
      }),
    );
  });

  it('finds what the naive filter finds, in the same order, on random works', () => {
    fc.assert(
      fc.property(works, query, fc.option(fc.constantFrom('o-1', 'o-2'), { nil: undefined }), (all, q, ownerId) => {
        expect(workIndex(all).find(workQuery({ ...q, ownerId })).records).toEqual(naiveWorks(all, { ...q, ownerId }));
      }),
    );
  });

  it('pages add up to every match, and the total counts them all', () => {
    fc.assert(
      fc.property(owners, query, fc.integer({ min: 1, max: 7 }), (all, q, size) => {
        const index = ownerIndex(all);
        const expected = naiveOwners(all, q);
        const pages = [];
        for (let offset = 0; offset <= expected.length; offset += size) {
          const page = index.find(ownerQuery(q), offset, size);
          expect(page.total).toBe(expected.length);
          pages.push(...page.records);
        }
        expect(pages).toEqual(expected);
      }),
    );
  });

  it('a record replaced or removed answers as an index built afresh, folding only the record that changed', () => {
    fc.assert(
      fc.property(owners, query, fc.nat(), fc.boolean(), (all, q, pick, remove) => {
        fc.pre(all.length > 0);
        const target = all[pick % all.length];
        const renamed = { ...target, name: `${target.name}改` };
        const changed = remove ? all.filter((o) => o.id !== target.id) : all.map((o) => (o.id === target.id ? renamed : o));
        const next = remove ? ownerIndex(all).replaced(target.id) : ownerIndex(all).replaced(target.id, renamed);
        expect(next.find(ownerQuery(q))).toEqual(ownerIndex(changed).find(ownerQuery(q)));
        // The other records' folded texts are reused.
        let folds = 0;
        const counted = new SearchIndex(all, (o) => o.name, (o) => (folds++, o.name));
        folds = 0;
        if (remove) counted.replaced(target.id);
        else counted.replaced(target.id, renamed);
        expect(folds).toBe(remove ? 0 : 1);
      }),
    );
  });
});

const owner = (i: number, extra: Partial<Owner> = {}) => Owner.parse({ id: `o-${i}`, kind: 'person', name: `客户${i}`, idNumber: `11010519900307${String(i).padStart(4, '0')}`, tags: i % 2 ? ['VIP'] : [], updatedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, ...extra });

describe('row ops', () => {
  it('answer a page of summary rows with the total, ID numbers masked', async () => {
    const { store } = freshStore();
    await store.use((db) => importBundle(db, makeBundle(Array.from({ length: 120 }, (_, i) => owner(i)), [])));
    const ctx = createBackgroundContext(store, () => {});
    const first = await askBackground(ctx, { type: 'ruanzhu:owner-rows', query: { tag: 'VIP' }, limit: 25 });
    expect(first.total).toBe(60);
    expect(first.rows).toHaveLength(25);
    expect(Object.keys(first.rows[0]).sort()).toEqual(['category', 'id', 'idNumber', 'kind', 'name', 'tags', 'updatedAt']);
    expect(first.rows[0].idNumber).toMatch(/^1101\*{10}\d{4}$/);
    const rest = await askBackground(ctx, { type: 'ruanzhu:owner-rows', query: { tag: 'VIP' }, offset: 25, limit: 500 });
    expect(rest.rows).toHaveLength(35);
    const whole = await askBackground(ctx, { type: 'ruanzhu:owners', query: { tag: 'VIP' } });
    expect([...first.rows, ...rest.rows].map((r: { id: string }) => r.id)).toEqual(whole.map((o: Owner) => o.id));
  });

  it('name the owners of each work, and follow a rename (the index is dropped on writes)', async () => {
    const { store } = freshStore();
    await store.use((db) => importBundle(db, makeBundle([owner(1), owner(2)], [Work.parse({ id: 'w-1', fullName: '云帆系统', ownerIds: ['o-2', 'o-1'] })])));
    const ctx = createBackgroundContext(store, () => {});
    expect((await askBackground(ctx, { type: 'ruanzhu:work-rows' })).rows).toEqual([expect.objectContaining({ id: 'w-1', ownerNames: ['客户2', '客户1'] })]);
    await askBackground(ctx, { type: 'ruanzhu:save-owner', record: { ...owner(1), name: '新名字' } });
    expect((await askBackground(ctx, { type: 'ruanzhu:work-rows', query: { ownerId: 'o-1' } })).rows[0].ownerNames).toEqual(['客户2', '新名字']);
    expect(await askBackground(ctx, { type: 'ruanzhu:work', id: 'w-1' })).toMatchObject({ id: 'w-1', fullName: '云帆系统' });
  });

  it('with the lock on: rows are decrypted while unlocked, refused while locked, and locking drops the index', async () => {
    const { store } = freshStore();
    await store.use((db) => importBundle(db, makeBundle([owner(1, { name: '张三' })], [])));
    const ctx = createBackgroundContext(store, () => {}, 100_000);
    await ctx.vault.enable('正确的口令 correct horse');
    expect((await askBackground(ctx, { type: 'ruanzhu:owner-rows', query: { text: '张三' } })).rows.map((r: { name: string }) => r.name)).toEqual(['张三']);
    const dropped = vi.spyOn(ctx.cache, 'invalidate');
    await askBackground(ctx, { type: 'ruanzhu:lock' });
    expect(dropped).toHaveBeenCalled();
    expect(await askBackground(ctx, { type: 'ruanzhu:owner-rows' })).toMatchObject({ failed: true, reason: 'locked' });
    expect(await askBackground(ctx, { type: 'ruanzhu:work-rows' })).toMatchObject({ failed: true, reason: 'locked' });
  });

  it('refuse pages past the limit the table sets', async () => {
    const ctx = createBackgroundContext(freshStore().store, () => {});
    expect(await askBackground(ctx, { type: 'ruanzhu:owner-rows', limit: 10_000 })).toMatchObject({ failed: true, reason: 'invalid' });
  });
});

describe('the profile cache', () => {
  it('follows one record saved or deleted without reading the table again', async () => {
    const { store } = freshStore();
    await store.use((db) => importBundle(db, makeBundle([owner(1), owner(2)], [Work.parse({ id: 'w-1', fullName: '甲' }), Work.parse({ id: 'w-2', fullName: '乙' })])));
    const ctx = createBackgroundContext(store, () => {});
    const db = await store.use(async (d) => d);
    await askBackground(ctx, { type: 'ruanzhu:work-rows' });
    const ownerReads = vi.spyOn(db.owners, 'toArray');
    const workReads = vi.spyOn(db.works, 'toArray');
    await askBackground(ctx, { type: 'ruanzhu:save-owner', record: { ...owner(2), name: '改名' } });
    await askBackground(ctx, { type: 'ruanzhu:save-work', record: { id: 'w-3', fullName: '丙', ownerIds: ['o-2'] } });
    await askBackground(ctx, { type: 'ruanzhu:delete-work', id: 'w-1' });
    const rows = (await askBackground(ctx, { type: 'ruanzhu:work-rows' })).rows;
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['w-3', 'w-2']);
    expect(rows[0].ownerNames).toEqual(['改名']);
    expect(ownerReads).not.toHaveBeenCalled();
    // Relinking filings reads works only when filings are tracked: none here.
    expect(workReads).not.toHaveBeenCalled();
    // Deleting an owner unlinks it from works: both indexes are built again from the tables.
    await askBackground(ctx, { type: 'ruanzhu:delete-owner', id: 'o-2' });
    expect((await askBackground(ctx, { type: 'ruanzhu:work-rows' })).rows[0]).toMatchObject({ id: 'w-3', ownerIds: [], ownerNames: [] });
    expect(ownerReads).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed build', async () => {
    const { db } = freshDb();
    const cache = new ProfileCache();
    const broken = { ...plainCodec, fromStored: async () => Promise.reject(new Error('locked')) };
    await db.owners.put(owner(1));
    await expect(cache.owners(db, broken)).rejects.toThrow('locked');
    expect((await cache.owners(db, plainCodec)).records.map((o) => o.id)).toEqual(['o-1']);
  });
});

describe('import at scale', () => {
  it('a bad record in the middle writes nothing, and says so in Chinese then English', async () => {
    const { db } = freshDb();
    const list = Array.from({ length: 300 }, (_, i) => owner(i));
    const bundle = JSON.parse(JSON.stringify(makeBundle(list, [])));
    bundle.owners[150].kind = 'alien';
    const result = await importBundle(db, bundle);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['owners[150].kind']);
    expect(await db.owners.count()).toBe(0);
  });

  it('re-import counts updates and creations by what is stored', async () => {
    const { db } = freshDb();
    await importBundle(db, makeBundle([owner(1), owner(2), owner(3)], [Work.parse({ id: 'w-1', ownerIds: ['o-1'] })]));
    const again = await importBundle(db, makeBundle([owner(2), owner(3, { name: '改名' }), owner(4), owner(5)], [Work.parse({ id: 'w-1', ownerIds: ['o-1'] }), Work.parse({ id: 'w-2', ownerIds: ['o-5'] })]));
    expect(again).toMatchObject({ ok: true, owners: 4, works: 2, created: 3, updated: 3 });
    expect(await db.owners.count()).toBe(5);
    expect((await db.owners.get('o-3')) as Owner).toMatchObject({ name: '改名' });
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['110105199003072012', '1101**********2012'],
    ['91110108MA01C3KX5Q', '9111**********KX5Q'],
    ['E1234567', '****4567'],
    ['123', '123'],
  ])('%s → %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked));
});
