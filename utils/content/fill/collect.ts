import type { ControlKind } from '@/utils/fields/catalogue';
import { labelText, normalizeText, placeholderText } from '@/utils/text/normalize';

/**
 * Collect: a plain-data snapshot of the candidate controls of a page or step, each with every label
 * signal kept separately with its source (docs/FILLING.md). The snapshot is what matching and planning
 * work on; the elements stay in a parallel array for the drivers.
 */

export type SignalSource = 'label' | 'form-label' | 'title' | 'prop' | 'name' | 'aria' | 'prev-text' | 'placeholder';

export interface Signal {
  source: SignalSource;
  /** Label text (normalised) for human text; the raw attribute for `prop` and `name`. */
  text: string;
}

export interface ControlSnapshot {
  /** Index into `Collected.elements`. */
  ref: number;
  kind: ControlKind;
  signals: Signal[];
  visible: boolean;
  enabled: boolean;
  /** A readonly text input takes no typing; a readonly date input goes through its calendar. */
  readonly: boolean;
  required: boolean;
  /** The page's own limit: maxlength, or the `n/max` counter next to the field. */
  maxLength: number | null;
  /** What the control shows: the text, the chosen option, the checked options joined by 、. */
  value: string;
  /** Radio and checkbox groups: the option texts, and which are checked. */
  options?: string[];
  checked?: string[];
  /** Index of the owner row the control sits in, or null outside rows. */
  scope: number | null;
  /** The current value is the one this extension filled last (fillable again, not the user's). */
  ours: boolean;
  placeholder: string;
}

export interface Collected {
  controls: ControlSnapshot[];
  elements: Element[];
}

/** The values this extension last wrote, per element, to tell our fills from the user's edits. */
export type FillMarks = WeakMap<Element, string>;

/** Ant Design's select (the Alibaba Cloud console, [guess]): its input is an empty search box. */
export const ANT_SELECT = '.ant-select';
export const SELECT_ROOT = `.hd-select, .el-select, ${ANT_SELECT}`;
export const DATE_ROOT = '.datePicker, .el-date-editor, .ant-picker';
export const RADIO_GROUP = '.el-radio-group, [role=radiogroup], .ant-radio-group';
export const CHECK_GROUP = '.el-checkbox-group, [role=group], .ant-checkbox-group';
export const RADIO_ITEM = '.el-radio, [role=radio], .ant-radio-wrapper, .ant-radio-button-wrapper';
export const CHECK_ITEM = '.el-checkbox, [role=checkbox], .ant-checkbox-wrapper';
const COMPOSITE = `${SELECT_ROOT}, ${DATE_ROOT}, ${RADIO_GROUP}, ${CHECK_GROUP}`;
const ANY_CONTROL = `${COMPOSITE}, input, textarea, select`;
/** Input types a person types text into. Passwords, files, and buttons are never ours to fill. */
const TEXT_TYPES = new Set(['', 'text', 'search', 'tel', 'email', 'number', 'url']);

/** Below this many pixels a side, a control is not something a person sees or clicks. */
const MIN_SIDE = 6;
/** Nearly transparent is transparent: a page can hide a twin behind opacity 0.01. */
const MIN_OPACITY = 0.1;

/** Whether the browser lays the document out (happy-dom, in unit tests, does not: every box is 0×0). */
function laidOut(doc: Document): boolean {
  const r = doc.documentElement.getBoundingClientRect();
  return r.width > 0 || r.height > 0;
}

/** The parts of `inner` that `outer` does not clip away. */
function clippedTo(inner: DOMRect, outer: DOMRect): { width: number; height: number } {
  return {
    width: Math.min(inner.right, outer.right) - Math.max(inner.left, outer.left),
    height: Math.min(inner.bottom, outer.bottom) - Math.max(inner.top, outer.top),
  };
}

