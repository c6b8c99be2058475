/**
 * Whether a person sees an element (SECURITY.md): detection reads only what is visible, the fill
 * engine fills only that. Its own module because the loader (detection) and the engine both use it.
 */

/** Below this many pixels a side, a control is not something a person sees or clicks. */
const MIN_SIDE = 6;
/** Nearly transparent is transparent: a page can hide a twin behind opacity 0.01. */
const MIN_OPACITY = 0.1;

/** Whether the browser lays the document out (happy-dom, in unit tests, does not: every box is 0×0). */
function laidOut(doc: Document): boolean {
  const r = doc.documentElement.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether at least MIN_SIDE × MIN_SIDE of `box` lies inside `area`. */
const within = (box: Box, area: Box) => Math.min(box.right, area.right) - Math.max(box.left, area.left) >= MIN_SIDE && Math.min(box.bottom, area.bottom) - Math.max(box.top, area.top) >= MIN_SIDE;

const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/**
 * Whether a person can bring the element's box into view. An ancestor that hides its overflow
 * shows only its own box; a scrolling one shows all it holds, by scrolling, and is then judged
 * itself in its place; what is fixed stays where the window is; the page shows all it holds when
 * it scrolls, and only the window on an axis where html (or body) hides its overflow. So a field
 * fixed beyond the window's edge, or placed past the page's end where it cannot scroll, is not
 * reachable, while one down a scrolling list or the page is.
 */
function reachable(el: Element, view: Window): boolean {
  const doc = el.ownerDocument;
  const viewport: Box = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
  let box: Box = el.getBoundingClientRect();
  if (view.getComputedStyle(el).position === 'fixed') return within(box, viewport);
  for (let a = el.parentElement; a && a !== doc.body && a !== doc.documentElement; a = a.parentElement) {
    const s = view.getComputedStyle(a);
    const [x, y] = [s.overflowX, s.overflowY];
    if (hides(x) || hides(y) || scrolls(x) || scrolls(y)) {
      const r = a.getBoundingClientRect();
      // What the container lets a person see of its content: its box, on a scrolling axis grown to its scroll range.
      const area: Box = {
        left: scrolls(x) ? r.left - a.scrollLeft : hides(x) ? r.left : -Infinity,
        right: scrolls(x) ? r.left - a.scrollLeft + a.scrollWidth : hides(x) ? r.right : Infinity,
        top: scrolls(y) ? r.top - a.scrollTop : hides(y) ? r.top : -Infinity,
        bottom: scrolls(y) ? r.top - a.scrollTop + a.scrollHeight : hides(y) ? r.bottom : Infinity,
      };
      if (!within(box, area)) return false;
      // Scrolled to, the element shows inside the container's box: that box is what the ancestors must let through.
      box = {
        left: scrolls(x) ? r.left : Math.max(box.left, area.left),
        right: scrolls(x) ? r.right : Math.min(box.right, area.right),
        top: scrolls(y) ? r.top : Math.max(box.top, area.top),
        bottom: scrolls(y) ? r.bottom : Math.min(box.bottom, area.bottom),
      };
    }
    if (s.position === 'fixed') return within(box, viewport);
  }
  // The page: html's overflow is the window's, or body's when html's is visible.
  const html = view.getComputedStyle(doc.documentElement);
  const body = doc.body ? view.getComputedStyle(doc.body) : html;
  const pageOverflow = (axis: 'overflowX' | 'overflowY') => (html[axis] !== 'visible' ? html[axis] : body[axis]);
  const page = doc.scrollingElement ?? doc.documentElement;
  const [x, y] = [pageOverflow('overflowX'), pageOverflow('overflowY')];
  return within(box, {
    left: hides(x) ? 0 : -view.scrollX,
    right: hides(x) ? view.innerWidth : page.scrollWidth - view.scrollX,
    top: hides(y) ? 0 : -view.scrollY,
    bottom: hides(y) ? view.innerHeight : page.scrollHeight - view.scrollY,
  });
}

/**
 * Really visible to a person (SECURITY.md): rendered (no ancestor with display:none), not
 * visibility:hidden, not transparent (itself or through a transparent ancestor), of a size one can
 * see, and where a person can bring it into view (`reachable`: not off the page on any side, not
 * fixed beyond the window, not clipped away by an ancestor that hides its overflow; a scrolling
 * container's content counts, the user scrolls to it). Hidden twins and honeypots fail here and are
 * never filled or read as the page's values.
 * A native radio or checkbox input that its component hides behind a visible wrapper is judged by
 * the wrapper, which is what the engine collects.
 */
export function isVisible(el: Element): boolean {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (!view) return false;
  let opacity = 1;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const s = view.getComputedStyle(e);
    if (s.display === 'none' || s.contentVisibility === 'hidden') return false;
    opacity *= Number.parseFloat(s.opacity || '1');
  }
  const style = view.getComputedStyle(el);
  if (style.visibility === 'hidden' || style.visibility === 'collapse' || opacity < MIN_OPACITY) return false;
  if (!laidOut(doc)) return true;
  const r = el.getBoundingClientRect();
  if (r.width < MIN_SIDE || r.height < MIN_SIDE) return false;
  return reachable(el, view);
}

/**
 * Shown as a part of a visible control (an option of an open list, a day of an open calendar, an
 * item of a group): nothing between it and the control hides it. No geometry: a long list scrolls
 * inside a container that clips what is out of view, and a user scrolls to it.
 */
export function shownWithin(el: Element, container: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let e: Element | null = el; e && e !== container; e = e.parentElement) {
    const s = view.getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || Number.parseFloat(s.opacity || '1') < MIN_OPACITY) return false;
  }
  return true;
}
