/**
 * Visible marks on the fields this extension filled, kept until the user edits them, so that a
 * glance shows what came from the profile. The look lives in marks.css (the content script's own
 * stylesheet: a page's CSP cannot block it).
 */
export const FILLED_ATTR = 'data-ruanzhu-filled';

export function markFilled(el: Element, key: string): void {
  el.setAttribute(FILLED_ATTR, key);
}

export function unmark(el: Element): void {
  el.removeAttribute(FILLED_ATTR);
}

/** A user's own edit (a trusted event) ends the mark of the field it happened in. */
export function watchEdits(doc: Document, signal: AbortSignal): void {
  for (const type of ['input', 'change', 'click']) {
    doc.addEventListener(
      type,
      (e) => {
        if (e.isTrusted && e.target instanceof Element) e.target.closest(`[${FILLED_ATTR}]`)?.removeAttribute(FILLED_ATTR);
      },
      { capture: true, signal },
    );
  }
}

/** Brings a field into view and gives it focus (the popup's link to a field of its report). */
export function reveal(el: Element): void {
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const target = el.matches('input, textarea') ? el : el.querySelector('input:not([type=hidden]), textarea, [tabindex]');
  (target as HTMLElement | null)?.focus({ preventScroll: true });
}
