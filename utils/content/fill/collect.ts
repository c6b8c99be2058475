import type { ControlKind } from '@/utils/fields/catalogue';
import { normalizeText } from '@/utils/text/normalize';
import { classEnding, familiesOf, familyFor, type GroupFamily } from './components';
import { isVisible, shownWithin } from '@/utils/content/visibility';
import { pageHeadings, signalsOf, type Signal } from './signals';

/**
 * Collect: a plain-data snapshot of the candidate controls of a page or step, each with every label
 * signal kept separately with its source (docs/FILLING.md). Matching and planning work on the
 * snapshot; the elements stay in a parallel array for the drivers.
 */

export type { Signal, SignalSource } from './signals';

export interface ControlSnapshot {
  /** Index into `Collected.elements`. */
  ref: number;
  kind: ControlKind;
  signals: Signal[];
  visible: boolean;
  /** Takes input: not disabled, not read-only, not inside a locked block. A read-only date picker is driven through its calendar and counts as enabled. */
  enabled: boolean;
  required: boolean;
  /** The page's own limit: the smaller of maxlength and the `n/max` counter beside the field. */
  maxLength: number | null;
  /** What the control shows: the text, the chosen option, the checked options joined by 、. */
  value: string;
  /** Radio and checkbox groups, and selects whose options are loaded: the option texts, and which are checked. */
  options?: string[];
  checked?: string[];
  /** A cap the page states for a checkbox group (最多选择3项). */
  cap?: number;
  /** Index of the owner row the control sits in, or null outside rows. */
  scope: number | null;
  /** The current value is the one this extension filled last (fillable again, not the user's). */
  ours: boolean;
  /** The user has clicked or typed in it on this page: a choice there is theirs, not the site's default. */
  touched: boolean;
  placeholder: string;
}

export interface Collected {
  controls: ControlSnapshot[];
  elements: Element[];
}

/** The values this extension last wrote, per element, to tell our fills from the user's edits. */
export type FillMarks = WeakMap<Element, string>;

/** A repeated block the page describes by position (the R11 owner rows: no text labels). */
export interface RowLayout {
  row: string;
  /** The blocks of a row, in order, and which fields each holds in document order. */
  block?: string;
  positions?: readonly (readonly string[])[];
}

/** Input types a person types text into. Passwords, files, and buttons are never ours to fill. */
const TEXT_TYPES = new Set(['', 'text', 'search', 'tel', 'email', 'number', 'url']);

/** Disabled by the page: the control, a disabled fieldset, a locked or disabled wrapper. */
export function isEnabled(el: Element): boolean {
  if ((el as HTMLInputElement).disabled) return false;
  if (el.closest('fieldset[disabled], .is-disabled, .is-locked, [aria-disabled="true"]')) return false;
  const inner = el.matches('input, textarea') ? null : el.querySelector('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea');
  return !(inner as HTMLInputElement | null)?.disabled;
}

// ── groups (radio, checkbox) ──

const nativeIn = (item: Element, type: 'radio' | 'checkbox') => item.querySelector<HTMLInputElement>(`input[type=${type}]`);

/** The option items of a group, shown or held back, and the family that reads them. */
export function groupItems(group: Element, kind: 'radio' | 'checkbox'): { items: Element[]; family: GroupFamily } | null {
  const family = familyFor(kind === 'radio' ? 'radios' : 'checks', group);
  if (!family) return null;
  const role = kind;
  const items = [...group.querySelectorAll(family.item)].filter((i) => i.getAttribute('role') === role || nativeIn(i, kind) || family.name !== 'aria');
  // A group may show nothing but its 展开更多 link until clicked: it is a group all the same.
  return items.length || (family.more && group.querySelector(family.more)) ? { items, family } : null;
}

/** The shown text of an option item. */
export function itemText(item: Element, family?: GroupFamily): string {
  const label = family?.text ? item.querySelector(family.text) : null;
  return normalizeText((label ?? item).textContent ?? '');
}

export function isChecked(item: Element, family?: GroupFamily): boolean {
  return (family ? item.matches(family.checked) : item.matches('.is-checked')) || item.getAttribute('aria-checked') === 'true' || !!item.querySelector('input:checked');
}

/** The option items of a group as a driver sees them: only those shown (held-back ones need 展开更多 first). */
export function shownItems(group: Element, kind: 'radio' | 'checkbox'): { items: Element[]; family: GroupFamily } {
  const found = groupItems(group, kind);
  return found ? { items: found.items.filter((i) => shownWithin(i, group)), family: found.family } : { items: [], family: familiesOf(group.ownerDocument)[kind === 'radio' ? 'radios' : 'checks'].at(-1)! };
}

