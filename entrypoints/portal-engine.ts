import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { dispatch } from '@/utils/contract/dispatch';
import { mountMaterialOffer } from '@/utils/content/checks/material-offer';
import { mountPageChecks } from '@/utils/content/checks/mount';
import { portalLink } from '@/utils/content/engine-link';
import { ChosenProfiles } from '@/utils/content/profiles';
import { contentHandlers } from '@/utils/content/service';
import { mountCenterFilings } from '@/utils/content/status-guide/center';
import { mountAliyunGuide } from '@/utils/content/status-guide/mount';
import { toBackground } from '@/utils/platform/messaging';

// The engine, injected by the background into a portal page's isolated world when the page needs
// it (utils/content/engine-link.ts): everything that fills, checks and guides, on the loader's
// context and page watcher.
export default defineUnlistedScript(() => {
  const link = portalLink().current;
  // Injected without its loader (nothing to work with), or a second time (already running).
  if (!link || link.engine) return;
  const { ctx, watcher } = link;

  // Profiles live in the extension's origin: a fill or a check receives, by message, only the
  // fields this page kind fills or checks, once per user action, for every feature below.
  const profiles = new ChosenProfiles(
    (choice, page) => toBackground('ruanzhu:plan-values', { ...choice, page }),
    () => toBackground('ruanzhu:tab-choice'),
  );
  // The center's filing list and detail: recorded for the tracker as they show, with a status guide.
  const filings = mountCenterFilings(ctx, { watcher, record: (list) => toBackground('ruanzhu:record-filings', { filings: list }) });
  // Readiness checks: the findings panel after a check or a fill, a verdict beside each file chosen.
  const { checks, chosen } = mountPageChecks(ctx, { watcher, signatureFor: filings.signatureFor });
  // Beside the program-material upload with nothing chosen: the materials studio, on a click.
  mountMaterialOffer(ctx, { watcher, open: () => toBackground('ruanzhu:open-materials') });
  // Alibaba Cloud's order pages: what each status means and the next step.
  mountAliyunGuide(ctx, { watcher, profiles });
  const handlers = contentHandlers({ doc: document, watcher, profiles, checks, signal: ctx.signal });
  link.engine = {
    answer: (message, sender) =>
      dispatch('content-script', handlers, message, { party: sender.url === browser.runtime.getURL('/background.js') ? 'background' : 'extension-page' }),
    chosen,
  };
});
