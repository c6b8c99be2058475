import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/utils/platform/i18n';
import { toBackground } from '@/utils/platform/messaging';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { PageFindingsView } from './findings-view';
import { PageChecks } from './page-checks';
import { UploadChecks, type UploadChecksDeps } from './uploads';
import { VerdictUi } from './verdict-ui';

/** Quiet time after the user's last edit before the shown findings are brought up to date. */
const EDIT_SETTLE_MS = 400;
/** The checks' own shadow-root hosts: events in the panel are not edits of the page. */
const OWN_UI = /^ruanzhu-/;

/**
 * The readiness checks of a portal page, wired to the page: the findings panel and field marks, a
 * verdict beside every file chosen, and the shown findings kept current while the panel is open
 * (after the next step renders, and after the user's own edits). Pages are remembered either way,
 * so a later check compares the steps visited.
 */
export function mountPageChecks(ctx: ContentScriptContext, deps: { watcher: PageWatcher; signatureFor: UploadChecksDeps['signatureFor'] }): { checks: PageChecks; chosen(input: HTMLInputElement): void } {
  // The upload checks and the page checks refer to each other; both exist before either is used.
  let checks: PageChecks | undefined;
  const uploads = new UploadChecks({
    materialWork: () => checks?.materialWork() ?? {},
    inspectMaterial: (request) => toBackground('ruanzhu:inspect-material', request),
    signatureFor: deps.signatureFor,
    inspectSignature: (request) => toBackground('ruanzhu:inspect-signature', request),
    view: new VerdictUi(ctx),
    redact: (findings) => checks?.redact(findings) ?? findings,
    changed: () => void checks?.recheck(),
    texts: {
      pixels: (w, h) => t('photoPixels', [w, h]),
      pages: (n) => t('materialPages', [n]),
      tooBig: (mb) => t('materialTooBig', [mb]),
    },
  });
  const page = new PageChecks({
    doc: document,
    watcher: deps.watcher,
    view: new PageFindingsView(ctx, (key) => void page.focus(key)),
    files: uploads,
  });
  checks = page;
  uploads.listen(document, ctx.signal);

  const recheck = () => void page.recheck();
  ctx.addEventListener(window, 'hashchange', recheck);
  ctx.addEventListener(window, 'wxt:locationchange', recheck);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const edited = (e: Event) => {
    // The fill engine's events are dispatched, not trusted: a fill runs its own check when done.
    if (!e.isTrusted || (e.target instanceof Element && OWN_UI.test(e.target.localName))) return;
    // A committed value is remembered at once: the user may leave the step with the next click.
    if (e.type === 'change') page.observe();
    clearTimeout(timer);
    timer = setTimeout(recheck, EDIT_SETTLE_MS);
  };
  for (const type of ['change', 'focusout', 'click']) document.addEventListener(type, edited, { capture: true, signal: ctx.signal });
  // A file chosen before the engine came (engine-link.ts) is checked as if chosen now.
  return { checks: page, chosen: (input) => void uploads.chosen(input) };
}
