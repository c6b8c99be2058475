import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { tick } from '@/utils/content/fill/drivers/events';

/**
 * Calls `update` once after each burst of changes to the page (a framework renders in bursts) and
 * after each route change, for as long as the content script lives. Our own panels sit in closed
 * shadow roots, so their renders are not changes the observer sees.
 */
export function onPageChanges(ctx: ContentScriptContext, update: () => void): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    void tick().then(() => {
      scheduled = false;
      if (!ctx.isInvalid) update();
    });
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'hashchange', schedule);
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
}
