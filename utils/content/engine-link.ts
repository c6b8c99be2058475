import type { Runtime } from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Failure } from '@/utils/contract/messages';
import { engineOnSight, type PageKind } from '@/utils/pages/registry';
import type { PageWatcher } from './detect/watch';
import { worldShared } from './world';

/**
 * The content script in two parts (docs/ARCHITECTURE.md, "The content script: a loader and an
 * engine"): the loader every portal page evaluates recognises the page and keeps its marker; the
 * engine (fill, checks, guides, most of the code) is injected by the background into this page's
 * isolated world when the page needs it, and finds the loader's state here.
 */
export interface PortalLink {
  ctx: ContentScriptContext;
  watcher: PageWatcher;
  /** Set by the engine when it has started. */
  engine?: PortalEngine;
}

export interface PortalEngine {
  /** A message from our extension to this content script (undefined: not one it answers). */
  answer(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined;
  /** A file the user chose before the engine was there; the engine's own listener takes the next. */
  chosen(input: HTMLInputElement): void;
}

/** The link of this isolated world: set by the loader, completed by the engine. */
export const portalLink = (): { current?: PortalLink } => worldShared('link', () => ({}));

const NOT_STARTED: Failure = { failed: true, reason: 'error', error: '助手未能在本页启动，请刷新页面后重试 / the assistant could not start on this page: reload it and try again' };

export interface EngineOnDemand {
  /** The page showed a kind (null: none of ours): the engine comes at once if the kind needs it. */
  kindShown(page: PageKind | null): void;
  /** Answers a message from our extension, loading the engine first. */
  answer(message: unknown, sender: Runtime.MessageSender): Promise<unknown>;
}

/**
 * The loader's half: the engine is injected once, on the first need — a kind that needs it on
 * sight, a message from the popup or the background, a file the user chose — and a failed
 * injection is tried again on the next need. `inject` asks the background to inject it.
 */
export function engineOnDemand(doc: Document, inject: () => Promise<unknown>, signal: AbortSignal): EngineOnDemand {
  const started = () => portalLink().current?.engine;
  let loading: Promise<PortalEngine> | undefined;
  const load = (): Promise<PortalEngine> =>
    (loading ??= inject().then(() => {
      const engine = started();
      if (!engine) throw new Error('the engine did not start');
      return engine;
    })).catch((e: unknown) => {
      loading = undefined;
      throw e;
    });

  doc.addEventListener(
    'change',
    (e) => {
      // Only a file the user chose, as the engine's own listener (checks/uploads.ts) counts.
      if (started() || !e.isTrusted || !(e.target instanceof HTMLInputElement) || e.target.type !== 'file') return;
      const input = e.target;
      load().then((engine) => engine.chosen(input), () => undefined);
    },
    { capture: true, signal },
  );

  return {
    kindShown: (page) => {
      if (engineOnSight(page)) load().catch(() => undefined);
    },
    answer: (message, sender) => {
      // Before the engine came, nothing here holds a profile value: a lock has nothing to forget.
      if (!started() && (message as { type?: unknown } | null)?.type === 'ruanzhu:locked') return Promise.resolve(null);
      return load().then(
        (engine) => engine.answer(message, sender),
        () => NOT_STARTED,
      );
    },
  };
}
