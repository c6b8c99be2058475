import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { StoredOwner } from './owner-codec';
import type { Filing } from '@/utils/schema/filing';
import type { Work } from '@/utils/schema/work';

/** The first database's name; the lock writes each new state into a database named `ruanzhu-<id>` (profile-store.ts). */
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
  {
    // Nothing queries these indexes any more (searches filter the decoded cache), and an index on
    // ID numbers or phones keeps them readable on disk next to a sealed record.
    version: 2,
    stores: {
      owners: 'id',
      works: 'id, *ownerIds',
      meta: 'key',
    },
  },
  {
    // The filing tracker: filings on the center by 流水号, found for a work by its id.
    version: 3,
    stores: {
      owners: 'id',
      works: 'id, *ownerIds',
      meta: 'key',
      filings: 'flowNumber, workId',
    },
  },
];

export type RuanzhuDb = Dexie & {
  /** Stored as they are, or sealed (owner-codec.ts): read them through a codec. */
  owners: Table<StoredOwner, string>;
  works: EntityTable<Work, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
  filings: EntityTable<Filing, 'flowNumber'>;
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
