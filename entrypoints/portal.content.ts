import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentRequest, type DetectResponse } from '@/utils/messages/contract';
import { detectPage, type PageIdentity } from '@/utils/portals/detect';
import { PORTAL_MATCHES } from '@/utils/portals/hosts';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let current: PageIdentity | null = null;

    const redetect = () => {
      current = detectPage(location.href, document);
      if (current) document.documentElement.dataset.ruanzhuPage = current.page;
      else delete document.documentElement.dataset.ruanzhuPage;
    };
    redetect();
    // SPA steps switch by hash without reload; WXT reports both hash and history navigations.
    ctx.addEventListener(window, 'wxt:locationchange', redetect);

    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = ContentRequest.safeParse(message);
      if (!parsed.success) return undefined;
      switch (parsed.data.type) {
        case 'ruanzhu:detect':
          redetect();
          return Promise.resolve({ site: current?.site ?? null, page: current?.page ?? null, fields: [] } satisfies DetectResponse);
        default:
          return undefined;
      }
    });
  },
});
