import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountMaterialOffer } from '@/utils/content/checks/material-offer';
import { mountPageChecks } from '@/utils/content/checks/mount';
import { watchPage } from '@/utils/content/detect/watch';
import { watchComposition } from '@/utils/content/fill/drivers/text';
import { watchEdits } from '@/utils/content/fill/marks';
import '@/utils/content/fill/marks.css';
import { ChosenProfiles } from '@/utils/content/profiles';
import { contentHandlers } from '@/utils/content/service';
import { mountCenterFilings } from '@/utils/content/status-guide/center';
import { mountAliyunGuide } from '@/utils/content/status-guide/mount';
import { PORTAL_MATCHES } from '@/utils/pages/hosts';
import { serve, toBackground } from '@/utils/platform/messaging';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchPage(window, ctx.signal);
    // pushState navigations; hash changes and DOM changes the watcher sees itself.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.schedule());
    watchComposition(document, ctx.signal);
    watchEdits(document, ctx.signal);

    // Profiles live in the extension's origin: a fill or a check receives, by message, only the
    // fields this page kind fills or checks, once per user action, for every feature below.
    const profiles = new ChosenProfiles((choice, page) => toBackground('ruanzhu:plan-values', { ...choice, page }));
    // The center's filing list and detail: recorded for the tracker as they show, with a status guide.
    const filings = mountCenterFilings(ctx, { watcher, record: (list) => toBackground('ruanzhu:record-filings', { filings: list }) });
    // Readiness checks: the findings panel after a check or a fill, a verdict beside each file chosen.
    const checks = mountPageChecks(ctx, { watcher, signatureFor: filings.signatureFor });
    // Beside the program-material upload with nothing chosen: the materials studio, on a click.
    mountMaterialOffer(ctx, { watcher, open: () => toBackground('ruanzhu:open-materials') });
    // Alibaba Cloud's order pages: what each status means and the next step.
    mountAliyunGuide(ctx, { watcher, profiles });
    const stop = serve('content-script', contentHandlers({ doc: document, watcher, profiles, checks, signal: ctx.signal }), (sender) =>
      // Only our own extension (its pages, its background) sends to a content script.
      sender.id === browser.runtime.id ? { party: sender.url === browser.runtime.getURL('/background.js') ? 'background' : 'extension-page' } : null,
    );
    ctx.onInvalidated(stop);
  },
});
