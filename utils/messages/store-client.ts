import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Owner } from '../schema/owner';
import type { Work } from '../schema/work';
import type { OwnerQuery, WorkQuery } from '../storage/search';
import { CHANGED, type SaveResult, type StoreRequest } from './contract';

type Op<K extends StoreRequest['op']> = Omit<Extract<StoreRequest, { op: K }>, 'type' | 'op'>;
const ask = <T>(op: StoreRequest['op'], args: object = {}): Promise<T> =>
  browser.runtime.sendMessage({ type: 'ruanzhu:store', op, ...args }) as Promise<T>;

/** The extension pages' view of the profile store; the background answers every call. */
export const store = {
  owners: (query: OwnerQuery = {}) => ask<Owner[]>('owners', { query }),
  works: (query: WorkQuery = {}) => ask<Work[]>('works', { query }),
  owner: (id: string) => ask<Owner | null>('owner', { id }),
  tags: () => ask<{ owners: string[]; works: string[] }>('tags'),
  count: () => ask<{ owners: number; works: number }>('count'),
  linkedWorks: (ownerId: string) => ask<number>('linked-works', { ownerId }),
  saveOwner: (record: Op<'save-owner'>['record']) => ask<SaveResult<Owner>>('save-owner', { record }),
  saveWork: (record: Op<'save-work'>['record']) => ask<SaveResult<Work>>('save-work', { record }),
  deleteOwner: (id: string) => ask<SaveResult<number>>('delete-owner', { id }),
  deleteWork: (id: string) => ask<SaveResult<void>>('delete-work', { id }),
};

/** Unwraps a write's result: the record, or an Error with the store's bilingual message. */
export async function orThrow<T>(result: Promise<SaveResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error);
  return r.record;
}

/**
 * Loads from the store and loads again whenever the background announces a change (from this
 * page, another page or an import) or a dependency changes.
 */
export function useStore<T>(load: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const listener = (message: unknown) => {
      if ((message as { type?: string })?.type === CHANGED.type) setRevision((r) => r + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  useEffect(() => {
    let current = true;
    load().then((v) => current && setValue(v), () => undefined);
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, revision]);
  return value;
}
