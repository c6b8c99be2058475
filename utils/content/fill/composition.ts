import { worldShared } from '@/utils/content/world';

/**
 * Elements the user is composing in with an IME right now: never typed over. Watched by the
 * loader from the page's start, read by the engine's typing: one set for both.
 */
const composing = worldShared('composing', () => new WeakSet<EventTarget>());

/** Tracks IME composition on a document; the content script's loader installs it once. */
export function watchComposition(doc: Document, signal: AbortSignal): void {
  doc.addEventListener('compositionstart', (e) => e.target && composing.add(e.target), { capture: true, signal });
  doc.addEventListener('compositionend', (e) => e.target && composing.delete(e.target), { capture: true, signal });
}

export const isComposing = (el: EventTarget): boolean => composing.has(el);
