import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { Filing, Owner, Work } from '@/utils/schema';
import { DB_VERSIONS, openDb } from '@/utils/background/store/db';
import { freshDb } from './helpers';

/**
 * The migration harness: for every schema version the database has had, store that version's
 * fixture with a database opened at that version, reopen it with the current code, and require
 * every record to be readable and valid. A new version adds its fixture under test/fixtures/db/.
 */
const fixture = (version: number) =>
  JSON.parse(readFileSync(resolve(__dirname, `../fixtures/db/v${version}.json`), 'utf8')) as Record<string, unknown[]>;

describe('database migrations', () => {
  it('declares versions in increasing order', () => {
    const versions = DB_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it.each(DB_VERSIONS.map((v) => v.version))('opens data written at version %i with the current schema', async (version) => {
    const { db: old, indexedDB } = freshDb(version);
    const data = fixture(version);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const current = openDb({ indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(DB_VERSIONS.at(-1)!.version);
    const owners = await current.owners.toArray();
    const works = await current.works.toArray();
    expect(owners.length).toBe(data.owners.length);
    expect(works.length).toBe(data.works.length);
    for (const o of owners) expect(Owner.safeParse(o).success).toBe(true);
    for (const w of works) expect(Work.safeParse(w).success).toBe(true);
    // Filings came with version 3: an older database opens with none, a newer one keeps its own.
    const filings = await current.filings.toArray();
    expect(filings.length).toBe(data.filings?.length ?? 0);
    for (const f of filings) expect(Filing.safeParse(f).success).toBe(true);
    // Indexes still answer after the upgrade.
    expect(await current.works.where('ownerIds').equals(owners[0].id).count()).toBeGreaterThan(0);
    current.close();
  });

  it('version 2 → 3 adds the filings table, found by 流水号 and by work', async () => {
    const { db: old, indexedDB } = freshDb(2);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixture(2))) await old.table(table).bulkAdd(rows);
    });
    expect(old.tables.map((t) => t.name)).not.toContain('filings');
    old.close();
    const current = openDb({ indexedDB, IDBKeyRange });
    const filing = fixture(3).filings[0] as Filing;
    await current.filings.add(filing);
    expect(await current.filings.get(filing.flowNumber)).toEqual(filing);
    expect(await current.filings.where('workId').equals('w-1').count()).toBe(1);
    expect(await current.owners.count()).toBe(fixture(2).owners.length);
    current.close();
  });

  it('a failing upgrade leaves the old data intact', async () => {
    const { db: old, indexedDB } = freshDb(1);
    await old.owners.add(Owner.parse({ id: 'keep-me', kind: 'person', name: '留存' }));
    old.close();

    const broken = openDb({ indexedDB, IDBKeyRange });
    broken.version(DB_VERSIONS.at(-1)!.version + 1).stores({}).upgrade(() => {
      throw new Error('boom');
    });
    await expect(broken.open()).rejects.toThrow();
    broken.close();

    const again = openDb({ indexedDB, IDBKeyRange });
    expect(((await again.owners.get('keep-me')) as Owner | undefined)?.name).toBe('留存');
  });
});
