import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { isVisible } from '@/utils/content/visibility';
import { onPageChanges } from '@/utils/content/page-changes';
import { mountClosedUi, type ClosedUi } from '@/utils/content/shadow-ui';
import { uploadAnchor, uploadCaption, uploadContext, uploadTarget } from './uploads';

const OFFER_CSS = `
:host { all: initial; }
button { font: 13px/1.4 system-ui, sans-serif; margin: 4px 0; padding: 3px 10px; border: 1px solid #1a73e8; border-radius: 4px; background: #fff; color: #1a73e8; cursor: pointer; }
`;

/** What a PDF chosen in an upload would be checked as: the upload checks' own decision. */
const A_PDF = { name: 'material.pdf', type: 'application/pdf' };
const takesProgram = (input: HTMLInputElement) => {
  const target = uploadTarget(uploadCaption(input), uploadContext(input), input.accept, A_PDF);
  return target?.as === 'material' && target.material === 'source';
};

/** The visible 程序鉴别材料 upload of R11 #/features while no file is chosen in it, if any. */
function emptySourceUpload(): HTMLInputElement | null {
  return [...document.querySelectorAll<HTMLInputElement>('input[type=file]')].find((input) => takesProgram(input) && !input.files?.length && isVisible(uploadAnchor(input))) ?? null;
}

/**
 * Beside the program-material upload of R11 #/features, while nothing is chosen in it: an offer to
 * make the material on this computer (the options page's 材料 tab). A closed shadow root like every
 * panel of ours; it opens the tab only on the user's own click, and holds no profile value.
 */
export function mountMaterialOffer(ctx: ContentScriptContext, { watcher, open }: { watcher: PageWatcher; open(): Promise<unknown> }): void {
  let shown: { anchor: Element; ui: Promise<ClosedUi> } | null = null;
  let queue = Promise.resolve();
  const update = () => {
    queue = queue.then(async () => {
      const input = watcher.refresh()?.page === 'ccopyright.r11.features' ? emptySourceUpload() : null;
      const anchor = input ? uploadAnchor(input) : null;
      if (anchor && shown?.anchor === anchor && anchor.isConnected) return;
      if (shown) (await shown.ui).remove();
      shown = null;
      if (!anchor) return;
      const ui = mountClosedUi(ctx, { name: 'ruanzhu-material-offer', css: OFFER_CSS, anchor, after: true });
      shown = { anchor, ui };
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = '用软著助手在本机制作程序鉴别材料 / Make it on this computer';
      button.addEventListener('click', (e) => {
        if (e.isTrusted) void open().catch(() => undefined);
      });
      (await ui).container.append(button);
    });
  };
  onPageChanges(ctx, update);
  update();
}