/**
 * Really visible to a person (SECURITY.md): rendered (no ancestor with display:none), not
 * visibility:hidden, not transparent (itself or through a transparent ancestor), of a size one can
 * see, not pushed off the page's start, and not clipped away by an ancestor that hides its
 * overflow (a scrolling container's content counts: the user scrolls to it). Hidden twins and honeypots fail here and are never filled or read as the page's values.
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
  // Off the page's start (left: -9999px): no scrolling reaches it.
  if (r.right + view.scrollX <= 0 || r.bottom + view.scrollY <= 0) return false;
  // A scrolling container's content is reachable by scrolling; only one that hides its overflow hides.
  const hides = (o: string) => o === 'hidden' || o === 'clip';
  for (let a = el.parentElement; a && a !== doc.documentElement; a = a.parentElement) {
    const s = view.getComputedStyle(a);
    if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
    const seen = clippedTo(r, a.getBoundingClientRect());
    if ((hides(s.overflowX) && seen.width < MIN_SIDE) || (hides(s.overflowY) && seen.height < MIN_SIDE)) return false;
  }
  return true;
}

export function isEnabled(el: Element): boolean {
  if ((el as HTMLInputElement).disabled) return false;
  if (el.closest('fieldset[disabled], .is-disabled, [aria-disabled="true"]')) return false;
  return !el.querySelector(':scope > input:disabled');
}

/** The shown text of an option item (radio, checkbox, list entry). */
export function itemText(item: Element): string {
  const label = item.querySelector('.el-radio__label, .el-checkbox__label');
  return normalizeText((label ?? item).textContent ?? '');
}

export function isChecked(item: Element): boolean {
  return item.classList.contains('is-checked') || item.getAttribute('aria-checked') === 'true' || !!item.querySelector('input:checked');
}

/** The text a custom select shows for its choice. */
export function selectText(root: Element): string {
  if (root.matches(ANT_SELECT)) return normalizeText(root.querySelector('.ant-select-selection-item')?.textContent ?? '');
  const input = root.querySelector('input');
  if (input) return normalizeText(input.value);
  const shown = root.querySelector('.el-select__selected-item, .hd-select__text, [class*="selected"]');
  return normalizeText(shown?.textContent ?? '');
}

function textOf(el: Element | null | undefined): string {
  return el ? labelText(el.textContent ?? '') : '';
}

/** Text just before the control: the nearest preceding text in its parent, up to 3 levels up. */
function previousText(anchor: Element): string {
  let node: Element | null = anchor;
  for (let depth = 0; depth < 3 && node; depth++) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      // Another control in between means the text belongs to that one.
      if (sib instanceof Element && (sib.matches(ANY_CONTROL) || sib.querySelector(ANY_CONTROL))) return '';
      const t = labelText(sib.textContent ?? '');
      if (t) return t.slice(-40);
    }
    node = node.parentElement;
  }
  return '';
}

