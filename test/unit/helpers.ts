import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb } from '@/utils/background/store/db';

/** A database of its own for one test: reassigning the global factory would not isolate. */
export function freshDb(upTo?: number) {
  const indexedDB = new IDBFactory();
  return { db: openDb({ indexedDB, IDBKeyRange, upTo }), indexedDB };
}

export function sampleBundle(): Record<string, any> {
  return JSON.parse(readFileSync(resolve(__dirname, '../fixtures/sample.ruanzhu.json'), 'utf8'));
}
