import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { backgroundHandlers, type BackgroundContext } from '@/utils/background/service';
import { openDb } from '@/utils/background/store/db';
import { browserPlaces } from '@/utils/background/store/places';
import { ProfileStore } from '@/utils/background/store/profile-store';
import { dispatch } from '@/utils/contract/dispatch';
import { isFailure } from '@/utils/contract/failure';
import { MESSAGES, type MessageType, type Party, type PlanValues } from '@/utils/contract/messages';
import { PageChecks, type PageChecksDeps } from '@/utils/content/checks/page-checks';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { ChosenProfiles, type Choice } from '@/utils/content/profiles';
import { contentHandlers } from '@/utils/content/service';

/** A database of its own for one test: reassigning the global factory would not isolate. */
export function freshDb(upTo?: number) {
  const indexedDB = new IDBFactory();
  return { db: openDb({ indexedDB, IDBKeyRange, upTo }), indexedDB };
}

export function sampleBundle(): Record<string, any> {
  return JSON.parse(readFileSync(resolve(__dirname, '../fixtures/sample.ruanzhu.json'), 'utf8'));
}

/**
 * Sends a message to the background's handlers as `party` would (by default the first sender the
 * table allows), through the same dispatch the background runs; a served answer must be a Failure
 * or parse with the table's response schema.
 */
export async function askBackground(ctx: BackgroundContext, message: { type: string; [k: string]: unknown }, party?: Party | null): Promise<any> {
  const known = Object.hasOwn(MESSAGES, message?.type) ? MESSAGES[message.type as MessageType] : undefined;
  const from = party === undefined ? (known?.from[0] ?? 'extension-page') : party;
  const answer = await dispatch('background', backgroundHandlers(ctx), message, from && { party: from, tabId: 1 });
  if (known && answer !== undefined && !isFailure(answer)) known.response.parse(answer);
  return answer;
}

/** A content script's handlers on this test's document, with profiles answered by `fetch` (each call recorded). */
export function contentService(watcher: PageWatcher, fetch: (choice: Choice, page: string) => Promise<PlanValues>, deps: Partial<PageChecksDeps> = {}) {
  const fetched: [Choice, string][] = [];
  const profiles = new ChosenProfiles((choice, page) => {
    fetched.push([choice, page]);
    return fetch(choice, page);
  });
  const checks = new PageChecks({ doc: document, watcher, ...deps });
  const handlers = contentHandlers({ doc: document, watcher, profiles, checks });
  const ask = async (message: { type: string; [k: string]: unknown }): Promise<any> => {
    const answer = await dispatch('content-script', handlers, message, { party: 'extension-page' });
    if (answer !== undefined && !isFailure(answer)) MESSAGES[message.type as MessageType].response.parse(answer);
    return answer;
  };
  return { ask, profiles, checks, fetched };
}

/**
 * A profile store of its own for one test, as the background runs it where the browser has no
 * storage buckets: databases in a fresh IndexedDB, the pointer to the one in use in memory.
 * `db()` is the database in use now.
 */
export function freshStore() {
  const indexedDB = new IDBFactory();
  let pointer: string | undefined;
  const store = new ProfileStore(browserPlaces(indexedDB, undefined, IDBKeyRange), { read: async () => pointer, write: async (name) => void (pointer = name) });
  return { store, indexedDB, db: () => store.use(async (db) => db), names: async () => (await indexedDB.databases()).map((d) => d.name) };
}

/** A zip whose directory says `name` unpacks to `size` bytes, whatever it really holds (a lie a hostile file tells). */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const target = new TextEncoder().encode(name);
  const named = (at: number, length: number) => length === target.length && target.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    // Local file header: size at 22, name length at 26, name at 30. Central directory entry: 24, 28, 46.
    if (signature === 0x04034b50 && named(i + 30, view.getUint16(i + 26, true))) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && named(i + 46, view.getUint16(i + 28, true))) view.setUint32(i + 24, size, true);
  }
  return out;
}
