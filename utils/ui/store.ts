import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import type { OwnerQuery, WorkQuery } from '@/utils/background/store/search';
import { CHANGED, isFailure, type LockAnswer, type LockRequest, type SaveResult, type StoreRequest } from '@/utils/contract/messages';
import type { Bundle } from '@/utils/schema/bundle';
import type { ImportResult } from '@/utils/background/store/bundle-io';

type Op<K extends StoreRequest['op']> = Omit<Extract<StoreRequest, { op: K }>, 'type' | 'op'>;
/** Sends a request; a Failure answer (e.g. the store is locked) rejects with its message. */
async function request<T>(message: object): Promise<T> {
  const answer = await browser.runtime.sendMessage(message);
  if (isFailure(answer)) throw new Error(answer.error);
  return answer as T;
}
const ask = <T>(op: StoreRequest['op'], args: object = {}): Promise<T> => request<T>({ type: 'ruanzhu:store', op, ...args });
const lockOp = (op: LockRequest['op'], args: object = {}) => request<LockAnswer>({ type: 'ruanzhu:lock', op, ...args });

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
  backup: () => ask<{ overdueSince: string | null; lastExportAt: string | null }>('backup'),
  importBundle: (bundle: unknown, passphrase?: string) => request<ImportResult & { needsPassphrase?: boolean }>({ type: 'ruanzhu:import', bundle, passphrase }),
  /** The whole store as a bundle, or sealed with `passphrase` when one is given. */
  exportBundle: (passphrase?: string) => request<Bundle | object>({ type: 'ruanzhu:export', passphrase }),
};

/** The passphrase lock; every call answers the new status or a bilingual error. */
export const lock = {
  status: () => lockOp('status'),
  unlock: (passphrase: string) => lockOp('unlock', { passphrase }),
  lockNow: () => lockOp('lock'),
  enable: (passphrase: string) => lockOp('enable', { passphrase }),
  change: (current: string, next: string) => lockOp('change', { current, next }),
  disable: (passphrase: string) => lockOp('disable', { passphrase }),
  autoLock: (minutes: number) => lockOp('auto-lock', { minutes }),
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

/** The lock's status, kept current by the background's change broadcasts. */
export function useLockStatus() {
  return useStore(async () => {
    const answer = await lock.status();
    return answer.ok ? answer.status : undefined;
  }, []);
}
