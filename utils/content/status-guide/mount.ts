import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountClosedUi, type ClosedUi } from '@/utils/content/shadow-ui';
import { tick } from '@/utils/content/fill/drivers/events';
import { ALIYUN_CONSOLE_HOST } from '@/utils/pages/hosts';
import type { PageWatcher } from '@/utils/content/detect/watch';
import type { ChosenProfiles } from '@/utils/content/profiles';
import { GUIDE_CSS, renderGuide } from './guide-panel';
import { listGuide, orderGuide, type Guide } from './guidance';
import { readOrder, readOrders } from '@/utils/content/reading/order-page';

export interface GuideDeps {
  watcher: PageWatcher;
  /** The profiles the last fill or check received: the guide checks against those. */
  profiles: ChosenProfiles;
}

/**
 * The status guide on the console's order pages: a panel in a closed shadow root (the page's
 * styles stay out, ours stay in, its scripts cannot read it), kept in step with the page. The owner and work it checks are the ones the
 * popup last sent to this tab (with a fill or a check); the content script holds no other profile.
 */
export function mountAliyunGuide(ctx: ContentScriptContext, { watcher, profiles }: GuideDeps): void {
  if (location.hostname !== ALIYUN_CONSOLE_HOST) return;
  let collapsed = false;
  let rendered = '';
  let ui: Promise<ClosedUi> | null = null;

  const guideNow = (): Guide | null => {
    const page = watcher.refresh()?.page;
    if (page === 'aliyun.order') return orderGuide(readOrder(document.body), profiles.values);
    if (page === 'aliyun.orders') return listGuide(readOrders(document.body), profiles.values);
    return null;
  };

  // One update at a time, in order: creating the UI is asynchronous.
  let queue = Promise.resolve();
  const update = (force = false) => {
    queue = queue.then(async () => {
      const guide = guideNow();
      if (!guide) {
        if (ui) (await ui).remove();
        ui = null;
        rendered = '';
        return;
      }
      const signature = JSON.stringify([guide, collapsed]);
      if (!force && signature === rendered) return;
      ui ??= mountClosedUi(ctx, { name: 'ruanzhu-guide', css: GUIDE_CSS });
      const shadowUi = await ui;
      renderGuide(shadowUi.container, guide, collapsed, {
        recheck: () => void profiles.reload(watcher.refresh()?.page ?? '').then(() => update(true), () => update(true)),
        toggle: () => {
          collapsed = !collapsed;
          update(true);
        },
      });
      rendered = signature;
    });
  };

  // A React page changes in bursts: one update after the burst (and our own panel is outside it).
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
  // Every fill or check the popup runs brings the profiles it chose.
  ctx.onInvalidated(profiles.subscribe(() => update()));
  update();
}
