import Dexie, { type EntityTable, type DexieOptions } from 'dexie';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';

export const DB_NAME = 'ruanzhu';

/** Small key/value facts about the store itself (e.g. when the last export was made). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * Every schema version the database has had, oldest first. Never edit a released entry: add a
 * new one with its `upgrade`, and a fixture under test/fixtures/db/ for the migration harness.
 */
export const DB_VERSIONS: {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}[] = [
  {
    version: 1,
    stores: {
      owners: 'id, name, idNumber, phone, *tags, updatedAt',
      works: 'id, fullName, *ownerIds, *tags, updatedAt',
      meta: 'key',
    },
  },
];

export type RuanzhuDb = Dexie & {
  owners: EntityTable<Owner, 'id'>;
  works: EntityTable<Work, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

/** Opens the database with every version up to `upTo` (the latest by default; older ones for tests). */
export function openDb(options?: DexieOptions & { name?: string; upTo?: number }): RuanzhuDb {
  const { name = DB_NAME, upTo = Infinity, ...dexieOptions } = options ?? {};
  const db = new Dexie(name, dexieOptions) as RuanzhuDb;
  for (const v of DB_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}

let shared: RuanzhuDb | undefined;

/** The extension's one database, opened lazily in whichever extension page asks first. */
export function getDb(): RuanzhuDb {
  shared ??= openDb();
  return shared;
}
