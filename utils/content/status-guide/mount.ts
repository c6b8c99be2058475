import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ALIYUN_CONSOLE_HOST } from '@/utils/pages/hosts';
import type { PageWatcher } from '@/utils/content/detect/watch';
import type { ChosenProfiles } from '@/utils/content/profiles';
import { keepGuideShown } from './shown-guide';
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
  const guideNow = (): Guide | null => {
    const page = watcher.refresh()?.page;
    if (page === 'aliyun.order') return orderGuide(readOrder(document.body), profiles.values);
    if (page === 'aliyun.orders') return listGuide(readOrders(document.body), profiles.values);
    return null;
  };
  const update = keepGuideShown(ctx, {
    compute: guideNow,
    recheck: () => profiles.reload(watcher.refresh()?.page ?? ''),
  });
  // Every fill or check the popup runs brings the profiles it chose.
  ctx.onInvalidated(profiles.subscribe(() => update()));
}
