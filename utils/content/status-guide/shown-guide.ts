import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onPageChanges } from '@/utils/content/page-changes';
import { mountClosedUi, type ClosedUi } from '@/utils/content/shadow-ui';
import type { Guide } from './guidance';
import { GUIDE_CSS, renderGuide } from './guide-panel';

export interface ShownGuideSource {
  /** What the panel shows now; null removes it. */
  compute(): Guide<string> | null | Promise<Guide<string> | null>;
  /** 重新核对: without it, the panel has no such button. Updates once it settles, either way. */
  recheck?(): Promise<unknown>;
}

/**
 * Keeps a status guide in step with the page: a panel in a closed shadow root, rendered only when
 * what it shows changed, one update at a time (creating the UI is asynchronous) and one per burst
 * of page changes or route changes. Answers `update(force)` for the owner to call on its own events.
 */
export function keepGuideShown(ctx: ContentScriptContext, source: ShownGuideSource): (force?: boolean) => void {
  let collapsed = false;
  let rendered = '';
  let ui: Promise<ClosedUi> | null = null;
  let queue = Promise.resolve();

  const update = (force = false) => {
    queue = queue.then(async () => {
      const guide = await source.compute();
      if (!guide) {
        if (ui) (await ui).remove();
        ui = null;
        rendered = '';
        return;
      }
      const signature = JSON.stringify([guide, collapsed]);
      if (!force && signature === rendered) return;
      ui ??= mountClosedUi(ctx, { name: 'ruanzhu-guide', css: GUIDE_CSS });
      const recheck = source.recheck;
      renderGuide((await ui).container, guide, collapsed, {
        ...(recheck ? { recheck: () => void recheck().then(() => update(true), () => update(true)) } : {}),
        toggle: () => {
          collapsed = !collapsed;
          update(true);
        },
      });
      rendered = signature;
    });
  };

  onPageChanges(ctx, () => update());
  update();
  return update;
}
