import { DB_NAME, type RuanzhuDb } from './db';
import type { DatabasePlaces } from './places';

/** Where the name of the database in use is kept (the background's `storage.local`). */
export interface StorePointer {
  read(): Promise<string | undefined>;
  write(name: string): Promise<void>;
}

/**
 * The profile database in use. Every access runs through `use`; `replace` writes a whole new
 * database, makes it the one in use and removes the old one with its files (places.ts), so that
 * turning the lock on (or changing the passphrase) leaves no readable copy of the old records on
 * disk — rewriting the records in place would leave their plaintext in the database's files until
 * the browser compacts them, if ever. Accesses wait while a replacement runs, and a replacement
 * waits for the accesses already running: none sees half of a switch, none writes into a database
 * being left.
 */
export class ProfileStore {
  private current: Promise<RuanzhuDb> | null = null;
  private running = 0;
  private drained: (() => void) | null = null;
  private exclusive: Promise<void> | null = null;

  constructor(
    private readonly places: DatabasePlaces,
    private readonly pointer: StorePointer,
  ) {}

  private db(): Promise<RuanzhuDb> {
    this.current ??= (async () => {
      const name = (await this.pointer.read()) ?? DB_NAME;
      const db = await this.places.open(name);
      await db.open();
      await this.removeLeftovers(name);
      return db;
    })();
    return this.current;
  }

  /**
   * Databases other than the one in use: a new one a replacement did not finish (the browser
   * closed), or an old one it could not remove. Never used again, removed.
   */
  private async removeLeftovers(active: string): Promise<void> {
    const stale = (await this.places.names().catch(() => [])).filter((n) => (n === DB_NAME || n.startsWith(`${DB_NAME}-`)) && n !== active);
    await Promise.all(stale.map((n) => this.places.remove(n).catch(() => undefined)));
  }

  /** Runs `task` on the database in use. */
  async use<T>(task: (db: RuanzhuDb) => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.running++;
    try {
      return await task(await this.db());
    } finally {
      if (--this.running === 0) this.drained?.();
    }
  }

  /**
   * Writes a new database with `fill(from, to)`, then switches to it and removes `from`. A failure
   * before the switch removes the new one and leaves everything as it was.
   */
  async replace(fill: (from: RuanzhuDb, to: RuanzhuDb) => Promise<void>): Promise<void> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise<void>((r) => (release = r));
    try {
      if (this.running) await new Promise<void>((r) => (this.drained = r));
      this.drained = null;
      const from = await this.db();
      const to = await this.places.open(`${DB_NAME}-${crypto.randomUUID()}`);
      try {
        await to.open();
        await fill(from, to);
        await this.pointer.write(to.name);
      } catch (e) {
        to.close();
        await this.places.remove(to.name).catch(() => undefined);
        throw e;
      }
      this.current = Promise.resolve(to);
      from.close();
      await this.places.remove(from.name);
    } finally {
      this.exclusive = null;
      release();
    }
  }
}