function signalsFor(anchor: Element, doc: Document): Signal[] {
  const out: Signal[] = [];
  const add = (source: SignalSource, text: string | null | undefined) => {
    if (text && !out.some((s) => s.source === source && s.text === text)) out.push({ source, text });
  };
  const id = anchor.id;
  if (id) for (const l of doc.querySelectorAll(`label[for="${CSS.escape(id)}"]`)) add('label', textOf(l));
  const wrapping = anchor.closest('label');
  if (wrapping && !wrapping.matches('.el-form-item__label')) add('label', textOf(wrapping));
  const item = anchor.closest('.el-form-item');
  const itemLabel = item?.querySelector(':scope > .el-form-item__label');
  if (itemLabel) {
    add('form-label', textOf(itemLabel));
    // Element writes the model property into `for` while the control has no such id.
    const prop = itemLabel.getAttribute('for');
    if (prop && prop !== id) add('prop', prop);
  }
  // Ant's form item: the label's `for` names the inner input, not a composite control's root.
  add('form-label', textOf(anchor.closest('.ant-form-item')?.querySelector(':scope > .ant-form-item-row > .ant-form-item-label > label, :scope > .ant-form-item-label > label')));
  const section = anchor.closest('.fillin_item');
  add('title', textOf(section?.querySelector(':scope > h3, :scope > .fillin_title')));
  add('prev-text', previousText(anchor));
  const input = anchor.matches('input, textarea') ? anchor : anchor.querySelector('input, textarea');
  const placeholder = input?.getAttribute('placeholder');
  if (placeholder) add('placeholder', placeholderText(placeholder));
  add('aria', labelText(anchor.getAttribute('aria-label') ?? ''));
  for (const ref of (anchor.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) add('aria', textOf(doc.getElementById(ref)));
  add('aria', labelText(anchor.getAttribute('title') ?? ''));
  add('name', anchor.getAttribute('name'));
  add('name', id);
  return out;
}

function counterLimit(field: Element): number | null {
  const count =
    field.closest('.el-input, .el-textarea')?.querySelector('.el-input__count') ??
    field.closest('.ant-input-affix-wrapper')?.querySelector('.ant-input-show-count-suffix, .ant-input-data-count');
  const m = /\/\s*(\d+)/.exec(count?.textContent ?? '');
  return m ? Number(m[1]) : null;
}

interface Found {
  kind: ControlKind;
  /** The element the drivers act on: the input, the select's root, the group. */
  el: Element;
}

function classify(el: Element): Found | null {
  if (el.matches(SELECT_ROOT)) return { kind: 'select', el };
  if (el.matches(DATE_ROOT)) {
    const input = el.querySelector('input');
    return input ? { kind: 'date', el: input } : null;
  }
  if (el.matches(RADIO_GROUP)) return el.querySelector(RADIO_ITEM) ? { kind: 'radio', el } : null;
  if (el.matches(CHECK_GROUP)) return el.querySelector(CHECK_ITEM) ? { kind: 'checkbox', el } : null;
  if (el.matches('textarea')) return { kind: 'text', el };
  if (el.matches('input') && TEXT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) return { kind: 'text', el };
  return null;
}

/** Whether an ancestor (under root) is itself a composite control; a bare [role=group] is not. */
function insideComposite(el: Element, root: ParentNode): boolean {
  for (let a = el.parentElement?.closest(COMPOSITE); a && (root as Node).contains(a); a = a.parentElement?.closest(COMPOSITE)) {
    if (classify(a)) return true;
  }
  return false;
}

export interface CollectOptions {
  /** Selector of the repeated owner rows: controls inside the i-th row get scope i. */
  rows?: string;
  marks?: FillMarks;
}

/** The candidate controls under `root`, in document order. */
export function collect(root: ParentNode, opts: CollectOptions = {}): Collected {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const rows = opts.rows ? [...root.querySelectorAll(opts.rows)] : [];
  const controls: ControlSnapshot[] = [];
  const elements: Element[] = [];
  for (const candidate of root.querySelectorAll(`${COMPOSITE}, input, textarea`)) {
    // Inputs inside a composite control belong to it; so does a composite inside another.
    if (insideComposite(candidate, root)) continue;
    const found = classify(candidate);
    if (!found) continue;
    const { kind, el } = found;
    const items = kind === 'radio' ? [...el.querySelectorAll(RADIO_ITEM)] : kind === 'checkbox' ? [...el.querySelectorAll(CHECK_ITEM)] : [];
    const options = items.map(itemText);
    const checked = items.filter(isChecked).map(itemText);
    const value = kind === 'select' ? selectText(el) : kind === 'radio' || kind === 'checkbox' ? checked.join('、') : normalizeText((el as HTMLInputElement).value);
    const field = el.matches('input, textarea') ? (el as HTMLInputElement) : null;
    const ownMax = field && field.maxLength > 0 ? field.maxLength : null;
    const signals = signalsFor(el, doc);
    const row = rows.findIndex((r) => r.contains(el));
    controls.push({
      ref: elements.length,
      kind,
      signals,
      visible: isVisible(el),
      enabled: isEnabled(el),
      readonly: !!field?.readOnly,
      required: !!el.closest('.el-form-item.is-required') || !!field?.required || (el.closest('.el-form-item')?.querySelector('.el-form-item__label')?.textContent ?? '').trim().startsWith('*'),
      maxLength: ownMax ?? (field ? counterLimit(field) : null),
      value,
      ...(items.length ? { options, checked } : {}),
      scope: row >= 0 ? row : null,
      ours: value !== '' && opts.marks?.get(el) === value,
      placeholder: normalizeText(field?.getAttribute('placeholder') ?? el.querySelector('input')?.getAttribute('placeholder') ?? ''),
    });
    elements.push(el);
  }
  return { controls, elements };
}