/** A cap the page states in the words around a group: 最多选择3项, 至多 3 个, 不超过3项. */
export function statedCap(texts: readonly string[]): number | undefined {
  for (const t of texts) {
    const m = /(?:最多|至多|不超过|不得超过|限选)\s*(?:可)?(?:选择|选|勾选)?\s*(\d+)\s*(?:项|个|种)/.exec(normalizeText(t));
    if (m) return Number(m[1]);
  }
  return undefined;
}

// ── what a control shows ──

/** The text a select shows for its choice; empty while it shows its placeholder. */
export function selectText(root: Element): string {
  const family = familyFor('selects', root);
  if (!family) return '';
  if (family.placeholder && root.querySelector(family.placeholder)) return '';
  const shown = root.querySelector(family.shown);
  return normalizeText(shown instanceof HTMLInputElement ? shown.value : (shown?.textContent ?? ''));
}

/** The placeholder a select shows while empty. */
function selectPlaceholder(root: Element): string {
  const family = familyFor('selects', root);
  if (!family) return '';
  const input = root.querySelector('input');
  if (input?.placeholder) return input.placeholder;
  return family.placeholder && root.querySelector(family.placeholder) ? normalizeText(root.querySelector(family.shown)?.textContent ?? '') : '';
}

/** The options a select holds now (inside the component; a list in <body> exists only while open). */
export function selectOptions(root: Element): string[] {
  const family = familyFor('selects', root);
  if (!family) return [];
  return [...root.querySelectorAll(family.option)].map((o) => normalizeText(o.getAttribute('title') || o.textContent || ''));
}

/** The path a cascader shows ("江苏 / 常州"), as its parts; empty while it shows its placeholder. */
export function cascaderParts(root: Element): string[] {
  const family = familyFor('cascaders', root);
  if (!family || (family.placeholder && root.querySelector(family.placeholder)) || !isEnabled(root)) return [];
  const text = normalizeText(root.querySelector(family.shown)?.textContent ?? '');
  return text ? text.split(family.separator).filter(Boolean) : [];
}

/** The input of a date control (a calendar's read-only field, or a typed editor's input). */
export function dateInput(root: Element): HTMLInputElement | null {
  const family = familyFor('calendars', root);
  return root.querySelector<HTMLInputElement>(family ? family.input : 'input');
}

// ── classification ──

interface Found {
  kind: ControlKind;
  /** The element the drivers act on: the input, the composite's root. */
  el: Element;
}

function classify(el: Element): Found | null {
  for (const [kind, selector] of familiesOf(el.ownerDocument).composites) {
    if (!el.matches(selector)) continue;
    if (kind === 'radio' || kind === 'checkbox') return groupItems(el, kind) ? { kind, el } : null;
    if (kind === 'date') return dateInput(el) ? { kind, el } : null;
    return { kind, el };
  }
  if (el.matches('textarea')) return { kind: 'text', el };
  if (el.matches('input') && TEXT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) return { kind: 'text', el };
  return null;
}

/** Whether an ancestor (under root) is itself a control: an input inside a select belongs to it. */
function insideComposite(el: Element, root: ParentNode, any: string): boolean {
  for (let a = el.parentElement?.closest(any); a && (root as Node).contains(a); a = a.parentElement?.closest(any)) {
    if (classify(a)) return true;
  }
  return false;
}

