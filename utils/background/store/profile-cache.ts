import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { RuanzhuDb } from './db';
import type { OwnerCodec } from './owner-codec';

/**
 * Every owner (decoded) and work, kept in the background's memory between writes, so a search is
 * a filter over an array instead of a table scan (and, with the lock on, a decryption of every
 * record) per keystroke. Whoever writes, or locks, calls `invalidate()`; locking thus also drops
 * the decrypted copies.
 */
export class ProfileCache {
  private owners?: Promise<Owner[]>;
  private works?: Promise<Work[]>;

  allOwners(db: RuanzhuDb, codec: OwnerCodec): Promise<Owner[]> {
    this.owners ??= db.owners
      .toArray()
      .then((stored) => Promise.all(stored.map(codec.fromStored)))
      .catch((e) => {
        this.owners = undefined;
        throw e;
      });
    return this.owners;
  }

  allWorks(db: RuanzhuDb): Promise<Work[]> {
    this.works ??= db.works.toArray().catch((e) => {
      this.works = undefined;
      throw e;
    });
    return this.works;
  }

  invalidate(): void {
    this.owners = undefined;
    this.works = undefined;
  }
}
