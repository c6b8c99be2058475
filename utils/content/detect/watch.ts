import type { PageKind } from '@/utils/pages/registry';
import { detectPage, type Detection } from './detect';

export interface PageWatcher {
  /** The page kind now: cheap while the marker element stays and the URL is the same. */
  refresh(): Detection | null;
  /** Re-detects after the current task (a navigation commits, a batch of DOM changes completes). */
  schedule(): void;
}

/**
 * Keeps `document.documentElement.dataset.ruanzhuPage` on the current page kind: re-detects on hash
 * and history changes and when the DOM changes (a step rendered late, its container replaced).
 * pushState navigations reach `schedule` from the caller (WXT's wxt:locationchange, which fires
 * before the URL changes: hence the microtask).
 * Mutation batches cost one `isConnected` check while the detected page's marker is still there.
 * `onKind` hears each change of kind (null: no kind of ours any more).
 */
export function watchPage(win: Window, signal: AbortSignal, onKind?: (page: PageKind | null) => void): PageWatcher {
  const doc = win.document;
  let current: Detection | null = null;
  let href = '';

  const refresh = (): Detection | null => {
    if (current?.marker.isConnected && win.location.href === href) return current;
    href = win.location.href;
    const next = detectPage(href, doc);
    const changed = next?.page !== current?.page;
    current = next;
    if (next) doc.documentElement.dataset.ruanzhuPage = next.page;
    else delete doc.documentElement.dataset.ruanzhuPage;
    if (changed) onKind?.(next?.page ?? null);
    return next;
  };

  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    // After the navigation commits and the batch of DOM changes is complete.
    queueMicrotask(() => {
      queued = false;
      if (!signal.aborted) refresh();
    });
  };
  win.addEventListener('hashchange', schedule, { signal });
  win.addEventListener('popstate', schedule, { signal });
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());

  refresh();
  return { refresh, schedule };
}
