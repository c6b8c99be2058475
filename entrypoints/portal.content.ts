import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '@/utils/content/detect/watch';
import { engineOnDemand, portalLink } from '@/utils/content/engine-link';
import { watchComposition } from '@/utils/content/fill/composition';
import { watchEdits } from '@/utils/content/fill/marks';
import '@/utils/content/fill/marks.css';
import { PORTAL_MATCHES } from '@/utils/pages/hosts';
import { toBackground } from '@/utils/platform/messaging';

// The loader, the part every portal page evaluates: it recognises the page and keeps its marker,
// watches from the start what the engine must know later (the user's edits and IME composition),
// and has the background inject the engine (portal-engine.ts) when the page needs it.
export default defineContentScript({
  matches: PORTAL_MATCHES,
  // As soon as the DOM is parsed: the page's content (and the marker) need not wait for the browser's idle time.
  runAt: 'document_end',
  main(ctx) {
    const engine = engineOnDemand(document, () => toBackground('ruanzhu:load-engine'), ctx.signal);
    const watcher = watchPage(window, ctx.signal, engine.kindShown);
    // Set before the engine can run: it is injected after the background's answer, a later task at the earliest.
    portalLink().current = { ctx, watcher };
    // pushState navigations; hash changes and DOM changes the watcher sees itself.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.schedule());
    watchComposition(document, ctx.signal);
    watchEdits(document, ctx.signal);

    // Only our own extension (its pages, its background) sends to a content script.
    const listener = (message: unknown, sender: Runtime.MessageSender) => (sender.id === browser.runtime.id ? engine.answer(message, sender) : undefined);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
