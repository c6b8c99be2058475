import { openDb, type RuanzhuDb } from './db';

/** Where the profile databases live, and how one is removed with the files that held it. */
export interface DatabasePlaces {
  open(name: string): Promise<RuanzhuDb>;
  /** Removes a closed database and its files. */
  remove(name: string): Promise<void>;
  /** Every database of the extension, wherever it lives. */
  names(): Promise<string[]>;
}

/** The part of Chromium's Storage Buckets API used here (TypeScript's DOM types do not have it). */
export interface BucketManager {
  open(name: string): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
  keys(): Promise<string[]>;
}

const deleted = (factory: IDBFactory, name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

/**
 * The browser's places. Chromium keeps every IndexedDB database of an origin's default storage
 * bucket in one LevelDB, where deleting a database only writes tombstones beside the records; the
 * compaction it asks for afterwards skips the table LevelDB flushed straight to level 2, so the
 * deleted records stay readable in the files (SECURITY.md, "What is erased"). A storage bucket has
 * a LevelDB of its own and deleting the bucket deletes its directory, so each database gets a
 * bucket of its own. Without buckets (Firefox keeps one SQLite file per database and removes it
 * with the database), and for a database an earlier version made there, the default bucket.
 */
export function browserPlaces(indexedDB: IDBFactory, buckets: BucketManager | undefined, keyRange: typeof IDBKeyRange): DatabasePlaces {
  // IDBFactory.databases() is missing before Firefox 126 (the manifest allows 115). There a name
  // may be in the default bucket, where deleting it is harmless if it is not, and leftovers
  // cannot be listed.
  const listed = async () => (typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])) : undefined);
  const inDefault = async (name: string) => (await listed())?.includes(name) ?? true;
  return {
    async open(name) {
      const factory = !buckets || (await inDefault(name)) ? indexedDB : (await buckets.open(name)).indexedDB;
      return openDb({ name, indexedDB: factory, IDBKeyRange: keyRange });
    },
    async remove(name) {
      if (await inDefault(name)) await deleted(indexedDB, name);
      if (buckets && (await buckets.keys()).includes(name)) await buckets.delete(name);
    },
    async names() {
      return [...new Set([...((await listed()) ?? []), ...((await buckets?.keys()) ?? [])])];
    },
  };
}
