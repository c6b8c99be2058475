import type { RuanzhuDb } from './db';
import type { OwnerCodec } from './owner-codec';
import { ownerIndex, workIndex, type OwnerIndex, type WorkIndex } from './search';

/**
 * Every owner (decoded) and work, indexed for search (search.ts), kept in the background's memory
 * between writes, so a query is a scan of folded strings instead of a table read (and, with the
 * lock on, a decryption of every record) per keystroke. Whoever writes, or locks, calls
 * `invalidate()`; locking thus also drops the decrypted copies.
 */
export class ProfileCache {
  private ownerIndex?: Promise<OwnerIndex>;
  private workIndex?: Promise<WorkIndex>;

  owners(db: RuanzhuDb, codec: OwnerCodec): Promise<OwnerIndex> {
    if (!this.ownerIndex) {
      const building = db.owners
        .toArray()
        .then((stored) => Promise.all(stored.map(codec.fromStored)))
        .then(ownerIndex);
      this.ownerIndex = building;
      // A failed build is not kept: the next query tries again (after an unlock, say).
      building.catch(() => this.ownerIndex === building && (this.ownerIndex = undefined));
    }
    return this.ownerIndex;
  }

  works(db: RuanzhuDb): Promise<WorkIndex> {
    if (!this.workIndex) {
      const building = db.works.toArray().then(workIndex);
      this.workIndex = building;
      building.catch(() => this.workIndex === building && (this.workIndex = undefined));
    }
    return this.workIndex;
  }

  invalidate(): void {
    this.ownerIndex = undefined;
    this.workIndex = undefined;
  }
}
