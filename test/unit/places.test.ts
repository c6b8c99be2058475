import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importBundle } from '@/utils/background/store/bundle-io';
import { openDb } from '@/utils/background/store/db';
import { browserPlaces, type BucketManager } from '@/utils/background/store/places';
import { ProfileStore } from '@/utils/background/store/profile-store';
import { createBackgroundContext } from '@/utils/background/service';
import { freshStore, sampleBundle } from './helpers';

/** Chromium's storage buckets as the background sees them: each bucket an IndexedDB of its own. */
function fakeBuckets() {
  const buckets = new Map<string, IDBFactory>();
  const manager: BucketManager = {
    open: async (name) => {
      if (!buckets.has(name)) buckets.set(name, new IDBFactory());
      return { indexedDB: buckets.get(name)! };
    },
    delete: async (name) => void buckets.delete(name),
    keys: async () => [...buckets.keys()],
  };
  return { manager, buckets };
}

const names = async (factory: IDBFactory) => (await factory.databases()).map((d) => d.name);

describe('where the profile databases live', () => {
  it('with storage buckets, each database has a bucket of its own and removing it removes the bucket', async () => {
    const defaults = new IDBFactory();
    const { manager, buckets } = fakeBuckets();
    const places = browserPlaces(defaults, manager, IDBKeyRange);
    const db = await places.open('ruanzhu-a');
    await db.owners.put({ id: 'o-1', kind: 'person', name: '张三' } as never);
    expect(await names(buckets.get('ruanzhu-a')!)).toEqual(['ruanzhu-a']);
    expect(await names(defaults)).toEqual([]);
    expect(await places.names()).toEqual(['ruanzhu-a']);
    db.close();
    await places.remove('ruanzhu-a');
    expect([...buckets.keys()]).toEqual([]);
    expect(await places.names()).toEqual([]);
  });

  it('a database an earlier version made in the default bucket is found there and removed from there', async () => {
    const defaults = new IDBFactory();
    const legacy = openDb({ name: 'ruanzhu', indexedDB: defaults, IDBKeyRange });
    await legacy.owners.put({ id: 'o-1', kind: 'person', name: '张三' } as never);
    legacy.close();
    const { manager, buckets } = fakeBuckets();
    const places = browserPlaces(defaults, manager, IDBKeyRange);
    const db = await places.open('ruanzhu');
    expect(await db.owners.count()).toBe(1);
    expect(buckets.size).toBe(0);
    db.close();
    await places.remove('ruanzhu');
    expect(await names(defaults)).toEqual([]);
  });

  it('turning the lock on moves the records into a new bucket and removes the old one, legacy database included', async () => {
    const defaults = new IDBFactory();
    const legacy = openDb({ name: 'ruanzhu', indexedDB: defaults, IDBKeyRange });
    await importBundle(legacy, sampleBundle());
    legacy.close();
    const { manager, buckets } = fakeBuckets();
    let pointer: string | undefined;
    const store = new ProfileStore(browserPlaces(defaults, manager, IDBKeyRange), { read: async () => pointer, write: async (n) => void (pointer = n) });
    await createBackgroundContext(store, () => {}, 100_000).vault.enable('正确的口令 correct horse');
    expect(await names(defaults)).toEqual([]);
    expect([...buckets.keys()]).toEqual([pointer]);
    const rows = JSON.stringify(await store.use((db) => db.owners.toArray()));
    expect(rows).not.toContain('110105199003072012');
    expect(JSON.parse(rows)).toHaveLength(2);
  });

  it('without IDBFactory.databases() (Firefox before 126), turning the lock on still removes the plaintext database', async () => {
    const defaults = new IDBFactory();
    const legacy = openDb({ name: 'ruanzhu', indexedDB: defaults, IDBKeyRange });
    await importBundle(legacy, sampleBundle());
    legacy.close();
    // What Dexie needs of the factory, and no listing.
    const unlisted = { open: defaults.open.bind(defaults), deleteDatabase: defaults.deleteDatabase.bind(defaults), cmp: defaults.cmp.bind(defaults) } as unknown as IDBFactory;
    let pointer: string | undefined;
    const store = new ProfileStore(browserPlaces(unlisted, undefined, IDBKeyRange), { read: async () => pointer, write: async (n) => void (pointer = n) });
    await createBackgroundContext(store, () => {}, 100_000).vault.enable('正确的口令 correct horse');
    // __dbnames: where Dexie keeps the names itself when the browser cannot list them (names only).
    expect((await names(defaults)).filter((n) => n !== '__dbnames')).toEqual([pointer]);
    expect(JSON.stringify(await store.use((db) => db.owners.toArray()))).not.toContain('110105199003072012');
  });

  it('a database a replacement left behind (the browser closed midway) is removed when the store opens', async () => {
    const defaults = new IDBFactory();
    const { manager, buckets } = fakeBuckets();
    const places = browserPlaces(defaults, manager, IDBKeyRange);
    (await places.open('ruanzhu-unfinished')).close();
    const store = new ProfileStore(places, { read: async () => 'ruanzhu-current', write: async () => {} });
    await store.use(async () => undefined);
    expect([...buckets.keys()]).toEqual(['ruanzhu-current']);
  });

  it('a write asked for during a replacement waits for it and lands in the new database, so no edit is lost with the old one', async () => {
    const { store, db, names } = freshStore();
    await store.use((d) => d.works.put({ id: 'w-1' } as never));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const replacing = store.replace(async (from, to) => {
      await to.works.bulkPut(await from.works.toArray());
      await gate;
    });
    const writing = store.use(async (d) => (await d.works.put({ id: 'w-2' } as never), d.name));
    release();
    await replacing;
    const current = await db();
    expect(await writing).toBe(current.name);
    expect((await current.works.toArray()).map((w) => w.id)).toEqual(['w-1', 'w-2']);
    expect(await names()).toEqual([current.name]);
  });
});
