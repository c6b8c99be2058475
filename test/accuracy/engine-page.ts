// The fill engine as a plain page script, for the development runner (dev.mjs): the content
// script's own modules, bundled by esbuild and injected into a replica page, without building the
// extension. The held-out harness (test/e2e/held-out.spec.ts) runs the built extension instead.
import { detectPage } from '@/utils/content/detect/detect';
import { FillSession } from '@/utils/content/fill/session';
import { matchPage } from '@/utils/content/fill/page-match';
import type { PlanValues } from '@/utils/contract/messages';
import { adapterFor } from '@/utils/pages/registry';
import { scopeValues } from '@/utils/pages/scope';

const engine = {
  detect: () => detectPage(location.href, document)?.page ?? null,
  async fill(kind: string, values: PlanValues) {
    const adapter = adapterFor(kind);
    return adapter ? new FillSession(document).fill(kind, adapter, scopeValues(kind, values)) : [];
  },
  /** What the engine collected and matched, to see why a field was missed. */
  explain(kind: string) {
    const adapter = adapterFor(kind);
    if (!adapter) return null;
    const { col, matches } = matchPage(document, adapter);
    const controls = col.controls.map((c) => ({ ref: c.ref, kind: c.kind, visible: c.visible, enabled: c.enabled, scope: c.scope, value: c.value, signals: c.signals.map((s) => `${s.source}: ${s.text}`) }));
    return { controls, matches };
  },
};
(window as unknown as { __engine: typeof engine }).__engine = engine;
