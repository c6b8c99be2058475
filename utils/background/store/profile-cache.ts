import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { RuanzhuDb } from './db';
import type { OwnerCodec } from './owner-codec';
import { ownerIndex, workIndex, type OwnerIndex, type WorkIndex } from './search';

/** A value built when first asked for, kept until dropped; a failed build is not kept. */
class Kept<T> {
  private value?: Promise<T>;

  get(build: () => Promise<T>): Promise<T> {
    if (!this.value) this.keep(build());
    return this.value!;
  }

  /** Changes the value if there is one (a build under way is changed when it ends). */
  update(change: (value: T) => T): void {
    if (this.value) this.keep(this.value.then(change));
  }

  drop(): void {
    this.value = undefined;
  }

  private keep(value: Promise<T>): void {
    this.value = value;
    // The next ask tries again (after an unlock, say).
    value.catch(() => this.value === value && this.drop());
  }
}

/**
 * Every owner (decoded) and work, indexed for search (search.ts), kept in the background's memory
 * between writes, so a query is a scan of folded strings instead of a table read (and, with the
 * lock on, a decryption of every record) per keystroke. One record saved or deleted updates the
 * index in memory; any other write of owners or works, and locking, calls `invalidate()`, which
 * drops it (locking thus also drops the decrypted copies).
 */
export class ProfileCache {
  private readonly ownerIndex = new Kept<OwnerIndex>();
  private readonly workIndex = new Kept<WorkIndex>();

  owners(db: RuanzhuDb, codec: OwnerCodec): Promise<OwnerIndex> {
    return this.ownerIndex.get(async () => ownerIndex(await Promise.all((await db.owners.toArray()).map(codec.fromStored))));
  }

  works(db: RuanzhuDb): Promise<WorkIndex> {
    return this.workIndex.get(async () => workIndex(await db.works.toArray()));
  }

  ownerSaved(owner: Owner): void {
    this.ownerIndex.update((index) => index.replaced(owner.id, owner));
  }

  workSaved(work: Work): void {
    this.workIndex.update((index) => index.replaced(work.id, work));
  }

  workDeleted(id: string): void {
    this.workIndex.update((index) => index.replaced(id));
  }

  invalidate(): void {
    this.ownerIndex.drop();
    this.workIndex.drop();
  }
}