/** The `n/max` counter of a text field: a small element beside it whose whole text is "12/50". */
function counterLimit(field: Element): number | null {
  for (let a = field.parentElement, depth = 0; a && depth < 3; a = a.parentElement, depth++) {
    for (const c of a.querySelectorAll('span, em, i, div, small')) {
      if (c.contains(field) || c.children.length) continue;
      const m = /^\s*\d+\s*\/\s*(\d+)\s*$/.exec(c.textContent ?? '');
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function valueOf(kind: ControlKind, el: Element, checked: string[]): string {
  switch (kind) {
    case 'select':
      return selectText(el);
    case 'cascader':
      return cascaderParts(el).join(' / ');
    case 'date':
      return normalizeText(dateInput(el)?.value ?? '');
    case 'radio':
    case 'checkbox':
      return checked.join('、');
    case 'text':
      return normalizeText((el as HTMLInputElement).value);
  }
}

function placeholderOf(kind: ControlKind, el: Element): string {
  if (kind === 'select') return selectPlaceholder(el);
  if (kind === 'cascader') {
    const family = familyFor('cascaders', el);
    if (!family) return '';
    if (family.placeholder) return el.querySelector(family.placeholder) ? normalizeText(el.querySelector(family.shown)?.textContent ?? '') : '';
    return el.querySelector(family.shown) ? '' : (el.querySelector('input')?.placeholder ?? '');
  }
  if (kind === 'date') return dateInput(el)?.placeholder ?? '';
  return el.getAttribute('placeholder') ?? '';
}

const REQUIRED_MARK = /^\s*[*＊]/;
/** The label or heading of the item a control is in, where a required mark would be. */
const labelOfItem = (el: Element) => el.closest(`.fillin_unit, .fillin_item, .el-form-item, tr, ${classEnding('form-item')}`)?.querySelector('h3, .el-form-item__label, [class*="form-item-label"], td');

export interface CollectOptions {
  rows?: RowLayout;
  marks?: FillMarks;
  /** Elements the user clicked or typed in on this page (trusted events). */
  touched?: WeakSet<Element>;
}

/** The position of a control inside its row: the field its block holds at its place, if the layout says. */
function positionIn(row: Element, el: Element, kind: ControlKind, layout: RowLayout): string | undefined {
  if (!layout.block || !layout.positions) return undefined;
  const blocks = [...row.querySelectorAll(layout.block)];
  const b = blocks.findIndex((x) => x.contains(el));
  const fields = layout.positions[b];
  if (!fields) return undefined;
  // Within a block: its choice control first, then its text box (类型 + 名称, 证件类型 + 号码).
  return fields.length === 1 || kind !== 'text' ? fields[0] : fields[fields.length - 1];
}

/** Dialogs that hold the user (ARIA's modal dialogs, a native modal <dialog>). */
const MODAL = '[role=dialog][aria-modal=true], [role=alertdialog], dialog[open]';

/** The modal dialog shown on top (the last one open), if any: while it is open, the page behind it is out of reach. */
function topModal(root: ParentNode): Element | null {
  const open = [...root.querySelectorAll(MODAL)].filter((d) => isVisible(d) && (d.localName !== 'dialog' || d.matches(':modal')));
  return open.at(-1) ?? null;
}

/** The candidate controls under `root`, in document order: only the top modal dialog's while one is open. */
export function collect(root: ParentNode, opts: CollectOptions = {}): Collected {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const rows = opts.rows ? [...root.querySelectorAll(opts.rows.row)] : [];
  const found: Found[] = [];
  const any = familiesOf(doc).anyComposite;
  const modal = topModal(root);
  for (const candidate of (modal ?? root).querySelectorAll(`${any}, input, textarea`)) {
    // Inputs inside a composite control belong to it; so does a composite inside another.
    if (insideComposite(candidate, root, any)) continue;
    const f = classify(candidate);
    if (f) found.push(f);
  }
  const all = new Set(found.map((f) => f.el));
  const headings = pageHeadings(doc, all);
  const visibility = new Map<Element, boolean>();
  const seen = (el: Element) => visibility.get(el) ?? (visibility.set(el, isVisible(el)), visibility.get(el)!);
  const controls: ControlSnapshot[] = [];
  const elements: Element[] = [];
  for (const { kind, el } of found) {
    const group = kind === 'radio' || kind === 'checkbox' ? groupItems(el, kind) : null;
    const checked = group ? group.items.filter((i) => isChecked(i, group.family)).map((i) => itemText(i, group.family)) : [];
    const options = group ? group.items.map((i) => itemText(i, group.family)) : kind === 'select' ? selectOptions(el) : [];
    const value = valueOf(kind, el, checked);
    const field = el.matches('input, textarea') ? (el as HTMLInputElement) : null;
    const limits = [field && field.maxLength > 0 ? field.maxLength : null, field ? counterLimit(field) : null].filter((n): n is number => n !== null);
    const row = rows.findIndex((r) => r.contains(el));
    const placeholder = normalizeText(placeholderOf(kind, el));
    const signals = signalsOf({
      doc,
      el,
      controls: all,
      isVisible: seen,
      headings,
      placeholder,
      options,
      position: row >= 0 && opts.rows ? positionIn(rows[row], el, kind, opts.rows) : undefined,
    });
    const captions = signals.filter((s) => s.source === 'caption' || s.source === 'title' || s.source === 'shared-title' || s.source === 'prev-text').map((s) => s.text);
    const readonlyText = kind === 'text' && !!field?.readOnly;
    controls.push({
      ref: elements.length,
      kind,
      signals,
      visible: seen(el),
      enabled: isEnabled(el) && !readonlyText,
      required: !!field?.required || !!el.closest('.is-required') || REQUIRED_MARK.test(labelOfItem(el)?.textContent ?? ''),
      maxLength: limits.length ? Math.min(...limits) : null,
      value,
      ...(group || options.length ? { options, checked } : {}),
      ...(kind === 'checkbox' ? { cap: statedCap(captions) } : {}),
      scope: row >= 0 ? row : null,
      ours: value !== '' && opts.marks?.get(el) === value,
      touched: !!opts.touched?.has(el),
      placeholder,
    });
    elements.push(el);
  }
  return { controls, elements };
}
