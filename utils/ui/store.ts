import { useEffect, useState } from 'react';
import { toBackground } from '@/utils/platform/messaging';
import { listen } from '@/utils/platform/serve';

/*
 * The extension pages' view of the profile store. The background owns the database: pages ask it
 * with `toBackground` (utils/platform/messaging.ts) and load again when it announces a change.
 */

/**
 * Loads from the store and loads again whenever the background announces a change (from this
 * page, another page or an import) or a dependency changes. A failed load (a locked store) leaves
 * the last value; the lock gate asks for the passphrase.
 */
export function useStore<T>(load: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  const [revision, setRevision] = useState(0);
  useEffect(() => listen('ruanzhu:changed', () => setRevision((r) => r + 1)), []);
  useEffect(() => {
    let current = true;
    load().then((v) => current && setValue(v), () => undefined);
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `deps` says when what it loads changes.
  }, [...deps, revision]);
  return value;
}

/** The lock's status, kept current by the background's change broadcasts. */
export function useLockStatus() {
  return useStore(() => toBackground('ruanzhu:lock-status'), []);
}
