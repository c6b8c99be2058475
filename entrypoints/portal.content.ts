import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPageChecks } from '@/utils/content/checks/mount';
import { watchComposition } from '@/utils/content/fill/drivers/text';
import { watchEdits } from '@/utils/content/fill/marks';
import '@/utils/content/fill/marks.css';
import { createPortalHandler } from '@/utils/content/service';
import { mountAliyunGuide } from '@/utils/content/status-guide/mount';
import { PORTAL_MATCHES } from '@/utils/pages/hosts';
import { watchPage } from '@/utils/content/detect/watch';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchPage(window, ctx.signal);
    // pushState navigations; hash changes and DOM changes the watcher sees itself.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.schedule());
    watchComposition(document, ctx.signal);
    watchEdits(document, ctx.signal);

    // Profiles live in the extension's origin: a fill receives only its own values, by message.
    // The background answers with only the fields this page kind fills or checks.
    const planValues = (ownerId: string, workId: string | undefined) =>
      browser.runtime.sendMessage({ type: 'ruanzhu:plan-values', ownerId, workId, page: watcher.refresh()?.page ?? '' });
    // Readiness checks: the findings panel after a check or a fill, a verdict beside each file chosen.
    const checks = mountPageChecks(ctx, { watcher, planValues });
    const handle = createPortalHandler({ doc: document, watcher, planValues, checks });
    // Alibaba Cloud's order pages: what each status means and the next step.
    mountAliyunGuide(ctx, { watcher, planValues });
    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      return handle(message);
    });
  },
});
