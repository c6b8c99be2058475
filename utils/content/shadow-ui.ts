import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/** One of our UIs on a portal page: its container (inside the shadow root) and its host element (in the page). */
export interface ClosedUi {
  container: HTMLElement;
  host: HTMLElement;
  remove(): void;
}

/**
 * Mounts a UI of ours in a **closed** shadow root: the page's styles stay out, ours stay in, and
 * the page's scripts cannot read what we show (SECURITY.md: no page-readable state beyond what the
 * user sees). Events inside stay inside, so typing in it never reaches the page's shortcuts.
 */
export async function mountClosedUi(ctx: ContentScriptContext, options: { name: string; css: string; anchor?: Element; after?: boolean }): Promise<ClosedUi> {
  const ui = await createShadowRootUi(ctx, {
    name: options.name,
    mode: 'closed',
    position: 'inline',
    anchor: options.anchor ?? 'body',
    append: options.after ? 'after' : 'last',
    css: options.css,
    isolateEvents: true,
    onMount: () => undefined,
  });
  ui.mount();
  return { container: ui.uiContainer, host: ui.shadowHost, remove: () => ui.remove() };
}
