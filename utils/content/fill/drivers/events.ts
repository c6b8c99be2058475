import { macrotask } from '@/utils/platform/next-task';

/**
 * The small vocabulary every driver speaks: user-like clicks, focus in and out dispatched by hand,
 * a tick, and waiting for the page to react.
 */

/**
 * One macrotask. Lets the page's microtask re-renders (Vue's nextTick) run before we read back.
 * Not setTimeout: timers in a background tab are throttled to about once a second.
 */
export function tick(): Promise<void> {
  return waiting(macrotask());
}

/**
 * Time spent waiting for the page (ticks, waits for its reaction) since the engine started, the
 * outermost wait only: a fill's per-field timing tells it apart from the engine's own work.
 */
let waitedTotal = 0;
let openWaits = 0;
export const waitedMs = (): number => waitedTotal;

async function waiting<T>(wait: Promise<T>): Promise<T> {
  const start = openWaits++ === 0 ? performance.now() : null;
  try {
    return await wait;
  } finally {
    openWaits--;
    if (start !== null) waitedTotal += performance.now() - start;
  }
}

/**
 * Resolves with the first truthy `probe()`, checked now, after a tick, and on every DOM mutation;
 * with null after `timeoutMs` (a fallback only, so its timer may be throttled).
 */
export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 1500): Promise<T | null> {
  const now = probe();
  if (now) return now;
  await tick();
  const next = probe();
  if (next) return next;
  return waiting(new Promise((resolve) => {
    const done = (v: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(v);
    };
    const observer = new MutationObserver(() => {
      const v = probe();
      if (v) done(v);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => done(probe() || null), timeoutMs);
  }));
}

/** The events of a real click, in order: components listen to any of them. */
export function click(el: Element): void {
  const init = { bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
  el.dispatchEvent(new PointerEvent('pointerdown', init));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new PointerEvent('pointerup', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.dispatchEvent(new MouseEvent('click', { ...init, detail: 1 }));
}

/**
 * Focus events dispatched by hand. In a background tab `el.focus()` and `el.blur()` fire nothing,
 * and the portal's components commit their text in the blur handler: both directions are
 * dispatched so the commit happens whether or not the tab has focus.
 */
export function focusIn(el: Element): void {
  el.dispatchEvent(new FocusEvent('focus'));
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
}

export function focusOut(el: Element): void {
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

/**
 * The open popper (option list, calendar) that appeared since `before` was taken: Element-style
 * components render it into <body> with nothing linking it to its trigger but timing.
 */
export function newlyShown(selector: string, before: ReadonlySet<Element>, isShown: (el: Element) => boolean): Element | null {
  const fresh = [...document.querySelectorAll(selector)].filter((el) => isShown(el) && !before.has(el));
  // A popper and the list inside it may both match (.el-select-dropdown > ul[role=listbox]).
  const outermost = fresh.filter((el) => !fresh.some((o) => o !== el && o.contains(el)));
  return outermost.length === 1 ? outermost[0] : null;
}

export function shownSet(selector: string, isShown: (el: Element) => boolean): Set<Element> {
  return new Set([...document.querySelectorAll(selector)].filter(isShown));
}

/** An open dropdown, found again whenever asked: a component may render it anew (Fusion's overlay does on every change). */
export interface Dropdown {
  /** The dropdown shown now, or null once it closed. */
  now(): Element | null;
}

/**
 * Opens the list of a select, cascader or calendar as a user does: its own (inside the component),
 * or the one newly shown in the page since the click. A list the user left open is used as it is:
 * the trigger is a toggle, and clicking it again would close it.
 */
export async function openDropdown(root: Element, trigger: Element, selector: string, isShown: (el: Element) => boolean): Promise<Dropdown | null> {
  const own = () => [...root.querySelectorAll(selector)].find(isShown);
  const before = shownSet(selector, isShown);
  let last = own() ?? null;
  if (!last) {
    click(trigger);
    last = await waitFor(() => own() ?? newlyShown(selector, before, isShown));
  }
  if (!last) return null;
  return {
    now: () => {
      if (last!.isConnected && isShown(last!)) return last;
      const again = own() ?? newlyShown(selector, before, isShown);
      if (again) last = again;
      return again;
    },
  };
}

/** Closes a dropdown left open by a driver: its trigger is a toggle. */
export async function closeDropdown(trigger: Element, dropdown: Dropdown): Promise<void> {
  if (!dropdown.now()) return;
  click(trigger);
  await waitFor(() => !dropdown.now(), 500);
}

export type DriverResult = { ok: true; value: string | string[] } | { ok: false; status: 'not-found' | 'rejected'; reason: string };
export const rejected = (reason: string): DriverResult => ({ ok: false, status: 'rejected', reason });
export const missing = (reason: string): DriverResult => ({ ok: false, status: 'not-found', reason });

export const itemDisabled = (item: Element): boolean => item.matches('.is-disabled, [aria-disabled="true"]') || !!item.querySelector('input:disabled');
